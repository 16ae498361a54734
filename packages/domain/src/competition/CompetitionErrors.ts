/** Expected failures of competition filings (54号·二, 附件1). The tag is the machine code; `message` is zh-CN. */
import { Schema } from "effect"
import { fullNameOf } from "../codes/Region.js"
import { Failure } from "../rule/DecisionSchema.js"
import { filingLevelName as levelName } from "./FilingLevel.js"
import { FilingLevel as Level } from "./FilingLevelSchema.js"

/** The competition failed review (fees, events, region, dates, or not in force): it cannot be filed. */
export class CompetitionRefused extends Schema.TaggedError<CompetitionRefused>()("CompetitionRefused", {
  field: Schema.String,
  competitionId: Schema.String,
  failures: Schema.Array(Failure)
}) {
  override get message() {
    return `竞赛 ${this.competitionId} 未通过审核，不予备案：${this.failures.map((f) => f.message).join("；")}`
  }
}

export class FilingNotRequired extends Schema.TaggedError<FilingNotRequired>()("FilingNotRequired", {
  field: Schema.String,
  competitionId: Schema.String
}) {
  override get message() {
    return `竞赛 ${this.competitionId} 异地选手占比在10%之内且非跨区域办赛，无需备案（由主办单位从严把握）`
  }
}

/**
 * A cross-region competition filed on or after its first day: "确需组织跨区域竞赛的，应提前报上一级人力资源社会保障部门
 * 备案" (54号·二) — the filing must be submitted before the competition starts.
 */
export class CrossRegionFilingLate extends Schema.TaggedError<CrossRegionFilingLate>()(
  "CrossRegionFilingLate",
  {
    field: Schema.String,
    competitionId: Schema.String,
    startsOn: Schema.String,
    submittedOn: Schema.String
  }
) {
  override get message() {
    return `竞赛 ${this.competitionId} 为跨区域办赛，应在竞赛开始（${this.startsOn}）前提前报上一级人力资源社会保障部门备案；提交日期 ${this.submittedOn} 不早于开始日期，不予备案`
  }
}

export class FilingAlreadySubmitted extends Schema.TaggedError<FilingAlreadySubmitted>()(
  "FilingAlreadySubmitted",
  {
    field: Schema.String,
    competitionId: Schema.String,
    filingId: Schema.String
  }
) {
  override get message() {
    return `竞赛 ${this.competitionId} 已有备案 ${this.filingId}（审核中或已完成），不得重复提交`
  }
}

export class FilingNotFound extends Schema.TaggedError<FilingNotFound>()("FilingNotFound", {
  field: Schema.String,
  filingId: Schema.String
}) {
  override get message() {
    return `未找到备案 ${this.filingId}`
  }
}

/** Someone else changed the filing since it was read (optimistic concurrency); read it again and retry. */
export class FilingChanged extends Schema.TaggedError<FilingChanged>()("FilingChanged", {
  field: Schema.String,
  filingId: Schema.String,
  expectedRevision: Schema.Number
}) {
  override get message() {
    return `备案 ${this.filingId} 已被他人修改（应为第 ${this.expectedRevision} 版），请刷新后重试`
  }
}

export class FilingClosed extends Schema.TaggedError<FilingClosed>()("FilingClosed", {
  field: Schema.String,
  filingId: Schema.String,
  status: Schema.Literal("completed", "refused")
}) {
  override get message() {
    return `备案 ${this.filingId} ${this.status === "completed" ? "已备案完成" : "已不予备案"}，不能再记录意见或会签`
  }
}

export class OpinionLevelNotRequired extends Schema.TaggedError<OpinionLevelNotRequired>()(
  "OpinionLevelNotRequired",
  { field: Schema.String, filingId: Schema.String, level: Level, required: Schema.Array(Level) }
) {
  override get message() {
    return `备案 ${this.filingId} 无需${levelName(this.level)}意见；应出具意见的为：${this.required.map(levelName).join("、")}`
  }
}

export class OpinionAlreadyRecorded extends Schema.TaggedError<OpinionAlreadyRecorded>()(
  "OpinionAlreadyRecorded",
  {
    field: Schema.String,
    filingId: Schema.String,
    level: Level
  }
) {
  override get message() {
    return `备案 ${this.filingId} 的${levelName(this.level)}意见已记录，不能重复记录`
  }
}

export class OpinionOutOfOrder extends Schema.TaggedError<OpinionOutOfOrder>()("OpinionOutOfOrder", {
  field: Schema.String,
  filingId: Schema.String,
  level: Level,
  expected: Level
}) {
  override get message() {
    return `备案意见应逐级出具：现应由${levelName(this.expected)}出具意见，尚未轮到${levelName(this.level)}`
  }
}

export class OpinionActorWrongLevel extends Schema.TaggedError<OpinionActorWrongLevel>()(
  "OpinionActorWrongLevel",
  {
    field: Schema.String,
    level: Level,
    actorLevel: Level
  }
) {
  override get message() {
    return `${levelName(this.level)}意见只能由${levelName(this.level)}记录，当前操作者为${levelName(this.actorLevel)}`
  }
}

export class OpinionActorWrongRegion extends Schema.TaggedError<OpinionActorWrongRegion>()(
  "OpinionActorWrongRegion",
  {
    field: Schema.String,
    level: Level,
    actorRegion: Schema.String,
    requiredRegion: Schema.String
  }
) {
  override get message() {
    return `${levelName(this.level)}意见应由${fullNameOf(this.requiredRegion)}（${this.requiredRegion}）记录，当前操作者属${fullNameOf(this.actorRegion)}（${this.actorRegion}）`
  }
}

