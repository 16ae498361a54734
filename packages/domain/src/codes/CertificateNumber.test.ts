import { FastCheck } from "effect"
import { describe, expect, it } from "vitest"
import {
  type CertificateNumberParts,
  type CertificateNumberProblem,
  certificateNumberMessage,
  certificateNumberProblem,
  deriveCertificateNumber,
  formatCertificateNumber,
  isCertificateNumber,
  levelOfNumber,
  parseCertificateNumber,
  yearOfNumber
} from "./CertificateNumber.js"
import type { SkillLevel } from "./SkillLevel.js"

const PROVINCES = [
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41"
].concat([
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82"
])

const digits = (n: number) => FastCheck.stringMatching(new RegExp(`^\\d{${n}}$`))

const parts: FastCheck.Arbitrary<CertificateNumberParts> = FastCheck.record({
  type: FastCheck.constantFrom("S" as const, "Y" as const),
  institutionCode: digits(4),
  province: FastCheck.constantFrom(...PROVINCES),
  siteSerial: digits(6),
  year: digits(2),
  level: FastCheck.constantFrom<SkillLevel>(1, 2, 3, 4, 5),
  serial: digits(6).filter((s) => s !== "000000")
})

describe("22-character certificate number (domain.md §3)", () => {
  it("parse ∘ format is the identity on parts", () => {
    FastCheck.assert(
      FastCheck.property(parts, (p) => {
        const n = formatCertificateNumber(p)
        return (
          n.length === 22 &&
          isCertificateNumber(n) &&
          JSON.stringify(parseCertificateNumber(n)) === JSON.stringify(p)
        )
      })
    )
  })

  it("format ∘ parse is the identity on valid numbers", () => {
    FastCheck.assert(
      FastCheck.property(parts.map(formatCertificateNumber), (n) => {
        const p = parseCertificateNumber(n)
        return p !== undefined && formatCertificateNumber(p) === n
      })
    )
  })

  it.each([
    ["S00003200000124300001", "length"],
    ["S0000320000012430000012", "length"],
    ["X000032000001243000001", "type"],
    ["s000032000001243000001", "type"],
    ["S00003200000124300000A", "digits"],
    ["S000099000001243000001", "province"],
    ["S000000000001243000001", "province"],
    ["S000032000001246000001", "level"],
    ["S000032000001240000001", "level"],
    ["S000032000001243000000", "serial"]
  ] as ReadonlyArray<readonly [string, CertificateNumberProblem]>)("classifies %s as %s", (s, problem) => {
    expect(certificateNumberProblem(s)).toBe(problem)
    expect(parseCertificateNumber(s)).toBeUndefined()
    expect(certificateNumberMessage(problem)).toMatch(/证书编号/)
  })

  it("derives the layout: type, institution, province, site, YY, level, 6-digit serial", () => {
    const prefix = { type: "S", institutionCode: "0000", province: "32", siteSerial: "000001" } as const
    const n = deriveCertificateNumber(prefix, 2024, 3, 42)
    expect(n).toBe("S000032000001243000042")
    expect(parseCertificateNumber(n)).toEqual({ ...prefix, year: "24", level: 3, serial: "000042" })
    expect(levelOfNumber(n)).toBe(3)
    expect(yearOfNumber(n)).toBe(2024)
    expect(deriveCertificateNumber({ ...prefix, type: "Y" }, 2030, 1, 999_999)).toBe("Y000032000001301999999")
  })
})
