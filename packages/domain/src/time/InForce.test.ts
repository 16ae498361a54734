import { describe, expect, it } from "vitest"
import { Cite } from "../rule/Citation.js"
import { isInForce, NOTICE_EFFECTIVE_FROM, notInForce, notInForceFailure } from "./InForce.js"

describe("54号·五 in force from 2022-05-01", () => {
  it("is not in force on 2022-04-30 and in force on 2022-05-01", () => {
    expect(NOTICE_EFFECTIVE_FROM).toBe("2022-05-01")
    expect(isInForce("2022-04-30")).toBe(false)
    expect(isInForce("2022-05-01")).toBe(true)
    expect(isInForce("2022-04-08")).toBe(false)
  })

  it("takes another effective date for a later rule", () => {
    expect(isInForce("2024-01-01", "2024-01-02")).toBe(false)
    expect(isInForce("2024-01-02", "2024-01-02")).toBe(true)
  })

  it("answers an earlier act with a not_in_force decision citing 54号·五", () => {
    const d = notInForce("some.rule", "2022-04-30")
    expect(d.outcome).toBe("not_in_force")
    expect(d.rule).toBe("some.rule")
    expect(d.citations).toEqual([Cite.quality])
    expect(d.failures).toEqual([notInForceFailure("some.rule", "2022-04-30")])
    expect(d.failures[0]).toMatchObject({
      code: "NotInForce",
      field: "date",
      seen: "2022-04-30",
      required: ">= 2022-05-01",
      citation: "54号·五"
    })
    expect(d.failures[0]?.message).toBe("该行为日期 2022-04-30 早于规则生效日期 2022-05-01，本规则不适用")
  })
})
