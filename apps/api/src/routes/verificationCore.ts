/**
 * What the verification routes share (issue #7): signing with the key in force at the moment (none in force, or
 * a certificate that predates the log and awaits its backfill, answers 503 VerificationUnavailable: the
 * operator has to act, nothing is wrong with the request), the current signed tree head (signed and stored when the
 * log grew since the last one), the status list address of an issuer and a certificate's entry in it. The lookup's
 * uniform 404 and name comparison are http/LookupCore.ts's.
 */

import { beijingDateOf } from "@jineng/domain/time/Today"
import { toBase64Url } from "@jineng/domain/verification/Encoding"
import { signingKeyOn } from "@jineng/domain/verification/KeyRing"
import type { Hash } from "@jineng/domain/verification/MerkleTree"
import { signTreeHead } from "@jineng/domain/verification/SignedTreeHead"
import type { StatusListEntry } from "@jineng/domain/verification/StatusList"
import { TransparencyLogRepository } from "@jineng/domain/verification/TransparencyLogRepository"
import { Clock, Effect, Option, Schema } from "effect"
import { RegistryKeys } from "../SigningKeys.js"

export class LogHeadNotFound extends Schema.TaggedError<LogHeadNotFound>()("LogHeadNotFound", {
  field: Schema.String,
  size: Schema.Number
}) {
  override get message() {
    return `登记系统没有签署过大小为 ${this.size} 的日志树头（可用 /api/public/log/head 取得当前树头）`
  }
}

export class StatusListNotFound extends Schema.TaggedError<StatusListNotFound>()("StatusListNotFound", {
  field: Schema.String,
  institutionId: Schema.String
}) {
  override get message() {
    return `发证机构 ${this.institutionId} 没有状态列表（该机构在登记系统中没有核发过证书）`
  }
}

/** The registry cannot vouch right now: no signing key in force, or the certificate is not in the log yet. */
export class VerificationUnavailable extends Schema.TaggedError<VerificationUnavailable>()(
  "VerificationUnavailable",
  { field: Schema.String, reason: Schema.String }
) {
  override get message() {
    return `暂时无法提供核验：${this.reason}`
  }
}

const NO_KEY = "登记系统今日没有有效的签名密钥，请联系运维人员轮换密钥（keys:rotate）"
const NOT_LOGGED =
  "该证书核发于透明日志启用之前，尚待补录；运维人员运行 backfill-log 后即可核验，证书查询不受影响"

/** The signing key in force at `epochMillis` (its Beijing date). */
export const signingKeyAt = (epochMillis: number) =>
  Effect.flatMap(RegistryKeys, (ring) => signingKeyOn(ring, beijingDateOf(epochMillis))).pipe(
    Effect.mapError(() => new VerificationUnavailable({ field: "keys", reason: NO_KEY }))
  )

/** A certificate that has no entry in the log yet (it predates the log; the backfill has not reached it). */
export const notYetLogged = new VerificationUnavailable({ field: "number", reason: NOT_LOGGED })

/**
 * The current signed tree head: the latest stored one when the log has not grown since, otherwise the current
 * head signed now and stored (two processes signing the same size keep the first: saveSignedHead answers it).
 */
export const currentSignedHead = Effect.gen(function* () {
  const log = yield* TransparencyLogRepository
  const head = yield* log.head
  const latest = yield* log.latestSignedHead
  if (Option.isSome(latest) && latest.value.size >= head.size) return latest.value
  const now = yield* Clock.currentTimeMillis
  const signed = yield* signTreeHead(head, yield* signingKeyAt(now), now).pipe(Effect.orDie)
  return yield* log.saveSignedHead(signed)
})

/** Hashes as the API answers them: base64url, no padding. */
export const hashesOf = (hashes: ReadonlyArray<Hash>): Array<string> => hashes.map(toBase64Url)

/** The absolute URL of an issuer's status list (its `id`). */
export const statusListUrl = (publicBaseUrl: string, institutionId: string) =>
  `${publicBaseUrl}/api/public/status-lists/${encodeURIComponent(institutionId)}`

/** A certificate's W3C BitstringStatusListEntry. */
export const statusListEntryOf = (publicBaseUrl: string, number: string) =>
  Effect.flatMap(TransparencyLogRepository, (log) => log.statusEntryOf(number)).pipe(
    Effect.flatMap(
      Option.match({
        onNone: () => Effect.fail(notYetLogged),
        onSome: (entry) =>
          Effect.succeed<StatusListEntry>({
            type: "BitstringStatusListEntry",
            statusPurpose: "revocation",
            statusListIndex: String(entry.index),
            statusListCredential: statusListUrl(publicBaseUrl, entry.institutionId)
          })
      })
    )
  )
