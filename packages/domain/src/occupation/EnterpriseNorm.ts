/**
 * A 企业评价规范 (enterprise evaluation norm): an employer's own norm for an occupation that has a name but no
 * national standard, filed (备案) with a 职业技能鉴定机构, for the employer's own staff only (54号·三 "已颁布职业
 * （工种）名称但尚无国家职业技能标准的职业，用人单位可开发企业评价规范，经职业技能鉴定机构备案后，开展本单位职工评价工作").
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import type { SkillLevel as SkillLevelType } from "../codes/SkillLevel.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"
import type { LocalDate as LocalDateType } from "../time/LocalDate.js"
import { LocalDate } from "../time/LocalDateSchema.js"

export const EnterpriseNorm = Schema.Struct({
  id: Schema.String.pipe(Schema.minLength(1)),
  title: Schema.String.pipe(Schema.minLength(1)),
  /** The employer that developed the norm and alone may use it. */
  employerUscc: SocialCreditCode,
  occupationCode: OccupationCode,
  workType: Schema.optional(Schema.String.pipe(Schema.minLength(1))),
  levels: Schema.NonEmptyArray(SkillLevel),
  /** The appraisal institution (职业技能鉴定机构) the norm was filed with. */
  filedWith: Schema.String.pipe(Schema.minLength(1)),
  filedOn: LocalDate
})
export type EnterpriseNorm = typeof EnterpriseNorm.Type

/** true when `employerUscc` may use the norm for `occupationCode` (and `workType`) at `level` on `date`. */
export const normCovers = (
  norm: EnterpriseNorm,
  employerUscc: string,
  occupationCode: string,
  workType: string | undefined,
  level: SkillLevelType,
  date: LocalDateType
): boolean =>
  norm.employerUscc === employerUscc &&
  norm.occupationCode === occupationCode &&
  (norm.workType === undefined || norm.workType === workType) &&
  norm.levels.includes(level) &&
  norm.filedOn <= date
