/**
 * Reading the stored tree's nodes (issue #7; domain verification/StoredTree): the nodes a head, a proof or an
 * append needs are planned first (O(log n) of them), then fetched in one statement by their primary key.
 */
import type { SqlClient } from "@effect/sql"
import type { Fragment } from "@effect/sql/Statement"
import type { NodeId, StoredNode } from "@jineng/domain/verification/StoredTree"

/** A log_nodes row as either driver returns it (PostgreSQL: BIGINT as text, BYTEA as a Buffer). */
export interface NodeRow {
  readonly level: number | string
  readonly idx: number | string
  readonly hash: Uint8Array
}

export const toStoredNode = (row: NodeRow): StoredNode => ({
  level: Number(row.level),
  index: Number(row.idx),
  hash: row.hash
})

const isNodeId = (id: NodeId): boolean =>
  Number.isSafeInteger(id.level) &&
  id.level >= 0 &&
  id.level <= 62 &&
  Number.isSafeInteger(id.index) &&
  id.index >= 0

/**
 * `(level, idx) IN (VALUES (l, i), …)` for the ids (non-empty). The ids are the planner's own integers, checked
 * here, so they are inlined as literals: no parameter typing on PostgreSQL, one plan shape on both databases.
 */
export const nodesIn = (sql: SqlClient.SqlClient, ids: ReadonlyArray<NodeId>): Fragment => {
  if (ids.length === 0 || !ids.every(isNodeId))
    throw new Error(`log nodes: invalid node ids ${JSON.stringify(ids)}`)
  return sql.literal(`(level, idx) IN (VALUES ${ids.map((id) => `(${id.level}, ${id.index})`).join(", ")})`)
}
