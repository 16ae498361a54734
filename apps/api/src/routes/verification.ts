/**
 * 公开：证书验证 (issue #7; 54号·四 the registry is the only valid source of certificates, 54号·五 revocations are
 * public): the registry's verification keys (retired ones included, so old signatures stay verifiable), the
 * transparency log's signed tree heads and consistency proofs between two of them, and each issuer's signed
 * revocation status list (W3C Bitstring Status List) for agencies that check many certificates offline.
 * Everything here is public and holds no personal data.
 */
import { Id, required } from "@jineng/domain/shared/FieldSchema"
import { VerificationKey } from "@jineng/domain/verification/Signature"
import { SignedTreeHead } from "@jineng/domain/verification/SignedTreeHead"
import { SignedStatusList, signStatusList } from "@jineng/domain/verification/StatusList"
import { TransparencyLogRepository } from "@jineng/domain/verification/TransparencyLogRepository"
import { Clock, Effect, Either, Option, Schema } from "effect"
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import { problem, TITLES } from "../http/Problem.js"
import { respond } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { paramsOf, queryOf } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"
import { RegistryKeys } from "../SigningKeys.js"
import {
  currentSignedHead,
  hashesOf,
  LogHeadNotFound,
  StatusListNotFound,
  signingKeyAt,
  statusListUrl
} from "./verificationCore.js"

/** A log size in a path or query: a non-negative integer, in decimal digits. */
export const LogSize = (label: string) =>
  Schema.compose(
    Schema.String.pipe(Schema.pattern(/^\d{1,16}$/)).annotations({
      description: `${label}（日志的叶子数，非负整数）`
    }),
    Schema.NumberFromString
  ).pipe(
    Schema.int(),
    Schema.between(0, Number.MAX_SAFE_INTEGER),
    Schema.annotations({ message: () => ({ message: `${label}应为非负整数`, override: true }) })
  )

const HeadParams = Schema.Struct({ size: required(LogSize("日志大小 size"), "日志大小 size") })

export const ConsistencyQuery = Schema.Struct({
  from: required(LogSize("较早的日志大小 from"), "较早的日志大小 from"),
  to: required(LogSize("较新的日志大小 to"), "较新的日志大小 to")
})

const StatusListParams = Schema.Struct({ institutionId: required(Id("发证机构编号"), "发证机构编号") })

const Hashes = Schema.Array(Schema.String.annotations({ description: "SHA-256 哈希（base64url，无填充）" }))

export const VerificationKeys = Schema.Struct({
  keys: Schema.Array(VerificationKey)
}).annotations({ identifier: "VerificationKeys", title: "登记系统公布的验证公钥（含已停用的密钥）" })

export const ConsistencyProof = Schema.Struct({
  from: Schema.Number,
  to: Schema.Number,
  proof: Hashes.annotations({ description: "RFC 9162 §2.1.4 一致性证明，自下而上" })
}).annotations({ identifier: "ConsistencyProof", title: "两个日志树头之间的一致性证明" })

const TAG = "公开：证书验证"

export const verificationDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/api/public/verification/keys",
    summary: "登记系统的签名验证公钥（Ed25519，含有效期；已停用的密钥仍公布，其签名仍可验证）",
    tag: TAG,
    success: { status: 200, description: "全部验证公钥", schema: VerificationKeys }
  },
  {
    method: "get",
    path: "/api/public/log/head",
    summary: "透明日志的当前签名树头（日志自上次签名后有增长时即时签署并保存）",
    description: "日志的每一片叶子是一次发证（54号·四）或注销（54号·五），不含任何个人信息。",
    tag: TAG,
    success: {
      status: 200,
      description: "签名树头：大小、树根哈希、签名时间、密钥编号、签名",
      schema: SignedTreeHead
    },
    errors: [503]
  },
  {
    method: "get",
    path: "/api/public/log/heads/:size",
    summary: "登记系统签署过的指定大小的日志树头",
    tag: TAG,
    params: HeadParams,
    success: { status: 200, description: "该大小的签名树头", schema: SignedTreeHead },
    errors: [404]
  },
  {
    method: "get",
    path: "/api/public/log/consistency",
    summary: "两个日志大小之间的一致性证明：较早的日志是较新日志的前缀，未删除或改写任何记录",
    tag: TAG,
    query: ConsistencyQuery,
    success: { status: 200, description: "一致性证明（base64url 哈希）", schema: ConsistencyProof }
  },
  {
    method: "get",
    path: "/api/public/status-lists/:institutionId",
    summary: "发证机构的证书状态列表（W3C Bitstring Status List，每本证书一位，1 为已注销；登记系统签名）",
    description:
      "至少 131,072 个条目（GZIP 压缩后 multibase base64url 编码），下载整张列表不透露所核验的证书；证书在列表中的位置见证书签名记录的 statusList。可缓存 60 秒。",
    tag: TAG,
    params: StatusListParams,
    success: { status: 200, description: "签名的状态列表", schema: SignedStatusList },
    errors: [404, 503]
  }
]

