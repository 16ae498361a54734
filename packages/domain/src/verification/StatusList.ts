/**
 * Status lists for agencies (issue #7), on the W3C Bitstring Status List model (v1.0): one list per issuer, one
 * bit per certificate (1 = revoked, 54号·五), the first index at the left-most bit, GZIP-compressed and
 * multibase-encoded (`u` + base64url, no padding). A list holds at least 131,072 entries (16 KB before
 * compression, the herd size the W3C model asks for), so fetching it tells nothing about which certificate an
 * agency checks. An agency downloads its issuers' lists once and checks thousands of certificates offline.
 *
 * The registry signs each list it publishes (verification/Signature, context jineng/status-list/v1).
 */
import { Effect, Either, Schema } from "effect"
import { Cite } from "../rule/Citation.js"
import { Id, required } from "../shared/FieldSchema.js"
import { beijingDateOf } from "../time/Today.js"
import { fromBase64Url, toBase64Url } from "./Encoding.js"
import {
  decodeOrRefuse,
  instantMismatch,
  refusedBy,
  SignatureFields,
  type SignedKind,
  type SigningKey,
  signPayload,
  type VerificationKey,
  verifyPayload
} from "./Signature.js"
import { StatusListMalformed } from "./VerificationErrors.js"

/** The minimum number of entries of a list (W3C Bitstring Status List §6.1: 16 KB). */
export const MIN_STATUS_LIST_LENGTH = 131_072

export const STATUS_LIST_CONTEXT = "jineng/status-list/v1"

/** The bitstring of `length` entries (rounded up to the minimum) with the `revoked` indices set. */
export const bitstringOf = (length: number, revoked: Iterable<number>): Uint8Array => {
  const size = Math.max(length, MIN_STATUS_LIST_LENGTH)
  const bits = new Uint8Array(Math.ceil(size / 8))
  for (const i of revoked) {
    if (!Number.isSafeInteger(i) || i < 0 || i >= size) continue
    bits[i >> 3] = (bits[i >> 3] as number) | (0x80 >> (i & 7))
  }
  return bits
}

/** The entry at `index`: true when set (revoked); undefined beyond the list. */
export const statusAt = (bits: Uint8Array, index: number): boolean | undefined =>
  Number.isSafeInteger(index) && index >= 0 && index < bits.length * 8
    ? ((bits[index >> 3] as number) & (0x80 >> (index & 7))) !== 0
    : undefined

interface ByteStream {
  readonly readable: unknown
  readonly writable: unknown
}
interface StreamGlobals {
  readonly CompressionStream?: new (format: "gzip") => ByteStream
  readonly DecompressionStream?: new (format: "gzip") => ByteStream
  readonly Blob: new (
    parts: ReadonlyArray<Uint8Array>
  ) => { stream(): { pipeThrough(s: ByteStream): unknown } }
  readonly Response: new (body: unknown) => { arrayBuffer(): Promise<ArrayBuffer> }
}

/** Runs bytes through a Compression Streams transform (browsers and Node ≥ 18). */
const through = async (bytes: Uint8Array, kind: "CompressionStream" | "DecompressionStream") => {
  const g = globalThis as unknown as StreamGlobals
  const Transform = g[kind]
  if (Transform === undefined) throw new Error("此环境不支持 Compression Streams")
  const piped = new g.Blob([bytes]).stream().pipeThrough(new Transform("gzip"))
  return new Uint8Array(await new g.Response(piped).arrayBuffer())
}

const malformed = (reason: string) => new StatusListMalformed({ field: "encodedList", reason })

/** GZIP, then multibase base64url (`u…`). */
export const encodeBitstring = Effect.fn("StatusList.encode")(function* (bits: Uint8Array) {
  const gz = yield* Effect.tryPromise({
    try: () => through(bits, "CompressionStream"),
    catch: (e) => malformed(e instanceof Error ? e.message : "压缩失败")
  })
  return `u${toBase64Url(gz)}`
})

/** The bitstring from its encoded form; fails with StatusListMalformed for anything else. */
export const decodeBitstring = Effect.fn("StatusList.decode")(function* (encoded: string) {
  if (!encoded.startsWith("u")) return yield* malformed("编码应以 u 开头（multibase base64url）")
  const gz = fromBase64Url(encoded.slice(1))
  if (gz === undefined) return yield* malformed("不是有效的 base64url 编码")
  const bits = yield* Effect.tryPromise({
    try: () => through(gz, "DecompressionStream"),
    catch: () => malformed("不是有效的 GZIP 数据")
  })
  if (bits.length * 8 < MIN_STATUS_LIST_LENGTH)
    return yield* malformed(`状态列表应至少有 ${MIN_STATUS_LIST_LENGTH} 个条目，实为 ${bits.length * 8}`)
  return bits
})

