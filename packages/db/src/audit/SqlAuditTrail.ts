/**
 * AuditTrail on @effect/sql: appends inside the caller's transaction (or its own), chaining each entry's hash
 * to the previous one; `verify` walks the chain up to the head it read first (so appends running meanwhile never
 * make it fail) and reports the first entry that was edited, deleted or inserted out of order.
 */
import { SqlClient } from "@effect/sql"
import { type AuditEntry, AuditTrail } from "@jineng/domain/shared/AuditTrail"
import { Clock, Effect, Layer } from "effect"
import { entryHash, GENESIS_HASH } from "./AuditHash.js"

interface Row {
  readonly seq: number | string
  readonly at: string
  readonly actor: string
  readonly action: string
  readonly subject: string
  readonly reason: string
  readonly details: string
  readonly prev_hash: string
  readonly hash: string
}

export type AuditVerification =
  | { readonly ok: true; readonly entries: number }
  | {
      readonly ok: false
      readonly entries: number
      /** The first sequence number whose entry is missing or does not match its hash. */
      readonly firstBrokenSeq: number
      readonly problem: "missing" | "hash_mismatch" | "chain_mismatch" | "head_mismatch"
    }

const PAGE = 5_000

const broken = (
  seq: number,
  problem: Extract<AuditVerification, { ok: false }>["problem"]
): AuditVerification => ({ ok: false, entries: seq - 1, firstBrokenSeq: seq, problem })

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  const record = (entry: AuditEntry) =>
    Effect.gen(function* () {
      const at = new Date(yield* Clock.currentTimeMillis).toISOString()
      const heads = yield* sql<{ readonly seq: number | string; readonly hash: string }>`
        UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash`
      const head = heads[0]
      if (head === undefined) return yield* Effect.dieMessage("audit_head row is missing")
      const fields = {
        seq: Number(head.seq),
        at,
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject,
        reason: entry.reason,
        details: JSON.stringify(entry.details)
      }
      const hash = entryHash(head.hash, fields)
      yield* sql`INSERT INTO audit_trail ${sql.insert({ ...fields, prev_hash: head.hash, hash })}`
      yield* sql`UPDATE audit_head SET hash = ${hash} WHERE id = 1`
    }).pipe(sql.withTransaction, Effect.orDie)

  /**
   * Verifies the chain up to the head as it is when verification starts: appends committed meanwhile (their
   * entries and the head move together, in one transaction) lie beyond it and are left for the next run.
   */
  const verify: Effect.Effect<AuditVerification> = Effect.gen(function* () {
    const heads = yield* sql<{ readonly seq: number | string; readonly hash: string }>`
      SELECT seq, hash FROM audit_head WHERE id = 1`
    const head = heads[0]
    if (head === undefined) return yield* Effect.dieMessage("audit_head row is missing")
    const last = Number(head.seq)
    let prev = GENESIS_HASH
    let expected = 1
    let after = 0
    for (;;) {
      const rows = yield* sql<Row>`
        SELECT * FROM audit_trail WHERE seq > ${after} AND seq <= ${last} ORDER BY seq LIMIT ${PAGE}`
      for (const r of rows) {
        const seq = Number(r.seq)
        if (seq !== expected) return broken(expected, "missing")
        if (r.prev_hash !== prev) return broken(seq, "chain_mismatch")
        if (entryHash(prev, { ...r, seq }) !== r.hash) return broken(seq, "hash_mismatch")
        prev = r.hash
        expected++
        after = seq
      }
      if (rows.length < PAGE) break
    }
    if (expected - 1 !== last || head.hash !== prev) {
      // Rows were deleted from the end of the chain: the head remembers more than the table holds.
      return broken(expected, "head_mismatch")
    }
    return { ok: true, entries: last } as const
  }).pipe(Effect.orDie)

  return { record, verify }
})

export class SqlAuditTrail extends Effect.Service<SqlAuditTrail>()("@jineng/db/SqlAuditTrail", {
  effect: make
}) {}

/** The domain's AuditTrail port, backed by SqlAuditTrail. */
export const layer = Layer.effect(
  AuditTrail,
  Effect.map(make, ({ record }) => AuditTrail.of({ record }))
)
