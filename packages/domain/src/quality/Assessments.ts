/**
 * Use cases of the quality special assessments (54号·五 "高质量实施一年两次技能人才评价质量专项评估"): record an
 * assessment of an institution of the catalogue, read an institution's assessments, and tell which half-years it
 * owes (AssessmentSchedule). The assessor is the acting organisation; recording checks its role and region
 * (Authorise) and runs with its audit entry in one transaction. A retried submission — same institution, half-year,
 * date, assessor, result and findings — answers the record on file and writes nothing.
 */
import { Context, Effect, Either, Layer, Option } from "effect"
import { ActionRefused } from "../access/AccessErrors.js"
import { requireAuthorised } from "../access/Authorise.js"
import type { Organisation } from "../access/Organisation.js"
import { allInstitutions } from "../institution/AllInstitutions.js"
import { InstitutionNotFound } from "../institution/InstitutionErrors.js"
import { InstitutionRepository } from "../institution/InstitutionRepository.js"
import type { Decision } from "../rule/Decision.js"
import { AuditTrail } from "../shared/AuditTrail.js"
import { IdGenerator } from "../shared/IdGenerator.js"
import { Transactional } from "../shared/Transactional.js"
import type { LocalDate } from "../time/LocalDate.js"
import { todayInBeijing } from "../time/Today.js"
import { assessorOf, requireMayReadAssessments } from "./AssessmentAccess.js"
import { AssessmentDatedInFuture } from "./AssessmentErrors.js"
import type { AssessmentPeriod } from "./AssessmentPeriod.js"
import { AssessmentRepository } from "./AssessmentRepository.js"
import { assessmentSchedule, type ScheduleOutcome } from "./AssessmentSchedule.js"
import type { AssessmentSubmission, Assessor, RecordedAssessment } from "./QualityAssessment.js"

/** The permission (Permissions.ts) and audit action of recording an assessment. */
export const ASSESSMENT_RECORD = "assessment.record"

export interface AssessmentPage {
  readonly items: ReadonlyArray<RecordedAssessment>
  readonly total: number
  readonly limit: number
  readonly offset: number
}

/** An institution whose assessment is owed (Assessments.due). */
export interface DueAssessment {
  readonly institutionId: string
  readonly name: string
  readonly regionCode: string
  readonly outcome: "due" | "overdue"
  readonly due: AssessmentPeriod | null
  readonly overdue: ReadonlyArray<AssessmentPeriod>
}

/** An institution's schedule on a date, as the API answers it. */
export interface InstitutionSchedule {
  readonly institutionId: string
  readonly date: LocalDate
  readonly outcome: ScheduleOutcome
  /** The current half-year, when it is owed and not yet assessed. */
  readonly due: AssessmentPeriod | null
  /** Earlier owed half-years without an assessment, oldest first. */
  readonly overdue: ReadonlyArray<AssessmentPeriod>
  readonly decision: Decision<ScheduleOutcome>
}

const sameAssessor = (a: Assessor, b: Assessor): boolean =>
  a._tag === "bureau"
    ? b._tag === "bureau" && a.level === b.level && a.regionCode === b.regionCode && a.name === b.name
    : b._tag === a._tag && a.name === b.name

const sameAssessment = (a: RecordedAssessment, b: Omit<RecordedAssessment, "id">): boolean =>
  a.institutionId === b.institutionId &&
  a.period === b.period &&
  a.assessedOn === b.assessedOn &&
  a.result === b.result &&
  a.findings.trim() === b.findings.trim() &&
  sameAssessor(a.assessor, b.assessor)

