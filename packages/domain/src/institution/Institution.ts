/**
 * An institution of the evaluation catalogue (54号·四、五): its kind, credit code, region, certificate numbering
 * prefix, the responsible person who signs certificates, its one seal ("证书落款、印章唯一"), its authorisations
 * and its catalogue status history. Every decode message is zh-CN and names the field (shared/FieldSchema).
 */
import { Schema } from "effect"
import { isProvincePrefix } from "../codes/Region.js"
import { RegionCode } from "../codes/RegionSchema.js"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { Authorisation } from "./Authorisation.js"
import { StatusHistory } from "./CatalogueStatusSchema.js"
import { certificateTypeLetter } from "./InstitutionKind.js"
import { InstitutionKind } from "./InstitutionKindSchema.js"

/**
 * Where the institution was filed (备案): with the province (institution code 0000) or with MOHRSS (0001–9999).
 * Not to be confused with competition/FilingLevel (the levels that give opinions on a competition filing).
 */
export const InstitutionFiling = Schema.Literal("province", "mohrss").annotations({
  identifier: "InstitutionFiling",
  description: "备案层级：province 省级备案（评价机构代码 0000）；mohrss 人力资源社会保障部备案（0001–9999）",
  message: () => ({
    message: "备案层级应为 province（省级备案）或 mohrss（人力资源社会保障部备案）",
    override: true
  })
})
export type InstitutionFiling = typeof InstitutionFiling.Type

/** Parts 1–4 of the institution's certificate numbers (codes/CertificateNumber.ts NumberingPrefix). */
export const NumberingPrefix = Schema.Struct({
  type: required(
    Schema.Literal("S", "Y").annotations({
      message: () => ({
        message: "证书编号机构类别代码应为 S（社会培训评价组织）或 Y（用人单位）",
        override: true
      })
    }),
    "证书编号机构类别代码"
  ),
  institutionCode: required(
    Schema.String.pipe(
      Schema.pattern(/^\d{4}$/, { message: () => ({ message: "评价机构代码应为4位数字", override: true }) })
    ),
    "评价机构代码"
  ),
  province: required(
    Schema.String.annotations({ message: () => "省级代码应为文本" }).pipe(
      Schema.filter((s) => isProvincePrefix(s) || "省级代码应为 GB/T 2260 省级前两位，如 32")
    ),
    "省级代码"
  ),
  siteSerial: required(
    Schema.String.pipe(
      Schema.pattern(/^\d{6}$/, {
        message: () => ({ message: "机构（站点）序号应为6位数字", override: true })
      })
    ),
    "机构（站点）序号"
  )
}).annotations({ message: () => "证书编号前缀应为对象（机构类别代码、评价机构代码、省级代码、机构序号）" })
export type NumberingPrefix = typeof NumberingPrefix.Type

/** The prefix as the 13 leading characters of the institution's certificate numbers, e.g. "S000032000123". */
export const numberingPrefixKey = (p: NumberingPrefix): string =>
  `${p.type}${p.institutionCode}${p.province}${p.siteSerial}`

/** The responsible person (相关负责人) who signs the institution's certificates. */
export const ResponsiblePerson = Schema.Struct({
  name: required(Text("负责人姓名", 50), "负责人姓名")
}).annotations({ message: () => "负责人应为对象（姓名）" })

/** The institution's one seal (印章). */
export const Seal = Schema.Struct({
  id: required(Id("印章编号"), "印章编号"),
  /** The text on the seal, e.g. "某某公司职业技能等级认定专用章". */
  name: required(Text("印章名称"), "印章名称")
}).annotations({ message: () => "印章应为对象（印章编号、印章名称），且只有一枚" })
export type Seal = typeof Seal.Type

/**
 * Does the numbering prefix fit the institution (54号·四 unified numbering; domain.md §3)? The type letter follows the
 * kind, the institution code the filing level, the province code the region; appraisal centres have none.
 */
export const numberingPrefixProblem = (i: {
  readonly kind: typeof InstitutionKind.Type
  readonly region: string
  readonly filedWith: InstitutionFiling
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
  id: required(Id("机构编号"), "机构编号"),
  name: required(Text("机构名称"), "机构名称"),
  kind: required(InstitutionKind, "机构类别"),
  uscc: required(SocialCreditCode, "统一社会信用代码"),
  /** The institution's own region (所在地). */
  region: required(RegionCode, "机构所在地"),
  filedWith: required(InstitutionFiling, "备案层级"),
  /** Required for employers and third-party institutions; absent for the appraisal centres. */
  numberingPrefix: Schema.optionalWith(NumberingPrefix, { exact: true }),
  responsiblePerson: required(ResponsiblePerson, "负责人"),
  seal: required(Seal, "印章"),
  authorisations: required(
    Schema.Array(Authorisation).annotations({ message: () => "评价授权应为列表" }),
    "评价授权"
  ),
  statusHistory: required(StatusHistory, "目录状态记录")
})
  .annotations({ message: () => "机构信息应为对象" })
  .pipe(Schema.filter((i) => numberingPrefixProblem(i) ?? true))
export type Institution = typeof Institution.Type
