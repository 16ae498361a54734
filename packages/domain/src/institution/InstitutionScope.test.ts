import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { institution as thirdParty } from "../../test/InstitutionFixtures.js"
import { applyScope, scopeOf } from "./InstitutionScope.js"

const institution = thirdParty()

const authorisation = {
  id: "auth-1",
  occupations: [{ code: "6-18-01-01" }],
  levels: [3],
  region: "320100",
  validFrom: "2022-05-01",
  validUntil: "2025-04-30"
} as const

describe("54号·五 institution scope (地域范围、有效期限、认定等级)", () => {
  it("applies a new region and authorisations, keeping everything else", () => {
    const next = applyScope(institution, { region: "320115", authorisations: [authorisation] })
    expect(Either.isRight(next) && next.right).toEqual({
      ...institution,
      region: "320115",
      authorisations: [authorisation]
    })
    expect(Either.isRight(next) && scopeOf(next.right)).toEqual({
      region: "320115",
      authorisations: [authorisation]
    })
  })

  it.each([
    [
      "a region in another province (the numbering prefix says 32)",
      { region: "110101", authorisations: [] },
      "证书编号省级代码应与机构所在地一致"
    ],
    [
      "an authorisation ending before it starts",
      { region: "320102", authorisations: [{ ...authorisation, validUntil: "2022-04-30" }] },
      "有效期截止日期不得早于起始日期"
    ],
    ["an unknown region", { region: "329999", authorisations: [] }, "行政区划代码无效"]
  ])("refuses %s with InvalidInstitutionScope", (_, scope, problem) => {
    const result = applyScope(institution, scope as never)
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left._tag).toBe("InvalidInstitutionScope")
      expect(result.left.problem).toContain(problem)
      expect(result.left.message).toContain("评价机构 inst-s 的评价范围变更无效")
    }
  })
})
