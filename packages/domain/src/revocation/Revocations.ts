/**
 * Use cases of revocation (54号·五 "一律注销相关人员或批次的证书，并启动信用核查联动机制"): preview what an order would
 * do (nothing changes), and execute it — check the order and the actor's authority, then, in one transaction,
 * mark the valid certificates revoked with the order's reason, date and id (a whole batch in one statement), file
 * the order with its counts and append the audit entry: all three or none (issue #3 "Revoking certificates or a
 * whole batch is one transaction, with the order recorded"). Certificates already revoked keep their first
 * revocation and are reported as such (RevocationFinality). `previewAs` / `executeAs` are the same for an acting
 * organisation (the API): it orders in its own name — its role must hold the permission (Permissions), the
 * ordering authority is itself, the order may not be dated after today — and is the audit entry's actor.
 */
import { Clock, Context, Effect, Layer, Option } from "effect"
import { requireAuthorised } from "../access/Authorise.js"
import type { Organisation } from "../access/Organisation.js"
import type { Action } from "../access/Permissions.js"
import type { Certificate } from "../certificate/Certificate.js"
import { CertificateRepository } from "../certificate/CertificateRepository.js"
import { isWithinRegion } from "../codes/Region.js"
import type { Decision, Failure, Verdict } from "../rule/Decision.js"
import { AuditTrail } from "../shared/AuditTrail.js"
import { IdGenerator } from "../shared/IdGenerator.js"
import { Transactional } from "../shared/Transactional.js"
import { todayInBeijing } from "../time/Today.js"
import { type AlreadyRevoked, BatchProfiles, profileSize } from "./BatchProfiles.js"
import {
  AUTHORITY_SAMPLE,
  type OutsideRegion,
  outsideRegion,
  revocationAuthorityOf
} from "./RevocationAuthority.js"
import {
  CreditCheckReferralMissing,
  RevocationBasisMissing,
  RevocationBatchNotFound,
  RevocationCertificatesNotFound,
  RevocationNotAuthorised,
  RevocationOrderDatedInFuture,
  RevocationOrderNotFound,
  RevocationOrderNotInForce,
  RevocationScopeInvalid
} from "./RevocationErrors.js"
import { type RevokedStatus, revocationEffect } from "./RevocationFinality.js"
import type {
  ExecutedRevocationOrder,
  OrderingActor,
  RevocationOrder,
  RevocationOrderInput,
  RevocationRequest,
  RevocationScope
} from "./RevocationOrder.js"
import { checkRevocationOrder } from "./RevocationOrderCheck.js"
import { RevocationOrderRepository } from "./RevocationOrderRepository.js"
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
  /** Certificates found whose issuer lies outside the actor's region (a city may not revoke them). */
  readonly outsideRegion: number
  /** Up to PREVIEW_SAMPLE certificates of the scope, in scope order. */
  readonly sample: ReadonlyArray<PreviewEntry>
  /** Would the actor be allowed to revoke the certificates found? */
  readonly authority: Decision<Verdict>
  /** Is the order itself complete (basis, referral, scope, date)? */
  readonly order: Decision<Verdict>
}

export type { AlreadyRevoked }

interface RevocationPlan {
  readonly outside: OutsideRegion
  readonly alreadyRevoked: ReadonlyArray<AlreadyRevoked>
  /** Certificates in scope that are valid: the ones the order revokes. */
  readonly valid: number
  readonly revoke: (status: RevokedStatus) => Effect.Effect<number>
}

/** Who executes an order, for the audit trail and the order's file. */
export interface ExecuteOptions {
  /** The acting organisation or person (an API key's organisation id); default "<level>:<regionCode>". */
  readonly actor?: string
}

/** The audit action of an executed order. */
export const REVOCATION_AUDIT_ACTION = "revocation.execute"

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

