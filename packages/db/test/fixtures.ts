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
  options: { level?: SkillLevel; issuedOn?: string; siteSerial?: string; regionCode?: string } = {}
): CertificateDraft => ({
  prefix: { type: "S", institutionCode: "0000", province: "32", siteSerial: options.siteSerial ?? "000001" },
  certificate: {
    kind: "level",
    holder: { name: `持证人${n}`, idType: "resident_id", idNumber: residentId(n) },
    occupation: { code: "6-18-01-01", name: "车工", workType: "车工" },
    level: options.level ?? 3,
    issuer: {
      institutionId: "inst_1",
      name: "江苏省某职业技能评价中心",
      regionCode: options.regionCode ?? "320100",
      signatory: "张三",
      sealId: "seal_1"
    },
    issuedOn: options.issuedOn ?? "2024-06-30",
    batchId: "ignored"
  }
})
