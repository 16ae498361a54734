import { describe, expect, it } from "vitest"
import { occupation } from "../../test/OccupationFixtures.js"
import { BASE_EDITION } from "./BaseEdition.js"
import { isListedOn, lookupOf, makeCatalogue, nameOn, workTypesOn } from "./OccupationCatalogue.js"

describe("54号·三 occupation catalogue with dated MOHRSS additions and changes", () => {
  const catalogue = makeCatalogue(
    [occupation("4-04-05-05", "甲"), occupation("6-18-01-01", "车工", { workTypes: ["普通车工"] })],
    [
      // Listed out of date order on purpose: the catalogue applies notices by date.
      {
        documentNumber: "通知B",
        date: "2025-01-01",
        added: [],
        renamed: [{ code: "4-04-05-05", previousName: "乙", name: "丙" }],
        workTypesAdded: []
      },
      {
        documentNumber: "通知A",
        date: "2024-01-01",
        added: [],
        renamed: [
          { code: "4-04-05-05", previousName: "甲", name: "乙" },
          { code: "9-99-99-99", previousName: "无", name: "忽略" }
        ],
        workTypesAdded: [{ code: "6-18-01-01", workTypes: ["数控车工"] }]
      }
    ]
  )

  it("lists base-edition occupations from 2022-05-01, marked as resting on the base edition", () => {
    const e = catalogue.get("4-04-05-05")
    expect(e?.listedFrom).toBe(BASE_EDITION.appliesFrom)
    expect(e?.fromBaseEdition).toBe(true)
    expect(e !== undefined && isListedOn(e, "2022-04-30")).toBe(false)
    expect(e !== undefined && isListedOn(e, "2022-05-01")).toBe(true)
    expect(BASE_EDITION.publishedOn).toBe("2022-09-28")
  })

  it.each([
    ["2023-12-31", "甲"],
    ["2024-01-01", "乙"],
    ["2024-12-31", "乙"],
    ["2025-01-01", "丙"]
  ])("names the occupation on %s %s", (date, name) => {
    const e = catalogue.get("4-04-05-05")
    expect(e === undefined ? undefined : nameOn(e, date)).toBe(name)
  })

  it("adds 工种 from the notice's date and ignores changes to unknown codes", () => {
    const e = catalogue.get("6-18-01-01")
    expect(e === undefined ? [] : workTypesOn(e, "2023-12-31")).toEqual(["普通车工"])
    expect(e === undefined ? [] : workTypesOn(e, "2024-01-01")).toEqual(["普通车工", "数控车工"])
    expect(catalogue.has("9-99-99-99")).toBe(false)
  })

  it("builds a lookup over a few entries", () => {
    const e = catalogue.get("6-18-01-01")
    const lookup = lookupOf(e === undefined ? [] : [e])
    expect(lookup.get("6-18-01-01")).toBe(e)
    expect(lookup.get("4-04-05-05")).toBeUndefined()
  })
})
