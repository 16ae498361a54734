/**
 * Who proposes to issue a competition's certificates (竞赛专用证书, 54号·四): the city's 职业技能鉴定机构, the
 * competition's host (牵头主办单位) — commissioned or not, holding 职业技能等级认定 authority or not — or anyone else.
 */
import { Predicate, Schema } from "effect"
import { RegionCode } from "../codes/RegionSchema.js"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"
import { required, Text } from "../shared/FieldSchema.js"

/** A 市职业技能鉴定机构, issuing under its own seal (代章). */
export const CityAppraisalCentre = Schema.TaggedStruct("city_appraisal_centre", {
  name: required(Text("发证机构名称"), "发证机构名称"),
  regionCode: required(RegionCode, "发证机构所在地区")
})

export const HostIssuer = Schema.TaggedStruct("host", {
  name: required(Text("发证机构名称"), "发证机构名称"),
  creditCode: required(SocialCreditCode, "发证机构统一社会信用代码"),
  /** 委托: commissioned by the city to issue. */
  commissioned: required(
    Schema.Boolean.annotations({ message: () => "受委托核发标记应为 true 或 false" }),
    "受委托核发标记"
  ),
  /** Holds 职业技能等级认定 authority (listed in the catalogue of 认定机构). */
  holdsAssessmentAuthority: required(
    Schema.Boolean.annotations({ message: () => "职业技能等级认定权限标记应为 true 或 false" }),
    "职业技能等级认定权限标记"
  )
})

export const OtherIssuer = Schema.TaggedStruct("other", {
  name: required(Text("发证机构名称"), "发证机构名称")
})

export const CertificateIssuerCandidate = Schema.Union(
  CityAppraisalCentre,
  HostIssuer,
  OtherIssuer
).annotations({
  // An unknown or missing `_tag` gets this message; a known one, the messages of its own fields.
  message: (issue) => ({
    message:
      "发证机构类别（_tag）应为 city_appraisal_centre（市职业技能鉴定机构）、host（竞赛主办单位）或 other（其他单位）",
    override: !(
      Predicate.hasProperty(issue.actual, "_tag") &&
      ["city_appraisal_centre", "host", "other"].includes(String(issue.actual._tag))
    )
  })
})
export type CertificateIssuerCandidate = typeof CertificateIssuerCandidate.Type
