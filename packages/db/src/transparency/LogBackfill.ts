/**
 * Backfilling the transparency log (issue #7) for a registry whose certificates predate it (migration 0017
 * creates the log empty): every certificate without an issued leaf gets one — and, when it is revoked, its
 * revoked leaf right after — in certificate-number order, with its index in its issuer's status list.
 *
 * Resumable and safe to interrupt: certificates are examined in chunks, one transaction each (all of a chunk's
 * leaves or none), and a certificate with an issued leaf is skipped, so a rerun continues where the last one
 * stopped and a complete log gains nothing. Each chunk takes the log's lock FIRST and reads the certificates
 * after it: a revocation committed meanwhile is either seen here (both leaves appended now) or appends its own
 * revoked leaf after this chunk's issued leaf (LogAppender.appendRevoked finds the issued leaf once it holds the
 * lock) — never a revoked leaf before its certificate's issued leaf, never one lost.
 */
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { type CertificateRow, fromRow } from "../certificate/CertificateRow.js"
import * as LogAppender from "./LogAppender.js"
import { issuedLeaf, revokedLeaf } from "./LogHashing.js"

export const DEFAULT_CHUNK = 10_000

/** The totals after a chunk (or at the end). */
export interface BackfillProgress {
  /** Certificates examined so far (in number order). */
  readonly examined: number
  /** Certificates given their leaves so far. */
  readonly certificates: number
  /** Leaves appended so far. */
  readonly leaves: number
  /** The log's size after the last chunk. */
  readonly size: number
}

export interface BackfillOptions {
  /** Certificates examined per transaction. */
  readonly chunkSize?: number
  /** Called after every chunk (e.g. to print progress). */
  readonly onChunk?: (progress: BackfillProgress) => Effect.Effect<void>
  /** Stops after this many chunks (an interrupted run, in the tests). */
  readonly maxChunks?: number
}

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const log = yield* LogAppender.make

  /** One transaction: the `limit` certificates after `after`, the ones without an issued leaf appended. */
  const chunk = (after: string, limit: number) =>
    Effect.gen(function* () {
      const locked = yield* log.lock
      const rows = yield* sql<CertificateRow & { readonly logged: boolean | number }>`
        SELECT c.*, EXISTS (
          SELECT 1 FROM log_entries e WHERE e.certificate_number = c.number AND e.kind = 'issued'
        ) AS logged
        FROM certificates c WHERE c.number > ${after} ORDER BY c.number LIMIT ${limit}`
      const missing = rows.filter((r) => !(r.logged === true || Number(r.logged) === 1)).map(fromRow)
      const leaves = missing.flatMap((c) =>
        c.status._tag === "revoked"
          ? [issuedLeaf(c), revokedLeaf(c.number, c.status.revokedOn)]
          : [issuedLeaf(c)]
      )
      const size =
        leaves.length === 0
          ? locked.size
          : (yield* log.write(
              locked,
              leaves,
              missing.map((c) => ({ number: c.number, institutionId: c.issuer.institutionId }))
            )).size
      return {
        examined: rows.length,
        last: rows.at(-1)?.number,
        certificates: missing.length,
        leaves: leaves.length,
        size
      }
    }).pipe(sql.withTransaction)

  /** Runs chunks until every certificate was examined; returns the totals. */
  const run = (options: BackfillOptions = {}) =>
    Effect.gen(function* () {
      const limit = options.chunkSize ?? DEFAULT_CHUNK
      if (!Number.isSafeInteger(limit) || limit < 1)
        return yield* Effect.dieMessage(`backfill: chunk size ${limit}`)
      let after = ""
      let progress: BackfillProgress = { examined: 0, certificates: 0, leaves: 0, size: 0 }
      for (let chunks = 0; options.maxChunks === undefined || chunks < options.maxChunks; chunks++) {
        const done = yield* chunk(after, limit)
        progress = {
          examined: progress.examined + done.examined,
          certificates: progress.certificates + done.certificates,
          leaves: progress.leaves + done.leaves,
          size: done.size
        }
        if (options.onChunk !== undefined) yield* options.onChunk(progress)
        if (done.last === undefined || done.examined < limit) break
        after = done.last
      }
      return progress
    }).pipe(Effect.orDie)

  return { run }
})
