/**
 * Structured JSON logs: one object a line. Callers pass only what may be logged — never a full ID number, a
 * holder's name or an API key (the request log records the path without its query string).
 */
export type LogLine = Readonly<Record<string, unknown>> & {
  readonly level: "info" | "warn" | "error"
  readonly msg: string
}

export type LogSink = (line: LogLine) => void

let isoMs = -1
let iso = ""

/** Now in ISO 8601, formatted at most once a millisecond (formatting costs about as much as the rest of a line). */
const isoNow = () => {
  const now = Date.now()
  if (now !== isoMs) {
    isoMs = now
    iso = new Date(now).toISOString()
  }
  return iso
}

/** One line of text: `{"time":…, …line}` — the time first, then the line's fields in their order. */
export const logText = (line: LogLine): string =>
  "time" in line
    ? `${JSON.stringify({ time: isoNow(), ...line })}\n`
    : `{"time":"${isoNow()}",${JSON.stringify(line).slice(1)}\n`

/**
 * Lines to stdout, written in batches: a line waits at most until the event loop's next turn (or until 64 KiB
 * are pending), so a busy server makes one write call per batch instead of one per request. Flushed on exit.
 */
export const makeStdoutLog = (): LogSink => {
  let pending: Array<string> = []
  let size = 0
  const flush = () => {
    if (pending.length === 0) return
    const chunk = pending.join("")
    pending = []
    size = 0
    process.stdout.write(chunk)
  }
  process.once("exit", flush)
  return (line) => {
    const text = logText(line)
    if (pending.length === 0) setImmediate(flush)
    pending.push(text)
    size += text.length
    if (size >= 65_536) flush()
  }
}

export const stdoutLog: LogSink = makeStdoutLog()
