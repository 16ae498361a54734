/**
 * Who proposes to issue a competition's certificates (竞赛专用证书, 54号·四): the city's 职业技能鉴定机构, the
 * competition's host (牵头主办单位) — commissioned or not, holding 职业技能等级认定 authority or not — or anyone else.
 */
import { Schema } from "effect"
import { RegionCode } from "../codes/RegionSchema.js"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"

const Text = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200))

/** A 市职业技能鉴定机构, issuing under its own seal (代章). */
export const CityAppraisalCentre = Schema.TaggedStruct("city_appraisal_centre", {
  name: Text,
  regionCode: RegionCode
})

export const HostIssuer = Schema.TaggedStruct("host", {
  name: Text,
  creditCode: SocialCreditCode,
  /** 委托: commissioned by the city to issue. */
  commissioned: Schema.Boolean,
  /** Holds 职业技能等级认定 authority (listed in the catalogue of 认定机构). */
  holdsAssessmentAuthority: Schema.Boolean
})

export const OtherIssuer = Schema.TaggedStruct("other", {
  name: Text
})

export const CertificateIssuerCandidate = Schema.Union(CityAppraisalCentre, HostIssuer, OtherIssuer)
export type CertificateIssuerCandidate = typeof CertificateIssuerCandidate.Type