/** A published list: the W3C BitstringStatusList subject, with the issuer it covers, signed by the registry. */
export const SignedStatusList = Schema.Struct({
  /** The list's URL. */
  id: required(Schema.String, "状态列表地址"),
  type: Schema.Literal("BitstringStatusList"),
  statusPurpose: Schema.Literal("revocation"),
  /** The issuing institution whose certificates the list covers. */
  institutionId: required(Id("发证机构编号"), "发证机构编号"),
  /** Entries in use (the rest is padding up to the herd size). */
  length: required(Schema.Number, "条目数"),
  encodedList: required(Schema.String, "状态列表"),
  /** When the list was produced (UTC); the list is current as of then. */
  validFrom: required(Schema.String, "生成时间"),
  ...SignatureFields
}).annotations({ identifier: "SignedStatusList", message: () => "状态列表应为对象" })
export type SignedStatusList = typeof SignedStatusList.Type

/** A certificate's place in its issuer's list (W3C BitstringStatusListEntry). */
export const StatusListEntry = Schema.Struct({
  type: Schema.Literal("BitstringStatusListEntry"),
  statusPurpose: Schema.Literal("revocation"),
  statusListIndex: Schema.String,
  statusListCredential: Schema.String
}).annotations({ identifier: "StatusListEntry" })
export type StatusListEntry = typeof StatusListEntry.Type

const payloadOf = (l: Omit<SignedStatusList, "keyId" | "signedOn" | "signature">) => ({
  id: l.id,
  type: l.type,
  statusPurpose: l.statusPurpose,
  institutionId: l.institutionId,
  length: l.length,
  encodedList: l.encodedList,
  validFrom: l.validFrom
})

/** Builds, encodes and signs an issuer's list at `epochMillis`. */
export const signStatusList = Effect.fn("StatusList.sign")(function* (
  facts: {
    readonly id: string
    readonly institutionId: string
    readonly length: number
    readonly revoked: Iterable<number>
  },
  key: SigningKey,
  epochMillis: number
) {
  const encodedList = yield* encodeBitstring(bitstringOf(facts.length, facts.revoked))
  const unsigned = {
    id: facts.id,
    type: "BitstringStatusList" as const,
    statusPurpose: "revocation" as const,
    institutionId: facts.institutionId,
    length: facts.length,
    encodedList,
    validFrom: new Date(epochMillis).toISOString()
  }
  const parts = yield* signPayload(STATUS_LIST_CONTEXT, payloadOf(unsigned), key, beijingDateOf(epochMillis))
  return { ...unsigned, ...parts } satisfies SignedStatusList
})

export const STATUS_LIST_KIND: SignedKind = {
  rule: "status_list_signature",
  citation: Cite.quality,
  what: "状态列表",
  consequence: "，不能据此确认证书状态，请改用证书查询（54号·五）"
}

/** Verifies a signed list (any JSON) and decodes its bits; the bits only when the signature verified. */
export const verifyStatusList = Effect.fn("StatusList.verify")(function* (
  input: unknown,
  keys: ReadonlyArray<VerificationKey>
) {
  const decoded = decodeOrRefuse(SignedStatusList, STATUS_LIST_KIND, "malformed_status_list", input)
  if (Either.isLeft(decoded)) return { decision: decoded.left, bits: undefined }
  const { keyId, signedOn, signature, ...rest } = decoded.right
  const mismatch = instantMismatch(STATUS_LIST_KIND, signedOn, rest.validFrom)
  if (mismatch !== undefined) return { decision: mismatch, bits: undefined }
  const decision = yield* verifyPayload(
    STATUS_LIST_KIND,
    STATUS_LIST_CONTEXT,
    payloadOf(rest),
    {
      keyId,
      signedOn,
      signature
    },
    keys
  )
  if (decision.outcome !== "verified") return { decision, bits: undefined }
  const bits = yield* decodeBitstring(rest.encodedList).pipe(Effect.option)
  return bits._tag === "Some"
    ? { decision, bits: bits.value }
    : {
        decision: refusedBy(
          STATUS_LIST_KIND,
          "malformed_status_list",
          "encodedList",
          "状态列表数据无法解压",
          null,
          "GZIP"
        ),
        bits: undefined
      }
})
