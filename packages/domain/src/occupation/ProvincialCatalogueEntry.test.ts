import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { entryCovers, ProvincialCatalogueEntry } from "./ProvincialCatalogueEntry.js"

describe("54号·三 《江苏省技术资源发布目录》 entries", () => {
  const entry = Schema.decodeUnknownSync(ProvincialCatalogueEntry)({
    id: "jsml-1",
    occupationCode: "4-04-05-09",
    levels: [4, 3],
    normTitle: "某职业评价规范",
    questionBankId: "bank-js-1",
    approvedBy: "centre-320000",
    listedOn: "2024-09-01"
  })
  it.each([
    ["2024-08-31", 4, false],
    ["2024-09-01", 4, true],
    ["2024-09-01", 5, false]
  ] as const)("on %s at level %s: %s", (date, level, covers) => {
    expect(entryCovers(entry, "4-04-05-09", undefined, level, date)).toBe(covers)
    expect(entryCovers(entry, "4-04-05-08", undefined, level, date)).toBe(false)
  })
})
