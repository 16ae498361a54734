/**
 * A 评价题库 (question bank) for an occupation (or one 工种) and levels, usable from its approval date to its
 * optional expiry (inclusive). 54号·三: third-party institutions "应当具有完备的国家职业技能标准和评价题库".
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import type { SkillLevel as SkillLevelType } from "../codes/SkillLevel.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import type { LocalDate as LocalDateType } from "../time/LocalDate.js"
import { LocalDate } from "../time/LocalDateSchema.js"

const Level = SkillLevel.annotations({
  message: () => ({ message: "等级应为1至5（五级/初级工至一级/高级技师）", override: true })
})

export const QuestionBank = Schema.Struct({
  id: required(Id("评价题库编号"), "评价题库编号"),
  occupationCode: required(OccupationCode, "职业编码"),
  /** Absent: the bank serves the whole occupation (every 工种). */
  workType: Schema.optionalWith(Text("工种名称"), { exact: true }),
  levels: required(
    Schema.Tuple(
      [Schema.element(Level).annotations({ missingMessage: () => "评价等级至少应有一个" })],
      Level
    ).annotations({ message: () => "评价等级应为列表" }),
    "评价等级"
  ),
  approvedOn: required(LocalDate, "审定日期"),
  /** Last day the bank may be used (inclusive); absent = open-ended. */
  expiresOn: Schema.optionalWith(LocalDate, { exact: true })
})
  .annotations({ message: () => "评价题库应为对象" })
  .pipe(
    Schema.filter(
      (b) => b.expiresOn === undefined || b.expiresOn >= b.approvedOn || "题库失效日期不得早于审定日期"
    )
  )
export type QuestionBank = typeof QuestionBank.Type

/** true when the bank may be used for `occupationCode` (and `workType`) at `level` on `date`. */
export const bankCovers = (
  bank: QuestionBank,
  occupationCode: string,
  workType: string | undefined,
  level: SkillLevelType,
  date: LocalDateType
): boolean =>
  bank.occupationCode === occupationCode &&
  (bank.workType === undefined || bank.workType === workType) &&
  bank.levels.includes(level) &&
  bank.approvedOn <= date &&
  (bank.expiresOn === undefined || date <= bank.expiresOn)
