/** Schema for FilingLevel. */
import { Schema } from "effect"

export const FilingLevel = Schema.Literal("district", "city", "province").annotations({
  identifier: "FilingLevel",
  description:
    "备案意见层级：district 区(县)人力资源社会保障局；city 设区市人力资源社会保障局；province 省人力资源社会保障厅",
  message: () => ({
    message:
      "备案意见层级应为 district（区(县)人力资源社会保障局）、city（设区市人力资源社会保障局）或 province（省人力资源社会保障厅）",
    override: true
  })
})
export type FilingLevel = typeof FilingLevel.Type
