/**
 * Appending to the transparency log (issue #7) INSIDE the registry's own transactions: the certificate repository
 * calls it as the last step of every issuance (54号·四) and revocation (54号·五), so no certificate is issued or
 * revoked without its leaf and a rolled-back transaction leaves no leaf behind.
 *
 * An append takes the log's lock — the one log_state row: `SELECT … FOR UPDATE` on PostgreSQL; on SQLite the
 * transaction already holds the file's write lock (BEGIN IMMEDIATE) — reads the size and the frontier nodes
 * (domain StoredTree.nodesForHead), runs the domain's StoredTreeAppender over the new leaves and writes every
 * node it completed, the entries and the new size. Everything read after the lock is read by statements that
 * start after it was granted: under PostgreSQL's READ COMMITTED they see what the previous holder committed
 * (one statement that waited for the lock would see the other tables as they were when it started).
 *
 * Lock order, the same in every transaction (no deadlock): serial counters, certificates, then the log (then the
 * audit trail's head, which the use cases append after). Leaf hashes are computed before the lock (they depend on
 * the event only); status-list indices are allocated after it, so two issuances never take the same index.
 * Bulk writes: PostgreSQL `INSERT … SELECT FROM unnest(arrays)` in chunks; SQLite cached prepared statements on
 * the raw connection inside the same transaction (as the certificates' own INSERTs).
 */
import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import type { TreeHead } from "@jineng/domain/verification/MerkleTree"
import {
  nodeMap,
  nodesForHead,
  type StoredNode,
  StoredTreeAppender
} from "@jineng/domain/verification/StoredTree"
import type Sqlite from "better-sqlite3"
import { Clock, Effect, Option } from "effect"
import { CHUNK, chunks } from "../sql/SqlParts.js"
import { cached } from "../sqlite/CachedStatement.js"
import { SqliteDatabase } from "../sqlite/SqliteDatabase.js"
import { issuedLeaf, type PreparedLeaf, revokedLeaf } from "./LogHashing.js"
import { type NodeRow, nodesIn, toStoredNode } from "./LogNodes.js"

/** A certificate's place in its issuer's status list, to allocate. */
export interface StatusAllocation {
  readonly number: string
  readonly institutionId: string
}

/** The log as the lock holder sees it. */
interface LockedLog {
  readonly size: number
  readonly frontier: ReadonlyMap<string, Uint8Array>
}

/** Rows per PostgreSQL unnest INSERT (each array one parameter). */
const PG_ROWS = 20_000

/** Rows per SQLite multi-row INSERT (about twice as fast as one statement per row). */
const ROWS_PER_STATEMENT = 64

/**
 * A SQLite bulk INSERT into `table`: cached statements of ROWS_PER_STATEMENT rows, then single rows for the rest;
 * `fill` writes an item's values (in `columns` order) into the parameters at `at` (`context`: the same for all).
 */
const bulkInsert = <A, C = undefined>(
  table: string,
  columns: ReadonlyArray<string>,
  fill: (item: A, index: number, context: C, params: Array<unknown>, at: number) => void
) => {
  const width = columns.length
  const head = `INSERT INTO ${table} (${columns.join(", ")}) VALUES `
  const row = `(${columns.map(() => "?").join(", ")})`
  const many = cached((db) =>
    db.prepare(head + Array.from({ length: ROWS_PER_STATEMENT }, () => row).join(", "))
  )
  const one = cached((db) => db.prepare(head + row))
  return (db: Sqlite.Database, items: ReadonlyArray<A>, context: C): void => {
    const params: Array<unknown> = new Array(width * ROWS_PER_STATEMENT)
    const statement = many(db)
    let i = 0
    for (; i + ROWS_PER_STATEMENT <= items.length; i += ROWS_PER_STATEMENT) {
      for (let j = 0; j < ROWS_PER_STATEMENT; j++) fill(items[i + j] as A, i + j, context, params, j * width)
      statement.run(params)
    }
    const single: Array<unknown> = new Array(width)
    for (; i < items.length; i++) {
      fill(items[i] as A, i, context, single, 0)
      one(db).run(single)
    }
  }
}

