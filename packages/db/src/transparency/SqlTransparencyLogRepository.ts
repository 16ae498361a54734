/**
 * TransparencyLogRepository on @effect/sql, for SQLite and PostgreSQL (issue #7): the log's heads, entries and
 * proofs, the signed tree heads and the issuers' status lists. Appending is not here: it happens inside the
 * certificate repository's transactions (LogAppender).
 *
 * Every head or proof is planned by the domain (StoredTree.nodesFor…: O(log n) stored nodes, for any earlier
 * size), fetched in ONE statement together with the current size, and assembled by the domain (…From). The log
 * is append-only — a node, once stored, never changes, and the nodes of every size up to the current one are
 * committed with it — so one statement's snapshot always holds what the plan needs.
 */
import { SqlClient } from "@effect/sql"
import { fromBase64Url, toBase64Url } from "@jineng/domain/verification/Encoding"
import type { LogEntry } from "@jineng/domain/verification/LogEntry"
import type { CertificateEvent } from "@jineng/domain/verification/LogEvent"
import { bytesEqual } from "@jineng/domain/verification/Sha256"
import type { SignedTreeHead } from "@jineng/domain/verification/SignedTreeHead"
import {
  consistencyProofFrom,
  headFrom,
  inclusionProofFrom,
  type NodeId,
  nodeMap,
  nodesForConsistency,
  nodesForHead,
  nodesForInclusion
} from "@jineng/domain/verification/StoredTree"
import {
  type StatusEntry,
  type StatusListEntries,
  TransparencyLogRepository
} from "@jineng/domain/verification/TransparencyLogRepository"
import { Effect, Layer, Option } from "effect"
import { type NodeRow, nodesIn, toStoredNode } from "./LogNodes.js"

interface EntryRow {
  readonly leaf_index: number | string
  readonly certificate_number: string
  readonly kind: string
  readonly event_on: string
  readonly record_digest: Uint8Array | null
  readonly appended_at: string
}

interface SignedHeadRow {
  readonly tree_size: number | string
  readonly root: Uint8Array
  readonly timestamp: string
  readonly key_id: string
  readonly signed_on: string
  readonly signature: string
}

/** The event a stored entry records. */
export const eventOfRow = (r: Omit<EntryRow, "leaf_index" | "appended_at">): CertificateEvent =>
  (r.kind === "issued"
    ? {
        _tag: "issued",
        number: r.certificate_number,
        on: r.event_on,
        record: toBase64Url(r.record_digest as Uint8Array)
      }
    : { _tag: "revoked", number: r.certificate_number, on: r.event_on }) as CertificateEvent

const toEntry = (r: EntryRow): LogEntry => ({
  leafIndex: Number(r.leaf_index),
  event: eventOfRow(r),
  appendedAt: r.appended_at
})

const toSignedHead = (r: SignedHeadRow): SignedTreeHead => ({
  size: Number(r.tree_size),
  root: toBase64Url(r.root),
  timestamp: r.timestamp,
  keyId: r.key_id,
  signedOn: r.signed_on,
  signature: r.signature
})

