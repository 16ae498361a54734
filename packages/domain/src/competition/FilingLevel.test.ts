import { describe, expect, it } from "vitest"
import {
  FILING_LEVELS,
  filingLevelName,
  filingLevelOfRegion,
  filingLevelsBetween,
  regionLevelOfFiling
} from "./FilingLevel.js"

describe("54号·附件1 opinion levels", () => {
  it("names the three bureaus of 附件1", () => {
    expect(FILING_LEVELS.map(filingLevelName)).toEqual([
      "区(县)人力资源社会保障局",
      "设区市人力资源社会保障局",
      "省人力资源社会保障厅"
    ])
  })
  it("goes up level by level from the host's level", () => {
    expect(filingLevelsBetween("district", "city")).toEqual(["district", "city"])
    expect(filingLevelsBetween("district", "province")).toEqual(["district", "city", "province"])
    expect(filingLevelsBetween("city", "province")).toEqual(["city", "province"])
    expect(filingLevelsBetween("province", "province")).toEqual(["province"])
    expect(filingLevelsBetween("province", "city")).toEqual([])
  })
  it("maps region levels to filing levels and back", () => {
    expect(filingLevelOfRegion("county")).toBe("district")
    expect(filingLevelOfRegion("city")).toBe("city")
    expect(filingLevelOfRegion("province")).toBe("province")
    expect(regionLevelOfFiling("district")).toBe("county")
  })
})
