/**
 * Parts shared by the competition, plan and evaluation-batch tables: the region columns (the region code with its
 * city and province, so "this region or inside it" (属地管理, isWithinRegion) is one indexed equality at the query
 * region's level), the date-overlap filter, and chunking for multi-row INSERTs.
 */
import type { SqlClient } from "@effect/sql"
import type { Fragment } from "@effect/sql/Statement"
import { ancestorAt, levelOfCode } from "@jineng/domain/codes/Region"

export type RegionColumns = {
  readonly region_code: string
  /** The region's city; null for a province-level code. */
  readonly region_city: string | null
  readonly region_province: string
}

export const regionColumns = (code: string): RegionColumns => ({
  region_code: code,
  region_city: levelOfCode(code) === "province" ? null : ancestorAt(code, "city"),
  region_province: ancestorAt(code, "province")
})

/** Rows whose region is `code` or lies inside it. */
export const withinRegion = (sql: SqlClient.SqlClient, code: string): Fragment =>
  ({
    province: sql`region_province = ${code}`,
    city: sql`region_city = ${code}`,
    county: sql`region_code = ${code}`
  })[levelOfCode(code)]

/** Rows whose span [fromColumn, endColumn] has a day in [from, until] (either bound may be open). */
export const overlapping = (
  sql: SqlClient.SqlClient,
  columns: { readonly start: string; readonly end: string },
  from: string | undefined,
  until: string | undefined
): ReadonlyArray<Fragment> => [
  ...(from === undefined ? [] : [sql`${sql(columns.end)} >= ${from}`]),
  ...(until === undefined ? [] : [sql`${sql(columns.start)} <= ${until}`])
]

export const chunks = <A>(items: ReadonlyArray<A>, size: number): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
