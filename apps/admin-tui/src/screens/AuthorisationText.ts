/**
 * An institution's authorisation (54号·五: occupations × levels × region × validity) as the operator types it in
 * a form — occupations "6-18-01-01,4-01-02-03/焊工" (code, optionally /工种), levels "5,4,3" or "五级,四级" — and
 * back. The parsed value is unchecked: the domain's Authorisation schema judges it, with its own messages.
 */
import { parseSkillLevel } from "@jineng/domain/codes/SkillLevel"

export interface AuthorisationText {
  readonly id: string
  readonly occupations: string
  readonly levels: string
  readonly region: string
  readonly validFrom: string
  readonly validUntil: string
}

const SEPARATOR = /[\s,，、;；]+/

/** The authorisation object to decode (levels that are not 1–5 stay as typed, for the schema to refuse). */
export const authorisationOf = (t: AuthorisationText) => ({
  id: t.id,
  occupations: t.occupations
    .split(SEPARATOR)
    .filter((s) => s !== "")
    .map((s) => {
      const [code, workType] = s.split("/")
      return workType === undefined || workType === "" ? { code: code ?? "" } : { code: code ?? "", workType }
    }),
  levels: t.levels
    .split(SEPARATOR)
    .filter((s) => s !== "")
    .map((s) => parseSkillLevel(s) ?? s),
  region: t.region.trim(),
  validFrom: t.validFrom.trim(),
  validUntil: t.validUntil.trim()
})

/** The form text of an authorisation as the catalogue shows it. */
export const textOf = (a: {
  readonly id: string
  readonly occupations: ReadonlyArray<{
    readonly code: string
    readonly workType?: string | null | undefined
  }>
  readonly levels: ReadonlyArray<number | { readonly code: number }>
  readonly region: string | { readonly code: string }
  readonly validFrom: string
  readonly validUntil: string
}): AuthorisationText => ({
  id: a.id,
  occupations: a.occupations
    .map((o) => (o.workType === undefined || o.workType === null ? o.code : `${o.code}/${o.workType}`))
    .join(","),
  levels: a.levels.map((l) => (typeof l === "number" ? l : l.code)).join(","),
  region: typeof a.region === "string" ? a.region : a.region.code,
  validFrom: a.validFrom,
  validUntil: a.validUntil
})

/** A 13-character numbering prefix "S000032000123" as its four parts (codes/CertificateNumber); "" = none. */
export const prefixOf = (text: string) => {
  const t = text.trim().toUpperCase()
  if (t === "") return undefined
  return {
    type: t.slice(0, 1),
    institutionCode: t.slice(1, 5),
    province: t.slice(5, 7),
    siteSerial: t.slice(7)
  }
}
