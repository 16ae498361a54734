/**
 * Use cases of evaluation batches (附件2 评价批次; 54号·五 公布, 54号·四 核发), each for an acting organisation whose
 * scope is checked first (Authorise.ts, domain.md §4: an institution on its own records, a department within its
 * region):
 * - `publish`: plan and publish a batch in one transaction with its audit entry, after BatchPublication.ts allows
 *   it (complete 附件2 row, institution admitted, evaluation within its authorisation). Names are the catalogue's.
 * - `get`: a batch as its institution or a department of its region sees it (status, step dates, result counts).
 * - `issue`: the batch's results — the candidates who passed — and their certificates, all or nothing: the rows
 *   must belong to the batch (BatchSubmission.ts); CertificateIssuance checks every row's authority and issues;
 *   the results are recorded and the batch marked issued in the same transaction. Idempotent by batch id: a
 *   retry returns the certificates already issued and changes nothing. A third-party institution issues only for
 *   a batch it published (54号·五 附件2); an employer evaluating its own staff (54号·三) publishes no 附件2 row, so
 *   its batch id needs no evaluation batch.
 */
import { Context, Effect, Either, Layer, Option } from "effect"
import { authorise, requireAuthorised } from "../access/Authorise.js"
import type { Organisation } from "../access/Organisation.js"
import { InstitutionNotFound } from "../institution/InstitutionErrors.js"
import { InstitutionRepository } from "../institution/InstitutionRepository.js"
import { lookupOf, nameOn } from "../occupation/OccupationCatalogue.js"
import { StandardRepository } from "../occupation/StandardRepository.js"
import { AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import { todayInBeijing } from "../time/Today.js"
import { batchPublication } from "./BatchPublication.js"
import { duplicateCandidate, passedCandidatesOf, submissionMismatch } from "./BatchSubmission.js"
import { CertificateIssuance } from "./CertificateIssuance.js"
import { checkStep, type EvaluationBatch, type EvaluationBatchPlan } from "./EvaluationBatch.js"
import { BatchPublicationRefused, EvaluationBatchNotFound } from "./EvaluationBatchErrors.js"
import { EvaluationBatchRepository } from "./EvaluationBatchRepository.js"
import type { IssueBatchRequest } from "./IssueBatchRequest.js"
import type { PublishBatchRequest } from "./PublishBatchRequest.js"

/** The audit action of a published batch. */
export const BATCH_PUBLISH_AUDIT_ACTION = "batch.publish"

const targetOf = (batch: EvaluationBatch) => ({ regionCode: batch.regionCode, ownerId: batch.institution.id })

const make = Effect.gen(function* () {
  const batches = yield* EvaluationBatchRepository
  const institutions = yield* InstitutionRepository
  const standards = yield* StandardRepository
  const issuance = yield* CertificateIssuance
  const audit = yield* AuditTrail
  const transactional = yield* Transactional

  const publish = Effect.fn("EvaluationBatches.publish")(function* (
    request: PublishBatchRequest,
    organisation: Organisation
  ) {
    yield* requireAuthorised(organisation, "batch.publish", {
      regionCode: request.regionCode,
      ownerId: request.institutionId
    })
    const found = yield* institutions.findById(request.institutionId)
    if (Option.isNone(found))
      return yield* new InstitutionNotFound({ field: "institutionId", institutionId: request.institutionId })
    const institution = found.value
    const today = yield* todayInBeijing
    const file = yield* standards.forOccupation(request.occupation.code)
    const occupationName =
      file.entry === undefined ? undefined : nameOn(file.entry, request.evaluationTime.from)
    const decision = batchPublication({
      listing: {
        institution: { id: institution.id, name: institution.name },
        occupation: { ...request.occupation, name: occupationName },
        level: request.level,
        evaluationTime: request.evaluationTime,
        contact: request.contact,
        regionCode: request.regionCode
      },
      publishedOn: today,
      institution,
      catalogue: lookupOf(file.entry === undefined ? [] : [file.entry]),
      basis: file.basis
    })
    if (decision.outcome !== "allowed" || occupationName === undefined)
      return yield* new BatchPublicationRefused({
        field: decision.failures[0]?.field ?? "evaluationTime.from",
        batchId: request.id,
        decision
      })
    const plan: EvaluationBatchPlan = {
      id: request.id,
      institution: { id: institution.id, name: institution.name },
      occupation: { ...request.occupation, name: occupationName },
      level: request.level,
      evaluationTime: request.evaluationTime,
      contact: request.contact,
      regionCode: request.regionCode,
      plannedOn: today
    }
    return yield* transactional.run(
      Effect.gen(function* () {
        yield* batches.plan(plan)
        const published = yield* batches.publish(plan.id, today)
        yield* audit.record({
          actor: organisation.id,
          action: BATCH_PUBLISH_AUDIT_ACTION,
          subject: plan.id,
          reason: "公布评价批次的评价职业、等级、时间和联系方式（54号·五、附件2）",
          details: {
            institutionId: institution.id,
            occupationCode: plan.occupation.code,
            level: plan.level,
            regionCode: plan.regionCode,
            evaluationTime: plan.evaluationTime
          }
        })
        return published
      })
    )
  })

  const get = Effect.fn("EvaluationBatches.get")(function* (batchId: string, organisation: Organisation) {
    const found = yield* batches.findById(batchId)
    if (Option.isNone(found)) return yield* new EvaluationBatchNotFound({ field: "batchId", batchId })
    const target = targetOf(found.value)
    // Who may publish the batch (its institution, the departments of its region) or issue for it may read it.
    if (authorise(organisation, "batch.issue", target).outcome !== "allowed")
      yield* requireAuthorised(organisation, "batch.publish", target)
    return found.value
  })

  const issue = Effect.fn("EvaluationBatches.issue")(function* (
    request: IssueBatchRequest,
    organisation: Organisation
  ) {
    yield* requireAuthorised(organisation, "batch.issue", {
      ownerId: request.institutionId,
      regionCode: request.evaluationRegion
    })
    const duplicate = duplicateCandidate(request)
    if (duplicate !== undefined) return yield* duplicate
    const found = yield* batches.findById(request.batchId)
    if (Option.isNone(found)) {
      const institution = yield* institutions.findById(request.institutionId)
      if (Option.isSome(institution) && institution.value.kind === "third_party")
        return yield* new EvaluationBatchNotFound({ field: "batchId", batchId: request.batchId })
      return yield* issuance.issueBatch(request, { organisation })
    }
    const batch = found.value
    const mismatch = submissionMismatch(batch, request)
    if (mismatch !== undefined) return yield* mismatch
    if (batch.status === "issued") return yield* issuance.issueBatch(request, { organisation })
    const step = checkStep(batch, "record_results", request.issuedOn)
    if (Either.isLeft(step)) return yield* step.left
    return yield* transactional.run(
      Effect.gen(function* () {
        const issued = yield* issuance.issueBatch(request, { organisation })
        if (issued.alreadyIssued) return issued
        yield* batches.recordResults(batch.id, passedCandidatesOf(request), request.issuedOn)
        yield* batches.markIssued(batch.id, request.issuedOn)
        return issued
      })
    )
  })

  return { publish, get, issue } as const
})

export class EvaluationBatches extends Context.Tag("@jineng/domain/EvaluationBatches")<
  EvaluationBatches,
  Effect.Effect.Success<typeof make>
>() {
  /**
   * Requires EvaluationBatchRepository, InstitutionRepository, StandardRepository, CertificateIssuance,
   * AuditTrail and Transactional.
   */
  static readonly layer = Layer.effect(this, make)
}
