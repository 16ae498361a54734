/**
 * 职业技能等级证书编号, the MOHRSS unified 22-character rule (domain.md §3; rules-research §2.1, SECONDARY):
 * type `S` (社会培训评价组织) or `Y` (用人单位) · 4 institution code (`0000` = filed with a province) ·
 * 2 province (GB/T 2260 prefix, `32` Jiangsu) · 6 institution/site serial · 2 issue year YY · 1 level 1–5 ·
 * 6 certificate serial. Structure only: the rule has no check digit.
 */

import { isProvincePrefix } from "./Region.js"
import type { SkillLevel } from "./SkillLevel.js"

export type CertificateNumber = string

export type InstitutionTypeCode = "S" | "Y"

export interface CertificateNumberParts {
  readonly type: InstitutionTypeCode
  /** 4 digits; "0000" for an institution filed with a provincial department. */
  readonly institutionCode: string
  /** 2 digits, GB/T 2260 province prefix. */
  readonly province: string
  /** 6 digits, assigned by the province of the institution or site. */
  readonly siteSerial: string
  /** 2 digits, last two of the issue year. */
  readonly year: string
  readonly level: SkillLevel
  /** 6 digits, 000001–999999, assigned within the institution. */
  readonly serial: string
}

export type CertificateNumberProblem = "length" | "type" | "digits" | "province" | "level" | "serial"

const LAYOUT = /^([SY])(\d{4})(\d{2})(\d{6})(\d{2})(\d)(\d{6})$/

/** undefined for a well-formed number, else the first problem. */
export const certificateNumberProblem = (s: string): CertificateNumberProblem | undefined => {
  if (s.length !== 22) return "length"
  const t = s.charCodeAt(0)
  if (t !== 83 && t !== 89) return "type"
  for (let i = 1; i < 22; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return "digits"
  }
  if (!isProvincePrefix(s.slice(5, 7))) return "province"
  const level = s.charCodeAt(15) - 48
  if (level < 1 || level > 5) return "level"
  if (s.slice(16) === "000000") return "serial"
  return undefined
}

export const isCertificateNumber = (s: string): boolean => certificateNumberProblem(s) === undefined

/** The parts of a well-formed number; undefined otherwise. */
export const parseCertificateNumber = (s: string): CertificateNumberParts | undefined => {
  if (certificateNumberProblem(s) !== undefined) return undefined
  const m = LAYOUT.exec(s)
  if (m === null) return undefined
  return {
    type: m[1] as InstitutionTypeCode,
    institutionCode: m[2] as string,
    province: m[3] as string,
    siteSerial: m[4] as string,
    year: m[5] as string,
    level: Number(m[6]) as SkillLevel,
    serial: m[7] as string
  }
}

export const formatCertificateNumber = (p: CertificateNumberParts): CertificateNumber =>
  `${p.type}${p.institutionCode}${p.province}${p.siteSerial}${p.year}${p.level}${p.serial}`

/** What an institution contributes to its numbers (parts 1–4 are assigned by HRSS departments). */
export interface NumberingPrefix {
  readonly type: InstitutionTypeCode
  readonly institutionCode: string
  readonly province: string
  readonly siteSerial: string
}

/**
 * The number of the `serial`-th certificate (1-based) issued at `level` in `issueYear` under `prefix`. String
 * concatenation only: it runs once per issued certificate.
 */
export const deriveCertificateNumber = (
  prefix: NumberingPrefix,
  issueYear: number,
  level: SkillLevel,
  serial: number
): CertificateNumber => {
  const yy = issueYear % 100
  return `${prefix.type}${prefix.institutionCode}${prefix.province}${prefix.siteSerial}${yy < 10 ? "0" : ""}${yy}${level}${`00000${serial}`.slice(-6)}`
}

export const MAX_SERIAL = 999_999

/** Level digit (position 16). */
export const levelOfNumber = (n: CertificateNumber): SkillLevel => (n.charCodeAt(15) - 48) as SkillLevel

/** Two-digit year (positions 14–15) as a four-digit year in 2000–2099. */
export const yearOfNumber = (n: CertificateNumber): number => 2000 + Number(n.slice(13, 15))

const PROBLEM_MESSAGES: Record<CertificateNumberProblem, string> = {
  length: "证书编号应为22位",
  type: "证书编号首位应为 S（社会培训评价组织）或 Y（用人单位）",
  digits: "证书编号第2至22位应为数字",
  province: "证书编号第6–7位省级代码无效",
  level: "证书编号第16位等级代码应为1至5",
  serial: "证书编号末6位序列码不能为000000"
}

export const certificateNumberMessage = (problem: CertificateNumberProblem): string =>
  PROBLEM_MESSAGES[problem]