/** The refusal of an order by the authority rule (RevocationAuthority), with how many certificates lie outside. */
const notAuthorised = (
  actor: { readonly level: string; readonly regionCode: string },
  refusal: Failure,
  outsideCount: number
) =>
  new RevocationNotAuthorised({
    field: refusal.field,
    level: actor.level,
    regionCode: actor.regionCode,
    outsideCount: refusal.code === "OutsideActorRegion" ? outsideCount : 0,
    sample: stringsOf(refusal),
    detail: refusal.message
  })

/**
 * The ordering actor an organisation acts as (domain.md §4): the province, or a 设区市 bureau for its city. Any
 * other role gets the authority rule's refusal (RevocationAuthority: only the province or a city may revoke).
 */
const orderingActorOf = (org: Organisation): Effect.Effect<OrderingActor, RevocationNotAuthorised> => {
  if (org.role === "province" || org.role === "city")
    return Effect.succeed({ level: org.role, regionCode: org.regionCode })
  const actor = { level: org.role, regionCode: org.regionCode }
  const refusal = revocationAuthorityOf(actor, () => ({ count: 0, sample: [] })).failures[0]
  return refusal === undefined
    ? Effect.dieMessage(`the authority rule let ${org.role} revoke`)
    : Effect.fail(notAuthorised(actor, refusal, 0))
}

