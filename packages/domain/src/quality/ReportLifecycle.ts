/**
 * The transitions of a report (举报, 54号·五 "严肃核实查处相关举报问题") as pure functions: each returns the new report
 * or the reason it may not move. received → verifying on assignment (reassignment while verifying is allowed);
 * verification notes only while verifying; resolution with 属实并处理 / 部分属实 / 不属实 only after verification,
 * 不予受理 only at intake. A resolved report is closed. Each step records actor, date and note; dates never go back,
 * and each step raises the report's revision by one (optimistic concurrency: see ReportRepository.update).
 */
import { Either, Schema } from "effect"
import { required } from "../shared/FieldSchema.js"
import type { LocalDate } from "../time/LocalDate.js"
import { ReportEventOutOfOrder, ReportNoteMissing, ReportTransitionInvalid } from "./QualityErrors.js"
import {
  PUBLIC_REPORTER,
  type Report,
  ReportActor,
  type ReportEvent,
  ReportOutcome,
  ReportRevision,
  type ReportSubmission
} from "./Report.js"

/** Who acts and why; the date is the transition's own (from the clock in the use case). */
const Note = Schema.String.annotations({ message: () => "说明应为文本" })

export const AssignReport = Schema.Struct({
  actor: required(ReportActor, "操作人"),
  handler: required(ReportActor, "核实人员"),
  note: Schema.optionalWith(Note, { default: () => "" })
})
export type AssignReport = typeof AssignReport.Type

export const RecordVerification = Schema.Struct({
  actor: required(ReportActor, "操作人"),
  note: required(Note, "核实情况说明")
})
export type RecordVerification = typeof RecordVerification.Type

export const ResolveReport = Schema.Struct({
  actor: required(ReportActor, "操作人"),
  outcome: required(ReportOutcome, "办结结论"),
  note: required(Note, "办结说明")
})
export type ResolveReport = typeof ResolveReport.Type

/** A staff note on a step: at most 2000 characters (the lifecycle refuses a blank one where a note is due). */
const StepNote = Schema.String.annotations({ message: () => "说明应为文本" }).pipe(
  Schema.filter((s) => s.length <= 2000 || "说明不能超过2000个字符")
)

/** The revision the request was prepared on: a request on an older one is refused (ReportChanged). */
const expectedRevision = required(ReportRevision, "版本号（expectedRevision）")

/**
 * The handling requests of a bureau (the acting organisation is the actor, recorded from its API key): assign a
 * handler, record verification, resolve — each on the revision it was prepared on.
 */
export const ReportAssignment = Schema.Struct({
  expectedRevision,
  handler: required(ReportActor, "核实人员"),
  note: Schema.optionalWith(StepNote, { default: () => "" })
}).annotations({ identifier: "ReportAssignment", message: () => "指派请求应为对象" })
export type ReportAssignment = typeof ReportAssignment.Type

export const ReportVerification = Schema.Struct({
  expectedRevision,
  note: required(StepNote, "核实情况说明")
}).annotations({ identifier: "ReportVerification", message: () => "核实情况应为对象" })
export type ReportVerification = typeof ReportVerification.Type

export const ReportResolution = Schema.Struct({
  expectedRevision,
  outcome: required(ReportOutcome, "办结结论"),
  note: required(StepNote, "办结说明")
}).annotations({ identifier: "ReportResolution", message: () => "办结请求应为对象" })
export type ReportResolution = typeof ReportResolution.Type

/** A new report, received on `on`, at revision 1. */
export const openReport = (
  id: string,
  trackingCode: string,
  submission: ReportSubmission,
  on: LocalDate
): Report => {
  const { receivedBy, ...fields } = submission
  return {
    ...fields,
    id,
    trackingCode,
    receivedOn: on,
    state: { _tag: "received" },
    history: [{ action: "received", actor: receivedBy ?? PUBLIC_REPORTER, on, note: "" }],
    revision: 1
  }
}

export type ReportCommand = "assign" | "record_verification" | "resolve" | "resolve_not_accepted"

/** The commands a report's state admits (for a UI's buttons). */
export const allowedCommands = (report: Report): ReadonlyArray<ReportCommand> => {
  switch (report.state._tag) {
    case "received":
      return ["assign", "resolve_not_accepted"]
    case "verifying":
      return ["assign", "record_verification", "resolve"]
    case "resolved":
      return []
  }
}

const lastOn = (report: Report): LocalDate =>
  report.history[report.history.length - 1]?.on ?? report.receivedOn

const guard = (
  report: Report,
  command: ReportCommand,
  on: LocalDate
): ReportTransitionInvalid | ReportEventOutOfOrder | undefined => {
  if (!allowedCommands(report).includes(command))
    return new ReportTransitionInvalid({
      field: "state",
      reportId: report.id,
      state: report.state._tag,
      action: command
    })
  const last = lastOn(report)
  return on < last
    ? new ReportEventOutOfOrder({ field: "on", reportId: report.id, on, lastOn: last })
    : undefined
}

/** Verification notes and resolutions must say something. */
const noteMissing = (command: ReportCommand, note: string): ReportNoteMissing | undefined =>
  note.trim().length === 0 ? new ReportNoteMissing({ field: "note", action: command }) : undefined

const append = (report: Report, state: Report["state"], event: ReportEvent): Report => ({
  ...report,
  state,
  history: [...report.history, event],
  revision: report.revision + 1
})

export const assignReport = (
  report: Report,
  input: AssignReport,
  on: LocalDate
): Either.Either<Report, ReportTransitionInvalid | ReportEventOutOfOrder> => {
  const refused = guard(report, "assign", on)
  if (refused !== undefined) return Either.left(refused)
  return Either.right(
    append(
      report,
      { _tag: "verifying", handler: input.handler },
      { action: "assigned", actor: input.actor, on, note: input.note, handler: input.handler }
    )
  )
}

export const recordVerification = (
  report: Report,
  input: RecordVerification,
  on: LocalDate
): Either.Either<Report, ReportTransitionInvalid | ReportEventOutOfOrder | ReportNoteMissing> => {
  const refused = guard(report, "record_verification", on) ?? noteMissing("record_verification", input.note)
  if (refused !== undefined) return Either.left(refused)
  return Either.right(
    append(report, report.state, {
      action: "verification_recorded",
      actor: input.actor,
      on,
      note: input.note
    })
  )
}

export const resolveReport = (
  report: Report,
  input: ResolveReport,
  on: LocalDate
): Either.Either<Report, ReportTransitionInvalid | ReportEventOutOfOrder | ReportNoteMissing> => {
  const command = input.outcome === "not_accepted" ? "resolve_not_accepted" : "resolve"
  const refused = guard(report, command, on) ?? noteMissing(command, input.note)
  if (refused !== undefined) return Either.left(refused)
  return Either.right(
    append(
      report,
      { _tag: "resolved", outcome: input.outcome, resolvedOn: on },
      { action: "resolved", actor: input.actor, on, note: input.note, outcome: input.outcome }
    )
  )
}
