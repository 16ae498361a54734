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

export const StandardFacts = Schema.Struct({
  occupationCode: OccupationCode,
  /** The edition (版本) of the national standard or enterprise norm, e.g. "2019". */
  edition: Schema.String.pipe(Schema.minLength(1)),
  /** The levels the standard offers (54号·三 不得擅加职业技能等级). */
  levels: Schema.NonEmptyArray(SkillLevel),
  conditions: Schema.optionalWith(Schema.Array(LevelConditions), { exact: true }),
  relatedOccupations: Schema.optionalWith(Schema.Array(OccupationCode), { exact: true })
}).annotations({
  identifier: "StandardFacts",
  description: "申报职业所依据的国家职业技能标准（或企业评价规范）"
})
export type StandardFacts = typeof StandardFacts.Type
