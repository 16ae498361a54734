/**
 * A vocational skills competition (职业技能竞赛) as declared by its host (54号·二, 三, 四; domain.md §1): class and
 * group, the host with its unified social credit code and region, the competition's region, dates, events
 * (赛项), declared fees and the eligible contestants with their regions. Structure only — the rules
 * (CompetitionFees, EventSetting, CompetitionRegion, OutOfRegionShare, ReviewCompetition) take the plain type.
 * Every decode message is zh-CN and names the field as printed on 附件1 / 附件3 (shared/FieldSchema).
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { RegionCode } from "../codes/RegionSchema.js"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { CompetitionClass } from "./CompetitionClassSchema.js"

/** 职工组 / 学生组 (54号·一 names the student group for contestant eligibility). */
export const CompetitionGroup = Schema.Literal("worker", "student").annotations({
  identifier: "CompetitionGroup",
  description: "组别：worker 职工组；student 学生组",
  message: () => ({ message: "组别应为 worker（职工组）或 student（学生组）", override: true })
})
export type CompetitionGroup = typeof CompetitionGroup.Type

export const COMPETITION_GROUP_NAMES: Record<CompetitionGroup, string> = {
  worker: "职工组",
  student: "学生组"
}

/** The host (主办单位; the 牵头主办单位 when there are several). */
export const Host = Schema.Struct({
  name: required(Text("主办单位"), "主办单位"),
  creditCode: required(SocialCreditCode, "主办单位统一社会信用代码"),
  regionCode: required(RegionCode, "主办单位所在地区")
}).annotations({ message: () => "主办单位信息应为对象（名称、统一社会信用代码、所在地区）" })
export type Host = typeof Host.Type

/**
 * One occupation (or one 工种 of it) that an event declares. `inCatalogue` records the result of the 大典
 * catalogue check (occupation/Certifiable, called by the API) when it was made; no rule of this module reads it
 * (EventSetting checks only the 3–6 major categories, codes/OccupationCode `isCertifiableMajor`).
 */
export const EventOccupation = Schema.Struct({
  code: required(OccupationCode, "职业编码"),
  name: required(Text("职业名称"), "职业名称"),
  workType: Schema.optionalWith(Text("工种名称"), { exact: true }),
  inCatalogue: Schema.optionalWith(
    Schema.Boolean.annotations({ message: () => "大典收录标记应为 true 或 false" }),
    { exact: true }
  )
}).annotations({ message: () => "赛项职业应为对象（职业编码、职业名称、工种）" })
export type EventOccupation = typeof EventOccupation.Type

/** Whether the event covers the whole occupation (工种) or only part of its work content (54号·四 严禁). */
export const EventScope = Schema.Literal("whole", "partial").annotations({
  identifier: "EventScope",
  description: "赛项内容：whole 完整职业（工种）；partial 职业（工种）部分工作内容",
  message: () => ({
    message: "赛项内容应为 whole（完整职业（工种））或 partial（职业（工种）部分工作内容）",
    override: true
  })
})
export type EventScope = typeof EventScope.Type

/** A 赛项: the rule EventSetting requires exactly one occupation (工种), whole. */
export const CompetitionEvent = Schema.Struct({
  name: required(Text("赛项名称"), "赛项名称"),
  occupations: required(
    Schema.Array(EventOccupation).annotations({ message: () => "赛项职业应为列表" }),
    "赛项职业"
  ),
  scope: required(EventScope, "赛项内容")
}).annotations({ message: () => "赛项应为对象（赛项名称、职业、赛项内容）" })
export type CompetitionEvent = typeof CompetitionEvent.Type

/** 报名费, 参赛费, 证书核发费, and any other fee (the notice's "等"). */
export const FeeKind = Schema.Literal("registration", "participation", "certificate", "other").annotations({
  identifier: "FeeKind",
  description: "费用类别：registration 报名费；participation 参赛费；certificate 证书核发费；other 其他费用",
  message: () => ({
    message:
      "费用类别应为 registration（报名费）、participation（参赛费）、certificate（证书核发费）或 other（其他费用）",
    override: true
  })
})
export type FeeKind = typeof FeeKind.Type

/** A fee the host declares, in yuan (元). */
export const Fee = Schema.Struct({
  kind: required(FeeKind, "费用类别"),
  amount: required(
    Schema.Number.pipe(Schema.finite(), Schema.nonNegative()).annotations({
      message: () => ({ message: "费用金额应为不小于0的数（元）", override: true })
    }),
    "费用金额"
  ),
  description: Schema.optionalWith(Text("费用说明"), { exact: true })
}).annotations({ message: () => "费用应为对象（费用类别、金额）" })
export type Fee = typeof Fee.Type

/** An eligible contestant (eligibility is decided elsewhere, 54号·一); contestants may come from any province. */
export const Contestant = Schema.Struct({
  id: required(Id("选手编号"), "选手编号"),
  regionCode: required(RegionCode, "选手所在地区")
}).annotations({ message: () => "参赛选手应为对象（选手编号、所在地区）" })
export type Contestant = typeof Contestant.Type

export const Competition = Schema.Struct({
  id: required(Id("竞赛编号"), "竞赛编号"),
  name: required(Text("竞赛名称"), "竞赛名称"),
  class: required(CompetitionClass, "竞赛类别"),
  group: required(CompetitionGroup, "组别"),
  host: required(Host, "主办单位"),
  /** The competition's own region: a county for 区(县)级, a city for 市级, 320000 for 省级 (CompetitionRegion). */
  regionCode: required(RegionCode, "竞赛所属地区"),
  startsOn: required(LocalDate, "竞赛开始日期"),
  endsOn: required(LocalDate, "竞赛结束日期"),
  events: required(
    Schema.Array(CompetitionEvent).annotations({ message: () => "赛项设置应为列表" }),
    "赛项设置"
  ),
  fees: required(Schema.Array(Fee).annotations({ message: () => "收费项目应为列表" }), "收费项目"),
  contestants: required(
    Schema.Array(Contestant).annotations({ message: () => "参赛选手应为列表" }),
    "参赛选手"
  ),
  /** 涉及参赛地区 of a cross-region competition (跨区域办赛, 54号·附件1); absent = the competition's own region. */
  participatingRegions: Schema.optionalWith(
    Schema.Array(RegionCode).annotations({ message: () => "涉及参赛地区应为行政区划代码列表" }),
    { exact: true }
  )
}).annotations({ message: () => "竞赛信息应为对象" })
export type Competition = typeof Competition.Type
