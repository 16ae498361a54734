/**
 * The transparency log's leaf hashes as the registry computes them while issuing (issue #7): the SAME bytes as
 * the domain's `recordDigest` (verification/SignedRecord) and `eventLeafHash` (verification/LogEvent), hashed
 * with node:crypto's one-shot `hash` instead of the domain's browser-safe SHA-256 in TypeScript, and encoded with Node's UTF-8
 * encoder instead of the domain's `utf8` (both follow TextEncoder: a lone surrogate becomes U+FFFD). Issuing
 * 100,000 certificates hashes each record (about 330 bytes) and each event: this halves the time the log adds.
 *
 * The texts are the domain's own (`recordText`, `eventText`); test/LogHashing.test.ts checks that every hash here
 * equals the domain's for varied records and events.
 */
import { hash } from "node:crypto"
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { toBase64Url } from "@jineng/domain/verification/Encoding"
import { type CertificateEvent, eventText } from "@jineng/domain/verification/LogEvent"
import type { Hash } from "@jineng/domain/verification/MerkleTree"
import {
  type PublicRecord,
  publicRecordOfCertificate,
  recordText
} from "@jineng/domain/verification/SignedRecord"

/** One leaf ready to append: the event's columns and its Merkle leaf hash. */
export interface PreparedLeaf {
  readonly number: string
  readonly kind: "issued" | "revoked"
  /** The issue or revocation date. */
  readonly on: string
  /** The record digest of an issuance; null for a revocation. */
  readonly digest: Uint8Array | null
  readonly leaf: Hash
}

/** recordDigest(record) of the domain: SHA-256 of the canonical JSON of { context, record }. */
export const recordDigestOf = (record: PublicRecord): Uint8Array =>
  hash("sha256", recordText(record), "buffer")

// The leaf's message, 0x00 then the event's UTF-8, written into one reused buffer (hashing is synchronous): the
// one-shot crypto.hash is about twice as fast as a Hash object per leaf. UTF-8 needs at most 3 bytes per UTF-16
// code unit; a longer event (never, for a certificate number and a date) gets a buffer of its own.
const scratch = Buffer.alloc(4096)

/** leafHash(eventBytes(event)) of the domain: SHA-256(0x00 || canonical JSON of the event). */
const leafOf = (event: CertificateEvent): Hash => {
  const text = eventText(event)
  const buffer = 1 + 3 * text.length <= scratch.length ? scratch : Buffer.alloc(1 + 3 * text.length)
  buffer[0] = 0x00
  const length = buffer.write(text, 1, "utf8")
  return hash("sha256", buffer.subarray(0, 1 + length), "buffer")
}

/** The issuance leaf of a certificate (its public record's digest inside). */
export const issuedLeaf = (certificate: Certificate): PreparedLeaf => {
  const digest = recordDigestOf(publicRecordOfCertificate(certificate))
  const leaf = leafOf({
    _tag: "issued",
    number: certificate.number,
    on: certificate.issuedOn,
    record: toBase64Url(digest)
  })
  return { number: certificate.number, kind: "issued", on: certificate.issuedOn, digest, leaf }
}

/** The revocation leaf of a certificate number on a date. */
export const revokedLeaf = (number: string, on: string): PreparedLeaf => ({
  number,
  kind: "revoked",
  on,
  digest: null,
  leaf: leafOf({ _tag: "revoked", number: number as CertificateEvent["number"], on })
})
