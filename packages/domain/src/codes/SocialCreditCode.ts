/**
 * Unified social credit codes (GB 32100-2015; domain.md §3): 18 characters over
 * `0123456789ABCDEFGHJKLMNPQRTUWXY`, check character C18 with weights 3^(i−1) mod 31, and the embedded
 * organisation code (positions 9–17, GB 11714-1997) with its own MOD 11 check at position 17.
 */

export type SocialCreditCode = string

export type SocialCreditCodeProblem = "length" | "characters" | "org_code_check" | "check_digit"

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const

/** Index of each character code in CHARSET, -1 elsewhere. */
const VALUE = new Int8Array(128).fill(-1)
for (let i = 0; i < CHARSET.length; i++) VALUE[CHARSET.charCodeAt(i)] = i

const valueAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i)
  return c < 128 ? (VALUE[c] as number) : -1
}

/** GB 11714 value: digits 0–9, letters A=10 … Z=35. */
const orgValue = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c - 55)

/** The check character (position 18) for the first 17 characters. */
export const creditCheckCharacter = (first17: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += valueAt(first17, i) * (WEIGHTS[i] as number)
  const c = 31 - (sum % 31)
  return CHARSET.charAt(c === 31 ? 0 : c)
}

/** The GB 11714 check character for an 8-character organisation code body. */
export const orgCodeCheckCharacter = (body8: string): string => {
  let sum = 0
  for (let i = 0; i < 8; i++) sum += orgValue(body8.charCodeAt(i)) * (ORG_WEIGHTS[i] as number)
  const c = 11 - (sum % 11)
  return c === 10 ? "X" : c === 11 ? "0" : String(c)
}

/** undefined for a valid code, else the first problem found. */
export const socialCreditCodeProblem = (s: string): SocialCreditCodeProblem | undefined => {
  if (s.length !== 18) return "length"
  for (let i = 0; i < 18; i++) if (valueAt(s, i) < 0) return "characters"
  if (orgCodeCheckCharacter(s.slice(8, 16)) !== s.charAt(16)) return "org_code_check"
  return creditCheckCharacter(s) === s.charAt(17) ? undefined : "check_digit"
}

export const isSocialCreditCode = (s: string): boolean => socialCreditCodeProblem(s) === undefined

/** The registration authority's region code (positions 3–8, GB/T 2260). */
export const registrationRegionOf = (code: SocialCreditCode): string => code.slice(2, 8)

const PROBLEM_MESSAGES: Record<SocialCreditCodeProblem, string> = {
  length: "统一社会信用代码应为18位",
  characters: "统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）",
  org_code_check: "统一社会信用代码中的组织机构代码校验位错误",
  check_digit: "统一社会信用代码校验位错误，请核对"
}

export const socialCreditCodeMessage = (problem: SocialCreditCodeProblem): string => PROBLEM_MESSAGES[problem]
