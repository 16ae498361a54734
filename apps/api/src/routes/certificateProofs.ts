/**
 * 公开：证书验证 of one certificate (issue #7), with the public lookup's two factors — certificate number + name —
 * its limits per client address and per looked-up number (429 with Retry-After; the same numbers as the lookup,
 * counted for these two routes together) and its uniform 404 (an unknown number and a wrong name answer alike):
 * - the certificate's transparency-log events (issuance 54号·四, revocation 54号·五) with inclusion proofs against
 *   the current signed tree head or an older one, and whether its issuer was entitled to issue it on the issue
 *   date (domain issuance/AuthorityOnIssueDate: the catalogue history, not today's record);
 * - its public record signed today with the key in force, in the compact form a QR code carries, the
 *   verification URL (the signed record in the fragment, which never reaches a server) and its entry in its
 *   issuer's status list.
 */
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { InstitutionRepository } from "@jineng/domain/institution/InstitutionRepository"
import { type AuthorityOnIssueDate, authorityOnIssueDate } from "@jineng/domain/issuance/AuthorityOnIssueDate"
import type { Decision as DecisionType } from "@jineng/domain/rule/Decision"
import { Decision } from "@jineng/domain/rule/DecisionSchema"
import { required } from "@jineng/domain/shared/FieldSchema"
import { beijingDateOf } from "@jineng/domain/time/Today"
import { encodeCompactRecord } from "@jineng/domain/verification/CompactRecord"
import { LogEntry } from "@jineng/domain/verification/LogEntry"
import { publicRecordOfCertificate, SignedRecord, signRecord } from "@jineng/domain/verification/SignedRecord"
import { SignedTreeHead } from "@jineng/domain/verification/SignedTreeHead"
import { StatusListEntry } from "@jineng/domain/verification/StatusList"
import { TransparencyLogRepository } from "@jineng/domain/verification/TransparencyLogRepository"
import { Clock, Effect, Either, Option, Schema } from "effect"
import { type Context, Hono, type TypedResponse } from "hono"
import { validator } from "hono/validator"
import type { ApiEnv } from "../http/ApiEnv.js"
import { clientOf, tooMany } from "../http/ClientLimit.js"
import { identityKey } from "../http/IdentityKey.js"
import {
  CERTIFICATE_NOT_FOUND,
  certificateNumberRefusal,
  PER_CLIENT,
  PER_IDENTITY,
  sameName
} from "../http/LookupCore.js"
import { problem } from "../http/Problem.js"
import { FixedWindowLimiter } from "../http/RateLimit.js"
import { respond } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { decoderOf, type FieldIssue, invalidRequest } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"
import { LookupQuery } from "./publicCertificates.js"
import { LogSize } from "./verification.js"
import {
  currentSignedHead,
  hashesOf,
  LogHeadNotFound,
  notYetLogged,
  signingKeyAt,
  statusListEntryOf
} from "./verificationCore.js"

export const CertificateFactors = Schema.Struct({
  number: required(Schema.String.annotations({ description: "证书编号" }), "证书编号"),
  name: LookupQuery.fields.name
})

export const ProofQuery = Schema.Struct({
  ...CertificateFactors.fields,
  size: Schema.optional(LogSize("日志大小 size")).annotations({
    description: "证明所依据的已签名树头的大小；不填为当前树头"
  })
})

const Hashes = Schema.Array(Schema.String.annotations({ description: "SHA-256 哈希（base64url，无填充）" }))

const IssuerAuthority = Decision(
  Schema.Literal("allowed", "refused", "not_in_force", "not_applicable")
).annotations({
  identifier: "IssuerAuthorityDecision",
  title: "发证机构在发证日是否具备该职业、等级的发证资格（54号·四、五；竞赛证书不适用）"
})

export const CertificateProof = Schema.Struct({
  treeHead: SignedTreeHead,
  entries: Schema.Array(
    Schema.Struct({
      ...LogEntry.fields,
      proof: Hashes.annotations({ description: "RFC 9162 §2.1.3 包含证明（审计路径），自下而上" })
    })
  ),
  issuerAuthority: IssuerAuthority
}).annotations({ identifier: "CertificateProof", title: "证书的日志记录及其包含证明" })

