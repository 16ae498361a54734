/**
 * Legacy 16-digit 职业资格证书 numbers (rules-research §2.4, SECONDARY): YY · 2 old labour-system province
 * code (not GB/T 2260; "10" = Jiangsu) · 2 city · 1 institution type · 3 institution serial · 1 level 1–5 ·
 * 5 serial. Accepted as a *prior* certificate in eligibility, never issued (domain.md §3).
 */
import type { SkillLevel } from "./SkillLevel.js"

export type LegacyCertificateNumber = string

export interface LegacyCertificateNumberParts {
  readonly year: string
  readonly province: string
  readonly city: string
  readonly institutionType: string
  readonly institutionSerial: string
  readonly level: SkillLevel
  readonly serial: string
}

const LAYOUT = /^(\d{2})(\d{2})(\d{2})([0-4])(\d{3})([1-5])(\d{5})$/

export const isLegacyCertificateNumber = (s: string): boolean => LAYOUT.test(s)

export const parseLegacyCertificateNumber = (s: string): LegacyCertificateNumberParts | undefined => {
  const m = LAYOUT.exec(s)
  if (m === null) return undefined
  return {
    year: m[1] as string,
    province: m[2] as string,
    city: m[3] as string,
    institutionType: m[4] as string,
    institutionSerial: m[5] as string,
    level: Number(m[6]) as SkillLevel,
    serial: m[7] as string
  }
}
