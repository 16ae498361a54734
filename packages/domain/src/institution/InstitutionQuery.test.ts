import { describe, expect, it } from "vitest"
import type { Authorisation } from "./Authorisation.js"
import {
  authorisationMatches,
  enclosingRegions,
  type InstitutionQuery,
  MAX_INSTITUTION_PAGE_SIZE,
  normalizeInstitutionQuery
} from "./InstitutionQuery.js"

const a: Authorisation = {
  id: "auth-1",
  occupations: [{ code: "6-18-01-01", workType: "车工" }, { code: "6-18-01-02" }],
  levels: [4, 3],
  region: "320100",
  validFrom: "2022-05-01",
  validUntil: "2025-04-30"
}

const matches = (q: InstitutionQuery) => authorisationMatches(a, normalizeInstitutionQuery(q))

describe("54号·五 catalogue query", () => {
  it("lists the regions that contain a region, itself included", () => {
    expect(enclosingRegions("320102")).toEqual(["320000", "320100", "320102"])
    expect(enclosingRegions("320100")).toEqual(["320000", "320100"])
    expect(enclosingRegions("320000")).toEqual(["320000"])
  })

  it("clamps paging and drops blank filters; a 工种 needs its occupation", () => {
    expect(
      normalizeInstitutionQuery({ offset: -1, limit: 0, regionCode: " ", workType: "车工" })
    ).toMatchObject({
      offset: 0,
      limit: 1,
      regionCode: undefined,
      workType: undefined
    })
    expect(normalizeInstitutionQuery({ limit: 1e9 }).limit).toBe(MAX_INSTITUTION_PAGE_SIZE)
  })

  it.each<readonly [InstitutionQuery, boolean]>([
    [{ occupationCode: "6-18-01-01" }, true],
    [{ occupationCode: "6-18-01-01", workType: "车工" }, true],
    [{ occupationCode: "6-18-01-01", workType: "数控车工" }, false],
    [{ occupationCode: "6-18-01-02", workType: "任一工种" }, true],
    [{ occupationCode: "6-18-01-01", level: 3 }, true],
    [{ occupationCode: "6-18-01-01", level: 2 }, false],
    [{ validOn: "2025-04-30" }, true],
    [{ validOn: "2025-05-01" }, false],
    [{ validOn: "2022-04-30" }, false],
    [{ servesRegion: "320102" }, true],
    [{ servesRegion: "320100" }, true],
    [{ servesRegion: "320000" }, false],
    [{ servesRegion: "320583" }, false]
  ])("an authorisation matches %j: %s", (query, expected) => {
    expect(matches(query)).toBe(expected)
  })
})
