/**
 * A date or a date range as published in the notice's tables (附件2 评价时间, 附件3 举办时间): `from`, and `until`
 * for a range (both days included).
 */
import { Schema } from "effect"
import { required } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"

export const DateSpan = Schema.Struct({
  from: required(LocalDate, "开始日期"),
  until: Schema.optionalWith(LocalDate, { exact: true })
})
  .annotations({ message: () => "日期应为对象（开始日期 from，结束日期 until）" })
  .pipe(
    Schema.filter(
      (s) =>
        s.until === undefined ||
        s.until >= s.from || { path: ["until"], message: `结束日期 ${s.until} 早于开始日期 ${s.from}` }
    )
  )
  .annotations({ identifier: "DateSpan", description: "日期或日期区间（含首尾两日）" })
export type DateSpan = typeof DateSpan.Type
