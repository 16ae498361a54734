import { describe, expect, it } from "vitest"
import { competition as competitionOf } from "../../test/CompetitionFixtures.js"
import { reviewCompetition } from "./ReviewCompetition.js"

/** A compliant 区(县)级 competition in 玄武区 with 10 contestants from 玄武区 and `out` from 秦淮区. */
const competition = (over: Record<string, unknown> = {}, out = 0) =>
  competitionOf({
    contestants: [
      ...Array.from({ length: 10 }, (_, i) => ({ id: `in${i}`, regionCode: "320102" })),
      ...Array.from({ length: out }, (_, i) => ({ id: `out${i}`, regionCode: "320104" }))
    ],
    ...over
  })

describe("54号·二/三/四 whole-competition review", () => {
  it("allows a compliant competition that needs no filing", () => {
    const r = reviewCompetition(competition())
    expect(r.outcome).toBe("allowed")
    expect(r.rule).toBe("competition.review")
    expect(r.failures).toEqual([])
    expect(r.compliance.outcome).toBe("allowed")
    expect(r.requiredFiling.outcome).toBe("none")
    expect(r.incentives.outcome).toBe("available")
    expect(r.citations).toEqual(["54号·二", "54号·三", "54号·四", "GB/T 2260"])
    expect(r.provisional).toEqual([])
  })

  it("lists every failure: fee, events, region and dates", () => {
    const r = reviewCompetition(
      competition({
        class: "city_class_1",
        fees: [{ kind: "registration", amount: 0.01 }],
        events: [
          {
            name: "综合",
            occupations: [
              { code: "6-18-02-04", name: "焊工" },
              { code: "6-31-01-03", name: "电工" }
            ],
            scope: "partial"
          },
          { name: "软件", occupations: [{ code: "2-02-07-01", name: "软件工程技术人员" }], scope: "whole" }
        ],
        endsOn: "2023-05-31"
      })
    )
    expect(r.outcome).toBe("refused")
    expect(r.failures.map((f) => [f.code, f.field])).toEqual([
      ["RegistrationFeeCharged", "fees[0].amount"],
      ["EventSpansSeveralOccupations", "events[0].occupations"],
      ["EventPartialOccupation", "events[0].scope"],
      ["OccupationNotCertifiable", "events[1].occupations[0].code"],
      ["RegionLevelMismatch", "regionCode"],
      ["CompetitionDatesInverted", "endsOn"]
    ])
    expect(r.compliance.outcome).toBe("refused")
  })

  it("refuses a competition charging 0.01 元 even when nothing else is wrong", () => {
    const r = reviewCompetition(competition({ fees: [{ kind: "certificate", amount: 0.01 }] }))
    expect(r.outcome).toBe("refused")
    expect(r.failures).toEqual([
      expect.objectContaining({ code: "CertificateFeeCharged", seen: 0.01, required: 0 })
    ])
  })

  it("loses incentives while a required filing (share 11–50%) is not completed, and keeps them once it is", () => {
    const c = competition({}, 3) // 3/13 ≈ 23%
    const pending = reviewCompetition(c)
    expect(pending.share.seen).toMatchObject({ total: 13, outOfRegion: 3 })
    expect(pending.requiredFiling.outcome).toBe("city")
    expect(pending.outcome).toBe("incentives_lost")
    expect(pending.failures).toEqual([
      expect.objectContaining({
        code: "RequiredFilingMissing",
        required: "city",
        seen: null,
        citation: "54号·二"
      })
    ])
    expect(reviewCompetition(c, "city").outcome).toBe("allowed")
    expect(reviewCompetition(c, "province").outcome).toBe("allowed")
  })

  it("requires the province for a share over 50%; a city filing does not satisfy it", () => {
    const c = competition({}, 11) // 11/21 > 50%
    expect(reviewCompetition(c).requiredFiling.outcome).toBe("province")
    expect(reviewCompetition(c, "city").outcome).toBe("incentives_lost")
    expect(reviewCompetition(c, "province").outcome).toBe("allowed")
  })

  it("carries the boundary flag of an exactly-10% share", () => {
    const r = reviewCompetition(
      competition({
        contestants: [
          ...Array.from({ length: 9 }, (_, i) => ({ id: `in${i}`, regionCode: "320102" })),
          { id: "out", regionCode: "320104" }
        ]
      })
    )
    expect(r.outcome).toBe("allowed")
    expect(r.provisional).toEqual([expect.objectContaining({ rule: "competition.filing-requirement" })])
  })

  it("requires the cross-region filing too (区县际 → city), flagged provisional", () => {
    const r = reviewCompetition(competition({ participatingRegions: ["320102", "320104"] }))
    expect(r.route.outcome).toBe("city")
    expect(r.requiredFiling.outcome).toBe("city")
    expect(r.outcome).toBe("incentives_lost")
    expect(r.citations).toContain("54号·附件1")
    expect(r.provisional.map((p) => p.rule)).toEqual(["competition.required-filing"])
  })

  it("answers not in force for a competition starting before 2022-05-01, and applies from that day", () => {
    const r = reviewCompetition(competition({ startsOn: "2022-04-30", endsOn: "2022-05-02" }))
    expect(r.outcome).toBe("not_in_force")
    expect(r.citations).toEqual(["54号·五"])
    expect(r.failures).toEqual([
      expect.objectContaining({
        code: "NotInForce",
        field: "startsOn",
        seen: "2022-04-30",
        required: ">= 2022-05-01"
      })
    ])
    expect(reviewCompetition(competition({ startsOn: "2022-05-01", endsOn: "2022-05-02" })).outcome).toBe(
      "allowed"
    )
  })
})
