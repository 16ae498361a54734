import { Effect, Layer, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { jiangsuCities } from "../codes/Region.js"
import { Cite } from "../rule/Citation.js"
import {
  Hotline,
  HotlineDirectory,
  HotlinesOnFile,
  hotlineDirectory,
  hotlinePublished,
  hotlinesFor,
  KNOWN_HOTLINES,
  PROVINCIAL_HOTLINE
} from "./Hotline.js"

const SUZHOU: Hotline = {
  regionCode: "320500",
  phone: "0512-00000000",
  provenance: {
    source: "test fixture",
    note: "not a real number",
    confirmed: false,
    recordedOn: "2024-01-01"
  }
}

const HUQIU: Hotline = { ...SUZHOU, regionCode: "320505", phone: "0512-00000001" }

describe("54号·五 reporting hotlines", () => {
  it("knows only the province's number, from the notice", () => {
    expect(PROVINCIAL_HOTLINE.phone).toBe("025-83271773")
    expect(PROVINCIAL_HOTLINE.regionCode).toBe("320000")
    expect(PROVINCIAL_HOTLINE.provenance.confirmed).toBe(true)
    expect(PROVINCIAL_HOTLINE.provenance.source).toBe(Cite.quality)
    expect(KNOWN_HOTLINES).toEqual([PROVINCIAL_HOTLINE])
    expect(Schema.is(Hotline)(PROVINCIAL_HOTLINE)).toBe(true)
  })

  it("shows a region's own hotline when on file, else a county's city's, else the province's", () => {
    const onFile = [PROVINCIAL_HOTLINE, SUZHOU]
    expect(hotlinesFor("320500", onFile)).toEqual([SUZHOU])
    // 虎丘区 has no hotline of its own: 苏州市's comes before the province's.
    expect(hotlinesFor("320505", onFile)).toEqual([SUZHOU])
    expect(hotlinesFor("320505", [SUZHOU])).toEqual([SUZHOU])
    expect(hotlinesFor("320505", [PROVINCIAL_HOTLINE, SUZHOU, HUQIU])).toEqual([HUQIU])
    // 玄武区 (南京市): neither the district nor the city has one.
    expect(hotlinesFor("320102", onFile)).toEqual([PROVINCIAL_HOTLINE])
    expect(hotlinesFor("320100", onFile)).toEqual([PROVINCIAL_HOTLINE])
    expect(hotlinesFor("320100")).toEqual([PROVINCIAL_HOTLINE])
    expect(hotlinesFor("320000")).toEqual([PROVINCIAL_HOTLINE])
    expect(hotlinesFor("320100", [SUZHOU])).toEqual([PROVINCIAL_HOTLINE])
  })

  it("reports a city or district bureau without a published hotline", () => {
    expect(hotlinePublished("320500", [PROVINCIAL_HOTLINE, SUZHOU]).outcome).toBe("allowed")
    const d = hotlinePublished("320100")
    expect(d.outcome).toBe("refused")
    expect(d.failures.map((f) => [f.code, f.field, f.required, f.citation])).toEqual([
      ["HotlineNotPublished", "hotlines", "320100", Cite.quality]
    ])
    expect(d.failures[0]?.message).toContain("南京市人力资源社会保障局")
    expect(d.failures[0]?.message).toContain("025-83271773")
  })

  it("refuses a hotline record with a malformed number or no source", () => {
    expect(Schema.is(Hotline)({ ...SUZHOU, phone: "12345678" })).toBe(false)
    expect(Schema.is(Hotline)({ ...SUZHOU, provenance: { ...SUZHOU.provenance, source: "" } })).toBe(false)
  })

  it("lists the province and every city, each city without a number of its own showing the province's with a notice", () => {
    const directory = hotlineDirectory()
    expect(Schema.is(HotlineDirectory)(directory)).toBe(true)
    expect(directory.province).toEqual({
      regionCode: "320000",
      regionName: "江苏省",
      published: true,
      hotlines: [PROVINCIAL_HOTLINE]
    })
    expect(directory.cities.map((c) => c.regionCode)).toEqual(jiangsuCities.map((c) => c.code))
    expect(directory.cities).toHaveLength(13)
    for (const city of directory.cities) {
      expect(city.published).toBe(false)
      expect(city.hotlines).toEqual([PROVINCIAL_HOTLINE])
      expect(city.notice).toContain(`${city.regionName}人力资源社会保障局的职业证书发放监督举报电话未登记`)
    }
    expect(directory.districts).toEqual([])
  })

  it("shows the numbers on file with their provenance: a city's own, and a district's own under districts", () => {
    const directory = hotlineDirectory([PROVINCIAL_HOTLINE, SUZHOU, HUQIU])
    const suzhou = directory.cities.find((c) => c.regionCode === "320500")
    expect(suzhou).toEqual({
      regionCode: "320500",
      regionName: "苏州市",
      published: true,
      hotlines: [SUZHOU]
    })
    expect(directory.cities.filter((c) => c.published)).toHaveLength(1)
    expect(directory.districts).toEqual([
      { regionCode: "320505", regionName: "虎丘区", published: true, hotlines: [HUQIU] }
    ])
    // Without the province on file, the notice's number still stands for it.
    expect(hotlineDirectory([SUZHOU]).province.hotlines).toEqual([PROVINCIAL_HOTLINE])
  })

  it("takes the hotlines on file from HotlinesOnFile: the province's by default, a deployment's list when provided", () => {
    expect(Effect.runSync(HotlinesOnFile)).toEqual(KNOWN_HOTLINES)
    const configured = Effect.runSync(
      Effect.provide(HotlinesOnFile, Layer.succeed(HotlinesOnFile, [PROVINCIAL_HOTLINE, SUZHOU]))
    )
    expect(configured).toEqual([PROVINCIAL_HOTLINE, SUZHOU])
  })
})
