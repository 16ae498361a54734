/**
 * An institution's authorisation to evaluate (54号·五 "明确职业技能等级认定机构开展评价的地域范围、有效期限和认定等级"):
 * occupations (optionally one 工种) × levels × region × validity, the last day included.
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { RegionCode } from "../codes/RegionSchema.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"

export const AuthorisedOccupation = Schema.Struct({
  code: required(OccupationCode, "授权职业编码"),
  /** Absent: every 工种 of the occupation and the occupation itself. */
  workType: Schema.optionalWith(Text("授权工种"), { exact: true })
}).annotations({ message: () => "授权职业应为对象（职业编码、工种）" })

const Level = SkillLevel.annotations({
  message: () => ({ message: "认定等级应为1至5（五级/初级工至一级/高级技师）", override: true })
})
export type AuthorisedOccupation = typeof AuthorisedOccupation.Type

export const Authorisation = Schema.Struct({
  id: required(Id("授权编号"), "授权编号"),
  occupations: required(
    Schema.Tuple(
      [Schema.element(AuthorisedOccupation).annotations({ missingMessage: () => "授权职业至少应有一个" })],
      AuthorisedOccupation
    ).annotations({ message: () => "授权职业应为列表" }),
    "授权职业"
  ),
  levels: required(
    Schema.Tuple(
      [Schema.element(Level).annotations({ missingMessage: () => "认定等级至少应有一个" })],
      Level
    ).annotations({ message: () => "认定等级应为列表" }),
    "认定等级"
  ),
  /** The region the institution may evaluate in (地域范围); evaluations anywhere within it are covered. */
  region: required(RegionCode, "评价地域范围"),
  validFrom: required(LocalDate, "有效期起始日期"),
  /** Last valid day (inclusive). */
  validUntil: required(LocalDate, "有效期截止日期")
})
  .annotations({ message: () => "评价授权应为对象（职业、等级、地域范围、有效期）" })
  .pipe(Schema.filter((a) => a.validFrom <= a.validUntil || "有效期截止日期不得早于起始日期"))
export type Authorisation = typeof Authorisation.Type
