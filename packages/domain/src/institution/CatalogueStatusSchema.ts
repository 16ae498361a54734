/** Schemas for catalogue status entries and a valid status history (CatalogueStatus.ts). */
import { Schema } from "effect"
import { LocalDate } from "../time/LocalDateSchema.js"
import { historyProblem } from "./CatalogueStatus.js"

export const CatalogueStatus = Schema.Literal("admitted", "suspended", "removed")

export const StatusEntry = Schema.Struct({
  status: CatalogueStatus,
  date: LocalDate,
  reason: Schema.String.pipe(Schema.minLength(1)),
  actor: Schema.String.pipe(Schema.minLength(1))
})
export type StatusEntry = typeof StatusEntry.Type

/** A history in date order whose every move is allowed (能进能出). */
export const StatusHistory = Schema.Array(StatusEntry).pipe(
  Schema.filter((history) => {
    const p = historyProblem(history)
    return (
      p === undefined ||
      (p.problem === "date_order"
        ? `目录状态记录第${p.index + 1}条日期早于前一条`
        : `目录状态记录第${p.index + 1}条的状态变更不允许`)
    )
  })
)
