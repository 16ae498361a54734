/**
 * The transparency log's events (issue #7): every issuance (54号·四) and every revocation (54号·五) of a
 * certificate becomes one leaf. A leaf is the canonical JSON of the event under its own context — the
 * certificate number, the date, and for an issuance the digest of the signed public record — so the log holds
 * no personal data (a name or an identity number never enters it) while anyone holding a certificate's record
 * can rebuild its leaf and check it against a signed tree head.
 */
import { Schema } from "effect"
import { CertificateNumber } from "../codes/CertificateNumberSchema.js"
import { required } from "../shared/FieldSchema.js"
import type { LocalDate as LocalDateType } from "../time/LocalDate.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { canonicalJson, toBase64Url, utf8 } from "./Encoding.js"
import { type Hash, leafHash } from "./MerkleTree.js"
import { Base64Url } from "./Signature.js"
import { type PublicRecord, recordDigest } from "./SignedRecord.js"

/** Domain separation of the leaves; a new event layout gets a new context. */
export const LOG_EVENT_CONTEXT = "jineng/log-event/v1"

export const IssuedEvent = Schema.TaggedStruct("issued", {
  number: required(CertificateNumber, "证书编号"),
  /** The issue date. */
  on: required(LocalDate, "发证日期"),
  /** recordDigest of the certificate's public record, base64url. */
  record: required(Base64Url("证书记录摘要"), "证书记录摘要")
})
export const RevokedEvent = Schema.TaggedStruct("revoked", {
  number: required(CertificateNumber, "证书编号"),
  /** The revocation date. */
  on: required(LocalDate, "注销日期")
})
export const CertificateEvent = Schema.Union(IssuedEvent, RevokedEvent).annotations({
  identifier: "CertificateEvent",
  message: () => "日志事件应为发证或注销事件"
})
export type CertificateEvent = typeof CertificateEvent.Type

/** The issuance event of a certificate, from its public record. */
export const issuedEvent = (record: PublicRecord): CertificateEvent => ({
  _tag: "issued",
  number: record.number,
  on: record.issuedOn,
  record: toBase64Url(recordDigest(record))
})

/** The revocation event of a certificate. */
export const revokedEvent = (number: PublicRecord["number"], on: LocalDateType): CertificateEvent => ({
  _tag: "revoked",
  number,
  on
})

/** The canonical JSON of an event under the log context: the leaf is its UTF-8. */
export const eventText = (event: CertificateEvent): string =>
  canonicalJson(
    event._tag === "issued"
      ? {
          context: LOG_EVENT_CONTEXT,
          kind: "issued",
          number: event.number,
          on: event.on,
          record: event.record
        }
      : { context: LOG_EVENT_CONTEXT, kind: "revoked", number: event.number, on: event.on }
  )

/** The leaf bytes of an event. */
export const eventBytes = (event: CertificateEvent): Uint8Array => utf8(eventText(event))

/** The Merkle leaf hash of an event (RFC 9162 §2.1.1). */
export const eventLeafHash = (event: CertificateEvent): Hash => leafHash(eventBytes(event))