const badRange = (detail: string, field: "from" | "to") => ({
  code: "InvalidLogRange",
  title: TITLES.badRequest,
  detail,
  field
})

export const verification = ({ runtime, publicBaseUrl }: RouteDeps) => {
  /** The last signed list of each issuer, with the log size it was made at: re-signed when the log grows. */
  const lists = new Map<string, { readonly size: number; readonly list: SignedStatusList }>()

  const statusListOf = (institutionId: string) =>
    Effect.gen(function* () {
      const log = yield* TransparencyLogRepository
      const { size } = yield* log.head
      const cached = lists.get(institutionId)
      if (cached !== undefined && cached.size === size) return cached.list
      const entries = yield* log.statusList(institutionId)
      if (Option.isNone(entries))
        return yield* new StatusListNotFound({ field: "institutionId", institutionId })
      const now = yield* Clock.currentTimeMillis
      const list = yield* signStatusList(
        {
          id: statusListUrl(publicBaseUrl, institutionId),
          institutionId,
          length: entries.value.length,
          revoked: entries.value.revoked
        },
        yield* signingKeyAt(now),
        now
      ).pipe(Effect.orDie)
      lists.set(institutionId, { size, list })
      return list
    })

  return new Hono<ApiEnv>()
    .get("/verification/keys", (c) =>
      respond(
        runtime,
        c,
        Effect.map(RegistryKeys, (ring) => ({ keys: [...ring.published] }))
      )
    )
    .get("/log/head", (c) => respond(runtime, c, currentSignedHead))
    .get("/log/heads/:size", paramsOf(HeadParams), (c) => {
      const { size } = c.req.valid("param")
      return respond(
        runtime,
        c,
        Effect.flatMap(TransparencyLogRepository, (log) => log.signedHeadAt(size)).pipe(
          Effect.flatMap(
            Option.match({
              onNone: () => Effect.fail(new LogHeadNotFound({ field: "size", size })),
              onSome: Effect.succeed
            })
          )
        )
      )
    })
    .get("/log/consistency", queryOf(ConsistencyQuery), async (c) => {
      const { from, to } = c.req.valid("query")
      if (from > to)
        return problem(
          c,
          400,
          badRange(`较早的日志大小 from（${from}）不能大于较新的日志大小 to（${to}）`, "from")
        )
      const answer = await runtime.runPromise(
        Effect.gen(function* () {
          const log = yield* TransparencyLogRepository
          const { size } = yield* log.head
          if (to > size) return Either.left(size)
          const proof = yield* log.consistencyProof(from, to)
          if (Option.isNone(proof)) return yield* Effect.dieMessage("no consistency proof within the log")
          return Either.right(hashesOf(proof.value))
        })
      )
      if (Either.isLeft(answer))
        return problem(
          c,
          400,
          badRange(`较新的日志大小 to（${to}）超过了日志的当前大小（${answer.left}）`, "to")
        )
      return c.json({ from, to, proof: answer.right }, 200)
    })
    .get("/status-lists/:institutionId", paramsOf(StatusListParams), async (c) => {
      const response = await respond(runtime, c, statusListOf(c.req.valid("param").institutionId))
      if (response.status === 200) response.headers.set("cache-control", "public, max-age=60")
      return response
    })
}
