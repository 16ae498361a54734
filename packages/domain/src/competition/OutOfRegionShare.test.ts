import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"
import type { Contestant } from "./Competition.js"
import type { CompetitionClass } from "./CompetitionClass.js"
import { isOutOfRegion, outOfRegionShare } from "./OutOfRegionShare.js"

const creditCode = Schema.decodeSync(SocialCreditCode)("91350100M000100Y43")

const from = (regionCode: string, n: number, prefix = regionCode): ReadonlyArray<Contestant> =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, regionCode }))

const share = (
  c: CompetitionClass,
  hostRegion: string,
  contestants: ReadonlyArray<Contestant>,
  participatingRegions?: ReadonlyArray<string>
) =>
  outOfRegionShare({
    class: c,
    host: { name: "主办单位", creditCode, regionCode: hostRegion },
    contestants,
    ...(participatingRegions === undefined ? {} : { participatingRegions })
  })

describe("54号·二 异地选手占比 → filing requirement (county-level competition in 玄武区 320102)", () => {
  const cases: ReadonlyArray<readonly [string, number, number, "none" | "city" | "province", boolean]> = [
    ["0 contestants", 0, 0, "none", false],
    ["9/100", 9, 100, "none", false],
    ["exactly 10% (10/100), provisional", 10, 100, "none", true],
    ["11/100", 11, 100, "city", false],
    ["exactly 50% (50/100), provisional", 50, 100, "city", true],
    ["51/100", 51, 100, "province", false]
  ]
  it.each(cases)("%s → %s", (_name, out, total, outcome, provisional) => {
    // The out-of-region contestants come from 秦淮区, another county of the same city.
    const d = share("county", "320102", [...from("320102", total - out), ...from("320104", out)])
    expect(d.outcome).toBe(outcome)
    expect(d.rule).toBe("competition.filing-requirement")
    expect(d.citations).toEqual(["54号·二"])
    expect(d.failures).toEqual([])
    expect(d.seen).toEqual({
      total,
      inRegion: total - out,
      outOfRegion: out,
      share: total === 0 ? 0 : out / total
    })
    expect(d.provisional.length).toBe(provisional ? 1 : 0)
    if (provisional)
      expect(d.provisional[0]).toMatchObject({
        rule: "competition.filing-requirement",
        citation: "domain.md §2"
      })
  })
})

describe("54号·二 out of region is relative to the host's region at the competition's level", () => {
  it("counts a contestant of another county of the same city as out of region for a 区(县)级 competition", () => {
    expect(isOutOfRegion("320104", "320102", "county")).toBe(true)
    expect(share("county", "320102", [...from("320102", 1), ...from("320104", 1)]).seen.outOfRegion).toBe(1)
  })

  it("counts a contestant of a county of the host's city as in region for a 市级 competition", () => {
    const d = share("city_class_1", "320102", [...from("320104", 3), ...from("320115", 2)])
    expect(d.seen).toEqual({ total: 5, inRegion: 5, outOfRegion: 0, share: 0 })
    expect(d.outcome).toBe("none")
  })

  it("counts a contestant of another province as out of region at every level, even for a 省级 competition", () => {
    for (const c of ["county", "city_class_2", "provincial"] as const) {
      const host = c === "provincial" ? "320000" : c === "county" ? "320102" : "320100"
      const d = share(c, host, [...from("320102", 1), ...from("330102", 1)])
      expect(d.seen.outOfRegion).toBe(1)
      expect(d.outcome).toBe("city")
    }
    expect(share("provincial", "320000", [...from("321302", 4), ...from("110101", 6)]).outcome).toBe(
      "province"
    )
    expect(isOutOfRegion("330000", "320102", "county")).toBe(true)
  })

  it("counts a contestant known only by the host's city as out of region for a 区(县)级 competition, provisional", () => {
    const d = share("county", "320102", [...from("320102", 8), ...from("320100", 2)])
    expect(d.seen.outOfRegion).toBe(2)
    expect(d.outcome).toBe("city")
    expect(d.provisional).toEqual([
      expect.objectContaining({ rule: "competition.filing-requirement", citation: "domain.md §2" })
    ])
    expect(d.provisional[0]?.reason).toContain("2 名选手")
  })

  it("keeps counting contestants of the other participating regions of a cross-region competition, provisional", () => {
    const d = share("county", "320102", [...from("320102", 7), ...from("320104", 3)], ["320102", "320104"])
    expect(d.seen.outOfRegion).toBe(3)
    expect(d.outcome).toBe("city")
    expect(d.provisional).toEqual([expect.objectContaining({ citation: "domain.md §2" })])
    expect(d.provisional[0]?.reason).toContain("跨区域竞赛")
  })

  it("adds no note for contestants clearly outside (another city or province)", () => {
    const d = share("county", "320102", [...from("320102", 8), ...from("320200", 1), ...from("330000", 1)])
    expect(d.seen.outOfRegion).toBe(2)
    expect(d.provisional).toEqual([])
  })
})
