/**
 * A published competition plan (办赛计划, 54号·五 "面向社会定期公布…职业技能竞赛的主办单位、赛项名称、举办时间、参赛条件、
 * 报名电话等信息（见附件3）"): one row of the 附件3 listing (quality/CompetitionPlanListing), the competition it
 * announces when that is on file, the event's occupation (54号·三: one occupation or 工种 per event) so the
 * public can search by occupation, and the day it was published.
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { CompetitionPlanListing } from "../quality/CompetitionPlanListing.js"
import { LocalDate } from "../time/LocalDateSchema.js"

const Text = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200))

export const PlanOccupation = Schema.Struct({
  code: OccupationCode,
  name: Text,
  workType: Schema.optional(Text)
})
export type PlanOccupation = typeof PlanOccupation.Type

export const CompetitionPlan = Schema.Struct({
  id: Text,
  /** The competition the plan announces, when it is on file. */
  competitionId: Schema.optional(Text),
  /** The 附件3 row as published. */
  listing: CompetitionPlanListing,
  /** The event's occupation (工种), when declared. */
  occupation: Schema.optional(PlanOccupation),
  publishedOn: LocalDate
}).annotations({ identifier: "CompetitionPlan", description: "已公布的办赛计划（附件3 一行）" })
export type CompetitionPlan = typeof CompetitionPlan.Type
