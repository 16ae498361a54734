/**
 * The public certificate lookup's rules, once (54号·四 查询服务; domain.md §2): two factors — certificate number
 * + name, or ID number + name — rate-limited per client address and per looked-up number or ID number, and an
 * answer that tells nothing about which factor was wrong (an unknown number and a wrong name get the same 404
 * after the same work: one indexed read, then a name comparison). Both the Hono route
 * (routes/publicCertificates.ts: app.request, OpenAPI, the typed client) and the server's fast path
 * (LookupFastPath.ts) answer through `lookup` here; they differ only in how they read the request and write
 * the answer.
 *
 * A refusal (400, 429) is answered at once; an answer that needs the registry is a promise, its read batched
 * with the other reads of the same event-loop turn (BatchedReads.ts). Defects (a broken database) reject.
 */
import { certificateNumberMessage, certificateNumberProblem } from "@jineng/domain/codes/CertificateNumber"
import {
  normaliseResidentId,
  residentIdMessage,
  residentIdProblem
} from "@jineng/domain/codes/ResidentIdNumber"
import { Text } from "@jineng/domain/shared/FieldSchema"
import { Either, Option, Schema } from "effect"
import { batchedReads } from "./BatchedReads.js"
import { type CertificateView, CertificateViewSchema, certificateView } from "./CertificateView.js"
import { type Limit, tooManyProblem } from "./ClientLimit.js"
import { identityKey } from "./IdentityKey.js"
import { type Problem, TITLES } from "./Problem.js"
import { FixedWindowLimiter } from "./RateLimit.js"
import type { RouteDeps } from "./RouteDeps.js"
import { decoderOf, invalidRequestProblem } from "./Validate.js"

export const LookupQuery = Schema.Struct({
  name: Schema.propertySignature(Text("持证人姓名", 50)).annotations({
    missingMessage: () => "请填写持证人姓名（不超过50个字符）"
  }),
  number: Schema.optional(Schema.String.annotations({ description: "证书编号（与身份证号二选一）" })),
  idNumber: Schema.optional(Schema.String.annotations({ description: "居民身份证号（与证书编号二选一）" }))
})

export const LookupAnswerSchema = Schema.Struct({ certificates: Schema.Array(CertificateViewSchema) })

/** The query as it arrives: each parameter a string, a repeated one an array (Hono's query validator's value). */
export type RawQuery = Readonly<Record<string, string | ReadonlyArray<string>>>

export type LookupAnswer =
  | { readonly status: 200; readonly value: { certificates: Array<CertificateView> } }
  | {
      readonly status: 400 | 404 | 429
      readonly problem: Problem
      /** 429 only: the Retry-After header's seconds. */
      readonly retryAfterSeconds?: number
    }

/** The answer to an unknown number and to a wrong name alike (also the verification routes', routes/). */
export const CERTIFICATE_NOT_FOUND: Problem = {
  code: "CertificateNotFound",
  title: "未查询到证书",
  detail: "未查询到与所填信息一致的证书，请核对证书编号（或身份证号）与姓名"
}

const NOT_FOUND: LookupAnswer = { status: 404, problem: CERTIFICATE_NOT_FOUND }

export const PER_CLIENT: Limit = { code: "LookupRateLimited", what: "查询" }
export const PER_IDENTITY: Limit = {
  code: "LookupRateLimitedForIdentity",
  what: "该号码查询",
  field: "number"
}

/** The 400 problem of a malformed certificate number, or undefined for a well-formed one. */
export const certificateNumberRefusal = (number: string): Problem | undefined => {
  const bad = certificateNumberProblem(number)
  return bad === undefined
    ? undefined
    : {
        code: "InvalidCertificateNumber",
        title: TITLES.badRequest,
        detail: certificateNumberMessage(bad),
        field: "number"
      }
}

const badRequest = (code: string, detail: string, field: string): LookupAnswer => ({
  status: 400,
  problem: { code, title: TITLES.badRequest, detail, field }
})

