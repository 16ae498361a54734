/** Schemas for dated rule tables and their provenance (RuleTable.ts). */
import { Schema } from "effect"
import { LocalDate } from "../time/LocalDateSchema.js"

export const Provenance = Schema.Struct({
  source: Schema.String,
  note: Schema.String,
  publishedBy: Schema.String
})

export const RuleTable = <const Table extends string, Row extends Schema.Schema.Any>(
  table: Table,
  row: Row
) =>
  Schema.Struct({
    table: Schema.Literal(table),
    version: Schema.String.pipe(Schema.filter((s) => s.trim().length > 0 || "规则表版本号不能为空")),
    effectiveFrom: LocalDate,
    provisional: Schema.Boolean,
    provenance: Provenance,
    rows: Schema.Array(row)
  })
