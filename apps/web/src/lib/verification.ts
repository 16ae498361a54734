/**
 * The four checks of the verification page (issue #7), each answered as a step state with a zh-CN explanation
 * and the reasons of the decision behind it:
 *
 * 1. 签名有效 — the signed record the printed QR code carries (`#r=<compact>`) verifies in the browser against
 *    the registry's published keys, and names the certificate of the address (54号·四: only certificates from
 *    the registry are valid);
 * 2. 发证机构有权核发 — the issuer's authority for that occupation and level on the issue date (54号·四
 *    规范证书核发), as the registry decided it;
 * 3. 已记入透明日志 — the log's signed tree head verifies, the issuance event rebuilt from the signed record is
 *    the logged one, and every logged event of the certificate is included under that head (RFC 9162);
 * 4. 未注销 — the registry's live status is 有效 and the log holds no revocation (54号·五).
 *
 * Checks 1 and 3 are here; 2 and 4 need no cryptography (lib/verificationSteps.ts). This module brings Effect
 * Schema, SHA-256 and Ed25519 with it: the verification page loads it with a dynamic import (its steps render
 * meanwhile), so none of it reaches the lookup page's first bundle nor delays the verification page's first paint.
 */
import { decodeCompactRecord } from "@jineng/domain/verification/CompactRecord"
import { fromBase64Url } from "@jineng/domain/verification/Encoding"
import { CertificateEvent, eventLeafHash, issuedEvent } from "@jineng/domain/verification/LogEvent"
import { verifyInclusion } from "@jineng/domain/verification/MerkleTree"
import { bytesEqual } from "@jineng/domain/verification/Sha256"
import { VerificationKey } from "@jineng/domain/verification/Signature"
import { PublicRecord, verifySignedRecord } from "@jineng/domain/verification/SignedRecord"
import { SignedTreeHead, treeHeadOf, verifySignedTreeHead } from "@jineng/domain/verification/SignedTreeHead"
import { Effect, Either, Schema } from "effect"
import type { ApiResult } from "../api"
import type { CertificateProof, VerificationKeys } from "./types"
import { messagesOf, NO_RECORD, problemText, type StepResult, step } from "./verificationSteps"

/**
 * The public record inside a compact text, checked field by field but not yet its signature (the log check
 * rebuilds the issuance event from it), or undefined when it does not even read as a record.
 */
export const recordOfCompact = (compact: string | undefined): PublicRecord | undefined => {
  const input = compact === undefined ? undefined : decodeCompactRecord(compact)
  if (typeof input !== "object" || input === null) return undefined
  const decoded = Schema.decodeUnknownEither(PublicRecord)((input as { readonly record?: unknown }).record)
  return Either.isRight(decoded) ? decoded.right : undefined
}

const keysOf = (answer: ApiResult<VerificationKeys>) => {
  if (!answer.ok) return { problem: problemText(answer) }
  const decoded = Schema.decodeUnknownEither(Schema.Array(VerificationKey))(answer.value.keys)
  return Either.isRight(decoded) ? { keys: decoded.right } : { problem: "登记库公布的验证公钥格式不正确" }
}

/**
 * Step 1: the record the QR code carries verifies against the published keys and is the record of the
 * certificate the address names (number, and the name when the address carries one).
 */
export const checkSignature = async (
  compact: string | undefined,
  expected: { readonly number: string; readonly name?: string | undefined },
  keysAnswer: ApiResult<VerificationKeys>
): Promise<StepResult> => {
  if (compact === undefined) return step("unavailable", NO_RECORD)
  const input = decodeCompactRecord(compact)
  if (input === undefined)
    return step("failed", "二维码中的签名记录无法读取：可能扫描不完整，或内容已被改动。", [
      "签名记录应为“r1.”开头的编码文本"
    ])
  const keys = keysOf(keysAnswer)
  if (keys.keys === undefined)
    return step("unavailable", "未能取得证书登记库公布的验证公钥，暂时无法核验签名。", [keys.problem])
  const decision = await Effect.runPromise(verifySignedRecord(input, keys.keys))
  if (decision.outcome !== "verified")
    return step("failed", "签名无效：二维码中的记录不是证书登记库签发的原样记录。", messagesOf(decision))
  const signed = input as {
    readonly record: PublicRecord
    readonly keyId: string
    readonly signedOn: string
  }
  const mismatches = [
    ...(signed.record.number === expected.number
      ? []
      : [`签名记录的证书编号为 ${signed.record.number}，与链接中的 ${expected.number} 不符`]),
    ...(expected.name === undefined || signed.record.holderName === expected.name.trim()
      ? []
      : [`签名记录的持证人姓名为“${signed.record.holderName}”，与链接中的“${expected.name.trim()}”不符`])
  ]
  if (mismatches.length > 0)
    return step("failed", "签名本身有效，但签名记录不是本链接所指的证书。", mismatches)
  return step(
    "passed",
    `二维码中的记录由证书登记库以密钥 ${signed.keyId} 于 ${signed.signedOn} 签名，内容未被改动。`
  )
}

