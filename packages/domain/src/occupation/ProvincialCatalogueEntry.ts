/**
 * An entry of 《江苏省技术资源发布目录》: an evaluation norm and question bank approved (审定) by the provincial
 * appraisal centre for an occupation (or 工种) and levels, usable by third-party institutions from the listing
 * date (54号·三 "经省职业技能鉴定机构审定通过，纳入《江苏省技术资源发布目录》后方可组织实施").
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

export const ProvincialCatalogueEntry = Schema.Struct({
  id: required(Id("目录条目编号"), "目录条目编号"),
  occupationCode: required(OccupationCode, "职业编码"),
  workType: Schema.optionalWith(Text("工种名称"), { exact: true }),
  levels: required(
    Schema.Tuple(
      [Schema.element(Level).annotations({ missingMessage: () => "评价等级至少应有一个" })],
      Level
    ).annotations({ message: () => "评价等级应为列表" }),
    "评价等级"
  ),
  /** The approved 评价规范. */
  normTitle: required(Text("评价规范名称"), "评价规范名称"),
  /** The approved 评价题库. */
  questionBankId: required(Id("评价题库编号"), "评价题库编号"),
  /** The approving 省职业技能鉴定中心 (institution id). */
  approvedBy: required(Id("审定机构"), "审定机构"),
  listedOn: required(LocalDate, "纳入目录日期")
}).annotations({ message: () => "技术资源发布目录条目应为对象" })
export type ProvincialCatalogueEntry = typeof ProvincialCatalogueEntry.Type

/** true when the entry covers `occupationCode` (and `workType`) at `level` on `date`. */
export const entryCovers = (
  entry: ProvincialCatalogueEntry,
  occupationCode: string,
  workType: string | undefined,
  level: SkillLevelType,
  date: LocalDateType
): boolean =>
  entry.occupationCode === occupationCode &&
  (entry.workType === undefined || entry.workType === workType) &&
  entry.levels.includes(level) &&
  entry.listedOn <= date

/** An entry as the provincial centre approves it: the approving centre is the acting organisation, not a field. */
export const CatalogueEntryApproval = ProvincialCatalogueEntry.omit("approvedBy").annotations({
  identifier: "CatalogueEntryApproval",
  title: "纳入《江苏省技术资源发布目录》的审定",
  message: () => "技术资源发布目录条目应为对象"
})
export type CatalogueEntryApproval = typeof CatalogueEntryApproval.Type
