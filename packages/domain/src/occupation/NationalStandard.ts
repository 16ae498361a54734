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
import { Id, required, Text } from "../shared/FieldSchema.js"
import type { LocalDate as LocalDateType } from "../time/LocalDate.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { LevelConditions } from "./ApplicationConditionsSchema.js"

const Level = SkillLevel.annotations({
  message: () => ({ message: "等级应为1至5（五级/初级工至一级/高级技师）", override: true })
})

export const NationalStandard = Schema.Struct({
  id: required(Id("标准编号"), "标准编号"),
  occupationCode: required(OccupationCode, "职业编码"),
  /** e.g. 《车工国家职业技能标准》 */
  title: required(Text("标准名称"), "标准名称"),
  /** e.g. "2018年版" */
  edition: required(Text("标准版本", 50), "标准版本"),
  publishedOn: required(LocalDate, "颁布日期"),
  effectiveFrom: required(LocalDate, "施行日期"),
  /** The levels the standard sets (设…个等级); any other level is "擅加" (54号·三). */
  levels: required(
    Schema.Tuple(
      [Schema.element(Level).annotations({ missingMessage: () => "标准所设等级至少应有一个" })],
      Level
    ).annotations({ message: () => "标准所设等级应为列表" }),
    "标准所设等级"
  ),
  /** 申报条件 per level; absent = none stored: eligibility applies TEMPLATE_2018, flagged (StandardRoute `conditionsOf`). */
  conditions: Schema.optionalWith(
    Schema.Array(LevelConditions).annotations({ message: () => "申报条件应为列表" }),
    { exact: true }
  ),
  /** 相关职业 named by the standard for "本职业或相关职业". */
  relatedOccupations: Schema.optionalWith(
    Schema.Array(OccupationCode).annotations({ message: () => "相关职业应为职业编码列表" }),
    { exact: true }
  )
})
  .annotations({ message: () => "国家职业技能标准应为对象" })
  .pipe(
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
