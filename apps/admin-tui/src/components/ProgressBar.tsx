/** A progress bar in plain ASCII: "[#########.........]  45%  4500/10000 行". Pure. */
import { Text } from "ink"

export const progressText = (done: number, total: number, width = 30, unit = "行"): string => {
  const share = total <= 0 ? 1 : Math.min(1, done / total)
  const filled = Math.round(share * width)
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${done}/${total} ${unit}`
}

export const ProgressBar = ({
  label,
  done,
  total
}: {
  readonly label: string
  readonly done: number
  readonly total: number
}) => <Text>{`${label} ${progressText(done, total)}`}</Text>
