/**
 * Pagination of list routes: `?limit=&offset=` (limit 1–100, default 20; offset ≥ 0, default 0), answered as
 * `{ items, total, limit, offset }`.
 */
import { Schema } from "effect"

const integerParam = (label: string, min: number, max: number) =>
  Schema.NumberFromString.pipe(
    Schema.int(),
    Schema.between(min, max),
    Schema.annotations({
      message: () => ({ message: `${label}应为 ${min} 至 ${max} 之间的整数`, override: true })
    })
  )

export const PageQuery = Schema.Struct({
  limit: Schema.optionalWith(integerParam("每页条数 limit", 1, 100), { default: () => 20 }),
  offset: Schema.optionalWith(integerParam("起始位置 offset", 0, 10_000_000), { default: () => 0 })
})

export const Page = <S extends Schema.Schema.Any>(item: S) =>
  Schema.Struct({
    items: Schema.Array(item),
    total: Schema.Number,
    limit: Schema.Number,
    offset: Schema.Number
  })