const make = Effect.gen(function* () {
  const assessments = yield* AssessmentRepository
  const institutions = yield* InstitutionRepository
  const audit = yield* AuditTrail
  const transactional = yield* Transactional
  const ids = yield* IdGenerator

  const institutionOf = (institutionId: string) =>
    Effect.flatMap(institutions.findById(institutionId), (found) =>
      Option.match(found, {
        onNone: () => Effect.fail(new InstitutionNotFound({ field: "institutionId", institutionId })),
        onSome: Effect.succeed
      })
    )

  /** The institution, when `org` may read its assessments. */
  const readable = (org: Organisation, institutionId: string) =>
    Effect.tap(institutionOf(institutionId), (institution) => requireMayReadAssessments(org, institution))

  const record = Effect.fn("Assessments.record")(function* (
    org: Organisation,
    submission: AssessmentSubmission
  ) {
    yield* requireAuthorised(org, ASSESSMENT_RECORD)
    const institution = yield* institutionOf(submission.institutionId)
    yield* requireAuthorised(org, ASSESSMENT_RECORD, { regionCode: institution.region })
    const assessor = assessorOf(org)
    if (assessor === undefined)
      return yield* new ActionRefused({
        field: "role",
        action: ASSESSMENT_RECORD,
        organisationId: org.id,
        codes: ["NotAnAssessor"],
        reasons: [`${org.name}不是人力资源社会保障部门或省职业技能鉴定中心，不能作为专项评估单位`]
      })
    const today = yield* todayInBeijing
    if (submission.assessedOn > today)
      return yield* new AssessmentDatedInFuture({
        field: "assessedOn",
        assessedOn: submission.assessedOn,
        today
      })
    const content = { ...submission, assessor }
    return yield* transactional.run(
      Effect.gen(function* () {
        const onFile = (yield* assessments.listByInstitution(institution.id)).find((a) =>
          sameAssessment(a, content)
        )
        if (onFile !== undefined) return onFile
        const recorded: RecordedAssessment = { id: yield* ids.next("qa"), ...content }
        yield* assessments.record(recorded)
        yield* audit.record({
          actor: org.id,
          action: ASSESSMENT_RECORD,
          subject: recorded.id,
          reason: recorded.result,
          details: {
            institutionId: recorded.institutionId,
            period: recorded.period,
            assessedOn: recorded.assessedOn,
            assessor: recorded.assessor,
            result: recorded.result
          }
        })
        return recorded
      })
    )
  })

  const list = Effect.fn("Assessments.list")(function* (
    org: Organisation,
    institutionId: string,
    page: { readonly limit: number; readonly offset: number }
  ) {
    yield* readable(org, institutionId)
    const all = yield* assessments.listByInstitution(institutionId)
    const result: AssessmentPage = {
      items: all.slice(page.offset, page.offset + page.limit),
      total: all.length,
      limit: page.limit,
      offset: page.offset
    }
    return result
  })

  const schedule = Effect.fn("Assessments.schedule")(function* (
    org: Organisation,
    institutionId: string,
    date?: LocalDate
  ) {
    const institution = yield* readable(org, institutionId)
    const on = date ?? (yield* todayInBeijing)
    const done = yield* assessments.listByInstitution(institutionId)
    const { decision, due, overdue } = assessmentSchedule(institution, done, on)
    const result: InstitutionSchedule = {
      institutionId,
      date: on,
      outcome: decision.outcome,
      due: due ?? null,
      overdue,
      decision
    }
    return result
  })

  /**
   * The admitted institutions of a region (default: the organisation's own) whose semiannual assessment is due or
   * overdue on `date` — the bureaus' to-do (54号·五 每半年专项评估); only institutions `org` may read are listed.
   */
  const due = Effect.fn("Assessments.due")(function* (
    org: Organisation,
    options: { readonly regionCode?: string | undefined; readonly date?: LocalDate | undefined } = {}
  ) {
    const on = options.date ?? (yield* todayInBeijing)
    const listed = yield* allInstitutions({
      regionCode: options.regionCode ?? org.regionCode,
      status: "admitted",
      statusOn: on
    }).pipe(Effect.provideService(InstitutionRepository, institutions))
    const items: Array<DueAssessment> = []
    for (const institution of listed) {
      if (Either.isLeft(requireMayReadAssessments(org, institution))) continue
      const done = yield* assessments.listByInstitution(institution.id)
      const { decision, due: current, overdue } = assessmentSchedule(institution, done, on)
      if (decision.outcome !== "due" && decision.outcome !== "overdue") continue
      items.push({
        institutionId: institution.id,
        name: institution.name,
        regionCode: institution.region,
        outcome: decision.outcome,
        due: current ?? null,
        overdue
      })
    }
    return { date: on, items }
  })

  return { record, list, schedule, due } as const
})

export class Assessments extends Context.Tag("@jineng/domain/Assessments")<
  Assessments,
  Effect.Effect.Success<typeof make>
>() {
  /** Requires AssessmentRepository, InstitutionRepository, AuditTrail, Transactional and IdGenerator. */
  static readonly layer = Layer.effect(this, make)
}
