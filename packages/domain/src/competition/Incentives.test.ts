import { describe, expect, it } from "vitest"
import { type CompletedFiling, filingSatisfied, incentives } from "./Incentives.js"

describe("54号·二 应当备案而未备案的，不得享受竞赛支持激励政策", () => {
  const cases: ReadonlyArray<readonly ["none" | "city" | "province", CompletedFiling, boolean]> = [
    ["none", undefined, true],
    ["none", "city", true],
    ["city", undefined, false],
    ["city", "city", true],
    ["city", "province", true],
    ["province", undefined, false],
    ["province", "city", false],
    ["province", "province", true]
  ]
  it.each(cases)("required %s, completed %s → available %s", (required, completed, available) => {
    expect(filingSatisfied(required, completed)).toBe(available)
    const d = incentives(required, completed)
    expect(d.outcome).toBe(available ? "available" : "lost")
    expect(d.rule).toBe("competition.incentives")
    expect(d.citations).toEqual(["54号·二"])
    if (available) expect(d.failures).toEqual([])
    else
      expect(d.failures).toEqual([
        expect.objectContaining({
          code: "RequiredFilingMissing",
          field: "filing",
          seen: completed ?? null,
          required,
          citation: "54号·二"
        })
      ])
  })

  it("says which bureau the missing filing belonged to", () => {
    expect(incentives("province", undefined).failures[0]?.message).toContain("省人力资源社会保障厅")
    expect(incentives("city", undefined).failures[0]?.message).toContain("设区市人力资源社会保障局")
  })
})
