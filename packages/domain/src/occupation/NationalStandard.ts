/**
 * A 国家职业技能标准 edition for an occupation: levels it offers, its 申报条件 per level and related occupations
 * (54号·三 "应当具有完备的国家职业技能标准"; 54号·一 review "对照相应国家职业技能标准"; rules-research §3).
 * The edition that applies is the one in force on the act's date.
 */
import { Schema } from "effect"
import type { OccupationCode as OccupationCodeType } from "../codes/OccupationCode.js"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import type { SkillLevel as SkillLevelType } from "../codes/SkillLevel.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import type { LocalDate as LocalDateType } from "../time/LocalDate.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import {
  conditionsFor,
  type LevelConditions as LevelConditionsType,
  TEMPLATE_2018
} from "./ApplicationConditions.js"
import { LevelConditions } from "./ApplicationConditionsSchema.js"

export const NationalStandard = Schema.Struct({
  id: Schema.String.pipe(Schema.minLength(1)),
  occupationCode: OccupationCode,
  /** e.g. 《车工国家职业技能标准》 */
  title: Schema.String.pipe(Schema.minLength(1)),
  /** e.g. "2018年版" */
  edition: Schema.String.pipe(Schema.minLength(1)),
  publishedOn: LocalDate,
  effectiveFrom: LocalDate,
  /** The levels the standard sets (设…个等级); any other level is "擅加" (54号·三). */
  levels: Schema.NonEmptyArray(SkillLevel),
  /** 申报条件 per level; absent = none stored, TEMPLATE_2018 applies by default (flagged by eligibility). */
  conditions: Schema.optional(Schema.Array(LevelConditions)),
  /** 相关职业 named by the standard for "本职业或相关职业". */
  relatedOccupations: Schema.optional(Schema.Array(OccupationCode))
}).pipe(
  Schema.filter(
    (s) =>
      s.conditions === undefined ||
      s.conditions.every((c) => s.levels.includes(c.level)) ||
      "申报条件所列等级应为标准所设等级"
  )
)
export type NationalStandard = typeof NationalStandard.Type

export const offersLevel = (standard: NationalStandard, level: SkillLevelType): boolean =>
  standard.levels.includes(level)

/**
 * The edition of `occupationCode`'s standard in force on `date`: the latest effectiveFrom ≤ date (ties: the
 * later published, then the one listed last); undefined when none is in force yet.
 */
export const standardInForce = (
  standards: ReadonlyArray<NationalStandard>,
  occupationCode: OccupationCodeType,
  date: LocalDateType
): NationalStandard | undefined => {
  let best: NationalStandard | undefined
  for (const s of standards) {
    if (s.occupationCode !== occupationCode || s.effectiveFrom > date) continue
    if (
      best === undefined ||
      s.effectiveFrom > best.effectiveFrom ||
      (s.effectiveFrom === best.effectiveFrom && s.publishedOn >= best.publishedOn)
    )
      best = s
  }
  return best
}

export interface ApplicableConditions {
  readonly conditions: LevelConditionsType | undefined
  /** true when the standard stores no 申报条件 and the TEMPLATE_2018 default was used. */
  readonly defaulted: boolean
}

/** The 申报条件 for `level`: the standard's own, or TEMPLATE_2018 when it stores none. */
export const applicableConditions = (
  standard: NationalStandard,
  level: SkillLevelType
): ApplicableConditions =>
  standard.conditions === undefined
    ? { conditions: conditionsFor(TEMPLATE_2018, level), defaulted: true }
    : { conditions: conditionsFor(standard.conditions, level), defaulted: false }
