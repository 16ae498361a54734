/** Expected failures of the eligibility rule tables (publishing a dated version, domain.md §2). Messages zh-CN. */
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
