/** Test data shared by the contract suites: valid certificate drafts from real codes. */
import type { CertificateDraft } from "@jineng/domain/certificate/CertificateDraft"
import { checkCharacter } from "@jineng/domain/codes/ResidentIdNumber"
import type { SkillLevel } from "@jineng/domain/codes/SkillLevel"

export const residentId = (n: number): string => {
  const first17 = `320102${1970 + (n % 30)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, "0")}`
  return first17 + checkCharacter(first17)
}

export const draft = (
  n: number,
  options: {
    level?: SkillLevel
    issuedOn?: string
    siteSerial?: string
    regionCode?: string
    institutionId?: string
  } = {}
): CertificateDraft => ({
  prefix: { type: "S", institutionCode: "0000", province: "32", siteSerial: options.siteSerial ?? "000001" },
  certificate: {
    kind: "level",
    holder: { name: `持证人${n}`, idType: "resident_id", idNumber: residentId(n) },
    occupation: { code: "6-18-01-01", name: "车工", workType: "车工" },
    level: options.level ?? 3,
    issuer: {
      institutionId: options.institutionId ?? "inst_1",
      name: "江苏省某职业技能评价中心",
      regionCode: options.regionCode ?? "320100",
      signatory: "张三",
      sealId: "seal_1"
    },
    issuedOn: options.issuedOn ?? "2024-06-30",
    batchId: "ignored"
  }
})

/**
 * Id suffixes whose order differs between code-point order (JS string comparison, SQLite, PostgreSQL's "C"
 * collation: B2 < Z < a < b1 < b_1) and a locale's (ICU zh-CN: a < b_1 < b1 < B2 < Z): ties broken by id
 * must come out in code-point order on every database, as in the in-memory layers.
 */
export const TIE_SUFFIXES = ["b1", "b_1", "B2", "a", "Z"] as const

/** `ids` in code-point order (what `<` on strings gives). */
export const codePointOrder = (ids: ReadonlyArray<string>): Array<string> =>
  [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
