/**
 * Signed certificate records (issue #7). The notice makes the provincial registry the only valid source of
 * certificates: "通过其他途径生成、制作的证书及证书号一律无效" (54号·四). The registry signs each certificate's
 * minimal public record with an Ed25519 key so anyone can check, offline, that a certificate came from it.
 *
 * Keys rotate: each verification key has a validity window, and a signature verifies when the record's issue date
 * lies within the window of the key that made it — so records signed by a retired key stay verifiable.
 *
 * The signed bytes are the canonical JSON (sorted keys, UTF-8) of { context, keyId, record }: the context string
 * separates these signatures from any other use of the key, and the key id cannot be swapped.
 */
import { Effect, Either, ParseResult, Schema } from "effect"
import { CertificateNumber } from "../codes/CertificateNumberSchema.js"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { maskResidentId } from "../codes/ResidentIdNumber.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { Cite } from "../rule/Citation.js"
import { type Decision, decision, type Failure, type Value } from "../rule/Decision.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import type { LocalDate as LocalDateType } from "../time/LocalDate.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import {
  type CryptoKeyLike,
  exportPkcs8,
  exportRawPublicKey,
  generateEd25519,
  importPkcs8,
  importRawPublicKey,
  signEd25519,
  verifyEd25519
} from "./Ed25519.js"
import { canonicalBytes, fromBase64Url, toBase64Url } from "./Encoding.js"
import { SigningFailed } from "./VerificationErrors.js"

/** Domain separation for the signed bytes; a new record layout gets a new context. */
export const RECORD_CONTEXT = "jineng/certificate-record/v1"

/** A masked identity number: at most 6 characters kept in front, at most 4 at the end, the rest `*`. */
export const MaskedId = Schema.String.annotations({ message: () => "证件号码（脱敏）应为文本" }).pipe(
  Schema.filter(
    (s) =>
      /^[0-9A-Za-z]{0,6}\*+[0-9A-Za-z]{0,4}$/.test(s) || "证件号码应已脱敏（仅保留前6位和后4位，其余为*）",
    { identifier: "MaskedId", description: "脱敏证件号码，如 110105********002X" }
  )
)

/** The minimal public record of a certificate: what the QR code carries and the registry signs. */
export const PublicRecord = Schema.Struct({
  number: required(CertificateNumber, "证书编号"),
  holderName: required(Text("姓名", 50), "姓名"),
  maskedId: required(MaskedId, "证件号码（脱敏）"),
  occupationCode: required(OccupationCode, "职业编码"),
  occupationName: required(Text("职业名称", 100), "职业名称"),
  /** 工种: null when the occupation is assessed without one. */
  workType: required(Schema.NullOr(Text("工种", 100)), "工种"),
  level: required(SkillLevel, "职业技能等级"),
  issuerName: required(Text("发证机构", 100), "发证机构"),
  institutionId: required(Id("发证机构编号"), "发证机构编号"),
  issuedOn: required(LocalDate, "发证日期")
}).annotations({ identifier: "PublicRecord", message: () => "证书公开记录应为对象" })
export type PublicRecord = typeof PublicRecord.Type

/** The public record from the certificate's facts: the identity number is masked (first 6 + last 4). */
export const publicRecordOf = (facts: Omit<PublicRecord, "maskedId"> & { readonly idNumber: string }) => {
  const { idNumber, ...rest } = facts
  return { ...rest, maskedId: maskResidentId(idNumber) } satisfies PublicRecord
}

const Base64Url = (label: string) =>
  Schema.String.annotations({ message: () => `${label}应为文本` }).pipe(
    Schema.filter((s) => fromBase64Url(s) !== undefined || `${label}应为 base64url 编码（无填充）`)
  )

export const SignedRecord = Schema.Struct({
  record: required(PublicRecord, "证书公开记录"),
  keyId: required(Id("密钥编号"), "密钥编号"),
  signature: required(Base64Url("签名"), "签名")
}).annotations({ identifier: "SignedRecord", message: () => "签名证书记录应为对象" })
export type SignedRecord = typeof SignedRecord.Type

/** A registry verification key: the raw 32-byte Ed25519 public key and the issue dates it signs for. */
export const VerificationKey = Schema.Struct({
  keyId: required(Id("密钥编号"), "密钥编号"),
  publicKey: required(Base64Url("公钥"), "公钥"),
  validFrom: required(LocalDate, "密钥启用日期"),
  validUntil: Schema.optional(LocalDate)
})
export type VerificationKey = typeof VerificationKey.Type

/** A private key held by the registry, with its id. */
export interface SigningKey {
  readonly keyId: string
  readonly privateKey: CryptoKeyLike
}

/** The exact bytes signed for a record under a key id. */
export const signingBytes = (record: PublicRecord, keyId: string): Uint8Array =>
  canonicalBytes({ context: RECORD_CONTEXT, keyId, record: { ...record } })

const signingFailed = (keyId: string) => (cause: unknown) =>
  new SigningFailed({
    field: "signature",
    keyId,
    reason: cause instanceof Error ? cause.message : "Web Crypto 拒绝了该操作"
  })

