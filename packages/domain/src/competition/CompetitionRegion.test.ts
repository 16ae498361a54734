import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"
import type { CompetitionClass } from "./CompetitionClass.js"
import { competitionRegion } from "./CompetitionRegion.js"

const creditCode = Schema.decodeSync(SocialCreditCode)("91350100M000100Y43")

const check = (c: CompetitionClass, regionCode: string, hostRegion = regionCode) =>
  competitionRegion({
    class: c,
    regionCode,
    host: { name: "主办单位", creditCode, regionCode: hostRegion }
  })

describe("54号·二 a competition's region matches its class", () => {
  const cases: ReadonlyArray<readonly [CompetitionClass, string, boolean]> = [
    ["county", "320102", true],
    ["county", "320100", false],
    ["county", "320000", false],
    ["city_class_1", "320100", true],
    ["city_class_2", "321300", true],
    ["city_class_1", "320102", false],
    ["city_class_2", "320000", false],
    ["provincial", "320000", true],
    ["provincial", "320100", false],
    ["county", "330102", false],
    ["city_class_1", "330100", false],
    ["provincial", "330000", false]
  ]
  it.each(cases)("%s competition in %s: allowed %s", (c, region, ok) => {
    const d = check(c, region)
    expect(d.outcome).toBe(ok ? "allowed" : "refused")
    expect(d.rule).toBe("competition.region")
    expect(d.citations).toEqual(["54号·二", "GB/T 2260"])
    if (!ok)
      expect(d.failures).toEqual([
        expect.objectContaining({
          code: "RegionLevelMismatch",
          field: "regionCode",
          seen: region,
          citation: "54号·二"
        })
      ])
  })

  it("requires 320000 for a 省级 competition and says what was seen", () => {
    const d = check("provincial", "320100")
    expect(d.failures[0]?.required).toBe("320000")
    expect(d.failures[0]?.message).toBe(
      "省级竞赛的所在地区应为江苏省内的省级行政区域，所填为 江苏省南京市（320100），属设区市级"
    )
  })

  it("allows a host inside the competition's region and refuses one outside it", () => {
    expect(check("city_class_1", "320100", "320102").outcome).toBe("allowed")
    expect(check("provincial", "320000", "321302").outcome).toBe("allowed")
    const d = check("county", "320102", "320104")
    expect(d.failures).toEqual([
      expect.objectContaining({
        code: "HostOutsideCompetitionRegion",
        field: "host.regionCode",
        seen: "320104",
        required: "320102"
      })
    ])
    // A host known only by its city cannot be placed inside a county.
    expect(check("county", "320102", "320100").failures.map((f) => f.code)).toEqual([
      "HostOutsideCompetitionRegion"
    ])
  })
})
