/**
 * Signed certificate records (issue #7). The notice makes the provincial registry the only valid source of
 * certificates: "通过其他途径生成、制作的证书及证书号一律无效" (54号·四). The registry signs each certificate's
 * minimal public record with an Ed25519 key (verification/Signature: key ids, validity windows, canonical bytes)
 * so anyone can check, offline, that a certificate came from it.
 *
 * Records are signed when a certificate is printed or its QR code produced, with the key in force that day; the
 * signing date is part of the signed bytes, so a record signed by a key since retired stays verifiable. The
 * transparency log (verification/LogEvent) binds the record's content at issuance through its digest.
 */
import { Effect, Either, Schema } from "effect"
import type { Certificate } from "../certificate/Certificate.js"
import { CertificateNumber } from "../codes/CertificateNumberSchema.js"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { maskResidentId } from "../codes/ResidentIdNumber.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { Cite } from "../rule/Citation.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import type { LocalDate as LocalDateType } from "../time/LocalDate.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { canonicalJson, utf8 } from "./Encoding.js"
import { sha256 } from "./Sha256.js"
import {
  decodeOrRefuse,
  refusedBy,
  SignatureFields,
  type SignedKind,
  type SigningKey,
  signedBytes,
  signPayload,
  type VerificationKey,
  verifyPayload
} from "./Signature.js"

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

/** The public record of a registry certificate (the ID number masked, 工种 null when none). */
export const publicRecordOfCertificate = (c: Certificate): PublicRecord =>
  publicRecordOf({
    number: c.number,
    holderName: c.holder.name,
    idNumber: c.holder.idNumber,
    occupationCode: c.occupation.code,
    occupationName: c.occupation.name,
    workType: c.occupation.workType ?? null,
    level: c.level,
    issuerName: c.issuer.name,
    institutionId: c.issuer.institutionId,
    issuedOn: c.issuedOn
  } as Omit<PublicRecord, "maskedId"> & { readonly idNumber: string })

export const SignedRecord = Schema.Struct({
  record: required(PublicRecord, "证书公开记录"),
  ...SignatureFields
}).annotations({ identifier: "SignedRecord", message: () => "签名证书记录应为对象" })
export type SignedRecord = typeof SignedRecord.Type

/** The exact bytes signed for a record under a key id on a date. */
export const signingBytes = (record: PublicRecord, keyId: string, signedOn: LocalDateType): Uint8Array =>
  signedBytes(RECORD_CONTEXT, { ...record }, keyId, signedOn)

/**
 * The record's digest: SHA-256 of its canonical JSON under the record context. The transparency log's issuance
 * leaf carries it, so the log binds the exact content a QR code later presents.
 */
export const recordDigest = (record: PublicRecord): Uint8Array => sha256(utf8(recordText(record)))

/** The text recordDigest hashes (its UTF-8): the canonical JSON of { context, record }. */
export const recordText = (record: PublicRecord): string =>
  canonicalJson({ context: RECORD_CONTEXT, record: { ...record } })

/** Signs a public record on `signedOn` (54号·四: the registry vouches for the certificates it holds). */
export const signRecord = Effect.fn("SignedRecord.signRecord")(function* (
  record: PublicRecord,
  key: SigningKey,
  signedOn: LocalDateType
) {
  const parts = yield* signPayload(RECORD_CONTEXT, { ...record }, key, signedOn)
  return { record, ...parts } satisfies SignedRecord
})

export const RECORD_KIND: SignedKind = {
  rule: "certificate_signature",
  citation: Cite.issuance,
  what: "证书记录",
  consequence: "，证书真伪无法确认（54号·四：通过其他途径生成、制作的证书一律无效）"
}

/**
 * Verifies a signed record (any JSON, e.g. decoded from a QR code) against the registry's published keys. Never
 * fails: every problem is a refused decision with a zh-CN reason citing 54号·四.
 */
export const verifySignedRecord = Effect.fn("SignedRecord.verifySignedRecord")(function* (
  input: unknown,
  keys: ReadonlyArray<VerificationKey>
) {
  const decoded = decodeOrRefuse(SignedRecord, RECORD_KIND, "malformed_record", input)
  if (Either.isLeft(decoded)) return decoded.left
  const { record, ...parts } = decoded.right
  if (parts.signedOn < record.issuedOn)
    return refusedBy(
      RECORD_KIND,
      "signed_before_issue",
      "signedOn",
      `签名日期 ${parts.signedOn} 早于发证日期 ${record.issuedOn}`,
      parts.signedOn,
      record.issuedOn
    )
  return yield* verifyPayload(RECORD_KIND, RECORD_CONTEXT, { ...record }, parts, keys)
})
