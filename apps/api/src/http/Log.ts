/**
 * Structured JSON logs: one object a line. Callers pass only what may be logged — never a full ID number, a
 * holder's name or an API key (the request log records the path without its query string).
 */
export type LogLine = Readonly<Record<string, unknown>> & {
  readonly level: "info" | "warn" | "error"
  readonly msg: string
}

export type LogSink = (line: LogLine) => void

export const stdoutLog: LogSink = (line) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`)
