/**
 * Use cases of reports (举报, 54号·五 "严肃核实查处相关举报问题"): submit (the reporter gets a tracking code), and — for
 * the bureau whose region the report concerns (属地管理; action report.handle) — list, read, assign a handler,
 * record verification and resolve; the reporter sees the status by tracking code. Each handling step is taken on
 * the revision the request was prepared on (a stale one fails with ReportChanged) and is stored together with
 * its audit entry (actor: the acting organisation) in one transaction. Dates are Beijing calendar days from the
 * clock; the transitions themselves are ReportLifecycle's pure functions.
 */
import { Context, Effect, Either, Layer, Option } from "effect"
import { requireAuthorised } from "../access/Authorise.js"
import type { Organisation } from "../access/Organisation.js"
import { roleScope } from "../access/OrganisationRole.js"
import { AuditTrail } from "../shared/AuditTrail.js"
import { IdGenerator } from "../shared/IdGenerator.js"
import { Transactional } from "../shared/Transactional.js"
import type { LocalDate } from "../time/LocalDate.js"
import { todayInBeijing } from "../time/Today.js"
import { ReportChanged, ReportNotFound, TrackingCodeUnknown } from "./QualityErrors.js"
import {
  type OnlineReportSubmission,
  type Report,
  type ReportActor,
  type ReportStatusView,
  type ReportSubmission,
  statusView
} from "./Report.js"
import {
  assignReport,
  openReport,
  type ReportAssignment,
  type ReportResolution,
  type ReportVerification,
  recordVerification,
  resolveReport
} from "./ReportLifecycle.js"
import { type ReportQuery, ReportRepository } from "./ReportRepository.js"
import { isTrackingCode, normaliseTrackingCode, type TrackingCode } from "./TrackingCode.js"
import { TrackingCodeGenerator } from "./TrackingCodeGenerator.js"

/** How many tracking codes submit draws before a collision is treated as a defect (50 random bits each). */
const CODE_ATTEMPTS = 5

/** The permission every handling step and staff read needs (Permissions.ts, 54号·五). */
export const REPORT_ACTION = "report.handle" as const

/** The audit actions of reports. */
export const REPORT_AUDIT = {
  submit: "report.submit",
  assign: "report.assign",
  recordVerification: "report.record-verification",
  resolve: "report.resolve"
} as const

/** The audit actor of a report filed by a member of the public (no organisation acts). */
export const PUBLIC_AUDIT_ACTOR = "public"

export interface SubmittedReport {
  readonly id: string
  readonly trackingCode: TrackingCode
  readonly receivedOn: LocalDate
}

/** The acting organisation as recorded in the report's history. */
const actorOf = (org: Organisation): ReportActor => ({ id: org.id, name: org.name })

/** Why a step was taken, for the audit trail: its note, or the step's name when it has none. */
const reasonOf = (note: string, fallback: string) => (note.trim() === "" ? fallback : note.trim())

