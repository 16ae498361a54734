import { FastCheck } from "effect"
import { describe, expect, it } from "vitest"
import {
  creditCheckCharacter,
  isSocialCreditCode,
  orgCodeCheckCharacter,
  registrationRegionOf,
  socialCreditCodeMessage,
  socialCreditCodeProblem
} from "./SocialCreditCode.js"

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"

/** Reference GB 32100 check, written independently: W_i = 3^(i−1) mod 31, C = 31 − (Σ mod 31), 31 → 0. */
const referenceC18 = (first17: string): string => {
  let sum = 0
  for (let i = 1; i <= 17; i++) sum += CHARSET.indexOf(first17[i - 1] as string) * (3 ** (i - 1) % 31)
  const c = 31 - (sum % 31)
  return CHARSET[c === 31 ? 0 : c] as string
}

/** Reference GB 11714 check: digits 0–9, letters A=10 … Z=35; weights 3 7 9 10 5 8 4 2; 10 → X, 11 → 0. */
const referenceOrg = (body8: string): string => {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2]
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8[i] as string, 36) * (weights[i] as number)
  const c = 11 - (sum % 11)
  return c === 10 ? "X" : c === 11 ? "0" : String(c)
}

const char = FastCheck.constantFrom(...CHARSET)
const digit = FastCheck.constantFrom(..."0123456789")

const validCode = FastCheck.tuple(
  FastCheck.array(char, { minLength: 2, maxLength: 2 }),
  FastCheck.array(digit, { minLength: 6, maxLength: 6 }),
  FastCheck.array(char, { minLength: 8, maxLength: 8 })
).map(([head, region, body]) => {
  const org = body.join("")
  const first17 = head.join("") + region.join("") + org + referenceOrg(org)
  return first17 + referenceC18(first17)
})

describe("GB 32100 unified social credit code (domain.md §3)", () => {
  it("accepts 91350100M000100Y43", () => {
    expect(isSocialCreditCode("91350100M000100Y43")).toBe(true)
    expect(creditCheckCharacter("91350100M000100Y4")).toBe("3")
    expect(orgCodeCheckCharacter("M000100Y")).toBe("4")
    expect(registrationRegionOf("91350100M000100Y43")).toBe("350100")
  })

  it("accepts every generated valid code", () => {
    FastCheck.assert(FastCheck.property(validCode, (code) => isSocialCreditCode(code)))
  })

  it("refuses every single-character change, at each position, to every other character of the set", () => {
    FastCheck.assert(
      FastCheck.property(validCode, (code) => {
        for (let i = 0; i < 18; i++) {
          for (const c of CHARSET) {
            if (c === code.charAt(i)) continue
            if (isSocialCreditCode(code.slice(0, i) + c + code.slice(i + 1))) return false
          }
        }
        return true
      }),
      { numRuns: 200 }
    )
  })

  it("detects a wrong embedded organisation-code check even when C18 is recomputed", () => {
    const first16 = "91350100M000100Y"
    const wrongOrg = `${first16}5`
    const code = wrongOrg + referenceC18(wrongOrg)
    expect(socialCreditCodeProblem(code)).toBe("org_code_check")
    expect(socialCreditCodeMessage("org_code_check")).toBe("统一社会信用代码中的组织机构代码校验位错误")
  })

  it.each([
    ["91350100M000100Y4", "length"],
    ["91350100M000100Y433", "length"],
    ["91350100I000100Y43", "characters"],
    ["91350100O000100Y43", "characters"],
    ["91350100m000100Y43", "characters"],
    ["91350100M000100Y44", "check_digit"]
  ] as const)("classifies %s as %s", (s, problem) => {
    expect(socialCreditCodeProblem(s)).toBe(problem)
  })
})
