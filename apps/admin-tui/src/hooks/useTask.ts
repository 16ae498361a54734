/**
 * One slow API call at a time per screen, cancellable: `run(label, call)` starts the call with a fresh
 * AbortController (cancelling any previous one), `busy`/`label` drive the spinner, `cancel()` (Esc) aborts it, and
 * the answer's problem (zh-CN detail and code) stays on screen until the next call. The promise resolves to the
 * ApiResult, or undefined when the call was cancelled or superseded — the screen then changes nothing.
 */
import type { Key } from "ink"
import { useCallback, useEffect, useRef, useState } from "react"
import type { ApiResult, Problem } from "../api/AdminClient.js"
import { KEYMAP, matches } from "../keymap.js"

export interface Task {
  readonly busy: boolean
  readonly label: string
  readonly problem: Problem | undefined
  readonly run: <T>(
    label: string,
    call: (signal: AbortSignal) => Promise<ApiResult<T>>
  ) => Promise<ApiResult<T> | undefined>
  readonly cancel: () => void
  /** While a call runs the screen takes no other key: Esc cancels it. true when the key was taken. */
  readonly holds: (input: string, key: Key) => boolean
  /** Shows a problem found without a call (e.g. a form that does not decode). */
  readonly fail: (problem: Problem) => void
  readonly clear: () => void
}

export const useTask = (): Task => {
  const [busy, setBusy] = useState(false)
  const [label, setLabel] = useState("")
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const current = useRef<AbortController | undefined>(undefined)

  useEffect(() => () => current.current?.abort(), [])

  const run = useCallback(async <T>(text: string, call: (signal: AbortSignal) => Promise<ApiResult<T>>) => {
    current.current?.abort()
    const controller = new AbortController()
    current.current = controller
    setBusy(true)
    setLabel(text)
    setProblem(undefined)
    const result = await call(controller.signal)
    if (current.current !== controller) return undefined
    current.current = undefined
    setBusy(false)
    if (controller.signal.aborted) {
      setProblem({ status: 0, code: "Cancelled", title: "已取消", detail: `已取消：${text}` })
      return undefined
    }
    if (!result.ok) setProblem(result.problem)
    return result
  }, [])

  const cancel = useCallback(() => current.current?.abort(), [])
  const holds = useCallback((input: string, key: Key) => {
    if (current.current === undefined) return false
    if (matches(KEYMAP.cancel, input, key)) current.current.abort()
    return true
  }, [])
  const fail = useCallback((p: Problem) => setProblem(p), [])
  const clear = useCallback(() => setProblem(undefined), [])

  return { busy, label, problem, run, cancel, holds, fail, clear }
}
