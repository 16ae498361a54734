/**
 * The applicable standard as an input fact of eligibility (54号·一 "对照相应国家职业技能标准或企业行业评价规范"):
 * its occupation, edition, the levels it offers, the 申报条件 it stores (occupation/ApplicationConditions; none stored → the common
 * template TEMPLATE_2018, flagged provisional) and the occupations it names as related (none named → same 小类,
 * flagged provisional). Schemas for the API; rules take the plain type.
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { LevelConditions } from "../occupation/ApplicationConditionsSchema.js"
import { required, Text } from "../shared/FieldSchema.js"

const Level = SkillLevel.annotations({
  message: () => ({ message: "标准所设等级应为1至5（五级/初级工至一级/高级技师）", override: true })
})

export const StandardFacts = Schema.Struct({
  occupationCode: required(OccupationCode, "标准职业编码"),
  /** The edition (版本) of the national standard or enterprise norm, e.g. "2019". */
  edition: required(Text("标准版本", 50), "标准版本"),
  /** The levels the standard offers (54号·三 不得擅加职业技能等级). */
  levels: required(
    Schema.Tuple(
      [Schema.element(Level).annotations({ missingMessage: () => "标准所设等级至少应有一个" })],
      Level
    ).annotations({ message: () => "标准所设等级应为列表" }),
    "标准所设等级"
  ),
  conditions: Schema.optionalWith(
    Schema.Array(LevelConditions).annotations({ message: () => "申报条件应为列表" }),
    { exact: true }
  ),
  relatedOccupations: Schema.optionalWith(
    Schema.Array(OccupationCode).annotations({ message: () => "相关职业应为职业编码列表" }),
    { exact: true }
  )
}).annotations({
  identifier: "StandardFacts",
  description: "申报职业所依据的国家职业技能标准（或企业评价规范）",
  message: () => "所依据的标准应为对象（职业编码、版本、等级）"
})
export type StandardFacts = typeof StandardFacts.Type
