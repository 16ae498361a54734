/**
 * 附件3 职业技能竞赛办赛计划公布目录 (54号·五 "职业技能竞赛的主办单位、赛项名称、举办时间、参赛条件、报名电话等信息"):
 * one published competition plan. The annex's own table was not found (rules-research §1.5): the columns are
 * those named in the body of 54号·五; the region is optional. `CompetitionPlanDraft` is the same record with
 * every field optional, for ListingCompleteness.
 */
import { Schema } from "effect"
import { RegionCode } from "../codes/RegionSchema.js"
import { required, Text } from "../shared/FieldSchema.js"
import { DateSpan } from "./DateSpan.js"
import { PhoneNumber } from "./PhoneNumberSchema.js"

export const CompetitionPlanListing = Schema.Struct({
  host: required(Text("主办单位"), "主办单位"),
  eventName: required(Text("赛项名称"), "赛项名称"),
  time: required(DateSpan, "举办时间"),
  participationConditions: required(Text("参赛条件", 2000), "参赛条件"),
  registrationPhone: required(PhoneNumber, "报名电话"),
  /** The publishing bureau's region (属地管理), when known. */
  regionCode: Schema.optionalWith(RegionCode, { exact: true })
}).annotations({
  identifier: "CompetitionPlanListing",
  description: "附件3 办赛计划公布目录的一行",
  message: () => "办赛计划公布信息应为对象"
})
export type CompetitionPlanListing = typeof CompetitionPlanListing.Type

const opt = Schema.optional

/** A plan being filled in: every field optional, values unchecked. */
export const CompetitionPlanDraft = Schema.Struct({
  host: opt(Schema.String),
  eventName: opt(Schema.String),
  time: opt(Schema.Struct({ from: opt(Schema.String), until: opt(Schema.String) })),
  participationConditions: opt(Schema.String),
  registrationPhone: opt(Schema.String),
  regionCode: opt(Schema.String)
})
export type CompetitionPlanDraft = typeof CompetitionPlanDraft.Type
