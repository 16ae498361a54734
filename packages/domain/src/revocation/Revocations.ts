/**
 * Use cases of revocation (54号·五 "一律注销相关人员或批次的证书，并启动信用核查联动机制"): preview what an order would
 * do (nothing changes), and execute it — check the order and the actor's authority, then mark the valid
 * certificates revoked with the order's reason, date and id. Certificates already revoked keep their first
 * revocation and are reported as such (RevocationFinality).
 */
import { Context, Effect, Layer, Option } from "effect"
import type { Certificate } from "../certificate/Certificate.js"
import { CertificateRepository } from "../certificate/CertificateRepository.js"
import type { Decision, Failure, Verdict } from "../rule/Decision.js"
import { IdGenerator } from "../shared/IdGenerator.js"
import { outsideRegion, revocationAuthority } from "./RevocationAuthority.js"
import {
  CreditCheckReferralMissing,
  RevocationBasisMissing,
  RevocationBatchNotFound,
  RevocationCertificatesNotFound,
  RevocationNotAuthorised,
  RevocationOrderNotInForce,
  RevocationScopeInvalid
} from "./RevocationErrors.js"
import { type RevokedStatus, revocationEffect } from "./RevocationFinality.js"
import type { RevocationOrder, RevocationOrderInput, RevocationScope } from "./RevocationOrder.js"
import { checkRevocationOrder } from "./RevocationOrderCheck.js"
import { revocationReasonName } from "./RevocationReason.js"

/** How many certificates a preview or an error shows. */
export const PREVIEW_SAMPLE = 10
const ERROR_SAMPLE = 5

export interface PreviewEntry {
  readonly number: string
  readonly effect: "revoke" | "already_revoked" | "not_found"
  readonly holderName: string | null
  readonly issuerRegionCode: string | null
}

export interface RevocationPreview {
  readonly toRevoke: number
  readonly alreadyRevoked: number
  readonly notFound: number
  /** Up to PREVIEW_SAMPLE certificates of the scope, in scope order. */
  readonly sample: ReadonlyArray<PreviewEntry>
  /** Would the actor be allowed to revoke the certificates found? */
  readonly authority: Decision<Verdict>
  /** Is the order itself complete (basis, referral, scope, date)? */
  readonly order: Decision<Verdict>
}

export interface AlreadyRevoked {
  readonly number: string
  readonly revokedOn: string
  readonly reason: string
  readonly orderId: string
}

export interface RevocationSummary {
  readonly order: RevocationOrder
  /** Certificates this order revoked. */
  readonly revoked: number
  /** Certificates in scope that were revoked before: their first revocation stands. */
  readonly alreadyRevoked: ReadonlyArray<AlreadyRevoked>
  readonly creditCheckReferred: boolean
  readonly authority: Decision<Verdict>
  readonly check: Decision<Verdict>
}

const stringsOf = (f: Failure): ReadonlyArray<string> => (Array.isArray(f.seen) ? f.seen.map(String) : [])

/** The error for the first failed condition of a refused order check. */
const orderError = (order: RevocationOrderInput, check: Decision<Verdict>) => {
  if (check.outcome === "not_in_force")
    return new RevocationOrderNotInForce({ field: "orderedOn", orderedOn: order.orderedOn })
  const first = check.failures[0]
  switch (first?.code) {
    case "CreditCheckReferralMissing":
      return new CreditCheckReferralMissing({
        field: first.field,
        reason: order.reason,
        reasonName: revocationReasonName(order.reason)
      })
    case "NoCertificatesNamed":
      return new RevocationScopeInvalid({ field: first.field, problem: "empty", numbers: [] })
    case "DuplicateCertificateNumbers":
      return new RevocationScopeInvalid({
        field: first.field,
        problem: "duplicate",
        numbers: stringsOf(first)
      })
    case "MalformedCertificateNumbers":
      return new RevocationScopeInvalid({
        field: first.field,
        problem: "malformed",
        numbers: stringsOf(first)
      })
    case "BatchIdMissing":
      return new RevocationScopeInvalid({ field: first.field, problem: "batch_id_missing", numbers: [] })
    default:
      return new RevocationBasisMissing({ field: first?.field ?? "basis" })
  }
}

