/** Expected failures of quality management: reports (举报, 54号·五). The tag is the machine code; `message` is zh-CN. */
import { Schema } from "effect"

const STATE_NAMES: Record<string, string> = {
  received: "已受理待核实",
  verifying: "核实中",
  resolved: "已办结"
}
const ACTION_NAMES: Record<string, string> = {
  assign: "指派核实人员",
  record_verification: "记录核实情况",
  resolve: "办结",
  resolve_not_accepted: "作出不予受理决定"
}

export class ReportTransitionInvalid extends Schema.TaggedError<ReportTransitionInvalid>()(
  "ReportTransitionInvalid",
  { field: Schema.String, reportId: Schema.String, state: Schema.String, action: Schema.String }
) {
  override get message() {
    const state = STATE_NAMES[this.state] ?? this.state
    const action = ACTION_NAMES[this.action] ?? this.action
    return `举报 ${this.reportId} 当前状态为“${state}”，不能${action}`
  }
}

export class ReportEventOutOfOrder extends Schema.TaggedError<ReportEventOutOfOrder>()(
  "ReportEventOutOfOrder",
  { field: Schema.String, reportId: Schema.String, on: Schema.String, lastOn: Schema.String }
) {
  override get message() {
    return `记录日期 ${this.on} 早于举报 ${this.reportId} 上一次记录的日期 ${this.lastOn}`
  }
}

export class ReportNoteMissing extends Schema.TaggedError<ReportNoteMissing>()("ReportNoteMissing", {
  field: Schema.String,
  action: Schema.String
}) {
  override get message() {
    return `${ACTION_NAMES[this.action] ?? this.action}时应填写说明`
  }
}

export class ReportNotFound extends Schema.TaggedError<ReportNotFound>()("ReportNotFound", {
  field: Schema.String,
  reportId: Schema.String
}) {
  override get message() {
    return `未找到举报 ${this.reportId}`
  }
}

export class TrackingCodeUnknown extends Schema.TaggedError<TrackingCodeUnknown>()("TrackingCodeUnknown", {
  field: Schema.String,
  trackingCode: Schema.String
}) {
  override get message() {
    return `查询码 ${this.trackingCode} 不存在，请核对后重新输入`
  }
}

/** A new report's tracking code collided with an existing one (the use case draws another). */
export class TrackingCodeTaken extends Schema.TaggedError<TrackingCodeTaken>()("TrackingCodeTaken", {
  field: Schema.String,
  trackingCode: Schema.String
}) {
  override get message() {
    return `查询码 ${this.trackingCode} 已被使用`
  }
}

/**
 * Someone else handled the report since the request was prepared (optimistic concurrency on its revision): of
 * two staff acting on the same revision at once, exactly one succeeds. Read the report again and retry.
 */
export class ReportChanged extends Schema.TaggedError<ReportChanged>()("ReportChanged", {
  field: Schema.String,
  reportId: Schema.String,
  expectedRevision: Schema.Number,
  currentRevision: Schema.Number
}) {
  override get message() {
    return `举报 ${this.reportId} 已被他人办理（提交的版本为第 ${this.expectedRevision} 版，当前为第 ${this.currentRevision} 版），请刷新后重试`
  }
}
