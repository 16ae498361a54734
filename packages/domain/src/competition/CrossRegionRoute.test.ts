import { describe, expect, it } from "vitest"
import { type CrossRegionRoute, crossRegionRoute } from "./CrossRegionRoute.js"

describe("54号·二 跨区域办赛 routing", () => {
  const cases: ReadonlyArray<
    readonly [
      string,
      string,
      ReadonlyArray<string>,
      CrossRegionRoute,
      ReadonlyArray<string>,
      ReadonlyArray<string>
    ]
  > = [
    ["no participating region declared", "320102", [], "none", [], []],
    ["only its own county", "320102", ["320102"], "none", [], []],
    ["a 市级 competition with counties of its own city", "320100", ["320102", "320104"], "none", [], []],
    ["a 省级 competition with Jiangsu cities only", "320000", ["320100", "320200", "321302"], "none", [], []],
    ["区(县)际 within one city → 设区市 bureau", "320102", ["320102", "320104"], "city", ["320104"], []],
    ["a county with its whole city → 设区市 bureau", "320102", ["320100"], "city", ["320100"], []],
    ["a county with a county of another city → 省厅", "320102", ["320205"], "province", ["320205"], []],
    ["设区市际 → 省厅", "320100", ["320100", "321100"], "province", ["321100"], []],
    ["a city with a county of another city → 省厅", "320100", ["321102"], "province", ["321102"], []],
    ["a city with the whole province → 省厅", "320100", ["320000"], "province", ["320000"], []],
    [
      "across provinces → 共同会签 (one co-signer per province)",
      "320500",
      ["320500", "310104", "310115", "330100"],
      "co_signature",
      ["310104", "310115", "330100"],
      ["310000", "330000"]
    ],
    [
      "a county with a county of another province → 共同会签",
      "320102",
      ["341802"],
      "co_signature",
      ["341802"],
      ["340000"]
    ],
    [
      "a 省级 competition with another province → 共同会签",
      "320000",
      ["320100", "330000"],
      "co_signature",
      ["330000"],
      ["330000"]
    ]
  ]
  it.each(cases)("%s", (_name, regionCode, participatingRegions, route, outside, coSigners) => {
    const d = crossRegionRoute({ regionCode, participatingRegions })
    expect(d.outcome).toBe(route)
    expect(d.rule).toBe("competition.cross-region-route")
    expect(d.failures).toEqual([])
    expect(d.outside).toEqual(outside)
    expect(d.coSigners).toEqual(coSigners)
    expect(d.citations).toEqual(route === "city" ? ["54号·二", "54号·附件1"] : ["54号·二"])
  })

  it("lists each outside region once", () => {
    expect(
      crossRegionRoute({ regionCode: "320102", participatingRegions: ["320104", "320104"] }).outside
    ).toEqual(["320104"])
  })
})
