/** Schema for CompetitionClass. */
import { Schema } from "effect"

export const CompetitionClass = Schema.Literal(
  "provincial",
  "city_class_1",
  "city_class_2",
  "county"
).annotations({
  identifier: "CompetitionClass",
  description: "竞赛类别：provincial 省级；city_class_1 市级一类；city_class_2 市级二类；county 区(县)级",
  message: () => ({
    message:
      "竞赛类别应为 provincial（省级）、city_class_1（市级一类）、city_class_2（市级二类）或 county（区(县)级）",
    override: true
  })
})
export type CompetitionClass = typeof CompetitionClass.Type