const tooMany = (retryAfterSeconds: number, limit: Limit): LookupAnswer => ({
  status: 429,
  problem: tooManyProblem(retryAfterSeconds, limit),
  retryAfterSeconds
})

/** Holders' names compare after trimming. */
export const sameName = (a: string, b: string) => a.trim() === b.trim()

/** `f` of the value, at once when it is there, after it when it is a promise. */
const andThen = <A, B>(value: A | Promise<A>, f: (a: A) => B): B | Promise<B> =>
  value instanceof Promise ? value.then(f) : f(value)

/** The lookup route's first handler carries its core under this key (LookupFastPath.ts finds it there). */
export const LOOKUP_CORE: unique symbol = Symbol.for("@jineng/api/LookupCore")

export interface LookupCore {
  /** One lookup by `client` (its address) with the request's `query`. */
  readonly lookup: (client: string, query: RawQuery) => LookupAnswer | Promise<LookupAnswer>
}

export const makeLookupCore = ({ runtime, publicBaseUrl, lookupLimits }: RouteDeps): LookupCore => {
  const perClient = new FixedWindowLimiter<string>(lookupLimits.perClientPerMinute, 60_000)
  const perIdentity = new FixedWindowLimiter<number>(lookupLimits.perIdentityPerMinute, 60_000)
  const decode = decoderOf(LookupQuery)
  const view = (c: Parameters<typeof certificateView>[0]) => certificateView(c, publicBaseUrl)

  const read = batchedReads(runtime)

  /** One indexed read by number, then the name compared: the same work whichever factor is wrong. */
  const byNumber = (number: string, name: string) =>
    andThen(
      read((repo) => repo.findByNumber(number)),
      (found): LookupAnswer => {
        const certificate = Option.filter(found, (x) => sameName(x.holder.name, name))
        return Option.isNone(certificate)
          ? NOT_FOUND
          : { status: 200, value: { certificates: [view(certificate.value)] } }
      }
    )

  const byHolderId = (idNumber: string, name: string) =>
    andThen(
      read((repo) => repo.findByHolderId(idNumber)),
      (found): LookupAnswer => {
        const mine = found.filter((x) => sameName(x.holder.name, name))
        return mine.length === 0 ? NOT_FOUND : { status: 200, value: { certificates: mine.map(view) } }
      }
    )

  const lookup = (client: string, query: RawQuery): LookupAnswer | Promise<LookupAnswer> => {
    const clientHit = perClient.hit(client)
    if (!clientHit.allowed) return tooMany(clientHit.retryAfterSeconds, PER_CLIENT)
    const decoded = decode(query)
    if (Either.isLeft(decoded)) return { status: 400, problem: invalidRequestProblem(decoded.left) }
    const { name, number: rawNumber, idNumber: idNumberInput } = decoded.right
    const number = rawNumber?.trim()
    if ((number === undefined) === (idNumberInput === undefined))
      return badRequest("LookupFactorRequired", "请填写证书编号或身份证号之一，并同时填写姓名", "number")
    if (number !== undefined) {
      const refusal = certificateNumberRefusal(number)
      if (refusal !== undefined) return { status: 400, problem: refusal }
      const hit = perIdentity.hit(identityKey("number", number))
      if (!hit.allowed) return tooMany(hit.retryAfterSeconds, PER_IDENTITY)
      return byNumber(number, name)
    }
    const idNumber = normaliseResidentId(idNumberInput ?? "")
    const bad = residentIdProblem(idNumber)
    if (bad !== undefined) return badRequest("InvalidResidentId", residentIdMessage(bad), "idNumber")
    const hit = perIdentity.hit(identityKey("id", idNumber))
    if (!hit.allowed) return tooMany(hit.retryAfterSeconds, PER_IDENTITY)
    return byHolderId(idNumber, name)
  }

  return { lookup }
}
