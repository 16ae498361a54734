/**
 * Use case: issue a competition's certificates (竞赛专用证书样式, 54号·四). Who may issue is decided by the class
 * (CompetitionCertificateIssuer): 市级一类 and 区(县)级 the city's 职业技能鉴定机构 (代章); 市级二类 that centre or a
 * commissioned host holding 认定 authority; 省级 is not covered by the notice. The competition must still comply
 * (no fees, whole occupations — "严禁…以职业（工种）部分工作内容作为竞赛赛项…核发相应证书") and keep its support and
 * incentives: a competition whose required filing was not completed before it started gets none (54号·二). Every
 * row must be one of the competition's event occupations; one refused row refuses the whole submission. All
 * certificates are issued in one transaction with their audit entry; the same submission id again returns the
 * certificates issued the first time (the certificate registry's batch, `<competition id>/<submission id>`).
 */
import { Context, Effect, Layer, Option } from "effect"
import { requireAuthorised } from "../access/Authorise.js"
import type { Organisation } from "../access/Organisation.js"
import type { Certificate } from "../certificate/Certificate.js"
import type { CertificateDraft } from "../certificate/CertificateDraft.js"
import { BatchIdTakenByAnotherIssuer } from "../certificate/CertificateErrors.js"
import { CertificateRepository } from "../certificate/CertificateRepository.js"
import type { NumberingPrefix } from "../codes/CertificateNumber.js"
import { InstitutionRepository } from "../institution/InstitutionRepository.js"
import type { ProvisionalNote } from "../rule/Decision.js"
import { AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import type { LocalDate } from "../time/LocalDate.js"
import { todayInBeijing } from "../time/Today.js"
import type { Competition, EventOccupation } from "./Competition.js"
import {
  type CertificateIssuerDecision,
  competitionCertificateIssuer
} from "./CompetitionCertificateIssuer.js"
import {
  CompetitionCertificateIssuerRefused,
  CompetitionCertificatesRefused,
  CompetitionIncentivesLost,
  CompetitionRefused,
  type RefusedCertificateRow
} from "./CompetitionErrors.js"
import { competitionIssuerOf } from "./CompetitionIssuerIdentity.js"
import { competitionRecord, competitionTarget } from "./CompetitionRecord.js"
import { CompetitionRepository } from "./CompetitionRepository.js"
import type { CompetitionCertificateRow, IssueCompetitionCertificates } from "./CompetitionRequests.js"
import { completedFiling, filingIncentives } from "./Filing.js"
import { FilingRepository } from "./FilingRepository.js"
import { reviewCompetition } from "./ReviewCompetition.js"

export interface IssuedCompetitionCertificates {
  readonly competitionId: string
  readonly submissionId: string
  /** The certificate registry's batch of this submission. */
  readonly batchId: string
  /** true when the submission had been issued before: nothing new was created. */
  readonly alreadyIssued: boolean
  readonly issuerDecision: CertificateIssuerDecision
  readonly provisional: ReadonlyArray<ProvisionalNote>
  readonly certificates: ReadonlyArray<Certificate>
}

/** The batch of a submission in the certificate registry. */
export const competitionBatchId = (competitionId: string, submissionId: string) =>
  `${competitionId}/${submissionId}`

const label = (o: EventOccupation) =>
  o.workType === undefined ? `${o.name}（${o.code}）` : `${o.name}·${o.workType}（${o.code}）`

/** The event occupation a row certifies: same code, and the same 工种 when the row names one. */
const eventOccupationOf = (competition: Competition, row: CompetitionCertificateRow) =>
  competition.events
    .flatMap((e) => e.occupations)
    .find((o) => o.code === row.occupationCode && (row.workType === undefined || row.workType === o.workType))

/** The drafts of every row, or the refused rows (54号·三、四: one whole occupation per event, certified as such). */
export const competitionDrafts = (input: {
  readonly competition: Competition
  readonly rows: ReadonlyArray<CompetitionCertificateRow>
  readonly prefix: NumberingPrefix
  readonly issuer: Certificate["issuer"]
  readonly issuedOn: LocalDate
  readonly batchId: string
}): {
  readonly drafts: ReadonlyArray<CertificateDraft>
  readonly refused: ReadonlyArray<RefusedCertificateRow>
} => {
  const { competition } = input
  const drafts: Array<CertificateDraft> = []
  const refused: Array<RefusedCertificateRow> = []
  const declared = competition.events.flatMap((e) => e.occupations).map(label)
  for (const [index, row] of input.rows.entries()) {
    const occupation = eventOccupationOf(competition, row)
    if (occupation === undefined) {
      refused.push({
        index,
        field: `certificates.${index}.occupationCode`,
        message: `${row.occupationCode}${row.workType === undefined ? "" : `·${row.workType}`} 不是本竞赛的赛项职业（工种）；本竞赛赛项职业为：${declared.join("、")}（54号·三、四）`
      })
      continue
    }
    const workType = row.workType ?? occupation.workType
    drafts.push({
      prefix: input.prefix,
      certificate: {
        kind: "competition",
        holder: row.holder,
        occupation:
          workType === undefined
            ? { code: occupation.code, name: occupation.name }
            : { code: occupation.code, name: occupation.name, workType },
        level: row.level,
        issuer: input.issuer,
        issuedOn: input.issuedOn,
        batchId: input.batchId
      }
    })
  }
  return { drafts, refused }
}

const make = Effect.gen(function* () {
  const competitions = yield* CompetitionRepository
  const filings = yield* FilingRepository
  const institutions = yield* InstitutionRepository
  const certificates = yield* CertificateRepository
  const audit = yield* AuditTrail
  const transactional = yield* Transactional

  /** 54号·二: the competition complies, and keeps its incentives given the filing completed (if any). */
  const checkStanding = (competition: Competition) =>
    Effect.gen(function* () {
      const completed = (yield* filings.listByCompetition(competition.id)).find(
        (f) => f.status === "completed"
      )
      const review = reviewCompetition(
        competition,
        completed === undefined ? undefined : completedFiling(completed)
      )
      if (review.outcome === "refused" || review.outcome === "not_in_force")
        return yield* new CompetitionRefused({
          field: "competitionId",
          competitionId: competition.id,
          failures: review.outcome === "not_in_force" ? review.failures : review.compliance.failures
        })
      const incentives = completed === undefined ? review.incentives : filingIncentives(completed)
      if (incentives.outcome === "lost")
        return yield* new CompetitionIncentivesLost({
          field: "competitionId",
          competitionId: competition.id,
          failures: incentives.failures
        })
    })

  const issue = Effect.fn("CompetitionCertificates.issue")(function* (
    competitionId: string,
    request: IssueCompetitionCertificates,
    org: Organisation
  ) {
    const record = yield* competitionRecord(competitions, competitionId)
    yield* requireAuthorised(org, "competition-certificate.issue", competitionTarget(record))
    const { competition } = record
    const today = yield* todayInBeijing
    const institution =
      org.institutionId === undefined
        ? undefined
        : Option.getOrUndefined(yield* institutions.findById(org.institutionId))
    const identity = competitionIssuerOf({
      org,
      institution,
      competition,
      commission: request.commission,
      on: today
    })
    const issuerDecision = competitionCertificateIssuer({
      competition,
      issuer: identity.candidate,
      issuedOn: today
    })
    const batchId = competitionBatchId(competition.id, request.submissionId)
    const answer = (
      issued: ReadonlyArray<Certificate>,
      alreadyIssued: boolean
    ): IssuedCompetitionCertificates => ({
      competitionId: competition.id,
      submissionId: request.submissionId,
      batchId,
      alreadyIssued,
      issuerDecision,
      provisional: identity.provisional,
      certificates: issued
    })

    const existing = yield* certificates.listByBatch(batchId)
    if (existing.length > 0) {
      if (existing.some((c) => c.issuer.institutionId !== identity.issuer.institutionId))
        return yield* new BatchIdTakenByAnotherIssuer({ field: "submissionId", batchId })
      return answer(existing, true)
    }
    if (issuerDecision.outcome !== "allowed")
      return yield* new CompetitionCertificateIssuerRefused({
        field: issuerDecision.failures[0]?.field ?? "issuer",
        competitionId: competition.id,
        outcome: issuerDecision.outcome,
        mayIssue: [...issuerDecision.mayIssue],
        failures: issuerDecision.failures
      })
    const prefix = identity.prefix
    if (prefix === undefined)
      // competitionCertificateIssuer allows a host only with 认定 authority, which comes with a prefix.
      return yield* Effect.dieMessage("an allowed competition certificate issuer has no numbering prefix")
    yield* checkStanding(competition)

    const { drafts, refused } = competitionDrafts({
      competition,
      rows: request.certificates,
      prefix,
      issuer: identity.issuer,
      issuedOn: today,
      batchId
    })
    if (refused.length > 0)
      return yield* new CompetitionCertificatesRefused({
        field: refused[0]?.field ?? "certificates",
        competitionId: competition.id,
        refused
      })
    return yield* transactional.run(
      Effect.gen(function* () {
        const issued = yield* certificates.issueBatch(batchId, drafts)
        if (!issued.alreadyIssued)
          yield* audit.record({
            actor: org.id,
            action: "competition-certificate.issue",
            subject: batchId,
            reason: "核发竞赛职业证书（54号·四）",
            details: {
              competitionId: competition.id,
              submissionId: request.submissionId,
              class: competition.class,
              issuer: identity.candidate._tag,
              issuerId: identity.issuer.institutionId,
              commission: request.commission === undefined ? null : { ...request.commission },
              certificates: issued.certificates.length
            }
          })
        return answer(issued.certificates, issued.alreadyIssued)
      })
    )
  })

  return { issue } as const
})

export class CompetitionCertificates extends Context.Tag("@jineng/domain/CompetitionCertificates")<
  CompetitionCertificates,
  Effect.Effect.Success<typeof make>
>() {
  /**
   * Requires CompetitionRepository, FilingRepository, InstitutionRepository, CertificateRepository, AuditTrail
   * and Transactional.
   */
  static readonly layer = Layer.effect(this, make)
}