/** An opinion or co-signature dated before the submission or the previous act. */
export class FilingDateBeforePrevious extends Schema.TaggedError<FilingDateBeforePrevious>()(
  "FilingDateBeforePrevious",
  { field: Schema.String, date: Schema.String, earliest: Schema.String }
) {
  override get message() {
    return `日期 ${this.date} 早于备案的上一环节日期 ${this.earliest}`
  }
}

export class CoSignatureNotRequired extends Schema.TaggedError<CoSignatureNotRequired>()(
  "CoSignatureNotRequired",
  {
    field: Schema.String,
    filingId: Schema.String,
    province: Schema.String
  }
) {
  override get message() {
    return `备案 ${this.filingId} 无需${fullNameOf(this.province)}（${this.province}）会签：仅跨省办赛由相关省级人力资源社会保障部门共同会签`
  }
}

export class CoSignatureActorNotPermitted extends Schema.TaggedError<CoSignatureActorNotPermitted>()(
  "CoSignatureActorNotPermitted",
  { field: Schema.String, province: Schema.String, actorLevel: Level, actorRegion: Schema.String }
) {
  override get message() {
    return `${this.province} 省级人力资源社会保障部门的会签只能由该部门或江苏省人力资源社会保障厅记录，当前操作者为${fullNameOf(this.actorRegion)}（${this.actorRegion}）${levelName(this.actorLevel)}`
  }
}

export class CoSignatureAlreadyRecorded extends Schema.TaggedError<CoSignatureAlreadyRecorded>()(
  "CoSignatureAlreadyRecorded",
  { field: Schema.String, filingId: Schema.String, province: Schema.String }
) {
  override get message() {
    return `备案 ${this.filingId} 已记录 ${this.province} 的会签，不能重复记录`
  }
}

export class CompetitionNotFound extends Schema.TaggedError<CompetitionNotFound>()("CompetitionNotFound", {
  field: Schema.String,
  competitionId: Schema.String
}) {
  override get message() {
    return `未找到竞赛 ${this.competitionId}`
  }
}

/** A competition id already on file with other content or filed by another organisation. */
export class CompetitionIdTaken extends Schema.TaggedError<CompetitionIdTaken>()("CompetitionIdTaken", {
  field: Schema.String,
  competitionId: Schema.String
}) {
  override get message() {
    return `竞赛编号 ${this.competitionId} 已登记了另一项竞赛（内容不同或由其他单位登记），请使用新的竞赛编号`
  }
}

/** A plan id already published for another competition (附件3 rows are replaced only by their own competition). */
export class CompetitionPlanIdTaken extends Schema.TaggedError<CompetitionPlanIdTaken>()(
  "CompetitionPlanIdTaken",
  { field: Schema.String, planId: Schema.String, competitionId: Schema.String }
) {
  override get message() {
    return `办赛计划编号 ${this.planId} 已用于其他竞赛的办赛计划，不能用于竞赛 ${this.competitionId}`
  }
}

/** A plan announces an event the competition does not hold (54号·五 附件3 赛项名称; 54号·三 赛项设置). */
export class PlanEventUnknown extends Schema.TaggedError<PlanEventUnknown>()("PlanEventUnknown", {
  field: Schema.String,
  competitionId: Schema.String,
  eventName: Schema.String,
  events: Schema.Array(Schema.String)
}) {
  override get message() {
    return `竞赛 ${this.competitionId} 没有赛项“${this.eventName}”；办赛计划应公布本竞赛的赛项：${this.events.join("、")}`
  }
}

/** The acting organisation may not issue this competition's certificates (54号·四 核发权限). */
export class CompetitionCertificateIssuerRefused extends Schema.TaggedError<CompetitionCertificateIssuerRefused>()(
  "CompetitionCertificateIssuerRefused",
  {
    field: Schema.String,
    competitionId: Schema.String,
    outcome: Schema.String,
    mayIssue: Schema.Array(Schema.String),
    failures: Schema.Array(Failure)
  }
) {
  override get message() {
    return this.outcome === "not_covered"
      ? `竞赛 ${this.competitionId} 为省级竞赛，54号·四 未规定其竞赛职业证书的核发机构，不予核发`
      : `不得核发竞赛 ${this.competitionId} 的竞赛职业证书：${this.failures.map((f) => f.message).join("；")}`
  }
}

/** A competition that should have been filed and was not loses its support and incentives (54号·二). */
export class CompetitionIncentivesLost extends Schema.TaggedError<CompetitionIncentivesLost>()(
  "CompetitionIncentivesLost",
  { field: Schema.String, competitionId: Schema.String, failures: Schema.Array(Failure) }
) {
  override get message() {
    return `竞赛 ${this.competitionId} 不得享受竞赛支持激励政策，不予核发竞赛职业证书：${this.failures.map((f) => f.message).join("；")}`
  }
}

/** One refused row of a competition certificate submission. */
export const RefusedCertificateRow = Schema.Struct({
  index: Schema.Number,
  field: Schema.String,
  message: Schema.String
})
export type RefusedCertificateRow = typeof RefusedCertificateRow.Type

/** Rows whose occupation (工种) is not one of the competition's events: nothing is issued (54号·三、四). */
export class CompetitionCertificatesRefused extends Schema.TaggedError<CompetitionCertificatesRefused>()(
  "CompetitionCertificatesRefused",
  { field: Schema.String, competitionId: Schema.String, refused: Schema.Array(RefusedCertificateRow) }
) {
  override get message() {
    const first = this.refused[0]
    return `竞赛 ${this.competitionId} 的发证名单有 ${this.refused.length} 行不符合规定，全部未予核发${first === undefined ? "" : `（第${first.index + 1}行：${first.message}）`}`
  }
}
