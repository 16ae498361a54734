/**
 * SQL parts shared by every repository of the registry (one code base, two dialects):
 * - the region columns (the region code with its city and province), so that "this region or inside it"
 *   (属地管理, isWithinRegion) is one indexed equality at the query region's level;
 * - the date-overlap filter;
 * - chunking for multi-row INSERTs and IN lists (at most CHUNK rows or values per statement).
 */
import type { SqlClient } from "@effect/sql"
import type { Fragment } from "@effect/sql/Statement"
import { ancestorAt, levelOfCode } from "@jineng/domain/codes/Region"

/** Rows per multi-row INSERT, values per IN list. */
export const CHUNK = 500

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

/** Rows (with RegionColumns) whose region is `code` or lies inside it. */
export const withinRegion = (sql: SqlClient.SqlClient, code: string): Fragment =>
  ({
    province: sql`region_province = ${code}`,
    city: sql`region_city = ${code}`,
    county: sql`region_code = ${code}`
  })[levelOfCode(code)]

/** Rows whose span [start, end] has a day in [from, until] (either bound may be open). */
export const overlapping = (
  sql: SqlClient.SqlClient,
  columns: { readonly start: string; readonly end: string },
  from: string | undefined,
  until: string | undefined
): ReadonlyArray<Fragment> => [
  ...(from === undefined ? [] : [sql`${sql(columns.end)} >= ${from}`]),
  ...(until === undefined ? [] : [sql`${sql(columns.start)} <= ${until}`])
]

/** `items` in consecutive slices of at most `size`. */
export const chunks = <A>(items: ReadonlyArray<A>, size: number = CHUNK): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