export const SignedCertificateRecord = Schema.Struct({
  signed: SignedRecord,
  compact: Schema.String.annotations({ description: "二维码携带的紧凑形式（r1.…）" }),
  verificationUrl: Schema.String.annotations({
    description: "验证网址：证书编号和姓名在查询串中，签名记录在 # 之后（不发送给服务器）"
  }),
  statusList: StatusListEntry
}).annotations({ identifier: "SignedCertificateRecord", title: "登记系统签名的证书公开记录" })

const _authorityChecked: (d: DecisionType<AuthorityOnIssueDate>) => typeof IssuerAuthority.Type = (d) => d
void _authorityChecked

const TAG = "公开：证书验证"
const FACTORS =
  "证书编号与姓名须同时相符；不相符与不存在的回答相同（404）。与证书查询一样按客户端地址和被查询的证书编号限制频率（429，见 Retry-After）。"

export const certificateProofsDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/api/public/certificates/proof",
    summary: "证书的透明日志记录（发证、注销）及其包含证明，和发证机构在发证日的发证资格",
    description: `${FACTORS}证明依据当前签名树头，或以 size 指定的、登记系统签署过的较早树头。`,
    tag: TAG,
    query: ProofQuery,
    success: {
      status: 200,
      description: "签名树头、证书的日志记录及包含证明、发证资格判定",
      schema: CertificateProof
    },
    errors: [404, 429, 503]
  },
  {
    method: "get",
    path: "/api/public/certificates/signed-record",
    summary: "登记系统当日签名的证书公开记录、二维码内容、验证网址及状态列表位置",
    description: `${FACTORS}身份证件号码只保留前6位和后4位。`,
    tag: TAG,
    query: CertificateFactors,
    success: {
      status: 200,
      description: "签名记录及其紧凑形式、验证网址、状态列表条目",
      schema: SignedCertificateRecord
    },
    errors: [404, 429, 503]
  }
]

/** A refusal as problem(…) makes it: typed, so the client sees the routes' answers beside it. */
type Refusal = Response & TypedResponse<string, 400 | 404 | 429, "body">

type Matched<Q> =
  | { readonly _tag: "matched"; readonly query: Q; readonly certificate: Certificate }
  | { readonly _tag: "refused"; readonly response: Refusal }

const refused = <Q>(response: Refusal): Matched<Q> => ({ _tag: "refused", response })

/** The lookup's two factors and limits, in the lookup's order (http/LookupCore.ts). */
const twoFactors = ({ runtime, lookupLimits }: RouteDeps) => {
  const perClient = new FixedWindowLimiter<string>(lookupLimits.perClientPerMinute, 60_000)
  const perIdentity = new FixedWindowLimiter<number>(lookupLimits.perIdentityPerMinute, 60_000)
  return async <Q extends { readonly number: string; readonly name: string }>(
    c: Context,
    decode: (raw: unknown) => Either.Either<Q, ReadonlyArray<FieldIssue>>,
    raw: unknown
  ): Promise<Matched<Q>> => {
    const clientHit = perClient.hit(clientOf(c))
    if (!clientHit.allowed) return refused(tooMany(c, clientHit.retryAfterSeconds, PER_CLIENT))
    const decoded = decode(raw)
    if (Either.isLeft(decoded)) return refused(invalidRequest(c, decoded.left))
    const number = decoded.right.number.trim()
    const bad = certificateNumberRefusal(number)
    if (bad !== undefined) return refused(problem(c, 400, bad))
    const hit = perIdentity.hit(identityKey("number", number))
    if (!hit.allowed) return refused(tooMany(c, hit.retryAfterSeconds, PER_IDENTITY))
    const found = await runtime.runPromise(
      Effect.flatMap(CertificateRepository, (r) => r.findByNumber(number))
    )
    const certificate = Option.filter(found, (x) => sameName(x.holder.name, decoded.right.name))
    return Option.isNone(certificate)
      ? refused(problem(c, 404, CERTIFICATE_NOT_FOUND))
      : { _tag: "matched", query: decoded.right, certificate: certificate.value }
  }
}

