/**
 * Public certificate lookup with two factors (domain.md §2): certificate number + name, or ID number + name.
 * An unknown number and a wrong name get the same 404 after the same work (one indexed read, then a name
 * comparison), so the answer tells nothing about which factor was wrong. Rate-limited per client address and
 * per looked-up number or ID number (429 with Retry-After), so neither a client nor a target can be probed.
 */
import { createHash } from "node:crypto"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { certificateNumberMessage, certificateNumberProblem } from "@jineng/domain/codes/CertificateNumber"
import {
  normaliseResidentId,
  residentIdMessage,
  residentIdProblem
} from "@jineng/domain/codes/ResidentIdNumber"
import { Text } from "@jineng/domain/shared/FieldSchema"
import { Effect, Either, Option, Schema } from "effect"
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import { CertificateViewSchema, certificateView } from "../http/CertificateView.js"
import { perClient, tooMany } from "../http/ClientLimit.js"
import { problem, TITLES } from "../http/Problem.js"
import { FixedWindowLimiter } from "../http/RateLimit.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { runFast } from "../http/RunFast.js"
import { queryOf } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

const NOT_FOUND = {
  code: "CertificateNotFound",
  title: "未查询到证书",
  detail: "未查询到与所填信息一致的证书，请核对证书编号（或身份证号）与姓名"
} as const

export const LookupQuery = Schema.Struct({
  name: Schema.propertySignature(Text("持证人姓名", 50)).annotations({
    missingMessage: () => "请填写持证人姓名（不超过50个字符）"
  }),
  number: Schema.optional(Schema.String.annotations({ description: "证书编号（与身份证号二选一）" })),
  idNumber: Schema.optional(Schema.String.annotations({ description: "居民身份证号（与证书编号二选一）" }))
})

export const LookupAnswer = Schema.Struct({ certificates: Schema.Array(CertificateViewSchema) })

export const publicCertificatesDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/api/public/certificates/lookup",
    summary: "证书查询：证书编号＋姓名，或身份证号＋姓名",
    description:
      "两项信息须同时相符；不相符与不存在的回答相同（404）。按客户端地址和被查询的号码限制频率（429，见 Retry-After）。",
    tag: "公开：证书查询",
    query: LookupQuery,
    success: { status: 200, description: "相符的证书（身份证号只显示前6位和后4位）", schema: LookupAnswer },
    errors: [404, 429]
  }
]

const sameName = (a: string, b: string) => a.trim() === b.trim()

/** Identities are kept in the limiter's memory as hashes, never in clear. */
const identityKey = (kind: string, value: string) =>
  createHash("sha256").update(`${kind}:${value}`).digest("base64url").slice(0, 22)

const PER_IDENTITY = { code: "LookupRateLimitedForIdentity", what: "该号码查询", field: "number" } as const

export const publicCertificates = ({ runtime, publicBaseUrl, lookupLimits }: RouteDeps) => {
  const clientLimiter = new FixedWindowLimiter(lookupLimits.perClientPerMinute, 60_000)
  const perIdentity = new FixedWindowLimiter(lookupLimits.perIdentityPerMinute, 60_000)
  return new Hono<ApiEnv>().get(
    "/lookup",
    perClient(clientLimiter, { code: "LookupRateLimited", what: "查询" }),
    queryOf(LookupQuery),
    async (c) => {
      const { name, number: rawNumber, idNumber: idNumberInput } = c.req.valid("query")
      const number = rawNumber?.trim()
      if ((number === undefined) === (idNumberInput === undefined))
        return problem(c, 400, {
          code: "LookupFactorRequired",
          title: TITLES.badRequest,
          detail: "请填写证书编号或身份证号之一，并同时填写姓名",
          field: "number"
        })
      if (number !== undefined) {
        const bad = certificateNumberProblem(number)
        if (bad !== undefined)
          return problem(c, 400, {
            code: "InvalidCertificateNumber",
            title: TITLES.badRequest,
            detail: certificateNumberMessage(bad),
            field: "number"
          })
        const hit = perIdentity.hit(identityKey("number", number))
        if (!hit.allowed) return tooMany(c, hit.retryAfterSeconds, PER_IDENTITY)
        const found = Either.getOrThrow(
          await runFast(
            runtime,
            Effect.flatMap(CertificateRepository, (repo) => repo.findByNumber(number))
          )
        )
        const certificate = Option.filter(found, (x) => sameName(x.holder.name, name))
        return Option.isNone(certificate)
          ? problem(c, 404, NOT_FOUND)
          : c.json({ certificates: [certificateView(certificate.value, publicBaseUrl)] }, 200)
      }
      const idNumber = normaliseResidentId(idNumberInput ?? "")
      const bad = residentIdProblem(idNumber)
      if (bad !== undefined)
        return problem(c, 400, {
          code: "InvalidResidentId",
          title: TITLES.badRequest,
          detail: residentIdMessage(bad),
          field: "idNumber"
        })
      const hit = perIdentity.hit(identityKey("id", idNumber))
      if (!hit.allowed) return tooMany(c, hit.retryAfterSeconds, PER_IDENTITY)
      const all = Either.getOrThrow(
        await runFast(
          runtime,
          Effect.flatMap(CertificateRepository, (repo) => repo.findByHolderId(idNumber))
        )
      )
      const mine = all.filter((x) => sameName(x.holder.name, name))
      return mine.length === 0
        ? problem(c, 404, NOT_FOUND)
        : c.json({ certificates: mine.map((x) => certificateView(x, publicBaseUrl)) }, 200)
    }
  )
}
