import { describe, expect, it } from "vitest"
import {
  ancestorAt,
  fullNameOf,
  isJiangsuRegion,
  isRegionCode,
  isWithinRegion,
  JIANGSU,
  jiangsuCities,
  jiangsuCounties,
  jiangsuRegions,
  levelOfCode,
  parentOf,
  regionOf,
  sameRegionAt
} from "./Region.js"

/** County-level units per city, from rules-research §9. */
const COUNTIES_PER_CITY: Record<string, number> = {
  "320100": 11,
  "320200": 7,
  "320300": 10,
  "320400": 6,
  "320500": 9,
  "320600": 7,
  "320700": 6,
  "320800": 7,
  "320900": 9,
  "321000": 6,
  "321100": 6,
  "321200": 6,
  "321300": 5
}

describe("GB/T 2260 Jiangsu regions (domain.md §3, rules-research §9)", () => {
  it("holds 1 province, 13 cities and 95 county-level units", () => {
    expect(jiangsuRegions.filter((r) => r.level === "province").map((r) => r.code)).toEqual([JIANGSU])
    expect(jiangsuCities).toHaveLength(13)
    expect(jiangsuCounties).toHaveLength(95)
    expect(jiangsuRegions).toHaveLength(109)
    expect(new Set(jiangsuRegions.map((r) => r.code)).size).toBe(109)
  })

  it("has 55 市辖区, 21 县级市 and 19 县 among the county-level units", () => {
    expect(jiangsuCounties.filter((r) => r.name.endsWith("区"))).toHaveLength(55)
    expect(jiangsuCounties.filter((r) => r.name.endsWith("市"))).toHaveLength(21)
    expect(jiangsuCounties.filter((r) => r.name.endsWith("县"))).toHaveLength(19)
  })

  it("has the county-level units of each city as in rules-research §9", () => {
    for (const city of jiangsuCities)
      expect(jiangsuCounties.filter((c) => c.parent === city.code).length, city.name).toBe(
        COUNTIES_PER_CITY[city.code]
      )
  })

  it("links parents and children", () => {
    expect(regionOf(JIANGSU)?.parent).toBeUndefined()
    for (const city of jiangsuCities) expect(city.parent).toBe(JIANGSU)
    for (const county of jiangsuCounties) {
      expect(regionOf(county.parent ?? "")?.level).toBe("city")
      expect(parentOf(county.code)).toBe(county.parent)
    }
    expect(parentOf("320102")).toBe("320100")
    expect(parentOf("320100")).toBe("320000")
    expect(parentOf("320000")).toBeUndefined()
    expect(levelOfCode("320000")).toBe("province")
    expect(levelOfCode("320500")).toBe("city")
    expect(levelOfCode("320505")).toBe("county")
    expect(ancestorAt("320505", "city")).toBe("320500")
    expect(ancestorAt("320505", "province")).toBe("320000")
    expect(ancestorAt("320505", "county")).toBe("320505")
  })

  it("names regions with their parents, telling apart the two 鼓楼区", () => {
    expect(fullNameOf("320106")).toBe("江苏省南京市鼓楼区")
    expect(fullNameOf("320302")).toBe("江苏省徐州市鼓楼区")
    expect(fullNameOf("110105")).toBe("110105")
  })

  it.each([
    ["320102", "320100", true],
    ["320102", "320000", true],
    ["320102", "320102", true],
    ["320100", "320100", true],
    ["320100", "320000", true],
    ["320100", "320102", false],
    ["320000", "320100", false],
    ["320505", "320100", false],
    ["330106", "320000", false]
  ] as const)("isWithinRegion(%s, %s) = %s", (code, ancestor, expected) => {
    expect(isWithinRegion(code, ancestor)).toBe(expected)
  })

  it.each([
    ["320102", "320115", "province", true],
    ["320102", "320505", "province", true],
    ["320102", "330106", "province", false],
    ["320102", "320115", "city", true],
    ["320100", "320115", "city", true],
    ["320102", "320505", "city", false],
    ["320000", "320102", "city", false],
    ["320102", "320102", "county", true],
    ["320102", "320104", "county", false],
    ["320100", "320102", "county", false]
  ] as const)("sameRegionAt(%s, %s, %s) = %s", (a, b, level, expected) => {
    expect(sameRegionAt(a, b, level)).toBe(expected)
    expect(sameRegionAt(b, a, level)).toBe(expected)
  })

  it("accepts codes of other provinces by structure", () => {
    expect(isRegionCode("110105")).toBe(true)
    expect(isRegionCode("330106")).toBe(true)
    expect(isRegionCode("820000")).toBe(true)
    expect(isJiangsuRegion("330106")).toBe(false)
  })

  it("refuses statistics-only development-zone codes and codes outside the table", () => {
    for (const code of ["320571", "320371", "320671", "321171", "321371"]) {
      expect(isRegionCode(code)).toBe(false)
      expect(isJiangsuRegion(code)).toBe(false)
      expect(regionOf(code)).toBeUndefined()
    }
    expect(isRegionCode("320199")).toBe(false)
    expect(isRegionCode("990000")).toBe(false)
    expect(isRegionCode("32010")).toBe(false)
    expect(isRegionCode("3201O2")).toBe(false)
  })
})
