/** A spinner in plain ASCII (readable in any terminal and without colour), with the seconds elapsed. */
import { Text } from "ink"
import { useEffect, useState } from "react"

const FRAMES = ["-", "\\", "|", "/"] as const

export const Spinner = ({ label }: { readonly label: string }) => {
  const [tick, setTick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 125)
    return () => clearInterval(timer)
  }, [])
  const seconds = Math.floor(tick / 8)
  return (
    <Text>{`${FRAMES[tick % FRAMES.length]} ${label}…${seconds > 0 ? ` ${seconds} 秒` : ""}（Esc 取消）`}</Text>
  )
}
