/** Expected failures of certificate issuance (54号·四). The tag is the machine code; `message` is zh-CN. */
import { Schema } from "effect"
import { VerdictDecision } from "../rule/DecisionSchema.js"

/** One refused row of a batch: its 0-based index in `candidates` and the decision that refused it. */
export const RefusedRow = Schema.Struct({
  index: Schema.Int.pipe(Schema.nonNegative()),
  decision: VerdictDecision
})
export type RefusedRow = typeof RefusedRow.Type

export class BatchRefused extends Schema.TaggedError<BatchRefused>()("BatchRefused", {
  field: Schema.String,
  batchId: Schema.String,
  refused: Schema.Array(RefusedRow)
}) {
  override get message() {
    const rows = this.refused
      .map((r) => `第${r.index + 1}行：${r.decision.failures.map((f) => f.message).join("；")}`)
      .join("\n")
    return `批次 ${this.batchId} 有 ${this.refused.length} 行不符合核发条件，整批未核发。\n${rows}`
  }
}

export class EmptyBatch extends Schema.TaggedError<EmptyBatch>()("EmptyBatch", {
  field: Schema.String,
  batchId: Schema.String
}) {
  override get message() {
    return `批次 ${this.batchId} 没有考生，无证书可核发`
  }
}

/** The batch id was already used by another institution. */
export class BatchIdConflict extends Schema.TaggedError<BatchIdConflict>()("BatchIdConflict", {
  field: Schema.String,
  batchId: Schema.String,
  institutionId: Schema.String,
  issuedBy: Schema.String
}) {
  override get message() {
    return `批次号 ${this.batchId} 已由机构 ${this.issuedBy} 使用，机构 ${this.institutionId} 不能以同一批次号核发`
  }
}

/** 54号·四: the authority is checked on the issue date, which is the day of issuance — no backdating. */
export class IssueDateNotToday extends Schema.TaggedError<IssueDateNotToday>()("IssueDateNotToday", {
  field: Schema.String,
  issuedOn: Schema.String,
  today: Schema.String
}) {
  override get message() {
    return `发证日期 ${this.issuedOn} 应为核发当日 ${this.today}（北京时间）：不得倒签或预签，核发权限按发证当日审核`
  }
}