/** A new Ed25519 key pair: the signing key and its public verification key valid from `validFrom`. */
export const generateSigningKey = Effect.fn("SignedRecord.generateSigningKey")(function* (
  keyId: string,
  validFrom: LocalDateType,
  validUntil?: LocalDateType
) {
  const pair = yield* Effect.tryPromise({ try: () => generateEd25519(), catch: signingFailed(keyId) })
  const raw = yield* Effect.tryPromise({
    try: () => exportRawPublicKey(pair.publicKey),
    catch: signingFailed(keyId)
  })
  const pkcs8 = yield* Effect.tryPromise({
    try: () => exportPkcs8(pair.privateKey),
    catch: signingFailed(keyId)
  })
  const verification: VerificationKey =
    validUntil === undefined
      ? { keyId, publicKey: toBase64Url(raw), validFrom }
      : { keyId, publicKey: toBase64Url(raw), validFrom, validUntil }
  return {
    signing: { keyId, privateKey: pair.privateKey } satisfies SigningKey,
    verification,
    /** The private key as PKCS #8, base64url: what a key store keeps. */
    pkcs8: toBase64Url(pkcs8)
  }
})

/** A signing key from its stored PKCS #8 form. */
export const importSigningKey = Effect.fn("SignedRecord.importSigningKey")(function* (
  keyId: string,
  pkcs8: string
) {
  const bytes = fromBase64Url(pkcs8)
  if (bytes === undefined)
    return yield* new SigningFailed({
      field: "privateKey",
      keyId,
      reason: "私钥应为 base64url 编码的 PKCS #8"
    })
  const privateKey = yield* Effect.tryPromise({ try: () => importPkcs8(bytes), catch: signingFailed(keyId) })
  return { keyId, privateKey } satisfies SigningKey
})

/** Signs a public record (54号·四: the registry vouches for the certificates it holds). */
export const signRecord = Effect.fn("SignedRecord.signRecord")(function* (
  record: PublicRecord,
  key: SigningKey
) {
  const signature = yield* Effect.tryPromise({
    try: () => signEd25519(key.privateKey, signingBytes(record, key.keyId)),
    catch: signingFailed(key.keyId)
  })
  return { record, keyId: key.keyId, signature: toBase64Url(signature) } satisfies SignedRecord
})

export type SignatureOutcome = "verified" | "refused"
export type SignatureDecision = Decision<SignatureOutcome>

const RULE = "certificate_signature"

const failure = (code: string, field: string, message: string, seen: Value, required: Value): Failure => ({
  code,
  rule: RULE,
  field,
  message,
  seen,
  required,
  citation: Cite.issuance
})

const refused = (f: Failure): SignatureDecision =>
  decision("refused", RULE, [Cite.issuance], { failures: [f] })
const verified: SignatureDecision = decision("verified", RULE, [Cite.issuance])

const INVALID = "，证书真伪无法确认（54号·四：通过其他途径生成、制作的证书一律无效）"

/**
 * Verifies a signed record (any JSON, e.g. decoded from a QR code) against the registry's key set. Never fails:
 * every problem is a refused decision with a zh-CN reason citing 54号·四.
 */
export const verifySignedRecord = Effect.fn("SignedRecord.verifySignedRecord")(function* (
  input: unknown,
  keys: ReadonlyArray<VerificationKey>
) {
  const decoded = Schema.decodeUnknownEither(SignedRecord, { errors: "first" })(input)
  if (Either.isLeft(decoded)) {
    const issue = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)[0]
    return refused(
      failure(
        "malformed_record",
        issue?.path.join(".") ?? "record",
        `证书记录格式不正确：${issue?.message ?? "无法解析"}${INVALID}`,
        null,
        "SignedRecord"
      )
    )
  }
  const signed = decoded.right
  const { issuedOn } = signed.record
  const key = keys.find((k) => k.keyId === signed.keyId)
  if (key === undefined)
    return refused(
      failure(
        "unknown_key",
        "keyId",
        `签名密钥 ${signed.keyId} 不是登记系统公布的密钥${INVALID}`,
        signed.keyId,
        keys.map((k) => k.keyId)
      )
    )
  if (issuedOn < key.validFrom || (key.validUntil !== undefined && issuedOn > key.validUntil))
    return refused(
      failure(
        "key_not_valid_on_issue_date",
        "record.issuedOn",
        `密钥 ${key.keyId} 的有效期为 ${key.validFrom} 至 ${key.validUntil ?? "今"}，不能为 ${issuedOn} 核发的证书签名${INVALID}`,
        issuedOn,
        [key.validFrom, key.validUntil ?? ""]
      )
    )
  const raw = fromBase64Url(key.publicKey)
  if (raw === undefined || raw.length !== 32)
    return refused(
      failure(
        "malformed_key",
        "publicKey",
        `公钥 ${key.keyId} 不是32字节的 Ed25519 公钥${INVALID}`,
        key.publicKey,
        "32字节"
      )
    )
  const signature = fromBase64Url(signed.signature) as Uint8Array
  if (signature.length !== 64)
    return refused(
      failure(
        "malformed_signature",
        "signature",
        `签名长度应为64字节，实为${signature.length}字节${INVALID}`,
        signature.length,
        64
      )
    )
  const ok = yield* Effect.tryPromise(async () =>
    verifyEd25519(await importRawPublicKey(raw), signature, signingBytes(signed.record, signed.keyId))
  ).pipe(Effect.orElseSucceed(() => false))
  return ok
    ? verified
    : refused(
        failure(
          "bad_signature",
          "signature",
          `签名与证书记录不符：记录已被改动或并非由密钥 ${key.keyId} 签发${INVALID}`,
          signed.signature,
          key.keyId
        )
      )
})
