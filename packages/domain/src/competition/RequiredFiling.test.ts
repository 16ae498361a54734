import { describe, expect, it } from "vitest"
import type { CrossRegionRoute } from "./CrossRegionRoute.js"
import type { FilingRequirement } from "./FilingRequirement.js"
import { filingOfRoute, higherFiling, requiredFiling } from "./RequiredFiling.js"

describe("54号·二 the filing required: the higher of the share rule and the cross-region route", () => {
  const cases: ReadonlyArray<readonly [FilingRequirement, CrossRegionRoute, FilingRequirement, boolean]> = [
    ["none", "none", "none", false],
    ["city", "none", "city", false],
    ["province", "none", "province", false],
    ["none", "city", "city", true],
    ["city", "city", "city", false],
    ["province", "city", "province", false],
    ["none", "province", "province", true],
    ["city", "province", "province", true],
    ["none", "co_signature", "province", true],
    ["province", "co_signature", "province", false]
  ]
  it.each(cases)("share %s, route %s → %s (provisional %s)", (share, route, required, provisional) => {
    const d = requiredFiling(share, route)
    expect(d.outcome).toBe(required)
    expect(d.rule).toBe("competition.required-filing")
    expect(d.failures).toEqual([])
    expect(d.citations).toEqual(route === "city" ? ["54号·二", "54号·附件1"] : ["54号·二"])
    expect(d.provisional.length).toBe(provisional ? 1 : 0)
    if (provisional) expect(d.provisional[0]?.citation).toBe("domain.md §2")
  })

  it("maps routes to filing levels and orders levels", () => {
    const routes: ReadonlyArray<CrossRegionRoute> = ["none", "city", "province", "co_signature"]
    expect(routes.map(filingOfRoute)).toEqual(["none", "city", "province", "province"])
    expect(higherFiling("city", "province")).toBe("province")
    expect(higherFiling("city", "none")).toBe("city")
  })
})
