/**
 * An institution of the evaluation catalogue (54号·四、五): its kind, credit code, region, certificate numbering
 * prefix, the responsible person who signs certificates, its one seal ("证书落款、印章唯一"), its authorisations
 * and its catalogue status history.
 */
import { Schema } from "effect"
import { isProvincePrefix } from "../codes/Region.js"
import { RegionCode } from "../codes/RegionSchema.js"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"
import { Authorisation } from "./Authorisation.js"
import { StatusHistory } from "./CatalogueStatusSchema.js"
import { certificateTypeLetter } from "./InstitutionKind.js"
import { InstitutionKind } from "./InstitutionKindSchema.js"

/** Where the institution was filed: with the province (institution code 0000) or with MOHRSS (0001–9999). */
export const FilingLevel = Schema.Literal("province", "mohrss")
export type FilingLevel = typeof FilingLevel.Type

/** Parts 1–4 of the institution's certificate numbers (codes/CertificateNumber.ts NumberingPrefix). */
export const NumberingPrefix = Schema.Struct({
  type: Schema.Literal("S", "Y"),
  institutionCode: Schema.String.pipe(Schema.pattern(/^\d{4}$/)),
  province: Schema.String.pipe(
    Schema.filter((s) => isProvincePrefix(s) || "省级代码应为 GB/T 2260 省级前两位，如 32")
  ),
  siteSerial: Schema.String.pipe(Schema.pattern(/^\d{6}$/))
})
export type NumberingPrefix = typeof NumberingPrefix.Type

/** The prefix as the 13 leading characters of the institution's certificate numbers, e.g. "S000032000123". */
export const numberingPrefixKey = (p: NumberingPrefix): string =>
  `${p.type}${p.institutionCode}${p.province}${p.siteSerial}`

/** The responsible person (相关负责人) who signs the institution's certificates. */
export const ResponsiblePerson = Schema.Struct({
  name: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(50))
})

/** The institution's one seal (印章). */
export const Seal = Schema.Struct({
  id: Schema.String.pipe(Schema.minLength(1)),
  /** The text on the seal, e.g. "某某公司职业技能等级认定专用章". */
  name: Schema.String.pipe(Schema.minLength(1))
})
export type Seal = typeof Seal.Type

const prefixProblem = (i: {
  readonly kind: typeof InstitutionKind.Type
  readonly region: string
  readonly filedWith: FilingLevel
  readonly numberingPrefix?: NumberingPrefix | undefined
}): string | undefined => {
  const letter = certificateTypeLetter(i.kind)
  const p = i.numberingPrefix
  if (letter === undefined)
    return p === undefined ? undefined : "鉴定机构不核发职业技能等级证书，不设证书编号前缀"
  if (p === undefined) return "用人单位和第三方评价机构应设证书编号前缀"
  if (p.type !== letter)
    return `证书编号机构类别代码应为 ${letter}（${letter === "Y" ? "用人单位" : "社会培训评价组织"}）`
  if (i.filedWith === "province" && p.institutionCode !== "0000")
    return "在省级备案的机构，评价机构代码应为 0000"
  if (i.filedWith === "mohrss" && p.institutionCode === "0000")
    return "在人社部备案的机构，评价机构代码应为 0001–9999"
  if (p.province !== i.region.slice(0, 2)) return "证书编号省级代码应与机构所在地一致"
  return undefined
}

export const Institution = Schema.Struct({
  id: Schema.String.pipe(Schema.minLength(1)),
  name: Schema.String.pipe(Schema.minLength(1)),
  kind: InstitutionKind,
  uscc: SocialCreditCode,
  /** The institution's own region (所在地). */
  region: RegionCode,
  filedWith: FilingLevel,
  /** Required for employers and third-party institutions; absent for the appraisal centres. */
  numberingPrefix: Schema.optional(NumberingPrefix),
  responsiblePerson: ResponsiblePerson,
  seal: Seal,
  authorisations: Schema.Array(Authorisation),
  statusHistory: StatusHistory
}).pipe(Schema.filter((i) => prefixProblem(i) ?? true))
export type Institution = typeof Institution.Type
