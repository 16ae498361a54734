/** Schemas for catalogue status entries and a valid status history (CatalogueStatus.ts). */
import { Schema } from "effect"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { historyProblem } from "./CatalogueStatus.js"

export const CatalogueStatus = Schema.Literal("admitted", "suspended", "removed").annotations({
  identifier: "CatalogueStatus",
  description: "目录状态：admitted 已纳入目录；suspended 暂停评价；removed 已移出目录",
  message: () => ({
    message: "目录状态应为 admitted（已纳入目录）、suspended（暂停评价）或 removed（已移出目录）",
    override: true
  })
})

export const StatusEntry = Schema.Struct({
  status: required(CatalogueStatus, "目录状态"),
  date: required(LocalDate, "状态生效日期"),
  reason: required(Text("状态变更理由", 500), "状态变更理由"),
  actor: required(Id("记录人"), "记录人")
}).annotations({ message: () => "目录状态记录应为对象（状态、日期、理由、记录人）" })
export type StatusEntry = typeof StatusEntry.Type

/** A history in date order whose every move is allowed (能进能出). */
export const StatusHistory = Schema.Array(StatusEntry)
  .annotations({ message: () => "目录状态记录应为列表" })
  .pipe(
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
