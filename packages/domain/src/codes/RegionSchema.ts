/** Schema for RegionCode: a Jiangsu region of the GB/T 2260 table or a structurally valid code elsewhere. */
import { Schema } from "effect"
import { isRegionCode } from "./Region.js"

export const RegionCode = Schema.String.annotations({ message: () => "行政区划代码应为文本" }).pipe(
  Schema.filter((s) => isRegionCode(s) || "行政区划代码无效（应为 GB/T 2260 六位代码）", {
    identifier: "RegionCode",
    description: "GB/T 2260 行政区划代码，如 320102（南京市玄武区）"
  })
)
export type RegionCode = typeof RegionCode.Type
