import { describe, expect, it } from "vitest"
import { FILING_REQUIREMENT_NAMES, filingRequirement } from "./FilingRequirement.js"

describe("54号·二 filing requirement by out-of-region share", () => {
  const cases: ReadonlyArray<readonly [string, number, number, "none" | "city" | "province", boolean]> = [
    ["0 contestants: nothing to file", 0, 0, "none", false],
    ["no out-of-region contestant", 0, 100, "none", false],
    ["9/100 is within 10%", 9, 100, "none", false],
    ["exactly 10% (10/100) is 10%之内 (民法典 reading), provisional", 10, 100, "none", true],
    ["exactly 10% (1/10), provisional", 1, 10, "none", true],
    ["11/100 files with the 设区市 bureau", 11, 100, "city", false],
    ["49/100 files with the 设区市 bureau", 49, 100, "city", false],
    ["exactly 50% (50/100) is not 超过50%, provisional", 50, 100, "city", true],
    ["exactly 50% (1/2), provisional", 1, 2, "city", true],
    ["51/100 is 超过50%: files with the 省厅", 51, 100, "province", false],
    ["all out of region", 7, 7, "province", false]
  ]
  it.each(cases)("%s", (_name, out, total, outcome, provisional) => {
    const d = filingRequirement(out, total)
    expect(d.outcome).toBe(outcome)
    expect(d.rule).toBe("competition.filing-requirement")
    expect(d.citations).toEqual(["54号·二"])
    expect(d.failures).toEqual([])
    expect(d.provisional.length > 0).toBe(provisional)
    if (provisional) expect(d.provisional[0]?.citation).toBe("domain.md §2")
  })

  it("uses integers, so 1/3 (33.3…%) and 3/10 are compared without floating-point error", () => {
    expect(filingRequirement(1, 3).outcome).toBe("city")
    expect(filingRequirement(3, 10).outcome).toBe("city")
    expect(filingRequirement(3, 10).provisional).toEqual([])
  })

  it("names every requirement in zh-CN", () => {
    expect(FILING_REQUIREMENT_NAMES.city).toBe("报设区市人力资源社会保障局备案")
    expect(FILING_REQUIREMENT_NAMES.province).toBe("报省人力资源社会保障厅备案")
  })
})