const insertNodeRows = bulkInsert<StoredNode>("log_nodes", ["level", "idx", "hash"], (n, _, __, p, at) => {
  p[at] = n.level
  p[at + 1] = n.index
  p[at + 2] = n.hash
})
const insertStatusRows = bulkInsert<StatusAllocation & { readonly index: number }>(
  "certificate_status_entries",
  ["certificate_number", "institution_id", "status_index"],
  (r, _, __, p, at) => {
    p[at] = r.number
    p[at + 1] = r.institutionId
    p[at + 2] = r.index
  }
)
/** Entry rows: the leaf index is the first one's plus the item's position; one append time for all. */
const insertEntryRows = bulkInsert<PreparedLeaf, { readonly first: number; readonly appendedAt: string }>(
  "log_entries",
  ["leaf_index", "certificate_number", "kind", "event_on", "record_digest", "appended_at"],
  (l, i, { first, appendedAt }, p, at) => {
    p[at] = first + i
    p[at + 1] = l.number
    p[at + 2] = l.kind
    p[at + 3] = l.on
    p[at + 4] = l.digest
    p[at + 5] = appendedAt
  }
)
const issuedEntryStatement = cached((db) =>
  db
    .prepare<[string], number>(
      "SELECT 1 FROM log_entries WHERE certificate_number = ? AND kind = 'issued' LIMIT 1"
    )
    .pluck()
)

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const sqlite = yield* Effect.serviceOption(SqliteDatabase)
  const raw = Option.getOrUndefined(sqlite)

  /**
   * Takes the log's lock; then (a new statement) reads the frontier of the size it locked. Only inside a
   * transaction: outside one the lock would end with its statement.
   */
  const lock: Effect.Effect<LockedLog, SqlError> = Effect.gen(function* () {
    if (Option.isNone(yield* Effect.serviceOption(SqlClient.TransactionConnection)))
      return yield* Effect.dieMessage("transparency log: an append must run inside a transaction")
    const rows = yield* sql.onDialectOrElse({
      pg: () => sql<{ readonly size: number | string }>`SELECT size FROM log_state WHERE id = 1 FOR UPDATE`,
      orElse: () => sql<{ readonly size: number | string }>`SELECT size FROM log_state WHERE id = 1`
    })
    const size = Number(rows[0]?.size ?? Number.NaN)
    if (!Number.isSafeInteger(size))
      return yield* Effect.dieMessage("transparency log: log_state row is missing")
    const ids = nodesForHead(size)
    const nodes =
      ids.length === 0
        ? []
        : yield* sql<NodeRow>`SELECT level, idx, hash FROM log_nodes WHERE ${nodesIn(sql, ids)}`
    return { size, frontier: nodeMap(nodes.map(toStoredNode)) }
  })

  /** The numbers among `numbers` whose issuance is in the log (read after the lock). */
  const withIssuedEntry = (numbers: ReadonlyArray<string>): Effect.Effect<ReadonlySet<string>, SqlError> =>
    sql.onDialectOrElse({
      pg: () =>
        Effect.map(
          Effect.forEach(chunks(numbers, PG_ROWS), (chunk) =>
            sql.unsafe<{ readonly certificate_number: string }>(
              "SELECT certificate_number FROM log_entries WHERE kind = 'issued' AND certificate_number = ANY($1::text[])",
              [chunk]
            )
          ),
          (results) => new Set(results.flat().map((r) => r.certificate_number))
        ),
      orElse: () =>
        raw === undefined
          ? Effect.map(
              Effect.forEach(
                chunks(numbers, CHUNK),
                (chunk) => sql<{ readonly certificate_number: string }>`
                  SELECT certificate_number FROM log_entries WHERE kind = 'issued' AND ${sql.in("certificate_number", chunk)}`
              ),
              (results) => new Set(results.flat().map((r) => r.certificate_number))
            )
          : raw.use((db) => {
              const found = issuedEntryStatement(db)
              return new Set(numbers.filter((n) => found.get(n) !== undefined))
            })
    })

  /** The next index of each issuer's status list, allocated in the order given (read after the lock). */
  const allocate = (wanted: ReadonlyArray<StatusAllocation>) =>
    Effect.gen(function* () {
      const next = new Map<string, number>()
      for (const w of wanted) {
        if (next.has(w.institutionId)) continue
        const rows = yield* sql<{ readonly last: number | string | null }>`
          SELECT MAX(status_index) AS last FROM certificate_status_entries WHERE institution_id = ${w.institutionId}`
        const last = rows[0]?.last
        next.set(w.institutionId, last === null || last === undefined ? 0 : Number(last) + 1)
      }
      return wanted.map((w) => {
        const index = next.get(w.institutionId) as number
        next.set(w.institutionId, index + 1)
        return { ...w, index }
      })
    })

  const insertNodes = (nodes: ReadonlyArray<StoredNode>): Effect.Effect<void, SqlError> =>
    sql.onDialectOrElse({
      pg: () =>
        Effect.forEach(
          chunks(nodes, PG_ROWS),
          (c) =>
            sql.unsafe(
              "INSERT INTO log_nodes (level, idx, hash) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])",
              [c.map((n) => n.level), c.map((n) => n.index), c.map((n) => n.hash)]
            ),
          { discard: true }
        ),
      orElse: () =>
        raw === undefined
          ? Effect.forEach(
              chunks(nodes, CHUNK),
              (c) =>
                sql`INSERT INTO log_nodes ${sql.insert(c.map((n) => ({ level: n.level, idx: n.index, hash: n.hash })))}`,
              { discard: true }
            )
          : raw.use((db) => insertNodeRows(db, nodes, undefined))
    })

  const insertEntries = (
    first: number,
    leaves: ReadonlyArray<PreparedLeaf>,
    appendedAt: string
  ): Effect.Effect<void, SqlError> =>
    sql.onDialectOrElse({
      pg: () =>
        Effect.forEach(
          chunks(
            leaves.map((l, i) => [first + i, l] as const),
            PG_ROWS
          ),
          (c) =>
            sql.unsafe(
              `INSERT INTO log_entries (leaf_index, certificate_number, kind, event_on, record_digest, appended_at)
               SELECT i, n, k, o, d, $6 FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bytea[])
                 AS e(i, n, k, o, d)`,
              [
                c.map(([i]) => i),
                c.map(([, l]) => l.number),
                c.map(([, l]) => l.kind),
                c.map(([, l]) => l.on),
                c.map(([, l]) => l.digest),
                appendedAt
              ]
            ),
          { discard: true }
        ),
      orElse: () =>
        raw === undefined
          ? Effect.forEach(
              chunks(
                leaves.map((l, i) => ({
                  leaf_index: first + i,
                  certificate_number: l.number,
                  kind: l.kind,
                  event_on: l.on,
                  record_digest: l.digest,
                  appended_at: appendedAt
                })),
                CHUNK
              ),
              (c) => sql`INSERT INTO log_entries ${sql.insert(c)}`,
              { discard: true }
            )
          : raw.use((db) => insertEntryRows(db, leaves, { first, appendedAt }))
    })

  const insertStatuses = (
    rows: ReadonlyArray<StatusAllocation & { readonly index: number }>
  ): Effect.Effect<void, SqlError> =>
    rows.length === 0
      ? Effect.void
      : sql.onDialectOrElse({
          pg: () =>
            Effect.forEach(
              chunks(rows, PG_ROWS),
              (c) =>
                sql.unsafe(
                  `INSERT INTO certificate_status_entries (certificate_number, institution_id, status_index)
                   SELECT * FROM unnest($1::text[], $2::text[], $3::integer[])`,
                  [c.map((r) => r.number), c.map((r) => r.institutionId), c.map((r) => r.index)]
                ),
              { discard: true }
            ),
          orElse: () =>
            raw === undefined
              ? Effect.forEach(
                  chunks(rows, CHUNK),
                  (c) =>
                    sql`INSERT INTO certificate_status_entries ${sql.insert(
                      c.map((r) => ({
                        certificate_number: r.number,
                        institution_id: r.institutionId,
                        status_index: r.index
                      }))
                    )}`,
                  { discard: true }
                )
              : raw.use((db) => insertStatusRows(db, rows, undefined))
        })

  /**
   * Appends `leaves` (in order) to the locked log and allocates the status entries; returns the new head. The
   * caller holds the lock (it called `lock` in this transaction).
   */
  const write = (
    locked: LockedLog,
    leaves: ReadonlyArray<PreparedLeaf>,
    statuses: ReadonlyArray<StatusAllocation>
  ) =>
    Effect.gen(function* () {
      const appender = new StoredTreeAppender(locked.size, locked.frontier)
      for (const l of leaves) appender.append(l.leaf)
      const appendedAt = new Date(yield* Clock.currentTimeMillis).toISOString()
      yield* insertNodes(appender.created)
      yield* insertEntries(locked.size, leaves, appendedAt)
      yield* insertStatuses(yield* allocate(statuses))
      const head = appender.head()
      if (head.size !== locked.size) yield* sql`UPDATE log_state SET size = ${head.size} WHERE id = 1`
      return head
    })

  /**
   * Appends prepared leaves and allocates status entries, under the lock (the primitive the issuance, the
   * revocation, the backfill and the benchmark share). Must run inside a transaction.
   */
  const appendPrepared = (
    leaves: ReadonlyArray<PreparedLeaf>,
    statuses: ReadonlyArray<StatusAllocation> = []
  ): Effect.Effect<TreeHead, SqlError> => Effect.flatMap(lock, (locked) => write(locked, leaves, statuses))

  /** The issuance of new certificates: one issued leaf each, and each one's index in its issuer's status list. */
  const appendIssued = (certificates: ReadonlyArray<Certificate>): Effect.Effect<void, SqlError> =>
    certificates.length === 0
      ? Effect.void
      : Effect.suspend(() => {
          const leaves = certificates.map(issuedLeaf)
          const statuses = certificates.map((c) => ({
            number: c.number,
            institutionId: c.issuer.institutionId
          }))
          return appendPrepared(leaves, statuses)
        })

  /**
   * The revocation of certificates (the ones the transaction changed), on `on`: one revoked leaf each, in the
   * order given — for the certificates whose issuance is in the log. A certificate issued before the log existed
   * gets both leaves, issuance first, from the backfill (LogBackfill), which reads its status after taking the
   * lock: so each certificate's issued leaf always precedes its revoked leaf, whichever runs first.
   */
  const appendRevoked = (numbers: ReadonlyArray<string>, on: string): Effect.Effect<void, SqlError> =>
    numbers.length === 0
      ? Effect.void
      : Effect.gen(function* () {
          const leaves = numbers.map((n) => revokedLeaf(n, on))
          const locked = yield* lock
          const logged = yield* withIssuedEntry(numbers)
          const kept = logged.size === numbers.length ? leaves : leaves.filter((l) => logged.has(l.number))
          if (kept.length > 0) yield* write(locked, kept, [])
        })

  return { lock, write, appendPrepared, appendIssued, appendRevoked }
})

export type LogAppender = Effect.Effect.Success<typeof make>
