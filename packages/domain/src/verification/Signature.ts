/**
 * Ed25519 signatures over canonical JSON, shared by everything the registry signs (issue #7): certificate records,
 * transparency-log tree heads, status lists and lookup receipts. The signed bytes are the canonical JSON of
 * { context, keyId, signedOn, payload }: the context string separates each kind of signed object from every other
 * use of the key, and neither the key id nor the signing date can be swapped.
 *
 * Keys rotate: each verification key has a validity window of calendar dates, and a signature verifies only when
 * its signing date lies within the window of the key that made it — so signatures made by a retired key stay
 * verifiable, and a leaked retired key cannot sign anything dated after its retirement that verifies.
 */
import { Effect, Either, ParseResult, Schema } from "effect"
import type { Citation } from "../rule/Citation.js"
import { type Decision, decision, type Failure, type Value } from "../rule/Decision.js"
import { Id, required } from "../shared/FieldSchema.js"
import type { LocalDate as LocalDateType } from "../time/LocalDate.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { beijingDateOf } from "../time/Today.js"
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
import { type CanonicalValue, canonicalBytes, fromBase64Url, toBase64Url } from "./Encoding.js"
import { SigningFailed } from "./VerificationErrors.js"

/** Text that must decode as base64url (RFC 4648 §5, no padding). */
export const Base64Url = (label: string) =>
  Schema.String.annotations({ message: () => `${label}应为文本` }).pipe(
    Schema.filter((s) => fromBase64Url(s) !== undefined || `${label}应为 base64url 编码（无填充）`)
  )

/** A registry verification key: the raw 32-byte Ed25519 public key and the signing dates it is valid for. */
export const VerificationKey = Schema.Struct({
  keyId: required(Id("密钥编号"), "密钥编号"),
  publicKey: required(Base64Url("公钥"), "公钥"),
  validFrom: required(LocalDate, "密钥启用日期"),
  validUntil: Schema.optional(LocalDate)
}).annotations({ identifier: "VerificationKey", message: () => "验证公钥应为对象" })
export type VerificationKey = typeof VerificationKey.Type

/** A private key held by the registry, with its id and validity window. */
export interface SigningKey {
  readonly keyId: string
  readonly privateKey: CryptoKeyLike
  readonly validFrom: LocalDateType
  readonly validUntil?: LocalDateType | undefined
}

/** What a signature adds to the object it signs. */
export const SignatureFields = {
  keyId: required(Id("密钥编号"), "密钥编号"),
  signedOn: required(LocalDate, "签名日期"),
  signature: required(Base64Url("签名"), "签名")
}
export interface SignatureParts {
  readonly keyId: string
  readonly signedOn: LocalDateType
  readonly signature: string
}

/** The exact bytes signed for a payload. */
export const signedBytes = (
  context: string,
  payload: CanonicalValue,
  keyId: string,
  signedOn: LocalDateType
): Uint8Array => canonicalBytes({ context, keyId, signedOn, payload })

const signingFailed = (keyId: string) => (cause: unknown) =>
  new SigningFailed({
    field: "signature",
    keyId,
    reason: cause instanceof Error ? cause.message : "Web Crypto 拒绝了该操作"
  })

const withinWindow = (
  key: { readonly validFrom: string; readonly validUntil?: string | undefined },
  day: string
) => day >= key.validFrom && (key.validUntil === undefined || day <= key.validUntil)

/** A new Ed25519 key pair: the signing key, its public verification key and the PKCS #8 a key store keeps. */
export const generateSigningKey = Effect.fn("Signature.generateSigningKey")(function* (
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
  const window = validUntil === undefined ? { validFrom } : { validFrom, validUntil }
  return {
    signing: { keyId, privateKey: pair.privateKey, ...window } satisfies SigningKey,
    verification: { keyId, publicKey: toBase64Url(raw), ...window } satisfies VerificationKey,
    /** The private key as PKCS #8, base64url. */
    pkcs8: toBase64Url(pkcs8)
  }
})

/** A signing key from its stored PKCS #8 form and its window. */
export const importSigningKey = Effect.fn("Signature.importSigningKey")(function* (
  keyId: string,
  pkcs8: string,
  validFrom: LocalDateType,
  validUntil?: LocalDateType
) {
  const bytes = fromBase64Url(pkcs8)
  if (bytes === undefined)
    return yield* new SigningFailed({
      field: "privateKey",
      keyId,
      reason: "私钥应为 base64url 编码的 PKCS #8"
    })
  const privateKey = yield* Effect.tryPromise({ try: () => importPkcs8(bytes), catch: signingFailed(keyId) })
  return (
    validUntil === undefined ? { keyId, privateKey, validFrom } : { keyId, privateKey, validFrom, validUntil }
  ) satisfies SigningKey
})

/**
 * Signs a payload on `signedOn` (a Beijing calendar date). Fails with SigningFailed when the key's window does not
 * cover the date: such a signature would never verify.
 */
export const signPayload = Effect.fn("Signature.signPayload")(function* (
  context: string,
  payload: CanonicalValue,
  key: SigningKey,
  signedOn: LocalDateType
) {
  if (!withinWindow(key, signedOn))
    return yield* new SigningFailed({
      field: "signedOn",
      keyId: key.keyId,
      reason: `密钥有效期为 ${key.validFrom} 至 ${key.validUntil ?? "今"}，不能在 ${signedOn} 签名`
    })
  const signature = yield* Effect.tryPromise({
    try: () => signEd25519(key.privateKey, signedBytes(context, payload, key.keyId, signedOn)),
    catch: signingFailed(key.keyId)
  })
  return { keyId: key.keyId, signedOn, signature: toBase64Url(signature) } satisfies SignatureParts
})

