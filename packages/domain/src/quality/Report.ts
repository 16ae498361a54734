/**
 * A report (举报) about certificate issuance, 54号·五 "主动向社会公布职业证书发放监督举报电话，严肃核实查处相关举报问题":
 * received → verifying (assigned to a handler) → resolved with an outcome. Each step is recorded with its actor,
 * date and note in the report's history (domain.md §4 "who, when, what and why").
 */
import { Schema } from "effect"
import { RegionCode } from "../codes/RegionSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"

/** How a report is concluded. Kept small: three verified outcomes and 不予受理 at intake. */
export const ReportOutcome = Schema.Literal(
  "substantiated",
  "partly_substantiated",
  "unsubstantiated",
  "not_accepted"
).annotations({
  identifier: "ReportOutcome",
  description:
    "办结结论：substantiated 属实并处理；partly_substantiated 部分属实；unsubstantiated 不属实；not_accepted 不予受理",
  message: () => ({
    message: "办结结论应为 substantiated、partly_substantiated、unsubstantiated 或 not_accepted",
    override: true
  })
})
export type ReportOutcome = typeof ReportOutcome.Type

export const REPORT_OUTCOME_NAMES: Record<ReportOutcome, string> = {
  substantiated: "属实并处理",
  partly_substantiated: "部分属实",
  unsubstantiated: "不属实",
  not_accepted: "不予受理"
}

export const ReportChannel = Schema.Literal("hotline", "online", "letter", "visit").annotations({
  identifier: "ReportChannel",
  description: "举报渠道：hotline 举报电话；online 网上；letter 信件；visit 来访",
  message: () => ({
    message: "举报渠道应为 hotline（举报电话）、online（网上）、letter（信件）或 visit（来访）",
    override: true
  })
})
export type ReportChannel = typeof ReportChannel.Type

/** A person acting on the report (a bureau's staff member, or the public at intake). */
export const ReportActor = Schema.Struct({
  id: required(Id("操作人编号"), "操作人编号"),
  name: required(Text("操作人姓名", 50), "操作人姓名")
}).annotations({ message: () => "操作人应为对象（编号、姓名）" })
export type ReportActor = typeof ReportActor.Type

/** The actor recorded for a report submitted online by a member of the public. */
export const PUBLIC_REPORTER: ReportActor = { id: "public", name: "举报人" }

export const ReportAction = Schema.Literal("received", "assigned", "verification_recorded", "resolved")
export type ReportAction = typeof ReportAction.Type

export const ReportEvent = Schema.Struct({
  action: ReportAction,
  actor: ReportActor,
  on: LocalDate,
  note: Schema.String,
  /** The handler, on "assigned"; the outcome, on "resolved". */
  handler: Schema.optional(ReportActor),
  outcome: Schema.optional(ReportOutcome)
})
export type ReportEvent = typeof ReportEvent.Type

export const Received = Schema.TaggedStruct("received", {})
export const Verifying = Schema.TaggedStruct("verifying", { handler: ReportActor })
export const Resolved = Schema.TaggedStruct("resolved", { outcome: ReportOutcome, resolvedOn: LocalDate })
export const ReportState = Schema.Union(Received, Verifying, Resolved)
export type ReportState = typeof ReportState.Type

export const REPORT_STATE_NAMES: Record<ReportState["_tag"], string> = {
  received: "已受理待核实",
  verifying: "核实中",
  resolved: "已办结"
}

const submissionFields = {
  /** The region the report concerns: its bureau handles it (属地管理). */
  regionCode: required(RegionCode, "举报事项所在地区"),
  channel: required(ReportChannel, "举报渠道"),
  subject: required(Text("举报事项"), "举报事项"),
  details: required(Text("举报内容", 5000), "举报内容"),
  /** The institution or host concerned, if the reporter names one. */
  concerning: Schema.optionalWith(Text("被举报单位", 200), { exact: true }),
  certificateNumbers: Schema.optionalWith(
    Schema.Array(Text("涉及证书编号", 40))
      .annotations({ message: () => "涉及证书编号应为列表" })
      .pipe(Schema.maxItems(100, { message: () => "涉及证书编号不能超过100个" })),
    { exact: true }
  ),
  /** Anonymous reports are accepted: contact details are optional. */
  reporterContact: Schema.optionalWith(Text("举报人联系方式", 100), { exact: true })
}

/** A report as taken in; `receivedBy` is the staff member who took a call, letter or visit (absent online). */
export const ReportSubmission = Schema.Struct({
  ...submissionFields,
  receivedBy: Schema.optionalWith(ReportActor, { exact: true })
}).annotations({ identifier: "ReportSubmission", message: () => "举报应为对象" })
export type ReportSubmission = typeof ReportSubmission.Type

/** What a member of the public files online (54号·五 举报): no channel (it is "online") and no staff receiver. */
export const OnlineReportSubmission = Schema.Struct(submissionFields)
  .omit("channel")
  .annotations({ identifier: "OnlineReportSubmission", message: () => "举报应为对象" })
export type OnlineReportSubmission = typeof OnlineReportSubmission.Type

/**
 * The revision of a report for optimistic concurrency: 1 when received, one more with each step, so that two
 * staff acting on the same report at once cannot overwrite each other's step (the second is refused).
 */
export const ReportRevision = Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)).annotations({
  identifier: "ReportRevision",
  description: "举报记录的版本号（受理时为1，每办理一步加1）",
  message: () => ({ message: "版本号应为不小于1的整数", override: true })
})

export const Report = Schema.Struct({
  id: Schema.String,
  trackingCode: Schema.String,
  ...submissionFields,
  receivedOn: LocalDate,
  state: ReportState,
  history: Schema.Array(ReportEvent),
  revision: ReportRevision
}).annotations({ identifier: "Report" })
export type Report = typeof Report.Type

/** What the reporter sees with the tracking code: the state and outcome, never the handlers or internal notes. */
export const ReportStatusView = Schema.Struct({
  trackingCode: Schema.String,
  state: Schema.Literal("received", "verifying", "resolved"),
  stateName: Schema.String,
  outcome: Schema.optional(ReportOutcome),
  outcomeName: Schema.optional(Schema.String),
  receivedOn: LocalDate,
  updatedOn: LocalDate
}).annotations({ identifier: "ReportStatusView" })
export type ReportStatusView = typeof ReportStatusView.Type

export const statusView = (report: Report): ReportStatusView => {
  const updatedOn = report.history[report.history.length - 1]?.on ?? report.receivedOn
  const base = {
    trackingCode: report.trackingCode,
    state: report.state._tag,
    stateName: REPORT_STATE_NAMES[report.state._tag],
    receivedOn: report.receivedOn,
    updatedOn
  }
  return report.state._tag === "resolved"
    ? { ...base, outcome: report.state.outcome, outcomeName: REPORT_OUTCOME_NAMES[report.state.outcome] }
    : base
}