/** Whether the issuer was entitled on the issue date, from its catalogue history. */
const issuerAuthorityOf = (certificate: Certificate) =>
  Effect.gen(function* () {
    const institutions = yield* InstitutionRepository
    const id = certificate.issuer.institutionId
    const found = certificate.kind === "level" ? yield* institutions.findById(id) : Option.none()
    const issuer = Option.isNone(found)
      ? undefined
      : { ...found.value, scopeChanges: yield* institutions.scopeChanges(id) }
    return authorityOnIssueDate(issuer, {
      kind: certificate.kind,
      occupationCode: certificate.occupation.code,
      workType: certificate.occupation.workType,
      level: certificate.level,
      issuedOn: certificate.issuedOn
    })
  })

/** The certificate's events with inclusion proofs against the current signed head, or the stored one of `size`. */
const proofOf = (certificate: Certificate, size: number | undefined) =>
  Effect.gen(function* () {
    const log = yield* TransparencyLogRepository
    const treeHead =
      size === undefined
        ? yield* currentSignedHead
        : yield* Effect.flatMap(
            log.signedHeadAt(size),
            Option.match({
              onNone: () => Effect.fail(new LogHeadNotFound({ field: "size", size })),
              onSome: Effect.succeed
            })
          )
    const logged = yield* log.entriesOf(certificate.number)
    if (logged.length === 0) return yield* notYetLogged
    const events = logged.filter((e) => e.leafIndex < treeHead.size)
    const entries = yield* Effect.forEach(events, (entry) =>
      Effect.flatMap(
        log.inclusionProof(entry.leafIndex, treeHead.size),
        Option.match({
          onNone: () => Effect.dieMessage("no inclusion proof for a leaf within the signed head"),
          onSome: (path) => Effect.succeed({ ...entry, proof: hashesOf(path) })
        })
      )
    )
    return { treeHead, entries, issuerAuthority: yield* issuerAuthorityOf(certificate) }
  })

export const certificateProofs = (deps: RouteDeps) => {
  const { runtime, publicBaseUrl } = deps
  const factors = twoFactors(deps)
  const decodeProof = decoderOf(ProofQuery)
  const decodeFactors = decoderOf(CertificateFactors)

  /** The public record signed now, its compact form, the verification URL and the status list entry. */
  const signedRecordOf = (certificate: Certificate) =>
    Effect.gen(function* () {
      const now = yield* Clock.currentTimeMillis
      const record = publicRecordOfCertificate(certificate)
      const signed = yield* signRecord(record, yield* signingKeyAt(now), beijingDateOf(now)).pipe(
        Effect.orDie
      )
      const compact = encodeCompactRecord(signed)
      return {
        signed,
        compact,
        verificationUrl: `${publicBaseUrl}/verify/${certificate.number}?name=${encodeURIComponent(certificate.holder.name)}#r=${compact}`,
        statusList: yield* statusListEntryOf(publicBaseUrl, certificate.number)
      }
    })

  // The query validators only type the client's query: the values are decoded after the per-client limit.
  return new Hono<ApiEnv>()
    .get(
      "/proof",
      validator("query", (value) => value as unknown as typeof ProofQuery.Encoded),
      async (c) => {
        const matched = await factors(c, decodeProof, c.req.valid("query"))
        if (matched._tag === "refused") return matched.response
        return respond(runtime, c, proofOf(matched.certificate, matched.query.size))
      }
    )
    .get(
      "/signed-record",
      validator("query", (value) => value as unknown as typeof CertificateFactors.Encoded),
      async (c) => {
        const matched = await factors(c, decodeFactors, c.req.valid("query"))
        if (matched._tag === "refused") return matched.response
        return respond(runtime, c, signedRecordOf(matched.certificate))
      }
    )
}