export type SignatureOutcome = "verified" | "refused"
export type SignatureDecision = Decision<SignatureOutcome>

/** How a kind of signed object names itself in decisions and messages. */
export interface SignedKind {
  /** The decision's rule name, e.g. certificate_signature. */
  readonly rule: string
  readonly citation: Citation
  /** What is signed, e.g. 证书记录, for the zh-CN messages. */
  readonly what: string
  /** Appended to every refusal message, e.g. the consequence under the notice. */
  readonly consequence: string
}

const failure = (
  kind: SignedKind,
  code: string,
  field: string,
  message: string,
  seen: Value,
  needed: Value
): Failure => ({
  code,
  rule: kind.rule,
  field,
  message: `${message}${kind.consequence}`,
  seen,
  required: needed,
  citation: kind.citation
})

/** A refused decision with one failure. */
export const refusedBy = (
  kind: SignedKind,
  code: string,
  field: string,
  message: string,
  seen: Value,
  needed: Value
): SignatureDecision =>
  decision("refused", kind.rule, [kind.citation], {
    failures: [failure(kind, code, field, message, seen, needed)]
  })

/**
 * Objects signed at an instant (tree heads, lists, receipts) carry it in UTC; their signing date must be that
 * instant's Beijing date, or the key window would be checked against another day. The refusal, or undefined.
 */
export const instantMismatch = (
  kind: SignedKind,
  signedOn: LocalDateType,
  instant: string
): SignatureDecision | undefined => {
  const millis = Date.parse(instant)
  const day = Number.isNaN(millis) ? undefined : beijingDateOf(millis)
  return day === signedOn
    ? undefined
    : refusedBy(
        kind,
        "signing_date_mismatch",
        "signedOn",
        `签名日期 ${signedOn} 与签名时间 ${instant}（北京时间 ${day ?? "无法识别"}）不符`,
        signedOn,
        day ?? null
      )
}

/**
 * Decodes a signed object of `kind` from any JSON, or answers the refusal: code `malformed`, the first problem's
 * path and zh-CN message.
 */
export const decodeOrRefuse = <A, I>(
  schema: Schema.Schema<A, I>,
  kind: SignedKind,
  malformed: string,
  input: unknown
): Either.Either<A, SignatureDecision> =>
  Schema.decodeUnknownEither(schema, { errors: "first" })(input).pipe(
    Either.mapLeft((error) => {
      const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
      return refusedBy(
        kind,
        malformed,
        issue?.path.join(".") || "body",
        `${kind.what}格式不正确：${issue?.message ?? "无法解析"}`,
        null,
        String(schema.ast.annotations[Symbol.for("effect/annotation/Identifier")] ?? kind.what)
      )
    })
  )

/**
 * Verifies a signature over a payload against the published keys. Never fails: every problem is a refused
 * decision with a zh-CN reason (unknown_key, key_not_valid_on_signing_date, malformed_key, malformed_signature,
 * bad_signature).
 */
export const verifyPayload = Effect.fn("Signature.verifyPayload")(function* (
  kind: SignedKind,
  context: string,
  payload: CanonicalValue,
  parts: SignatureParts,
  keys: ReadonlyArray<VerificationKey>
) {
  const key = keys.find((k) => k.keyId === parts.keyId)
  if (key === undefined)
    return refusedBy(
      kind,
      "unknown_key",
      "keyId",
      `签名密钥 ${parts.keyId} 不是登记系统公布的密钥`,
      parts.keyId,
      keys.map((k) => k.keyId)
    )
  if (!withinWindow(key, parts.signedOn))
    return refusedBy(
      kind,
      "key_not_valid_on_signing_date",
      "signedOn",
      `密钥 ${key.keyId} 的有效期为 ${key.validFrom} 至 ${key.validUntil ?? "今"}，${parts.signedOn} 的签名不能由它作出`,
      parts.signedOn,
      [key.validFrom, key.validUntil ?? ""]
    )
  const raw = fromBase64Url(key.publicKey)
  if (raw === undefined || raw.length !== 32)
    return refusedBy(
      kind,
      "malformed_key",
      "publicKey",
      `公钥 ${key.keyId} 不是32字节的 Ed25519 公钥`,
      key.publicKey,
      "32字节"
    )
  const signature = fromBase64Url(parts.signature)
  if (signature === undefined || signature.length !== 64)
    return refusedBy(
      kind,
      "malformed_signature",
      "signature",
      `签名长度应为64字节，实为${signature?.length ?? 0}字节`,
      signature?.length ?? 0,
      64
    )
  const ok = yield* Effect.tryPromise(async () =>
    verifyEd25519(
      await importRawPublicKey(raw),
      signature,
      signedBytes(context, payload, parts.keyId, parts.signedOn)
    )
  ).pipe(Effect.orElseSucceed(() => false))
  return ok
    ? decision("verified" as SignatureOutcome, kind.rule, [kind.citation])
    : refusedBy(
        kind,
        "bad_signature",
        "signature",
        `签名与${kind.what}不符：${kind.what}已被改动或并非由密钥 ${key.keyId} 签发`,
        parts.signature,
        key.keyId
      )
})

/** The key that signs on `day`: among those whose window covers it, the one that started last (on a tie, the one
 * listed last — a rotation on the old key's first day hands over at once). */
export const activeSigningKey = (
  keys: ReadonlyArray<SigningKey>,
  day: LocalDateType
): SigningKey | undefined =>
  keys
    .filter((k) => withinWindow(k, day))
    .reduce<SigningKey | undefined>(
      (best, k) => (best === undefined || k.validFrom >= best.validFrom ? k : best),
      undefined
    )
