import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { NationalStandard, offersLevel, standardInForce } from "./NationalStandard.js"

const decode = Schema.decodeUnknownSync(NationalStandard)

const ed2009 = decode({
  id: "std-turner-2009",
  occupationCode: "6-18-01-01",
  title: "《车工国家职业技能标准》",
  edition: "2009年版",
  publishedOn: "2009-03-01",
  effectiveFrom: "2009-05-01",
  levels: [5, 4, 3, 2, 1]
})
const ed2018 = decode({
  id: "std-turner-2018",
  occupationCode: "6-18-01-01",
  title: "《车工国家职业技能标准》",
  edition: "2018年版",
  publishedOn: "2018-12-01",
  effectiveFrom: "2019-01-01",
  levels: [5, 4, 3, 2],
  conditions: [{ level: 5, alternatives: [{ id: "X5-1", text: "年满16周岁", minAge: 16 }] }],
  relatedOccupations: ["6-18-01-02"]
})
const other = decode({ ...ed2018, id: "std-other", occupationCode: "6-18-01-02" })
const standards = [ed2018, ed2009, other]

describe("54号·三 national standards: the edition in force on a date", () => {
  it.each([
    ["2009-04-30", undefined],
    ["2009-05-01", "std-turner-2009"],
    ["2018-12-31", "std-turner-2009"],
    ["2019-01-01", "std-turner-2018"],
    ["2024-01-01", "std-turner-2018"]
  ])("on %s the 车工 standard in force is %s", (date, id) => {
    expect(standardInForce(standards, "6-18-01-01", date)?.id).toBe(id)
  })

  it("prefers the later published edition when two take effect the same day", () => {
    const reissue = decode({ ...ed2018, id: "std-turner-2018b", publishedOn: "2018-12-20" })
    expect(standardInForce([reissue, ed2018], "6-18-01-01", "2019-01-01")?.id).toBe("std-turner-2018b")
  })

  it("offers only the levels the standard sets", () => {
    expect(offersLevel(ed2018, 2)).toBe(true)
    expect(offersLevel(ed2018, 1)).toBe(false)
  })

  it("refuses 申报条件 for a level the standard does not set, and an empty level list", () => {
    expect(() => decode({ ...ed2018, conditions: [{ level: 1, alternatives: [] }] })).toThrow(
      "申报条件所列等级应为标准所设等级"
    )
    expect(() => decode({ ...ed2018, levels: [] })).toThrow()
  })
})
