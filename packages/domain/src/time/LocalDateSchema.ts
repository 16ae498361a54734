/** Schema for LocalDate (`YYYY-MM-DD`, a real calendar date). */
import { Schema } from "effect"
import { isLocalDate } from "./LocalDate.js"

export const LocalDate = Schema.String.annotations({ message: () => "日期应为文本（YYYY-MM-DD）" }).pipe(
  Schema.filter((s) => isLocalDate(s) || "日期格式应为 YYYY-MM-DD 且为真实日期", {
    identifier: "LocalDate",
    description: "ISO 日期 YYYY-MM-DD",
    jsonSchema: { format: "date" }
  })
)
export type LocalDate = typeof LocalDate.Type