const make = Effect.gen(function* () {
  const repository = yield* CertificateRepository
  const profiles = yield* BatchProfiles
  const orders = yield* RevocationOrderRepository
  const audit = yield* AuditTrail
  const transactional = yield* Transactional
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
    const outside = outsideRegion(input.orderedBy.regionCode, found)
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
      outsideRegion: outside.count,
      sample,
      authority: revocationAuthorityOf(input.orderedBy, () => outside),
      order: checkRevocationOrder(input)
    }
    return result
  })

  /**
   * What executing an order will do, read inside its transaction: the certificates in scope outside the actor's
   * region (count and sample), those revoked before, how many are valid, and the write that revokes them. A whole
   * batch is profiled by aggregate queries and revoked in one statement; named certificates are looked up.
   */
  const planOf = (input: RevocationOrderInput) =>
    Effect.gen(function* () {
      const scope = input.scope
      const actor = input.orderedBy
      if (scope._tag === "batch") {
        const profile = yield* profiles.profile(scope.batchId)
        if (profileSize(profile) === 0)
          return yield* new RevocationBatchNotFound({ field: "scope.batchId", batchId: scope.batchId })
        const outsideRegions = profile.regions.filter(
          (r) => !isWithinRegion(r.issuerRegionCode, actor.regionCode)
        )
        const count = outsideRegions.reduce((n, r) => n + r.valid + r.revoked, 0)
        const sample =
          actor.level === "city" && count > 0
            ? yield* profiles.numbersIssuedIn(
                scope.batchId,
                outsideRegions.map((r) => r.issuerRegionCode),
                AUTHORITY_SAMPLE
              )
            : []
        const plan: RevocationPlan = {
          outside: { count, sample },
          alreadyRevoked: profile.revoked,
          valid: profile.regions.reduce((n, r) => n + r.valid, 0),
          revoke: (status) => repository.revokeBatch(scope.batchId, status)
        }
        return plan
      }
      const { found, missing } = yield* resolve(scope)
      if (missing.length > 0)
        return yield* new RevocationCertificatesNotFound({
          field: "scope.numbers",
          count: missing.length,
          sample: missing.slice(0, ERROR_SAMPLE)
        })
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
      const plan: RevocationPlan = {
        outside: outsideRegion(actor.regionCode, found),
        alreadyRevoked,
        valid: toRevoke.length,
        revoke: (status) => repository.revoke(toRevoke, status)
      }
      return plan
    })

  const execute = Effect.fn("Revocations.execute")(function* (
    input: RevocationOrderInput,
    options: ExecuteOptions = {}
  ) {
    const check = checkRevocationOrder(input)
    if (check.outcome !== "allowed") return yield* orderError(input, check)
    const executedBy = options.actor ?? `${input.orderedBy.level}:${input.orderedBy.regionCode}`
    return yield* transactional.run(
      Effect.gen(function* () {
        const plan = yield* planOf(input)
        const authority = revocationAuthorityOf(input.orderedBy, () => plan.outside)
        const refusal = authority.failures[0]
        if (refusal !== undefined) return yield* notAuthorised(input.orderedBy, refusal, plan.outside.count)
        const orderId = yield* ids.next("rev")
        const status: RevokedStatus = {
          _tag: "revoked",
          revokedOn: input.orderedOn,
          reason: input.reason,
          orderId
        }
        const alreadyRevoked = plan.alreadyRevoked
        const revoked = plan.valid === 0 ? 0 : yield* plan.revoke(status)
        const order: RevocationOrder = { ...input, id: orderId }
        const executed: ExecutedRevocationOrder = {
          order,
          revoked,
          alreadyRevoked: alreadyRevoked.length,
          executedBy,
          executedAt: new Date(yield* Clock.currentTimeMillis).toISOString()
        }
        yield* orders.save(executed)
        yield* audit.record({
          actor: executedBy,
          action: REVOCATION_AUDIT_ACTION,
          subject: orderId,
          reason: input.reason,
          details: {
            scope:
              input.scope._tag === "batch"
                ? { batchId: input.scope.batchId }
                : { certificates: input.scope.numbers.length },
            basis: input.basis,
            creditCheckReferred: input.creditCheck.referred,
            orderedBy: input.orderedBy,
            orderedOn: input.orderedOn,
            revoked,
            alreadyRevoked: alreadyRevoked.length
          }
        })
        const summary: RevocationSummary = {
          order,
          revoked,
          alreadyRevoked,
          creditCheckReferred: input.creditCheck.referred,
          authority,
          check
        }
        return summary
      })
    )
  })

  /**
   * The order an organisation submits, as the order it makes: its role may perform `action` (Permissions), it
   * orders in its own name (the province, or a city for its city), and the order is not dated ahead of today.
   */
  const orderOf = (org: Organisation, action: Action, request: RevocationRequest) =>
    Effect.gen(function* () {
      yield* requireAuthorised(org, action)
      const orderedBy = yield* orderingActorOf(org)
      const today = yield* todayInBeijing
      if (request.orderedOn > today)
        return yield* new RevocationOrderDatedInFuture({
          field: "orderedOn",
          orderedOn: request.orderedOn,
          today
        })
      const input: RevocationOrderInput = { ...request, orderedBy }
      return input
    })

  /**
   * The preview an organisation asks for before it orders: refused, like the order itself would be, when the order
   * is incomplete or reaches certificates outside the organisation's authority — a city sees no holder of another
   * city's certificates.
   */
  const previewAs = Effect.fn("Revocations.previewAs")(function* (
    org: Organisation,
    request: RevocationRequest
  ) {
    const input = yield* orderOf(org, "revocation.preview", request)
    const check = checkRevocationOrder(input)
    if (check.outcome !== "allowed") return yield* orderError(input, check)
    const result = yield* preview(input)
    const refusal = result.authority.failures[0]
    if (refusal !== undefined) return yield* notAuthorised(input.orderedBy, refusal, result.outsideRegion)
    return result
  })

  /** Executes the order an organisation makes, audited with the organisation's id as the actor. */
  const executeAs = Effect.fn("Revocations.executeAs")(function* (
    org: Organisation,
    request: RevocationRequest
  ) {
    const input = yield* orderOf(org, "revocation.execute", request)
    return yield* execute(input, { actor: org.id })
  })

  const findOrder = Effect.fn("Revocations.findOrder")(function* (orderId: string) {
    const found = yield* orders.findById(orderId)
    if (Option.isNone(found)) return yield* new RevocationOrderNotFound({ field: "orderId", orderId })
    return found.value
  })

  return { preview, execute, previewAs, executeAs, findOrder } as const
})

export class Revocations extends Context.Tag("@jineng/domain/Revocations")<
  Revocations,
  Effect.Effect.Success<typeof make>
>() {
  /**
   * Requires CertificateRepository, BatchProfiles, RevocationOrderRepository, AuditTrail, Transactional and
   * IdGenerator.
   */
  static readonly layer = Layer.effect(this, make)
}
