/**
 * Kinds of institution in the evaluation regime (54号·三、四、五; domain.md §4): employers and third-party
 * institutions evaluate and issue level certificates ("职业技能等级证书由用人单位和第三方评价机构相关负责人签字核发"),
 * the appraisal centres receive filings, approve resources and issue competition certificates under their seal.
 */
import type { InstitutionTypeCode } from "../codes/CertificateNumber.js"

export type InstitutionKind =
  | "employer"
  | "third_party"
  | "city_appraisal_centre"
  | "provincial_appraisal_centre"

export const INSTITUTION_KINDS: ReadonlyArray<InstitutionKind> = [
  "employer",
  "third_party",
  "city_appraisal_centre",
  "provincial_appraisal_centre"
]

const NAMES: Record<InstitutionKind, string> = {
  employer: "用人单位",
  third_party: "第三方评价机构（社会培训评价组织）",
  city_appraisal_centre: "市职业技能鉴定机构",
  provincial_appraisal_centre: "省职业技能鉴定中心"
}

export const institutionKindName = (kind: InstitutionKind): string => NAMES[kind]

/**
 * The certificate number's type letter (domain.md §3): Y 用人单位, S 社会培训评价组织; undefined for the
 * appraisal centres, which issue no level certificates.
 */
export const certificateTypeLetter = (kind: InstitutionKind): InstitutionTypeCode | undefined =>
  kind === "employer" ? "Y" : kind === "third_party" ? "S" : undefined
