/** Expected failures of evaluation batches (附件2 评价批次; 54号·五). The tag is the machine code; `message` is zh-CN. */
import { Schema } from "effect"

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
