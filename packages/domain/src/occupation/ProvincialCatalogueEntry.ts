/**
 * An entry of 《江苏省技术资源发布目录》: an evaluation norm and question bank approved (审定) by the provincial
 * appraisal centre for an occupation (or 工种) and levels, usable by third-party institutions from the listing
 * date (54号·三 "经省职业技能鉴定机构审定通过，纳入《江苏省技术资源发布目录》后方可组织实施").
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import type { SkillLevel as SkillLevelType } from "../codes/SkillLevel.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import type { LocalDate as LocalDateType } from "../time/LocalDate.js"
import { LocalDate } from "../time/LocalDateSchema.js"

export const ProvincialCatalogueEntry = Schema.Struct({
  id: Schema.String.pipe(Schema.minLength(1)),
  occupationCode: OccupationCode,
  workType: Schema.optional(Schema.String.pipe(Schema.minLength(1))),
  levels: Schema.NonEmptyArray(SkillLevel),
  /** The approved 评价规范. */
  normTitle: Schema.String.pipe(Schema.minLength(1)),
  /** The approved 评价题库. */
  questionBankId: Schema.String.pipe(Schema.minLength(1)),
  /** The approving 省职业技能鉴定中心 (institution id). */
  approvedBy: Schema.String.pipe(Schema.minLength(1)),
  listedOn: LocalDate
})
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
