import { FastCheck, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  addressCodeOf,
  birthDateOf,
  checkCharacter,
  fromFifteen,
  isResidentIdNumber,
  maskResidentId,
  normaliseResidentId,
  residentIdMessage,
  residentIdProblem,
  sexOf
} from "./ResidentIdNumber.js"
import { ResidentIdNumber, ResidentIdNumberInput } from "./ResidentIdNumberSchema.js"

/** Reference check character, written independently from GB 11643 / ISO 7064 MOD 11-2: W_i = 2^(18−i) mod 11. */
const referenceCheck = (first17: string): string => {
  let sum = 0
  for (let i = 1; i <= 17; i++) sum += Number(first17[i - 1]) * (2 ** (18 - i) % 11)
  return "10X98765432"[sum % 11] as string
}

const pad = (n: number, width: number) => String(n).padStart(width, "0")

/** Real birth dates 1900-01-01 … 2099-12-31 as YYYYMMDD. */
const birthDate = FastCheck.date({
  min: new Date("1900-01-01T00:00:00Z"),
  max: new Date("2099-12-31T00:00:00Z"),
  noInvalidDate: true
}).map((d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`)

const validId = FastCheck.tuple(
  FastCheck.integer({ min: 0, max: 999_999 }),
  birthDate,
  FastCheck.integer({ min: 0, max: 999 })
).map(([address, birth, sequence]) => {
  const first17 = `${pad(address, 6)}${birth}${pad(sequence, 3)}`
  return first17 + referenceCheck(first17)
})

const DIGITS = "0123456789"

describe("GB 11643 resident ID number (domain.md §3)", () => {
  it("accepts the standard's example 11010519491231002X", () => {
    expect(isResidentIdNumber("11010519491231002X")).toBe(true)
    expect(residentIdProblem("11010519491231002X")).toBeUndefined()
    expect(checkCharacter("11010519491231002")).toBe("X")
  })

  it("accepts every generated valid number (real birth date, random address and sequence)", () => {
    FastCheck.assert(
      FastCheck.property(validId, (id) => isResidentIdNumber(id) && checkCharacter(id) === id.charAt(17))
    )
  })

  it("refuses every single-character change, at each position, to every other allowed character", () => {
    FastCheck.assert(
      FastCheck.property(validId, (id) => {
        for (let i = 0; i < 18; i++) {
          const allowed = i < 17 ? DIGITS : `${DIGITS}X`
          for (const c of allowed) {
            if (c === id.charAt(i)) continue
            const changed = id.slice(0, i) + c + id.slice(i + 1)
            if (isResidentIdNumber(changed)) return false
          }
        }
        return true
      }),
      { numRuns: 200 }
    )
  })

  it("converts 15-digit numbers to valid 18-digit ones with the same birth date", () => {
    const fifteen = FastCheck.tuple(
      FastCheck.integer({ min: 0, max: 999_999 }),
      FastCheck.date({
        min: new Date("1900-01-01T00:00:00Z"),
        max: new Date("1999-12-31T00:00:00Z"),
        noInvalidDate: true
      }),
      FastCheck.integer({ min: 0, max: 999 })
    ).map(([address, d, sequence]) => ({
      number: `${pad(address, 6)}${pad(d.getUTCFullYear() % 100, 2)}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}${pad(sequence, 3)}`,
      birth: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`
    }))
    FastCheck.assert(
      FastCheck.property(fifteen, ({ number, birth }) => {
        const converted = fromFifteen(number)
        return (
          converted.length === 18 &&
          isResidentIdNumber(converted) &&
          birthDateOf(converted) === birth &&
          converted.slice(0, 6) === number.slice(0, 6) &&
          converted.slice(14, 17) === number.slice(12, 15) &&
          normaliseResidentId(number) === converted
        )
      })
    )
    expect(fromFifteen("110105491231002")).toBe("11010519491231002X")
  })

  it("accepts a lower-case x and normalises it to X", () => {
    expect(isResidentIdNumber("11010519491231002x")).toBe(true)
    expect(normaliseResidentId(" 11010519491231002x ")).toBe("11010519491231002X")
    expect(Schema.decodeUnknownSync(ResidentIdNumberInput)("11010519491231002x")).toBe("11010519491231002X")
    expect(Schema.is(ResidentIdNumber)("11010519491231002x")).toBe(false)
  })

  it("reads the sex from the 17th digit: odd male, even female", () => {
    expect(sexOf("11010519491231002X")).toBe("female")
    FastCheck.assert(
      FastCheck.property(validId, (id) => sexOf(id) === (Number(id.charAt(16)) % 2 === 1 ? "male" : "female"))
    )
    const first17 = "11010519491231001"
    expect(sexOf(first17 + referenceCheck(first17))).toBe("male")
  })

  it("reads the birth date and address code", () => {
    expect(birthDateOf("11010519491231002X")).toBe("1949-12-31")
    expect(addressCodeOf("11010519491231002X")).toBe("110105")
  })

  it("masks all but the first 6 and last 4 characters by default", () => {
    expect(maskResidentId("11010519491231002X")).toBe("110105********002X")
    expect(maskResidentId("11010519491231002X", 3, 1, "#")).toBe("110##############X")
    expect(maskResidentId("1234")).toBe("****")
  })

  it.each([
    ["1101051949123100", "length"],
    ["1101051949123100201", "length"],
    ["11010519491231002Y", "characters"],
    ["1101051949A231002X", "characters"],
    ["110105194902300021", "birth_date"],
    ["110105190002290021", "birth_date"],
    ["110105194913310021", "birth_date"],
    ["110105194912310021", "check_digit"]
  ] as const)("classifies %s as %s", (s, problem) => {
    expect(residentIdProblem(s)).toBe(problem)
    expect(residentIdMessage(problem)).toMatch(/身份证号码/)
  })
})
