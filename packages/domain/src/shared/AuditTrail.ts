/**
 * Port: the append-only audit trail — every state change records who, when, what and why (domain.md §4).
 * The registry hash-chains the entries so that an edited or deleted row is detected. `layerTest` keeps the
 * entries in memory for use-case tests.
 */
import { Context, Effect, Layer } from "effect"

export interface AuditEntry {
  /** The acting organisation or person (an API key's organisation id, "system"). */
  readonly actor: string
  /** What happened, e.g. "certificate.issue-batch", "revocation.execute". */
  readonly action: string
  /** What it happened to, e.g. a batch id or an order id. */
  readonly subject: string
  /** Why (a reason code or the basis document). */
  readonly reason: string
  /** Further facts, JSON-serialisable; never a full ID number. */
  readonly details: Readonly<Record<string, unknown>>
}

export class AuditTrail extends Context.Tag("@jineng/domain/AuditTrail")<
  AuditTrail,
  {
    /** Appends one entry; inside Transactional.run it commits or rolls back with the change it records. */
    readonly record: (entry: AuditEntry) => Effect.Effect<void>
  }
>() {
  /** Collects the entries into `sink`, which the test inspects. */
  static readonly layerTest = (sink: Array<AuditEntry> = []) =>
    Layer.succeed(this, { record: (entry: AuditEntry) => Effect.sync(() => void sink.push(entry)) })
}
