/**
 * Use case: issue the level certificates of an evaluation batch (54号·四 "谁评价、谁发证、谁负责"). Every row
 * is checked with issuanceAuthority; one refused row refuses the whole batch and nothing is issued. Otherwise
 * the registry issues all certificates in one transaction, allocating numbers from the institution's prefix
 * (domain.md §3). A batch id already issued by the same institution returns its certificates (idempotent).
 * Given the acting organisation (an API key's), it must be allowed to issue for the institution first
 * (Authorise.ts: "batch.issue" on the institution's own records, domain.md §4) and is the audit entry's actor.
 */
import { Context, Effect, Layer, Option } from "effect"
import { requireAuthorised } from "../access/Authorise.js"
import type { Organisation } from "../access/Organisation.js"
import type { CertificateDraft } from "../certificate/CertificateDraft.js"
import { CertificateRepository } from "../certificate/CertificateRepository.js"
import type { Institution } from "../institution/Institution.js"
import { InstitutionNotFound } from "../institution/InstitutionErrors.js"
import { InstitutionRepository } from "../institution/InstitutionRepository.js"
import { StandardRepository } from "../occupation/StandardRepository.js"
import { AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import { todayInBeijing } from "../time/Today.js"
import { candidateAuthority } from "./CandidateAuthority.js"
import type { CertificateFace } from "./CertificateFace.js"
import type { IssuanceCheckRequest } from "./IssuanceCheckRequest.js"
import {
  BatchIdConflict,
  BatchRefused,
  EmptyBatch,
  IssueDateNotToday,
  type RefusedRow
} from "./IssuanceErrors.js"
import type { IssueBatchRequest } from "./IssueBatchRequest.js"

/** The face an institution's certificates carry: its name, its responsible person, its one seal. */
export const faceOf = (
  institution: Pick<Institution, "name" | "responsiblePerson" | "seal">
): CertificateFace => ({
  issuerNames: [institution.name],
  signatories: [institution.responsiblePerson.name],
  sealIds: [institution.seal.id]
})

const make = Effect.gen(function* () {
  const certificates = yield* CertificateRepository
  const institutions = yield* InstitutionRepository
  const standards = yield* StandardRepository
  const audit = yield* AuditTrail
  const transactional = yield* Transactional

  /**
   * `organisation`: the acting organisation, checked for "batch.issue" on the institution and recorded as the
   * actor. Without it, `actor` (an id) is recorded, else the institution itself (internal callers: the demo).
   */
  const issueBatch = Effect.fn("CertificateIssuance.issueBatch")(function* (
    request: IssueBatchRequest,
    options: { readonly actor?: string; readonly organisation?: Organisation } = {}
  ) {
    const { organisation } = options
    if (organisation !== undefined)
      yield* requireAuthorised(organisation, "batch.issue", {
        ownerId: request.institutionId,
        regionCode: request.evaluationRegion
      })
    const found = yield* institutions.findById(request.institutionId)
    if (Option.isNone(found)) {
      return yield* new InstitutionNotFound({ field: "institutionId", institutionId: request.institutionId })
    }
    const institution = found.value

    const today = yield* todayInBeijing
    if (request.issuedOn !== today) {
      return yield* new IssueDateNotToday({ field: "issuedOn", issuedOn: request.issuedOn, today })
    }

    const existing = yield* certificates.listByBatch(request.batchId)
    if (existing.length > 0) {
      const other = existing.find((c) => c.issuer.institutionId !== institution.id)
      if (other !== undefined) {
        return yield* new BatchIdConflict({
          field: "batchId",
          batchId: request.batchId,
          institutionId: institution.id,
          issuedBy: other.issuer.institutionId
        })
      }
      return { certificates: existing, alreadyIssued: true }
    }
    if (request.candidates.length === 0) {
      return yield* new EmptyBatch({ field: "candidates", batchId: request.batchId })
    }

    const face = request.face ?? faceOf(institution)
    const issuer = {
      institutionId: institution.id,
      name: institution.name,
      regionCode: institution.region,
      signatory: institution.responsiblePerson.name,
      sealId: institution.seal.id
    }
    const authority = candidateAuthority(standards, {
      institution,
      issuedOn: request.issuedOn,
      evaluationRegion: request.evaluationRegion,
      face
    })
    const refused: Array<RefusedRow> = []
    const drafts: Array<CertificateDraft> = []
    for (let index = 0; index < request.candidates.length; index++) {
      const candidate = request.candidates[index]
      if (candidate === undefined) continue
      const checked = yield* authority.check(candidate)
      const prefix = institution.numberingPrefix
      if (checked.decision.outcome !== "allowed" || prefix === undefined) {
        refused.push({ index, decision: checked.decision })
        continue
      }
      const name = checked.occupationName
      drafts.push({
        prefix,
        certificate: {
          kind: "level",
          holder: candidate.holder,
          occupation:
            candidate.workType === undefined
              ? { code: candidate.occupationCode, name }
              : { code: candidate.occupationCode, name, workType: candidate.workType },
          level: candidate.level,
          issuer,
          issuedOn: request.issuedOn,
          batchId: request.batchId
        }
      })
    }
    if (refused.length > 0) {
      return yield* new BatchRefused({ field: "candidates", batchId: request.batchId, refused })
    }
    // The certificates and their audit entry commit together (domain.md §4: every state change is audited).
    return yield* transactional.run(
      Effect.tap(certificates.issueBatch(request.batchId, drafts), (issued) =>
        issued.alreadyIssued
          ? Effect.void
          : audit.record({
              actor: organisation?.id ?? options.actor ?? institution.id,
              action: "certificate.issue-batch",
              subject: request.batchId,
              reason: "评价结果核发职业技能等级证书（54号·四）",
              details: {
                institutionId: institution.id,
                issuedOn: request.issuedOn,
                certificates: issued.certificates.length,
                occupations: authority.occupations()
              }
            })
      )
    )
  })

  /** The dry run an agency asks before submitting: each candidate's decision in order; nothing is written. */
  const check = Effect.fn("CertificateIssuance.check")(function* (request: IssuanceCheckRequest) {
    const found = yield* institutions.findById(request.institutionId)
    if (Option.isNone(found))
      return yield* new InstitutionNotFound({ field: "institutionId", institutionId: request.institutionId })
    const institution = found.value
    const authority = candidateAuthority(standards, {
      institution,
      issuedOn: request.issuedOn,
      evaluationRegion: request.evaluationRegion,
      face: request.face ?? faceOf(institution)
    })
    const decisions = yield* Effect.forEach(request.candidates, (candidate) =>
      Effect.map(authority.check(candidate), (checked) => checked.decision)
    )
    return { allowed: decisions.every((d) => d.outcome === "allowed"), decisions }
  })

  return { issueBatch, check } as const
})

export class CertificateIssuance extends Context.Tag("@jineng/domain/CertificateIssuance")<
  CertificateIssuance,
  Effect.Effect.Success<typeof make>
>() {
  /** Requires CertificateRepository, InstitutionRepository, StandardRepository, AuditTrail and Transactional. */
  static readonly layer = Layer.effect(this, make)
}
