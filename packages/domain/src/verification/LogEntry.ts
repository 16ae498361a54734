/** One leaf of the transparency log as the registry answers it: its index, its event and when it was appended. */
import { Schema } from "effect"
import { CertificateEvent } from "./LogEvent.js"

export const LogEntry = Schema.Struct({
  leafIndex: Schema.Number,
  event: CertificateEvent,
  /** When the leaf was appended (UTC ISO 8601). */
  appendedAt: Schema.String
}).annotations({ identifier: "LogEntry" })
export type LogEntry = typeof LogEntry.Type