const isSize = (n: number): boolean => Number.isSafeInteger(n) && n >= 0

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  /** The current size and the planned nodes, in one statement (one snapshot). */
  const fetch = (ids: ReadonlyArray<NodeId>) =>
    Effect.gen(function* () {
      const rows = yield* ids.length === 0
        ? sql<NodeRow>`SELECT -1 AS level, size AS idx, NULL AS hash FROM log_state WHERE id = 1`
        : sql<NodeRow>`
            SELECT -1 AS level, size AS idx, NULL AS hash FROM log_state WHERE id = 1
            UNION ALL
            SELECT level, idx, hash FROM log_nodes WHERE ${nodesIn(sql, ids)}`
      const state = rows.find((r) => Number(r.level) === -1)
      if (state === undefined) return yield* Effect.dieMessage("transparency log: log_state row is missing")
      return {
        size: Number(state.idx),
        nodes: nodeMap(rows.filter((r) => Number(r.level) !== -1).map(toStoredNode))
      }
    })

  /** A stored node the plan needs is missing below the current size: the store is damaged. */
  const damaged = (what: string) =>
    Effect.dieMessage(`transparency log: a stored node ${what} needs is missing`)

  /**
   * The current head in one statement: the size, and the frontier nodes computed from it in SQL (for each bit k
   * of the size, the node (k, (size >> k) − 1); domain StoredTree.nodesForHead).
   */
  const head = Effect.gen(function* () {
    const rows = yield* sql<{
      readonly size: number | string
      readonly level: number | string | null
      readonly idx: number | string | null
      readonly hash: Uint8Array | null
    }>`
      WITH RECURSIVE levels (k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM levels WHERE k < 62)
      SELECT s.size AS size, n.level AS level, n.idx AS idx, n.hash AS hash
      FROM log_state s
      LEFT JOIN levels l ON ((s.size >> l.k) & 1) = 1
      LEFT JOIN log_nodes n ON n.level = l.k AND n.idx = (s.size >> l.k) - 1
      WHERE s.id = 1`
    const first = rows[0]
    if (first === undefined) return yield* Effect.dieMessage("transparency log: log_state row is missing")
    const size = Number(first.size)
    const nodes = nodeMap(
      rows.flatMap((r) =>
        r.hash === null ? [] : [toStoredNode({ level: r.level ?? 0, idx: r.idx ?? 0, hash: r.hash })]
      )
    )
    const tree = headFrom(nodes, size)
    return tree ?? (yield* damaged("the head"))
  }).pipe(Effect.orDie, Effect.withSpan("SqlTransparencyLogRepository.head"))

  const headAt = Effect.fn("SqlTransparencyLogRepository.headAt")(function* (size: number) {
    if (!isSize(size)) return Option.none()
    const { size: current, nodes } = yield* fetch(nodesForHead(size)).pipe(Effect.orDie)
    if (size > current) return Option.none()
    const tree = headFrom(nodes, size)
    return tree === undefined ? yield* damaged("a head") : Option.some(tree)
  })

  const inclusionProof = Effect.fn("SqlTransparencyLogRepository.inclusionProof")(function* (
    index: number,
    size: number
  ) {
    if (!isSize(index) || !isSize(size) || index >= size) return Option.none()
    const { size: current, nodes } = yield* fetch(nodesForInclusion(index, size)).pipe(Effect.orDie)
    if (size > current) return Option.none()
    const path = inclusionProofFrom(nodes, index, size)
    return path === undefined ? yield* damaged("an inclusion proof") : Option.some(path)
  })

  const consistencyProof = Effect.fn("SqlTransparencyLogRepository.consistencyProof")(function* (
    older: number,
    newer: number
  ) {
    if (!isSize(older) || !isSize(newer) || older > newer) return Option.none()
    const { size: current, nodes } = yield* fetch(nodesForConsistency(older, newer)).pipe(Effect.orDie)
    if (newer > current) return Option.none()
    const path = consistencyProofFrom(nodes, older, newer)
    return path === undefined ? yield* damaged("a consistency proof") : Option.some(path)
  })

  const entriesOf = (number: string) =>
    sql<EntryRow>`
      SELECT leaf_index, certificate_number, kind, event_on, record_digest, appended_at
      FROM log_entries WHERE certificate_number = ${number} ORDER BY leaf_index`.pipe(
      Effect.map((rows) => rows.map(toEntry)),
      Effect.orDie,
      Effect.withSpan("SqlTransparencyLogRepository.entriesOf")
    )

  const signedHead = (rows: ReadonlyArray<SignedHeadRow>) =>
    Option.map(Option.fromNullable(rows[0]), toSignedHead)

  const latestSignedHead = sql<SignedHeadRow>`
    SELECT * FROM signed_tree_heads ORDER BY tree_size DESC LIMIT 1`.pipe(
    Effect.map(signedHead),
    Effect.orDie,
    Effect.withSpan("SqlTransparencyLogRepository.latestSignedHead")
  )

  const signedHeadAt = (size: number) =>
    (isSize(size)
      ? sql<SignedHeadRow>`SELECT * FROM signed_tree_heads WHERE tree_size = ${size}`.pipe(
          Effect.map(signedHead)
        )
      : Effect.succeed(Option.none<SignedTreeHead>())
    ).pipe(Effect.orDie, Effect.withSpan("SqlTransparencyLogRepository.signedHeadAt"))

  /**
   * Stores a signed head (the first one for a size is kept). Its root must be the log's own at that size: a head
   * for another tree, or for a size the log has not reached, is a defect of the caller, never stored.
   */
  const saveSignedHead = Effect.fn("SqlTransparencyLogRepository.saveSignedHead")(function* (
    signed: SignedTreeHead
  ) {
    const root = fromBase64Url(signed.root)
    const tree = yield* headAt(signed.size)
    if (Option.isNone(tree) || root === undefined || !bytesEqual(tree.value.root, root))
      return yield* Effect.dieMessage(
        `transparency log: the signed head of size ${signed.size} does not match the log (签名树头与日志不符)`
      )
    yield* sql`
      INSERT INTO signed_tree_heads (tree_size, root, timestamp, key_id, signed_on, signature)
      VALUES (${signed.size}, ${root}, ${signed.timestamp}, ${signed.keyId}, ${signed.signedOn}, ${signed.signature})
      ON CONFLICT (tree_size) DO NOTHING`.pipe(Effect.orDie)
    return Option.getOrThrow(yield* signedHeadAt(signed.size))
  })

  /**
   * An issuer's status list in one statement: its length (indices are allocated densely from 0) and the indices
   * of its revoked certificates (the certificates' status is the registry's truth, changed in the same
   * transactions that append the revoked leaves).
   */
  const statusList = (institutionId: string) =>
    sql<{ readonly revoked: number | string; readonly i: number | string | null }>`
      SELECT 0 AS revoked, MAX(status_index) AS i FROM certificate_status_entries WHERE institution_id = ${institutionId}
      UNION ALL
      SELECT 1 AS revoked, s.status_index AS i
      FROM certificate_status_entries s JOIN certificates c ON c.number = s.certificate_number
      WHERE s.institution_id = ${institutionId} AND c.status = 'revoked'`.pipe(
      Effect.map((rows): Option.Option<StatusListEntries> => {
        const last = rows.find((r) => Number(r.revoked) === 0)?.i
        if (last === null || last === undefined) return Option.none()
        const revoked = rows
          .filter((r) => Number(r.revoked) === 1)
          .map((r) => Number(r.i))
          .sort((a, b) => a - b)
        return Option.some({ institutionId, length: Number(last) + 1, revoked })
      }),
      Effect.orDie,
      Effect.withSpan("SqlTransparencyLogRepository.statusList")
    )

  const statusEntryOf = (number: string) =>
    sql<{ readonly institution_id: string; readonly status_index: number | string }>`
      SELECT institution_id, status_index FROM certificate_status_entries WHERE certificate_number = ${number}`.pipe(
      Effect.map((rows) =>
        Option.map(
          Option.fromNullable(rows[0]),
          (r): StatusEntry => ({ institutionId: r.institution_id, index: Number(r.status_index) })
        )
      ),
      Effect.orDie,
      Effect.withSpan("SqlTransparencyLogRepository.statusEntryOf")
    )

  return TransparencyLogRepository.of({
    head,
    headAt,
    entriesOf,
    inclusionProof,
    consistencyProof,
    latestSignedHead,
    signedHeadAt,
    saveSignedHead,
    statusList,
    statusEntryOf
  })
})

export const SqlTransparencyLogRepository = {
  layer: Layer.effect(TransparencyLogRepository, make)
}
