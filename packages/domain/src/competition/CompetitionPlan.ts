/**
 * A published competition plan (办赛计划, 54号·五 "面向社会定期公布…职业技能竞赛的主办单位、赛项名称、举办时间、参赛条件、
 * 报名电话等信息（见附件3）"): one row of the 附件3 listing (quality/CompetitionPlanListing), the competition it
 * announces when that is on file, the event's occupation (54号·三: one occupation or 工种 per event) so the
 * public can search by occupation, and the day it was published.
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { CompetitionPlanListing } from "../quality/CompetitionPlanListing.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"

export const PlanOccupation = Schema.Struct({
  code: required(OccupationCode, "职业编码"),
  name: required(Text("职业名称"), "职业名称"),
  workType: Schema.optionalWith(Text("工种名称"), { exact: true })
}).annotations({ message: () => "赛项职业应为对象（职业编码、职业名称、工种）" })
export type PlanOccupation = typeof PlanOccupation.Type

export const CompetitionPlan = Schema.Struct({
  id: required(Id("办赛计划编号"), "办赛计划编号"),
  /** The competition the plan announces, when it is on file. */
  competitionId: Schema.optionalWith(Id("竞赛编号"), { exact: true }),
  /** The 附件3 row as published. */
  listing: required(CompetitionPlanListing, "办赛计划公布信息"),
  /** The event's occupation (工种), when declared. */
  occupation: Schema.optionalWith(PlanOccupation, { exact: true }),
  publishedOn: required(LocalDate, "公布日期")
}).annotations({
  identifier: "CompetitionPlan",
  description: "已公布的办赛计划（附件3 一行）",
  message: () => "办赛计划应为对象"
})
export type CompetitionPlan = typeof CompetitionPlan.Type
