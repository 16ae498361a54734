/**
 * The signed record in the compact form a printed certificate's QR code carries (issue #7): a version tag and
 * the base64url of a JSON array of the fields in a fixed order — about a third shorter than the object, so the
 * QR code stays small enough to scan from paper. Decoding gives back the object verifySignedRecord checks; any
 * damage (a misread code, an edited text) decodes to undefined or fails the signature.
 */
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from "./Encoding.js"
import type { SignedRecord } from "./SignedRecord.js"

/** The layout version: a new field order gets a new tag. */
export const COMPACT_VERSION = "r1"

const RECORD_FIELDS = [
  "number",
  "holderName",
  "maskedId",
  "occupationCode",
  "occupationName",
  "workType",
  "level",
  "issuerName",
  "institutionId",
  "issuedOn"
] as const
const SIGNATURE_FIELDS = ["keyId", "signedOn", "signature"] as const

/** `r1.<base64url of the JSON array>`. */
export const encodeCompactRecord = (signed: SignedRecord): string => {
  const values = [...RECORD_FIELDS.map((f) => signed.record[f]), ...SIGNATURE_FIELDS.map((f) => signed[f])]
  return `${COMPACT_VERSION}.${toBase64Url(utf8(JSON.stringify(values)))}`
}

/** The signed record's object form (unchecked: verify it with verifySignedRecord), or undefined. */
export const decodeCompactRecord = (text: string): unknown => {
  const [version, body, ...rest] = text.trim().split(".")
  if (version !== COMPACT_VERSION || body === undefined || rest.length > 0) return undefined
  const bytes = fromBase64Url(body)
  const json = bytes === undefined ? undefined : fromUtf8(bytes)
  if (json === undefined) return undefined
  let values: unknown
  try {
    values = JSON.parse(json)
  } catch {
    return undefined
  }
  if (!Array.isArray(values) || values.length !== RECORD_FIELDS.length + SIGNATURE_FIELDS.length)
    return undefined
  const record = Object.fromEntries(RECORD_FIELDS.map((f, i) => [f, values[i]]))
  const signature = Object.fromEntries(SIGNATURE_FIELDS.map((f, i) => [f, values[RECORD_FIELDS.length + i]]))
  return { record, ...signature }
}
