import { describe, expect, it } from "vitest"
import { isLegacyCertificateNumber, parseLegacyCertificateNumber } from "./LegacyCertificateNumber.js"

describe("legacy 16-digit 职业资格证书 number (rules-research §2.4)", () => {
  it("parses YY · province · city · institution type · institution serial · level · serial", () => {
    expect(parseLegacyCertificateNumber("1010012003400123")).toEqual({
      year: "10",
      province: "10",
      city: "01",
      institutionType: "2",
      institutionSerial: "003",
      level: 4,
      serial: "00123"
    })
    expect(isLegacyCertificateNumber("1010012003400123")).toBe(true)
  })

  it("accepts institution types 0–4 and levels 1–5 only", () => {
    expect(isLegacyCertificateNumber("1010010003100001")).toBe(true)
    expect(isLegacyCertificateNumber("1010014003500001")).toBe(true)
    expect(isLegacyCertificateNumber("1010015003400123")).toBe(false)
    expect(isLegacyCertificateNumber("1010012003000123")).toBe(false)
    expect(isLegacyCertificateNumber("1010012003600123")).toBe(false)
  })

  it("refuses other lengths, letters and 22-character numbers", () => {
    for (const s of [
      "101001200340012",
      "10100120034001234",
      "10100120034001A3",
      "S000032000001243000001",
      ""
    ])
      expect(parseLegacyCertificateNumber(s)).toBeUndefined()
  })
})
