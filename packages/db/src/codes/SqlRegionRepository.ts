/**
 * RegionRepository on @effect/sql, for SQLite and PostgreSQL, over the `regions` table that migration 0003 seeds
 * from the domain's GB/T 2260 Jiangsu table (54号·五 属地管理). Read-only. Lists are in code order, compared as code
 * points in both dialects (`regions.code` keeps the server's collation on PostgreSQL, so the ORDER BY names "C").
 */
import { SqlClient } from "@effect/sql"
import type { Region, RegionCode, RegionLevel } from "@jineng/domain/codes/Region"
import { RegionRepository } from "@jineng/domain/codes/RegionRepository"
import { Effect, Layer, Option } from "effect"

interface RegionRow {
  readonly code: string
  readonly name: string
  readonly level: string
  readonly parent_code: string | null
}

/** Rows come only from the seed, which is the domain's table: no re-validation on the read path. */
const fromRow = (r: RegionRow): Region => ({
  code: r.code,
  name: r.name,
  level: r.level as RegionLevel,
  parent: r.parent_code ?? undefined
})

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const codeOrder = sql.onDialectOrElse({
    pg: () => sql.literal('code COLLATE "C"'),
    orElse: () => sql.literal("code")
  })

  const list = (parent?: RegionCode) =>
    (parent === undefined
      ? sql<RegionRow>`SELECT * FROM regions ORDER BY ${codeOrder}`
      : sql<RegionRow>`SELECT * FROM regions WHERE parent_code = ${parent} ORDER BY ${codeOrder}`
    ).pipe(
      Effect.map((rows) => rows.map(fromRow)),
      Effect.orDie
    )

  const findByCode = (code: RegionCode) =>
    sql<RegionRow>`SELECT * FROM regions WHERE code = ${code}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), fromRow)),
      Effect.orDie
    )

  return RegionRepository.of({ list, findByCode })
})

export const SqlRegionRepository = {
  layer: Layer.effect(RegionRepository, make)
}
