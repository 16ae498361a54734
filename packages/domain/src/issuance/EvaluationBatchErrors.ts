/** Expected failures of evaluation batches (附件2 评价批次; 54号·五). The tag is the machine code; `message` is zh-CN. */
import { Schema } from "effect"
import { VerdictDecision } from "../rule/DecisionSchema.js"

const STATUS_NAMES: Record<string, string> = {
  planned: "已计划",
  published: "已公布",
  results_submitted: "已报送结果",
  issued: "已发证"
}

const ACTION_NAMES: Record<string, string> = {
  publish: "公布",
  record_results: "报送评价结果",
  mark_issued: "登记发证"
}

export class EvaluationBatchNotFound extends Schema.TaggedError<EvaluationBatchNotFound>()(
  "EvaluationBatchNotFound",
  { field: Schema.String, batchId: Schema.String }
) {
  override get message() {
    return `未找到评价批次 ${this.batchId}`
  }
}

export class EvaluationBatchIdTaken extends Schema.TaggedError<EvaluationBatchIdTaken>()(
  "EvaluationBatchIdTaken",
  { field: Schema.String, batchId: Schema.String }
) {
  override get message() {
    return `评价批次编号 ${this.batchId} 已被使用`
  }
}

/** The step is not allowed from the batch's status (planned → published → results_submitted → issued). */
export class EvaluationBatchStatusConflict extends Schema.TaggedError<EvaluationBatchStatusConflict>()(
  "EvaluationBatchStatusConflict",
  {
    field: Schema.String,
    batchId: Schema.String,
    status: Schema.Literal("planned", "published", "results_submitted", "issued"),
    action: Schema.Literal("publish", "record_results", "mark_issued")
  }
) {
  override get message() {
    return `评价批次 ${this.batchId} 当前状态为“${STATUS_NAMES[this.status]}”，不能${ACTION_NAMES[this.action]}`
  }
}

/** A step dated before the batch's previous step. */
export class EvaluationBatchDateBeforePrevious extends Schema.TaggedError<EvaluationBatchDateBeforePrevious>()(
  "EvaluationBatchDateBeforePrevious",
  { field: Schema.String, batchId: Schema.String, date: Schema.String, earliest: Schema.String }
) {
  override get message() {
    return `评价批次 ${this.batchId} 的日期 ${this.date} 早于上一环节日期 ${this.earliest}`
  }
}

/** More candidates than one batch may hold (MAX_BATCH_CANDIDATES). */
export class EvaluationBatchTooLarge extends Schema.TaggedError<EvaluationBatchTooLarge>()(
  "EvaluationBatchTooLarge",
  { field: Schema.String, batchId: Schema.String, count: Schema.Number, max: Schema.Number }
) {
  override get message() {
    return `评价批次 ${this.batchId} 报送 ${this.count} 名考生，超过单批次上限 ${this.max} 名`
  }
}

/**
 * 54号·五、附件2: the batch may not be published — an incomplete 附件2 row, an institution not admitted on the
 * day, or an evaluation outside what it may evaluate (BatchPublication.ts); `decision` lists every failure.
 */
export class BatchPublicationRefused extends Schema.TaggedError<BatchPublicationRefused>()(
  "BatchPublicationRefused",
  { field: Schema.String, batchId: Schema.String, decision: VerdictDecision }
) {
  override get message() {
    const reasons =
      this.decision.outcome === "not_in_force"
        ? "评价时间早于《通知》施行日（2022-05-01），不适用本规定"
        : this.decision.failures.map((f) => f.message).join("；")
    return `评价批次 ${this.batchId} 未予公布：${reasons}`
  }
}

/**
 * A submission of results that does not belong to its evaluation batch (54号·四 "谁评价、谁发证、谁负责"): another
 * institution, another evaluation region, or rows of another occupation, 工种 or level than the batch's.
 */
export class BatchSubmissionMismatch extends Schema.TaggedError<BatchSubmissionMismatch>()(
  "BatchSubmissionMismatch",
  {
    field: Schema.String,
    batchId: Schema.String,
    /** What differs, zh-CN (e.g. "第3名考生的证书等级"). */
    subject: Schema.String,
    expected: Schema.String,
    seen: Schema.String,
    /** How many rows differ (1 for a header field). */
    count: Schema.Number
  }
) {
  override get message() {
    const more = this.count > 1 ? `（共 ${this.count} 处不符）` : ""
    return `提交的内容与评价批次 ${this.batchId} 不符：${this.subject}应为“${this.expected}”，实为“${this.seen}”${more}`
  }
}

/** The same person (ID type and number) twice in one batch's submission. */
export class CandidateListedTwice extends Schema.TaggedError<CandidateListedTwice>()("CandidateListedTwice", {
  field: Schema.String,
  batchId: Schema.String,
  index: Schema.Number,
  firstIndex: Schema.Number
}) {
  override get message() {
    return `评价批次 ${this.batchId} 的第${this.index + 1}名考生与第${this.firstIndex + 1}名为同一人（证件号码相同），同一人在一个批次中只能出现一次`
  }
}
