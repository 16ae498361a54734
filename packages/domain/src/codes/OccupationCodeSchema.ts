/** Schema for OccupationCode (`N-NN-NN-NN`). */
import { Schema } from "effect"
import { isOccupationCode } from "./OccupationCode.js"

export const OccupationCode = Schema.String.annotations({ message: () => "职业编码应为文本" }).pipe(
  Schema.filter((s) => isOccupationCode(s) || "职业编码应为 N-NN-NN-NN 格式，如 6-18-01-01", {
    identifier: "OccupationCode",
    description: "《国家职业分类大典》职业编码，如 6-18-01-01"
  })
)
export type OccupationCode = typeof OccupationCode.Type
