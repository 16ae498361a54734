/**
 * Resident identity numbers (GB 11643-1999; domain.md §3): 6-digit address code, birth date YYYYMMDD, 3-digit
 * sequence (last digit odd = male, even = female) and an ISO 7064 MOD 11-2 check character. Lower-case `x` is
 * accepted and normalised; 15-digit numbers (GB 11643-1989) are converted by inserting "19" and computing the
 * check. Plain functions, no allocation on the hot path.
 */
import { isRealDate } from "../time/LocalDate.js"

export type ResidentIdNumber = string

export type Sex = "male" | "female"

/** Why a string is not a valid resident ID number. */
export type ResidentIdProblem = "length" | "characters" | "birth_date" | "check_digit"

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK = "10X98765432"

const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 48

/** The check character for the first 17 digits of `s` (which must be digits). */
export const checkCharacter = (first17: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += digitAt(first17, i) * (WEIGHTS[i] as number)
  return CHECK.charAt(sum % 11)
}

const birthIsReal = (s: string, at: number): boolean =>
  isRealDate(
    digitAt(s, at) * 1000 + digitAt(s, at + 1) * 100 + digitAt(s, at + 2) * 10 + digitAt(s, at + 3),
    digitAt(s, at + 4) * 10 + digitAt(s, at + 5),
    digitAt(s, at + 6) * 10 + digitAt(s, at + 7)
  )

/** undefined when `s` is a valid 18-character number (upper- or lower-case X), else the first problem found. */
export const residentIdProblem = (s: string): ResidentIdProblem | undefined => {
  if (s.length !== 18) return "length"
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return "characters"
  }
  const last = s.charCodeAt(17)
  const isDigit = last >= 48 && last <= 57
  if (!isDigit && last !== 88 && last !== 120) return "characters"
  if (!birthIsReal(s, 6)) return "birth_date"
  const expected = checkCharacter(s)
  const got = last === 120 ? "X" : s.charAt(17)
  return got === expected ? undefined : "check_digit"
}

export const isResidentIdNumber = (s: string): boolean => residentIdProblem(s) === undefined

/** Upper-cases a trailing x; converts a 15-digit number; trims spaces. Does not validate. */
export const normaliseResidentId = (s: string): string => {
  const t = s.trim().toUpperCase()
  return t.length === 15 && /^\d{15}$/.test(t) ? fromFifteen(t) : t
}

/** Converts a 15-digit (1989) number: insert "19" before the YYMMDD birth date and append the check. */
export const fromFifteen = (s: string): ResidentIdNumber => {
  const first17 = `${s.slice(0, 6)}19${s.slice(6, 15)}`
  return first17 + checkCharacter(first17)
}

/** Birth date `YYYY-MM-DD` of a valid number. */
export const birthDateOf = (id: ResidentIdNumber): string =>
  `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`

export const sexOf = (id: ResidentIdNumber): Sex => (digitAt(id, 16) % 2 === 1 ? "male" : "female")

/** The address code (GB/T 2260) at assignment: not proof of current hukou (rules-research §1.1). */
export const addressCodeOf = (id: ResidentIdNumber): string => id.slice(0, 6)

/**
 * The public form of an ID number: positions 1–6 and 15–18 visible by default (domain.md §2 "Public lookup
 * privacy"); the pattern is configurable.
 */
export const maskResidentId = (id: string, keepStart = 6, keepEnd = 4, mask = "*"): string =>
  id.length <= keepStart + keepEnd
    ? mask.repeat(id.length)
    : id.slice(0, keepStart) + mask.repeat(id.length - keepStart - keepEnd) + id.slice(id.length - keepEnd)

const PROBLEM_MESSAGES: Record<ResidentIdProblem, string> = {
  length: "身份证号码应为18位",
  characters: "身份证号码前17位应为数字，最后一位为数字或X",
  birth_date: "身份证号码中的出生日期不是真实日期",
  check_digit: "身份证号码校验位错误，请核对"
}

/** The zh-CN message for a problem. */
export const residentIdMessage = (problem: ResidentIdProblem): string => PROBLEM_MESSAGES[problem]
