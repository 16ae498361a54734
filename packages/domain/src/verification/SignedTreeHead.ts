/**
 * Signed tree heads (issue #7, RFC 9162 §4.10 in spirit): the registry signs the size and root of its
 * transparency log at a moment, so anyone can hold it to that state. Two signed heads are checked against each
 * other with a consistency proof (the older log is a prefix of the newer — nothing was removed or rewritten), and
 * a certificate's events with inclusion proofs against one head (54号·四: certificates exist only through the
 * registry; 54号·五: revocations are public).
 */
import { Effect, Either, Schema } from "effect"
import { Cite } from "../rule/Citation.js"
import { required } from "../shared/FieldSchema.js"
import { beijingDateOf } from "../time/Today.js"
import { fromBase64Url, toBase64Url } from "./Encoding.js"
import type { TreeHead } from "./MerkleTree.js"
import {
  Base64Url,
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

export const TREE_HEAD_CONTEXT = "jineng/tree-head/v1"

const TreeSize = Schema.Number.annotations({ message: () => "日志大小应为数字" }).pipe(
  Schema.filter((n) => (Number.isSafeInteger(n) && n >= 0) || "日志大小应为非负整数")
)
const Timestamp = Schema.String.annotations({ message: () => "时间应为文本" }).pipe(
  Schema.filter(
    (s) =>
      (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(s) && !Number.isNaN(Date.parse(s))) ||
      "时间应为 UTC ISO 8601 格式，如 2026-11-26T08:00:00.000Z"
  )
)

export const SignedTreeHead = Schema.Struct({
  size: required(TreeSize, "日志大小"),
  /** The Merkle Tree Hash, base64url. */
  root: required(Base64Url("树根哈希"), "树根哈希"),
  /** When the registry signed it (UTC). */
  timestamp: required(Timestamp, "签名时间"),
  ...SignatureFields
}).annotations({ identifier: "SignedTreeHead", message: () => "签名树头应为对象" })
export type SignedTreeHead = typeof SignedTreeHead.Type

const payloadOf = (head: { readonly size: number; readonly root: string; readonly timestamp: string }) => ({
  size: head.size,
  root: head.root,
  timestamp: head.timestamp
})

/** Signs a tree head at `epochMillis` (the signing date is that instant's Beijing date). */
export const signTreeHead = Effect.fn("SignedTreeHead.sign")(function* (
  head: TreeHead,
  key: SigningKey,
  epochMillis: number
) {
  const unsigned = {
    size: head.size,
    root: toBase64Url(head.root),
    timestamp: new Date(epochMillis).toISOString()
  }
  const parts = yield* signPayload(TREE_HEAD_CONTEXT, payloadOf(unsigned), key, beijingDateOf(epochMillis))
  return { ...unsigned, ...parts } satisfies SignedTreeHead
})

/** The tree head a signed head vouches for (its root as bytes). */
export const treeHeadOf = (signed: SignedTreeHead): TreeHead => ({
  size: signed.size,
  root: fromBase64Url(signed.root) as Uint8Array
})

export const TREE_HEAD_KIND: SignedKind = {
  rule: "tree_head_signature",
  citation: Cite.issuance,
  what: "日志树头",
  consequence: "，不能据此确认登记系统的日志状态（54号·四）"
}

/** Verifies a signed tree head (any JSON). Never fails: problems are refused decisions. */
export const verifySignedTreeHead = Effect.fn("SignedTreeHead.verify")(function* (
  input: unknown,
  keys: ReadonlyArray<VerificationKey>
) {
  const decoded = decodeOrRefuse(SignedTreeHead, TREE_HEAD_KIND, "malformed_tree_head", input)
  if (Either.isLeft(decoded)) return decoded.left
  const { size, root, timestamp, ...parts } = decoded.right
  const root32 = fromBase64Url(root)
  if (root32?.length !== 32)
    return refusedBy(TREE_HEAD_KIND, "malformed_tree_head", "root", "树根哈希应为32字节", root, "32字节")
  const mismatch = instantMismatch(TREE_HEAD_KIND, parts.signedOn, timestamp)
  if (mismatch !== undefined) return mismatch
  return yield* verifyPayload(TREE_HEAD_KIND, TREE_HEAD_CONTEXT, { size, root, timestamp }, parts, keys)
})
