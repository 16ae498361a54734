/**
 * Use cases of reports (举报, 54号·五 "严肃核实查处相关举报问题"): submit (the reporter gets a tracking code), assign a
 * handler, record verification, resolve, and let the reporter see the status by tracking code. Dates are Beijing
 * calendar days from the clock; the transitions themselves are ReportLifecycle's pure functions.
 */
import { Context, Effect, Either, Layer, Option } from "effect"
import { IdGenerator } from "../shared/IdGenerator.js"
import type { LocalDate } from "../time/LocalDate.js"
import { todayInBeijing } from "../time/Today.js"
import { ReportNotFound, TrackingCodeUnknown } from "./QualityErrors.js"
import { type Report, type ReportStatusView, type ReportSubmission, statusView } from "./Report.js"
import {
  type AssignReport,
  assignReport,
  openReport,
  type RecordVerification,
  type ResolveReport,
  recordVerification,
  resolveReport
} from "./ReportLifecycle.js"
import { ReportRepository } from "./ReportRepository.js"
import { isTrackingCode, normaliseTrackingCode, type TrackingCode } from "./TrackingCode.js"
import { TrackingCodeGenerator } from "./TrackingCodeGenerator.js"

/** How many tracking codes submit draws before a collision is treated as a defect (50 random bits each). */
const CODE_ATTEMPTS = 5

export interface SubmittedReport {
  readonly id: string
  readonly trackingCode: TrackingCode
  readonly receivedOn: LocalDate
}

const make = Effect.gen(function* () {
  const repository = yield* ReportRepository
  const codes = yield* TrackingCodeGenerator
  const ids = yield* IdGenerator

  const load = (reportId: string) =>
    Effect.flatMap(repository.findById(reportId), (found) =>
      Option.match(found, {
        onNone: () => Effect.fail(new ReportNotFound({ field: "reportId", reportId })),
        onSome: Effect.succeed
      })
    )

  /** Applies a pure transition dated todayInBeijing and stores the result. */
  const transition = <E>(
    reportId: string,
    step: (report: Report, on: LocalDate) => Either.Either<Report, E>
  ) =>
    Effect.gen(function* () {
      const report = yield* load(reportId)
      const next = yield* step(report, yield* todayInBeijing)
      yield* repository.update(next)
      return next
    })

  const submit = Effect.fn("Reports.submit")(function* (submission: ReportSubmission) {
    const id = yield* ids.next("rpt")
    const on = yield* todayInBeijing
    for (let attempt = 1; ; attempt++) {
      const trackingCode = yield* codes.next
      const report = openReport(id, trackingCode, submission, on)
      const stored = yield* Effect.either(repository.insert(report))
      if (Either.isRight(stored)) {
        const result: SubmittedReport = { id, trackingCode, receivedOn: on }
        return result
      }
      if (attempt === CODE_ATTEMPTS) return yield* Effect.die(stored.left)
    }
  })

  const assign = Effect.fn("Reports.assign")((reportId: string, input: AssignReport) =>
    transition(reportId, (report, on) => assignReport(report, input, on))
  )

  const recordVerificationOf = Effect.fn("Reports.recordVerification")(
    (reportId: string, input: RecordVerification) =>
      transition(reportId, (report, on) => recordVerification(report, input, on))
  )

  const resolve = Effect.fn("Reports.resolve")((reportId: string, input: ResolveReport) =>
    transition(reportId, (report, on) => resolveReport(report, input, on))
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

  /** The full report, for staff. */
  const get = Effect.fn("Reports.get")((reportId: string) => load(reportId))

  return {
    submit,
    assign,
    recordVerification: recordVerificationOf,
    resolve,
    statusByTrackingCode,
    get
  } as const
})

export class Reports extends Context.Tag("@jineng/domain/Reports")<
  Reports,
  Effect.Effect.Success<typeof make>
>() {
  /** Requires ReportRepository, TrackingCodeGenerator and IdGenerator. */
  static readonly layer = Layer.effect(this, make)
}