const make = Effect.gen(function* () {
  const repository = yield* ReportRepository
  const codes = yield* TrackingCodeGenerator
  const ids = yield* IdGenerator
  const audit = yield* AuditTrail
  const transactional = yield* Transactional

  const load = (reportId: string) =>
    Effect.flatMap(repository.findById(reportId), (found) =>
      Option.match(found, {
        onNone: () => Effect.fail(new ReportNotFound({ field: "reportId", reportId })),
        onSome: Effect.succeed
      })
    )

  /** The report, if `org` may handle reports of its region (属地管理). */
  const loadFor = (org: Organisation, reportId: string) =>
    Effect.tap(load(reportId), (report) =>
      requireAuthorised(org, REPORT_ACTION, { regionCode: report.regionCode })
    )

  /**
   * One handling step: the report in the actor's scope, at the expected revision; the pure transition dated
   * todayInBeijing; then the new revision and its audit entry in one transaction.
   */
  const handle = <E>(
    org: Organisation,
    reportId: string,
    expectedRevision: number,
    step: (report: Report, actor: ReportActor, on: LocalDate) => Either.Either<Report, E>,
    entry: { readonly action: string; readonly reason: string; readonly details?: Record<string, unknown> }
  ) =>
    Effect.gen(function* () {
      const report = yield* loadFor(org, reportId)
      if (report.revision !== expectedRevision)
        return yield* new ReportChanged({
          field: "expectedRevision",
          reportId,
          expectedRevision,
          currentRevision: report.revision
        })
      const next = yield* step(report, actorOf(org), yield* todayInBeijing)
      yield* transactional.run(
        Effect.zipRight(
          repository.update(next, expectedRevision),
          audit.record({
            actor: org.id,
            action: entry.action,
            subject: report.id,
            reason: entry.reason,
            details: { ...entry.details, state: next.state._tag, revision: next.revision }
          })
        )
      )
      return next
    })

  /** Takes a report in (any channel) and records it, with its audit entry, in one transaction. */
  const submit = Effect.fn("Reports.submit")(function* (submission: ReportSubmission) {
    const id = yield* ids.next("rpt")
    const on = yield* todayInBeijing
    for (let attempt = 1; ; attempt++) {
      const trackingCode = yield* codes.next
      const report = openReport(id, trackingCode, submission, on)
      const stored = yield* Effect.either(
        transactional.run(
          Effect.zipRight(
            repository.insert(report),
            // No reporter data and no tracking code in the trail: only what the report is about.
            audit.record({
              actor: submission.receivedBy?.id ?? PUBLIC_AUDIT_ACTOR,
              action: REPORT_AUDIT.submit,
              subject: id,
              reason: submission.channel,
              details: { regionCode: submission.regionCode, channel: submission.channel }
            })
          )
        )
      )
      if (Either.isRight(stored)) {
        const result: SubmittedReport = { id, trackingCode, receivedOn: on }
        return result
      }
      if (attempt === CODE_ATTEMPTS) return yield* Effect.die(stored.left)
    }
  })

  /** A report filed online by a member of the public (the public reporting page, 54号·五). */
  const submitOnline = Effect.fn("Reports.submitOnline")((submission: OnlineReportSubmission) =>
    submit({ ...submission, channel: "online" })
  )

  const assign = Effect.fn("Reports.assign")((org: Organisation, reportId: string, input: ReportAssignment) =>
    handle(
      org,
      reportId,
      input.expectedRevision,
      (report, actor, on) => assignReport(report, { actor, handler: input.handler, note: input.note }, on),
      {
        action: REPORT_AUDIT.assign,
        reason: reasonOf(input.note, "指派核实人员"),
        details: { handlerId: input.handler.id }
      }
    )
  )

  const recordVerificationOf = Effect.fn("Reports.recordVerification")(
    (org: Organisation, reportId: string, input: ReportVerification) =>
      handle(
        org,
        reportId,
        input.expectedRevision,
        (report, actor, on) => recordVerification(report, { actor, note: input.note }, on),
        { action: REPORT_AUDIT.recordVerification, reason: reasonOf(input.note, "记录核实情况") }
      )
  )

  const resolve = Effect.fn("Reports.resolve")(
    (org: Organisation, reportId: string, input: ReportResolution) =>
      handle(
        org,
        reportId,
        input.expectedRevision,
        (report, actor, on) => resolveReport(report, { actor, outcome: input.outcome, note: input.note }, on),
        { action: REPORT_AUDIT.resolve, reason: input.outcome, details: { outcome: input.outcome } }
      )
  )

  /** The reporter's view; accepts the code as typed (spaces, hyphens, lower case). */
  const statusByTrackingCode = Effect.fn("Reports.statusByTrackingCode")(function* (typed: string) {
    const trackingCode = normaliseTrackingCode(typed)
    const found = isTrackingCode(trackingCode)
      ? yield* repository.findByTrackingCode(trackingCode)
      : Option.none()
    if (Option.isNone(found))
      return yield* new TrackingCodeUnknown({ field: "trackingCode", trackingCode: typed })
    const view: ReportStatusView = statusView(found.value)
    return view
  })

  /** The full report, for the bureau whose region it concerns. */
  const get = Effect.fn("Reports.get")((org: Organisation, reportId: string) => loadFor(org, reportId))

  /**
   * The reports a bureau handles: by default its whole region (the province: every region); a region filter
   * must lie within it.
   */
  const list = Effect.fn("Reports.list")(function* (org: Organisation, query: ReportQuery = {}) {
    const regionCode = query.regionCode ?? (roleScope(org.role) === "everywhere" ? undefined : org.regionCode)
    yield* requireAuthorised(org, REPORT_ACTION, regionCode === undefined ? undefined : { regionCode })
    return yield* repository.list(regionCode === undefined ? query : { ...query, regionCode })
  })

  return {
    submit,
    submitOnline,
    assign,
    recordVerification: recordVerificationOf,
    resolve,
    statusByTrackingCode,
    get,
    list
  } as const
})

export class Reports extends Context.Tag("@jineng/domain/Reports")<
  Reports,
  Effect.Effect.Success<typeof make>
>() {
  /** Requires ReportRepository, TrackingCodeGenerator, IdGenerator, AuditTrail and Transactional. */
  static readonly layer = Layer.effect(this, make)
}
