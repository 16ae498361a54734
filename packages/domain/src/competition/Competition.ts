/**
 * A vocational skills competition (职业技能竞赛) as declared by its host (54号·二, 三, 四; domain.md §1): class and
 * group, the host with its unified social credit code and region, the competition's region, dates, events
 * (赛项), declared fees and the eligible contestants with their regions. Structure only — the rules
 * (CompetitionFees, EventSetting, CompetitionRegion, OutOfRegionShare, ReviewCompetition) take the plain type.
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { RegionCode } from "../codes/RegionSchema.js"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { CompetitionClass } from "./CompetitionClassSchema.js"

const Text = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200))

/** 职工组 / 学生组 (54号·一 names the student group for contestant eligibility). */
export const CompetitionGroup = Schema.Literal("worker", "student").annotations({
  identifier: "CompetitionGroup",
  description: "组别：worker 职工组；student 学生组"
})
export type CompetitionGroup = typeof CompetitionGroup.Type

export const COMPETITION_GROUP_NAMES: Record<CompetitionGroup, string> = {
  worker: "职工组",
  student: "学生组"
}

/** The host (主办单位; the 牵头主办单位 when there are several). */
export const Host = Schema.Struct({
  name: Text,
  creditCode: SocialCreditCode,
  regionCode: RegionCode
})
export type Host = typeof Host.Type

/**
 * One occupation (or one 工种 of it) that an event declares. `inCatalogue` is the 大典 catalogue check made by the
 * occupation module (54号·三); absent when that check was not made.
 */
export const EventOccupation = Schema.Struct({
  code: OccupationCode,
  name: Text,
  workType: Schema.optional(Text),
  inCatalogue: Schema.optional(Schema.Boolean)
})
export type EventOccupation = typeof EventOccupation.Type

/** Whether the event covers the whole occupation (工种) or only part of its work content (54号·四 严禁). */
export const EventScope = Schema.Literal("whole", "partial").annotations({
  identifier: "EventScope",
  description: "赛项内容：whole 完整职业（工种）；partial 职业（工种）部分工作内容"
})
export type EventScope = typeof EventScope.Type

/** A 赛项: the rule EventSetting requires exactly one occupation (工种), whole. */
export const CompetitionEvent = Schema.Struct({
  name: Text,
  occupations: Schema.Array(EventOccupation),
  scope: EventScope
})
export type CompetitionEvent = typeof CompetitionEvent.Type

/** 报名费, 参赛费, 证书核发费, and any other fee (the notice's "等"). */
export const FeeKind = Schema.Literal("registration", "participation", "certificate", "other").annotations({
  identifier: "FeeKind",
  description: "费用类别：registration 报名费；participation 参赛费；certificate 证书核发费；other 其他费用"
})
export type FeeKind = typeof FeeKind.Type

/** A fee the host declares, in yuan (元). */
export const Fee = Schema.Struct({
  kind: FeeKind,
  amount: Schema.Number.pipe(Schema.finite(), Schema.nonNegative()),
  description: Schema.optional(Text)
})
export type Fee = typeof Fee.Type

/** An eligible contestant (eligibility is decided elsewhere, 54号·一); contestants may come from any province. */
export const Contestant = Schema.Struct({
  id: Text,
  regionCode: RegionCode
})
export type Contestant = typeof Contestant.Type

export const Competition = Schema.Struct({
  id: Text,
  name: Text,
  class: CompetitionClass,
  group: CompetitionGroup,
  host: Host,
  /** The competition's own region: a county for 区(县)级, a city for 市级, 320000 for 省级 (CompetitionRegion). */
  regionCode: RegionCode,
  startsOn: LocalDate,
  endsOn: LocalDate,
  events: Schema.Array(CompetitionEvent),
  fees: Schema.Array(Fee),
  contestants: Schema.Array(Contestant),
  /** 涉及参赛地区 of a cross-region competition (跨区域办赛, 54号·附件1); absent = the competition's own region. */
  participatingRegions: Schema.optional(Schema.Array(RegionCode))
})
export type Competition = typeof Competition.Type
