/**
 * Expected failures of the eligibility rule tables (publishing a dated version, domain.md §2) and of registering
 * an employer's 破格晋升 rule (54号·一). Messages zh-CN.
 */
import { Schema } from "effect"

export class RuleVersionAlreadyExists extends Schema.TaggedError<RuleVersionAlreadyExists>()(
  "RuleVersionAlreadyExists",
  {
    field: Schema.String,
    table: Schema.String,
    version: Schema.String
  }
) {
  override get message() {
    return `规则表“${this.table}”已有版本 ${this.version}，版本号不得重复`
  }
}

export class RuleVersionNotAfterLatest extends Schema.TaggedError<RuleVersionNotAfterLatest>()(
  "RuleVersionNotAfterLatest",
  {
    field: Schema.String,
    table: Schema.String,
    version: Schema.String,
    effectiveFrom: Schema.String,
    latestEffectiveFrom: Schema.String
  }
) {
  override get message() {
    return `规则表“${this.table}”新版本 ${this.version} 的生效日期 ${this.effectiveFrom} 须晚于现行最新版本的生效日期 ${this.latestEffectiveFrom}`
  }
}

/** The rule tables eligibility uses are "title-bridge" and "competition-promotion" (EligibilityTables.ts). */
export class RuleTableNotFound extends Schema.TaggedError<RuleTableNotFound>()("RuleTableNotFound", {
  field: Schema.String,
  table: Schema.String
}) {
  override get message() {
    return `没有名为“${this.table}”的规则表；资格审核规则表为 title-bridge（专业技术资格贯通）和 competition-promotion（竞赛名次晋升）`
  }
}

/** A new version takes effect today or later: the versions in force on past dates never change (domain.md §2). */
export class RuleVersionEffectiveInPast extends Schema.TaggedError<RuleVersionEffectiveInPast>()(
  "RuleVersionEffectiveInPast",
  {
    field: Schema.String,
    table: Schema.String,
    version: Schema.String,
    effectiveFrom: Schema.String,
    today: Schema.String
  }
) {
  override get message() {
    return `规则表“${this.table}”新版本 ${this.version} 的生效日期 ${this.effectiveFrom} 早于今日 ${this.today}；新版本只能自今日或以后生效，已作出的判定所依据的版本不得改变`
  }
}

/**
 * 54号·一: an employer's 破格晋升 mechanism needs "相应规章制度，以书面形式向全体职工公布" — a rule not written, not
 * published to all staff, not yet published or allowing no level cannot be registered.
 */
export class PromotionRuleNotPublished extends Schema.TaggedError<PromotionRuleNotPublished>()(
  "PromotionRuleNotPublished",
  { field: Schema.String, documentId: Schema.String, problems: Schema.Array(Schema.String) }
) {
  override get message() {
    return `破格晋升规章制度 ${this.documentId} 不能登记：${this.problems.join("；")}`
  }
}

/** The employer registered a different rule under this document number; a revised rule takes a new number. */
export class PromotionRuleAlreadyRegistered extends Schema.TaggedError<PromotionRuleAlreadyRegistered>()(
  "PromotionRuleAlreadyRegistered",
  { field: Schema.String, employerId: Schema.String, documentId: Schema.String }
) {
  override get message() {
    return `用人单位 ${this.employerId} 已登记文号为 ${this.documentId} 的内容不同的破格晋升规章制度；修订后的规章制度请以新的文号登记`
  }
}