const make = Effect.gen(function* () {
  const repository = yield* CertificateRepository
  const ids = yield* IdGenerator

  /** The certificates in scope, and the named numbers not in the registry. */
  const resolve = (scope: RevocationScope) =>
    Effect.gen(function* () {
      if (scope._tag === "batch") {
        const found = yield* repository.listByBatch(scope.batchId)
        if (found.length === 0)
          return yield* new RevocationBatchNotFound({ field: "scope.batchId", batchId: scope.batchId })
        return {
          found,
          missing: [] as ReadonlyArray<string>,
          ordered: found.map((c) => [c.number, c] as const)
        }
      }
      const ordered = yield* Effect.forEach(scope.numbers, (n) =>
        Effect.map(repository.findByNumber(n), (c) => [n as string, Option.getOrUndefined(c)] as const)
      )
      const found: Array<Certificate> = []
      const missing: Array<string> = []
      for (const [n, c] of ordered) {
        if (c === undefined) missing.push(n)
        else found.push(c)
      }
      return { found, missing, ordered }
    })

  const preview = Effect.fn("Revocations.preview")(function* (input: RevocationOrderInput) {
    const { found, missing, ordered } = yield* resolve(input.scope)
    let alreadyRevoked = 0
    for (const c of found) if (revocationEffect(c.status) === "already_revoked") alreadyRevoked++
    const sample: Array<PreviewEntry> = []
    for (const [number, c] of ordered) {
      if (sample.length === PREVIEW_SAMPLE) break
      sample.push(
        c === undefined
          ? { number, effect: "not_found", holderName: null, issuerRegionCode: null }
          : {
              number,
              effect: revocationEffect(c.status),
              holderName: c.holder.name,
              issuerRegionCode: c.issuer.regionCode
            }
      )
    }
    const result: RevocationPreview = {
      toRevoke: found.length - alreadyRevoked,
      alreadyRevoked,
      notFound: missing.length,
      sample,
      authority: revocationAuthority(input.orderedBy, found),
      order: checkRevocationOrder(input)
    }
    return result
  })

  const execute = Effect.fn("Revocations.execute")(function* (input: RevocationOrderInput) {
    const check = checkRevocationOrder(input)
    if (check.outcome !== "allowed") return yield* orderError(input, check)

    const { found, missing } = yield* resolve(input.scope)
    if (missing.length > 0)
      return yield* new RevocationCertificatesNotFound({
        field: "scope.numbers",
        count: missing.length,
        sample: missing.slice(0, ERROR_SAMPLE)
      })

    const authority = revocationAuthority(input.orderedBy, found)
    const refusal = authority.failures[0]
    if (refusal !== undefined)
      return yield* new RevocationNotAuthorised({
        field: refusal.field,
        level: input.orderedBy.level,
        regionCode: input.orderedBy.regionCode,
        outsideCount:
          refusal.code === "OutsideActorRegion" ? outsideRegion(input.orderedBy.regionCode, found).count : 0,
        sample: stringsOf(refusal),
        detail: refusal.message
      })

    const orderId = yield* ids.next("rev")
    const status: RevokedStatus = {
      _tag: "revoked",
      revokedOn: input.orderedOn,
      reason: input.reason,
      orderId
    }
    const toRevoke: Array<string> = []
    const alreadyRevoked: Array<AlreadyRevoked> = []
    for (const c of found) {
      if (c.status._tag === "revoked")
        alreadyRevoked.push({
          number: c.number,
          revokedOn: c.status.revokedOn,
          reason: c.status.reason,
          orderId: c.status.orderId
        })
      else toRevoke.push(c.number)
    }
    const revoked = toRevoke.length === 0 ? 0 : yield* repository.revoke(toRevoke, status)
    const summary: RevocationSummary = {
      order: { ...input, id: orderId },
      revoked,
      alreadyRevoked,
      creditCheckReferred: input.creditCheck.referred,
      authority,
      check
    }
    return summary
  })

  return { preview, execute } as const
})

export class Revocations extends Context.Tag("@jineng/domain/Revocations")<
  Revocations,
  Effect.Effect.Success<typeof make>
>() {
  /** Requires CertificateRepository and IdGenerator. */
  static readonly layer = Layer.effect(this, make)
}
