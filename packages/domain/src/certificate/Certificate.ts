/**
 * A certificate in the registry (54号·四): the only valid source of certificates. A level certificate
 * (职业技能等级证书) or a competition certificate (竞赛专用证书样式), one issuer name and one seal, and a status
 * that is valid or revoked — revoked is final and keeps its reason and date (54号·五).
 */
import { Schema } from "effect"
import { CertificateNumber } from "../codes/CertificateNumberSchema.js"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { RegionCode } from "../codes/RegionSchema.js"
import { residentIdMessage, residentIdProblem } from "../codes/ResidentIdNumber.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { RevocationReason } from "../revocation/RevocationReasonSchema.js"
import { required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"

export const CertificateKind = Schema.Literal("level", "competition").annotations({
  message: () => ({
    message: "证书类别应为 level（职业技能等级证书）或 competition（竞赛专用证书）",
    override: true
  })
})
export type CertificateKind = typeof CertificateKind.Type

/** 证件类型 printed on the certificate. */
export const HolderIdType = Schema.Literal(
  "resident_id",
  "hk_macao_permit",
  "taiwan_permit",
  "passport"
).annotations({
  message: () => ({
    message:
      "证件类型应为 resident_id（居民身份证）、hk_macao_permit（港澳居民来往内地通行证）、taiwan_permit（台湾居民来往大陆通行证）或 passport（护照）",
    override: true
  })
})
export type HolderIdType = typeof HolderIdType.Type

/** The holder as printed: 姓名, 证件类型, 证件号码. A resident ID number must pass GB 11643 (upper-case X). */
export const Holder = Schema.Struct({
  name: required(Text("姓名", 50), "姓名"),
  idType: required(HolderIdType, "证件类型"),
  idNumber: required(Text("证件号码", 30), "证件号码")
})
  .annotations({ message: () => "持证人应为对象（姓名、证件类型、证件号码）" })
  .pipe(
    Schema.filter((h) => {
      if (h.idType !== "resident_id") return true
      const problem = residentIdProblem(h.idNumber)
      if (problem === undefined && !h.idNumber.endsWith("x")) return true
      return {
        path: ["idNumber"],
        message: problem === undefined ? "身份证号码校验位应为大写X" : residentIdMessage(problem)
      }
    })
  )
export type Holder = typeof Holder.Type

/** The one issuer (落款), its responsible person (签字) and its one seal (印章) — 54号·四. */
export const Issuer = Schema.Struct({
  institutionId: Schema.String,
  name: Schema.String,
  /** The issuing institution's region: revocation by a city reaches only certificates issued in it (54号·五). */
  regionCode: RegionCode,
  signatory: Schema.String,
  sealId: Schema.String
})
export type Issuer = typeof Issuer.Type

export const Valid = Schema.TaggedStruct("valid", {})
export const Revoked = Schema.TaggedStruct("revoked", {
  revokedOn: LocalDate,
  reason: RevocationReason,
  orderId: Schema.String
})
export const CertificateStatus = Schema.Union(Valid, Revoked)
export type CertificateStatus = typeof CertificateStatus.Type

export const Certificate = Schema.Struct({
  number: CertificateNumber,
  kind: CertificateKind,
  holder: Holder,
  occupation: Schema.Struct({
    code: OccupationCode,
    name: Schema.String,
    workType: Schema.optional(Schema.String)
  }),
  level: SkillLevel,
  issuer: Issuer,
  issuedOn: LocalDate,
  /** The evaluation batch (附件2) or competition the certificate came from. */
  batchId: Schema.String,
  status: CertificateStatus
})
export type Certificate = typeof Certificate.Type

export const isRevoked = (c: Certificate): boolean => c.status._tag === "revoked"
