/**
 * An institution's authorisation to evaluate (54号·五 "明确职业技能等级认定机构开展评价的地域范围、有效期限和认定等级"):
 * occupations (optionally one 工种) × levels × region × validity, the last day included.
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { RegionCode } from "../codes/RegionSchema.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"

export const AuthorisedOccupation = Schema.Struct({
  code: OccupationCode,
  /** Absent: every 工种 of the occupation and the occupation itself. */
  workType: Schema.optional(Schema.String.pipe(Schema.minLength(1)))
})
export type AuthorisedOccupation = typeof AuthorisedOccupation.Type

export const Authorisation = Schema.Struct({
  id: Schema.String.pipe(Schema.minLength(1)),
  occupations: Schema.NonEmptyArray(AuthorisedOccupation),
  levels: Schema.NonEmptyArray(SkillLevel),
  /** The region the institution may evaluate in (地域范围); evaluations anywhere within it are covered. */
  region: RegionCode,
  validFrom: LocalDate,
  /** Last valid day (inclusive). */
  validUntil: LocalDate
}).pipe(Schema.filter((a) => a.validFrom <= a.validUntil || "有效期截止日期不得早于起始日期"))
export type Authorisation = typeof Authorisation.Type
