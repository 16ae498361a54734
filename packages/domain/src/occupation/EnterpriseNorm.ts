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
import { Id, required, Text } from "../shared/FieldSchema.js"
import type { LocalDate as LocalDateType } from "../time/LocalDate.js"
import { LocalDate } from "../time/LocalDateSchema.js"

const Level = SkillLevel.annotations({
  message: () => ({ message: "等级应为1至5（五级/初级工至一级/高级技师）", override: true })
})

export const EnterpriseNorm = Schema.Struct({
  id: required(Id("评价规范编号"), "评价规范编号"),
  title: required(Text("评价规范名称"), "评价规范名称"),
  /** The employer that developed the norm and alone may use it. */
  employerUscc: required(SocialCreditCode, "用人单位统一社会信用代码"),
  occupationCode: required(OccupationCode, "职业编码"),
  workType: Schema.optionalWith(Text("工种名称"), { exact: true }),
  levels: required(
    Schema.Tuple(
      [Schema.element(Level).annotations({ missingMessage: () => "评价等级至少应有一个" })],
      Level
    ).annotations({ message: () => "评价等级应为列表" }),
    "评价等级"
  ),
  /** The appraisal institution (职业技能鉴定机构) the norm was filed with. */
  filedWith: required(Id("备案鉴定机构"), "备案鉴定机构"),
  filedOn: required(LocalDate, "备案日期")
}).annotations({ message: () => "企业评价规范应为对象" })
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
