import { describe, expect, it } from "vitest"
import type { Fee, FeeKind } from "./Competition.js"
import { competitionFees, FEE_KIND_NAMES } from "./CompetitionFees.js"

describe("54号·二 不得收取任何报名费、参赛费以及证书核发等费用", () => {
  it("allows a competition that declares no fee, or fees of 0 元", () => {
    for (const fees of [
      [],
      [
        { kind: "registration", amount: 0 },
        { kind: "certificate", amount: 0 }
      ]
    ] as const) {
      const d = competitionFees(fees)
      expect(d.outcome).toBe("allowed")
      expect(d.failures).toEqual([])
      expect(d.citations).toEqual(["54号·二"])
      expect(d.provisional).toEqual([])
    }
  })

  const cases: ReadonlyArray<readonly [FeeKind, string]> = [
    ["registration", "RegistrationFeeCharged"],
    ["participation", "ParticipationFeeCharged"],
    ["certificate", "CertificateFeeCharged"]
  ]
  it.each(cases)("refuses a %s fee of 0.01 元 (%s)", (kind, code) => {
    const d = competitionFees([{ kind, amount: 0.01 }])
    expect(d.outcome).toBe("refused")
    expect(d.rule).toBe("competition.fees")
    expect(d.failures).toEqual([
      {
        code,
        rule: "competition.fees",
        field: "fees[0].amount",
        message: `职业技能竞赛不得收取任何费用：申报收取${FEE_KIND_NAMES[kind]} 0.01 元，应为 0 元`,
        seen: 0.01,
        required: 0,
        citation: "54号·二"
      }
    ])
    expect(d.provisional).toEqual([])
  })

  it("refuses a fee of another kind (the notice's 任何…等费用), flagged provisional", () => {
    const d = competitionFees([{ kind: "other", amount: 50, description: "资料费" }])
    expect(d.outcome).toBe("refused")
    expect(d.failures[0]).toMatchObject({ code: "OtherFeeCharged", seen: 50, required: 0 })
    expect(d.failures[0]?.message).toContain("其他费用（资料费）")
    expect(d.provisional).toEqual([
      expect.objectContaining({ rule: "competition.fees", citation: "54号·二" })
    ])
  })

  it("lists every fee charged, with its position", () => {
    const fees: ReadonlyArray<Fee> = [
      { kind: "registration", amount: 100 },
      { kind: "participation", amount: 0 },
      { kind: "certificate", amount: 20 }
    ]
    const d = competitionFees(fees)
    expect(d.failures.map((f) => [f.code, f.field, f.seen])).toEqual([
      ["RegistrationFeeCharged", "fees[0].amount", 100],
      ["CertificateFeeCharged", "fees[2].amount", 20]
    ])
  })

  it("refuses a malformed amount rather than letting it pass", () => {
    expect(competitionFees([{ kind: "registration", amount: Number.NaN }]).outcome).toBe("refused")
  })
})
