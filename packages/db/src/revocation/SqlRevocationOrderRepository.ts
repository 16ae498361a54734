/**
 * RevocationOrderRepository on @effect/sql, for SQLite and PostgreSQL: the file of executed 注销 orders
 * (54号·五). `save` runs inside the caller's transaction when there is one (Revocations.execute files the order
 * in the same transaction that revokes the certificates and appends the audit entry). Lists are newest first
 * and served by the indexes of migration 0008.
 */
import { SqlClient } from "@effect/sql"
import type { ExecutedRevocationOrder } from "@jineng/domain/revocation/RevocationOrder"
import {
  normalizeOrderQuery,
  type RevocationOrderPage,
  type RevocationOrderQuery,
  RevocationOrderRepository
} from "@jineng/domain/revocation/RevocationOrderRepository"
import { Effect, Layer, Option } from "effect"
import { fromRow, type RevocationOrderRow, toRow } from "./RevocationOrderRow.js"

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  const save = (executed: ExecutedRevocationOrder) =>
    sql`INSERT INTO revocation_orders ${sql.insert(toRow(executed))}`.pipe(Effect.orDie, Effect.asVoid)

  const findById = (id: string) =>
    sql<RevocationOrderRow>`SELECT * FROM revocation_orders WHERE id = ${id}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), fromRow)),
      Effect.orDie
    )

  const list = (query?: RevocationOrderQuery): Effect.Effect<RevocationOrderPage> =>
    Effect.gen(function* () {
      const q = normalizeOrderQuery(query)
      const where = sql.and([
        ...(q.regionCode === undefined ? [] : [sql`ordered_by_region = ${q.regionCode}`]),
        ...(q.orderedFrom === undefined ? [] : [sql`ordered_on >= ${q.orderedFrom}`]),
        ...(q.orderedUntil === undefined ? [] : [sql`ordered_on <= ${q.orderedUntil}`])
      ])
      const counted = yield* sql<{ readonly n: number | string }>`
        SELECT COUNT(*) AS n FROM revocation_orders WHERE ${where}`
      const rows = yield* sql<RevocationOrderRow>`
        SELECT * FROM revocation_orders WHERE ${where}
        ORDER BY ordered_on DESC, executed_at DESC, id DESC
        LIMIT ${q.limit} OFFSET ${q.offset}`
      return { items: rows.map(fromRow), total: Number(counted[0]?.n ?? 0), offset: q.offset, limit: q.limit }
    }).pipe(Effect.orDie)

  return RevocationOrderRepository.of({ save, findById, list })
})

export const SqlRevocationOrderRepository = {
  layer: Layer.effect(RevocationOrderRepository, make)
}
