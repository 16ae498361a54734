/**
 * Use cases of enterprise norm filing (54号·三 "已颁布职业（工种）名称但尚无国家职业技能标准的职业，用人单位可开发企业
 * 评价规范，经职业技能鉴定机构备案后，开展本单位职工评价工作"):
 * - an employer submits its own norm (enterprise-norm.file, own records only) for a catalogue occupation (工种) of
 *   大类 3–6 that has no national standard in force;
 * - an appraisal centre (省职业技能鉴定中心 or 市职业技能鉴定机构, standard.manage) whose region covers the employer
 *   files it — the norm is then on file from that day, filed with the centre — or refuses it with a reason;
 *   the 人社厅 holds standard.manage but is not a 职业技能鉴定机构 and does not take filings;
 * - the submitting employer and the centres in scope read filings.
 * Every change is audited with its actor in the transaction that makes it; a submission sent again is answered
 * as already submitted.
 */
import { Context, Effect, Either, Layer, Option } from "effect"
import { ActionRefused } from "../access/AccessErrors.js"
import { requireAuthorised } from "../access/Authorise.js"
import type { Organisation } from "../access/Organisation.js"
import { type OrganisationRole, organisationRoleName, roleScope } from "../access/OrganisationRole.js"
import { mayPerform } from "../access/Permissions.js"
import { InstitutionNotFound } from "../institution/InstitutionErrors.js"
import { InstitutionRepository } from "../institution/InstitutionRepository.js"
import { AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import type { LocalDate } from "../time/LocalDate.js"
import { todayInBeijing } from "../time/Today.js"
import { cataloguedOccupation } from "./CataloguedOccupation.js"
import type { EnterpriseNorm } from "./EnterpriseNorm.js"
import type {
  EnterpriseNormFiling,
  EnterpriseNormFilingStatus,
  EnterpriseNormSubmission
} from "./EnterpriseNormFiling.js"
import { EnterpriseNormFilingRepository } from "./EnterpriseNormFilingRepository.js"
import { standardInForce } from "./NationalStandard.js"
import {
  EnterpriseNormFilingDecided,
  EnterpriseNormFilingNotFound,
  NationalStandardInForce,
  NotAnEmployer,
  TechnicalRecordIdTaken
} from "./OccupationErrors.js"
import { sameRecord } from "./SameRecord.js"
import { StandardRepository } from "./StandardRepository.js"

/** The 职业技能鉴定机构 that take filings. */
export const APPRAISAL_CENTRE_ROLES: ReadonlyArray<OrganisationRole> = [
  "provincial_appraisal_centre",
  "city_appraisal_centre"
]

export interface FilingListQuery {
  readonly status?: EnterpriseNormFilingStatus | undefined
  readonly limit: number
  readonly offset: number
}

const REASON = "企业评价规范备案（54号·三）"

const make = Effect.gen(function* () {
  const filings = yield* EnterpriseNormFilingRepository
  const standards = yield* StandardRepository
  const institutions = yield* InstitutionRepository
  const audit = yield* AuditTrail
  const transactional = yield* Transactional

  /** 54号·三: a norm serves only an occupation without a national standard in force on `date`. */
  const requireNoStandard = (occupationCode: string, workType: string | undefined, date: LocalDate) =>
    Effect.gen(function* () {
      const file = yield* standards.forOccupation(occupationCode)
      yield* cataloguedOccupation(file, { date, workType })
      const standard = standardInForce(file.basis.standards, occupationCode, date)
      if (standard !== undefined)
        return yield* new NationalStandardInForce({
          field: "occupationCode",
          occupationCode,
          standardId: standard.id,
          date
        })
    })

  const submit = Effect.fn("EnterpriseNormFilings.submit")(function* (
    submission: EnterpriseNormSubmission,
    org: Organisation
  ) {
    yield* requireAuthorised(org, "enterprise-norm.file", { ownerId: submission.employerId })
    const found = yield* institutions.findById(submission.employerId)
    if (Option.isNone(found))
      return yield* new InstitutionNotFound({ field: "employerId", institutionId: submission.employerId })
    const employer = found.value
    if (employer.kind !== "employer")
      return yield* new NotAnEmployer({ field: "employerId", institutionId: employer.id })
    const today = yield* todayInBeijing
    yield* requireNoStandard(submission.occupationCode, submission.workType, today)
    return yield* transactional.run(
      Effect.gen(function* () {
        const existing = yield* filings.find(submission.id)
        if (Option.isSome(existing)) {
          if (sameRecord(existing.value.submission, submission))
            return { filing: existing.value, alreadySubmitted: true }
          return yield* new TechnicalRecordIdTaken({
            field: "id",
            kind: "enterprise_norm",
            id: submission.id
          })
        }
        if (Option.isSome(yield* standards.findEnterpriseNorm(submission.id)))
          return yield* new TechnicalRecordIdTaken({
            field: "id",
            kind: "enterprise_norm",
            id: submission.id
          })
        const filing: EnterpriseNormFiling = {
          submission,
          employerUscc: employer.uscc,
          regionCode: employer.region,
          submittedBy: org.id,
          submittedOn: today,
          status: "submitted"
        }
        yield* filings.save(filing)
        yield* audit.record({
          actor: org.id,
          action: "enterprise-norm.submit",
          subject: submission.id,
          reason: REASON,
          details: {
            employerId: submission.employerId,
            occupationCode: submission.occupationCode,
            workType: submission.workType ?? null,
            levels: submission.levels
          }
        })
        return { filing, alreadySubmitted: false }
      })
    )
  })

  /** The undecided filing `normId`, for a centre whose region covers the employer. */
  const forDecision = (normId: string, org: Organisation) =>
    Effect.gen(function* () {
      const found = yield* filings.find(normId)
      if (Option.isNone(found)) return yield* new EnterpriseNormFilingNotFound({ field: "normId", normId })
      const filing = found.value
      yield* requireAuthorised(org, "standard.manage", { regionCode: filing.regionCode })
      if (!APPRAISAL_CENTRE_ROLES.includes(org.role))
        return yield* new ActionRefused({
          field: "action",
          action: "standard.manage",
          organisationId: org.id,
          codes: ["NotAppraisalInstitution"],
          reasons: [
            `${organisationRoleName(org.role)}不是职业技能鉴定机构：企业评价规范经职业技能鉴定机构（省职业技能鉴定中心或市职业技能鉴定机构）备案（54号·三）`
          ]
        })
      if (filing.status !== "submitted")
        return yield* new EnterpriseNormFilingDecided({ field: "normId", normId, status: filing.status })
      return filing
    })

  const decide = (
    normId: string,
    org: Organisation,
    outcome: { readonly _tag: "file" } | { readonly _tag: "refuse"; readonly reason: string }
  ) =>
    transactional.run(
      Effect.gen(function* () {
        const filing = yield* forDecision(normId, org)
        const today = yield* todayInBeijing
        const s = filing.submission
        if (outcome._tag === "refuse") {
          const refused: EnterpriseNormFiling = {
            ...filing,
            status: "refused",
            decision: { decidedBy: org.id, decidedOn: today, reason: outcome.reason }
          }
          yield* filings.save(refused)
          yield* audit.record({
            actor: org.id,
            action: "enterprise-norm.refuse",
            subject: normId,
            reason: outcome.reason,
            details: { employerId: s.employerId, occupationCode: s.occupationCode }
          })
          return { filing: refused, norm: null }
        }
        // A national standard may have come into force since the submission.
        yield* requireNoStandard(s.occupationCode, s.workType, today)
        const filedWith = org.institutionId ?? org.id
        const norm: EnterpriseNorm = {
          id: s.id,
          title: s.title,
          employerUscc: filing.employerUscc,
          occupationCode: s.occupationCode,
          ...(s.workType === undefined ? {} : { workType: s.workType }),
          levels: s.levels,
          filedWith,
          filedOn: today
        }
        const filed: EnterpriseNormFiling = {
          ...filing,
          status: "filed",
          decision: { decidedBy: org.id, decidedOn: today, filedWith }
        }
        yield* filings.save(filed)
        yield* standards.saveEnterpriseNorm(norm)
        yield* audit.record({
          actor: org.id,
          action: "enterprise-norm.file",
          subject: normId,
          reason: REASON,
          details: {
            employerId: s.employerId,
            occupationCode: s.occupationCode,
            workType: s.workType ?? null,
            levels: s.levels,
            filedWith
          }
        })
        return { filing: filed, norm }
      })
    )

  const file = Effect.fn("EnterpriseNormFilings.file")(function* (normId: string, org: Organisation) {
    return yield* decide(normId, org, { _tag: "file" })
  })

  const refuse = Effect.fn("EnterpriseNormFilings.refuse")(function* (
    normId: string,
    reason: string,
    org: Organisation
  ) {
    return yield* decide(normId, org, { _tag: "refuse", reason })
  })

  /** The employer's own filings, or those a centre or the province may decide; refused otherwise. */
  const get = Effect.fn("EnterpriseNormFilings.get")(function* (normId: string, org: Organisation) {
    const found = yield* filings.find(normId)
    if (Option.isNone(found)) return yield* new EnterpriseNormFilingNotFound({ field: "normId", normId })
    const filing = found.value
    const asEmployer = requireAuthorised(org, "enterprise-norm.file", {
      ownerId: filing.submission.employerId
    })
    if (Either.isRight(asEmployer)) return filing
    const asCentre = requireAuthorised(org, "standard.manage", { regionCode: filing.regionCode })
    if (Either.isRight(asCentre)) return filing
    return yield* Effect.fail(mayPerform(org.role, "enterprise-norm.file") ? asEmployer.left : asCentre.left)
  })

  /** An employer lists its own filings; a centre those in its region; the province all. */
  const list = Effect.fn("EnterpriseNormFilings.list")(function* (query: FilingListQuery, org: Organisation) {
    if (mayPerform(org.role, "enterprise-norm.file"))
      return yield* filings.list({
        ...query,
        employerIds: org.institutionId === undefined ? [org.id] : [org.id, org.institutionId]
      })
    yield* requireAuthorised(org, "standard.manage")
    return yield* filings.list(
      roleScope(org.role) === "everywhere" ? query : { ...query, regionCode: org.regionCode }
    )
  })

  return { submit, file, refuse, get, list } as const
})

export class EnterpriseNormFilings extends Context.Tag("@jineng/domain/EnterpriseNormFilings")<
  EnterpriseNormFilings,
  Effect.Effect.Success<typeof make>
>() {
  /** Requires EnterpriseNormFilingRepository, StandardRepository, InstitutionRepository, AuditTrail, Transactional. */
  static readonly layer = Layer.effect(this, make)
}
