import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Cite } from "../rule/Citation.js"
import { Authorisation } from "./Authorisation.js"
import { AUTHORISATION_RULE, type AuthorisationQuery, checkAuthorisation } from "./AuthorisationCheck.js"

const decode = Schema.decodeUnknownSync(Authorisation)

const nanjing = decode({
  id: "auth-nj",
  occupations: [{ code: "6-18-01-01" }, { code: "4-03-02-01", workType: "中式烹调师" }],
  levels: [5, 4, 3],
  region: "320100",
  validFrom: "2023-01-01",
  validUntil: "2025-12-31"
})

const query = (over: Partial<AuthorisationQuery>): AuthorisationQuery => ({
  occupationCode: "6-18-01-01",
  level: 4,
  date: "2024-06-01",
  region: "320102",
  ...over
})

const codes = (q: AuthorisationQuery) => checkAuthorisation([nanjing], q).failures.map((f) => f.code)

describe("54号·五 authorisation: occupations × levels × region × validity", () => {
  it.each([
    ["inside every dimension", query({}), []],
    ["on the first valid day", query({ date: "2023-01-01" }), []],
    ["the day before validity", query({ date: "2022-12-31" }), ["AuthorisationNotYetValid"]],
    ["on the last valid day", query({ date: "2025-12-31" }), []],
    ["the day after the last valid day", query({ date: "2026-01-01" }), ["AuthorisationExpired"]],
    ["in the authorised city itself", query({ region: "320100" }), []],
    ["in another city", query({ region: "320500" }), ["OutsideAuthorisedRegion"]],
    [
      "in the whole province (wider than authorised)",
      query({ region: "320000" }),
      ["OutsideAuthorisedRegion"]
    ],
    ["without a region (not checked)", query({ region: undefined }), []],
    ["a level not authorised", query({ level: 2 }), ["LevelNotAuthorised"]],
    ["an occupation not authorised", query({ occupationCode: "6-18-01-02" }), ["OccupationNotAuthorised"]],
    ["any 工种 of an occupation authorised as a whole", query({ workType: "数控车工" }), []],
    ["the authorised 工种", query({ occupationCode: "4-03-02-01", workType: "中式烹调师" }), []],
    [
      "another 工种",
      query({ occupationCode: "4-03-02-01", workType: "西式烹调师" }),
      ["OccupationNotAuthorised"]
    ],
    [
      "the occupation of a 工种-only authorisation",
      query({ occupationCode: "4-03-02-01" }),
      ["OccupationNotAuthorised"]
    ],
    [
      "every dimension wrong",
      query({ occupationCode: "6-18-01-02", level: 1, region: "320500", date: "2026-01-01" }),
      ["AuthorisationExpired", "OutsideAuthorisedRegion", "OccupationNotAuthorised", "LevelNotAuthorised"]
    ]
  ] as const)("%s → %j", (_, q, expected) => {
    expect(codes(q)).toEqual(expected)
  })

  it("carries the value seen and the value required, citing 54号·五", () => {
    const d = checkAuthorisation([nanjing], query({ date: "2026-01-01", level: 2 }))
    expect(d).toMatchObject({ outcome: "refused", rule: AUTHORISATION_RULE, citations: [Cite.quality] })
    expect(d.failures).toEqual([
      expect.objectContaining({
        code: "AuthorisationExpired",
        field: "date",
        seen: "2026-01-01",
        required: "2023-01-01 至 2025-12-31",
        citation: Cite.quality
      }),
      expect.objectContaining({ code: "LevelNotAuthorised", field: "level", seen: 2, required: [5, 4, 3] })
    ])
    expect(d.failures[0]?.message).toContain("含当日")
  })

  it("is allowed when any one authorisation covers the whole query, else reports the closest", () => {
    const suzhou = decode({ ...nanjing, id: "auth-sz", region: "320500", levels: [2] })
    expect(checkAuthorisation([nanjing, suzhou], query({ region: "320505", level: 2 })).outcome).toBe(
      "allowed"
    )
    const d = checkAuthorisation([nanjing, suzhou], query({ region: "320505", level: 3, date: "2026-01-01" }))
    expect(d.failures.map((f) => f.code)).toEqual(["AuthorisationExpired", "OutsideAuthorisedRegion"])
  })

  it("refuses an institution with no authorisation, and answers not in force before 2022-05-01", () => {
    expect(checkAuthorisation([], query({})).failures.map((f) => f.code)).toEqual(["NoAuthorisation"])
    expect(checkAuthorisation([nanjing], query({ date: "2022-04-30" })).outcome).toBe("not_in_force")
  })

  it("refuses an authorisation that ends before it starts", () => {
    expect(() => decode({ ...nanjing, validUntil: "2022-12-31" })).toThrow("有效期截止日期不得早于起始日期")
  })
})
