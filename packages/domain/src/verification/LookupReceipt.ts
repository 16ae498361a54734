/**
 * Signed verification receipts (issue #7): an agency that checks a certificate through the API can ask for a
 * receipt — the certificate's status at that moment, the transparency log's tree head it was checked against
 * and the time, signed by the registry — and archive it as proof of what the registry answered (54号·四 the
 * registry is the only source; 54号·五 revocations).
 */
import { Effect, Either, Schema } from "effect"
import { CertificateNumber } from "../codes/CertificateNumberSchema.js"
import { Cite } from "../rule/Citation.js"
import { Id, required } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { beijingDateOf } from "../time/Today.js"
import { toBase64Url } from "./Encoding.js"
import type { TreeHead } from "./MerkleTree.js"
import {
  Base64Url,
  decodeOrRefuse,
  instantMismatch,
  SignatureFields,
  type SignedKind,
  type SigningKey,
  signPayload,
  type VerificationKey,
  verifyPayload
} from "./Signature.js"

export const RECEIPT_CONTEXT = "jineng/lookup-receipt/v1"

export const ReceiptStatus = Schema.Literal("valid", "revoked")

export const LookupReceipt = Schema.Struct({
  number: required(CertificateNumber, "证书编号"),
  status: required(ReceiptStatus, "证书状态"),
  /** The revocation date, null while valid. */
  revokedOn: required(Schema.NullOr(LocalDate), "注销日期"),
  /** recordDigest of the certificate's public record (base64url): which content was checked. */
  record: required(Base64Url("证书记录摘要"), "证书记录摘要"),
  /** The log's head when the lookup was answered. */
  treeSize: required(Schema.Number, "日志大小"),
  treeRoot: required(Base64Url("树根哈希"), "树根哈希"),
  /** When the registry answered (UTC). */
  checkedAt: required(Schema.String, "查询时间"),
  /** The organisation that asked. */
  requestedBy: required(Id("查询单位"), "查询单位"),
  ...SignatureFields
}).annotations({ identifier: "LookupReceipt", message: () => "查询回执应为对象" })
export type LookupReceipt = typeof LookupReceipt.Type

export interface ReceiptFacts {
  readonly number: LookupReceipt["number"]
  readonly status: "valid" | "revoked"
  readonly revokedOn: string | null
  readonly record: Uint8Array
  readonly head: TreeHead
  readonly requestedBy: string
}

const payloadOf = (r: Omit<LookupReceipt, "keyId" | "signedOn" | "signature">) => ({
  number: r.number,
  status: r.status,
  revokedOn: r.revokedOn,
  record: r.record,
  treeSize: r.treeSize,
  treeRoot: r.treeRoot,
  checkedAt: r.checkedAt,
  requestedBy: r.requestedBy
})

/** Signs a receipt for a lookup answered at `epochMillis`. */
export const signReceipt = Effect.fn("LookupReceipt.sign")(function* (
  facts: ReceiptFacts,
  key: SigningKey,
  epochMillis: number
) {
  const unsigned = {
    number: facts.number,
    status: facts.status,
    revokedOn: facts.revokedOn,
    record: toBase64Url(facts.record),
    treeSize: facts.head.size,
    treeRoot: toBase64Url(facts.head.root),
    checkedAt: new Date(epochMillis).toISOString(),
    requestedBy: facts.requestedBy
  }
  const parts = yield* signPayload(RECEIPT_CONTEXT, payloadOf(unsigned), key, beijingDateOf(epochMillis))
  return { ...unsigned, ...parts } satisfies LookupReceipt
})

export const RECEIPT_KIND: SignedKind = {
  rule: "receipt_signature",
  citation: Cite.issuance,
  what: "查询回执",
  consequence: "，该回执不能证明登记系统的答复（54号·四）"
}

/** Verifies an archived receipt (any JSON). Never fails: problems are refused decisions. */
export const verifyReceipt = Effect.fn("LookupReceipt.verify")(function* (
  input: unknown,
  keys: ReadonlyArray<VerificationKey>
) {
  const decoded = decodeOrRefuse(LookupReceipt, RECEIPT_KIND, "malformed_receipt", input)
  if (Either.isLeft(decoded)) return decoded.left
  const { keyId, signedOn, signature, ...rest } = decoded.right
  const mismatch = instantMismatch(RECEIPT_KIND, signedOn, rest.checkedAt)
  if (mismatch !== undefined) return mismatch
  return yield* verifyPayload(
    RECEIPT_KIND,
    RECEIPT_CONTEXT,
    payloadOf(rest),
    { keyId, signedOn, signature },
    keys
  )
})