const EVENT_NAMES = { issued: "发证", revoked: "注销" } as const

/**
 * Step 3: the tree head's signature; every logged event of the certificate included under it; the issuance
 * event rebuilt from the record the QR code carries (when it carries one) is the logged one.
 */
export const checkLog = async (
  number: string,
  compact: string | undefined,
  proofAnswer: ApiResult<CertificateProof>,
  keysAnswer: ApiResult<VerificationKeys>
): Promise<StepResult> => {
  if (!proofAnswer.ok)
    return step("unavailable", "未能取得透明日志的包含证明，暂时无法检查。", [problemText(proofAnswer)])
  const keys = keysOf(keysAnswer)
  if (keys.keys === undefined)
    return step("unavailable", "未能取得证书登记库公布的验证公钥，无法核验日志树头。", [keys.problem])
  const proof = proofAnswer.value
  const headDecision = await Effect.runPromise(verifySignedTreeHead(proof.treeHead, keys.keys))
  if (headDecision.outcome !== "verified")
    return step("failed", "透明日志树头的签名无效，不能据此确认日志的内容。", messagesOf(headDecision))
  const head = treeHeadOf(Schema.decodeUnknownSync(SignedTreeHead)(proof.treeHead))
  const entries: Array<{
    readonly leafIndex: number
    readonly event: CertificateEvent
    readonly leaf: Uint8Array
  }> = []
  for (const entry of proof.entries) {
    const event = Schema.decodeUnknownEither(CertificateEvent)(entry.event)
    if (Either.isLeft(event) || event.right.number !== number)
      return step("failed", "透明日志返回的条目不属于本证书或格式不正确。", [`日志序号 ${entry.leafIndex}`])
    const leaf = eventLeafHash(event.right)
    const path = entry.proof.map(fromBase64Url)
    const included =
      path.every((p): p is Uint8Array => p !== undefined) &&
      verifyInclusion(leaf, entry.leafIndex, head, path)
    if (!included)
      return step("failed", "透明日志的包含证明不成立：日志条目与签名树头不符。", [
        `${EVENT_NAMES[event.right._tag]}记录（日志序号 ${entry.leafIndex}，${event.right.on}）不在大小为 ${head.size} 的日志树中`
      ])
    entries.push({ leafIndex: entry.leafIndex, event: event.right, leaf })
  }
  const issued = entries.filter((e) => e.event._tag === "issued")
  if (issued.length === 0)
    return step("failed", "透明日志中没有此证书的发证记录。", [
      "证书核发时应记入登记库的透明日志（54号·四：通过其他途径生成、制作的证书一律无效）"
    ])
  const headLine = `日志共 ${head.size} 条，树头由证书登记库于 ${proof.treeHead.timestamp} 签名`
  const record = recordOfCompact(compact)
  if (record === undefined) {
    const first = issued[0] as (typeof issued)[number]
    return step(
      "passed",
      `发证记录在透明日志中（日志序号 ${first.leafIndex}，${first.event.on}），包含证明成立。`,
      [
        headLine,
        compact === undefined
          ? "链接不含签名记录，未能核对记录内容与日志中的发证摘要"
          : "二维码中的记录无法读取，未能核对记录内容与日志中的发证摘要"
      ]
    )
  }
  const expected = issuedEvent(record)
  const expectedLeaf = eventLeafHash(expected)
  const match = issued.find((e) => bytesEqual(e.leaf, expectedLeaf))
  if (match === undefined)
    return step(
      "failed",
      "二维码中记录的内容与透明日志中的发证记录不符：记录已被改动，或不是本证书的记录。",
      [
        ...issued.map(
          (e) =>
            `日志中的发证摘要（日志序号 ${e.leafIndex}）：${e.event._tag === "issued" ? e.event.record : ""}`
        ),
        `二维码中记录的摘要：${expected._tag === "issued" ? expected.record : ""}`
      ]
    )
  return step(
    "passed",
    `二维码中的记录与透明日志中的发证记录一致（日志序号 ${match.leafIndex}，${match.event.on}），包含证明成立。`,
    [headLine]
  )
}
