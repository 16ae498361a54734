import { describe, expect, it } from "vitest"
import type { SkillLevel } from "../codes/SkillLevel.js"
import { Cite } from "../rule/Citation.js"
import { decideEligibility } from "./DecideEligibility.js"
import type { EligibilityFacts, EligibilityRoute } from "./EligibilityFacts.js"
import { DEFAULT_ELIGIBILITY_TABLES } from "./EligibilityTables.js"

const OCC = "6-18-01-01"
const EMPLOYER = "91320100MA1XXXXX0A"

/** An application of each route that is allowed on 2022-05-01. */
const application = (route: EligibilityRoute, applicationDate: string): EligibilityFacts => ({
  route,
  occupationCode: OCC,
  targetLevel: route === "title" ? 2 : route === "competition" ? 4 : route === "exceptional" ? 4 : 5,
  applicationDate,
  workPeriods: [{ from: "2020-01-01", to: "2022-04-30", occupationCode: OCC }],
  priorCertificates: [
    { number: "S000032000001215000001", occupationCode: OCC, level: 5, issuedOn: "2021-03-01" }
  ],
  education: [],
  apprenticeshipCompleted: false,
  preparatoryTechnicianCertificate: false,
  standard: { occupationCode: OCC, edition: "2018", levels: [5, 4, 3, 2, 1] },
  exceptional: {
    employerId: EMPLOYER,
    applicantEmployerId: EMPLOYER,
    rule: {
      employerId: EMPLOYER,
      documentId: "HR-2022-003",
      title: "职业技能等级破格晋升管理办法",
      publishedOn: "2022-03-01",
      publishedToAllStaff: true,
      writtenForm: true,
      allowedLevels: [4, 3],
      maxLevelsAbove: 1
    }
  },
  title: { titleName: "工程师", titleLevel: "intermediate", obtainedOn: "2020-09-01", fieldRelation: "same" },
  competition: {
    competitionId: "JS-2022-01",
    competitionClass: "provincial",
    group: "worker",
    occupationCode: OCC,
    heldOn: "2022-04-10",
    rank: 2,
    filingRequired: "city",
    filingCompleted: "city",
    jiangsuPensionMonths: 30
  }
})

const ROUTES = ["standard", "exceptional", "title", "competition"] as const

const ROUTE_CITATIONS: Record<EligibilityRoute, ReadonlyArray<string>> = {
  standard: [Cite.eligibility],
  exceptional: [Cite.eligibility],
  title: [Cite.eligibility, Cite.titleBridge],
  competition: [Cite.eligibility, Cite.competitionPromotion, Cite.competition]
}

describe("54号·一 eligibility: the route the application names decides", () => {
  it.each(ROUTES)("%s: allowed on 2022-05-01, citing 54号·一 and the route's source", (route) => {
    const d = decideEligibility(application(route, "2022-05-01"), DEFAULT_ELIGIBILITY_TABLES)
    expect(d.outcome).toBe("allowed")
    expect(d.rule.startsWith(`eligibility.${route}`)).toBe(true)
    expect(d.citations).toEqual(ROUTE_CITATIONS[route])
  })

  it.each(ROUTES)("%s: 2022-04-30 is before the notice took effect → not in force (54号·五)", (route) => {
    const d = decideEligibility(application(route, "2022-04-30"), DEFAULT_ELIGIBILITY_TABLES)
    expect(d.outcome).toBe("not_in_force")
    expect(d.rule).toBe(`eligibility.${route}`)
    expect(d.citations).toEqual([...ROUTE_CITATIONS[route], Cite.quality])
    expect(d.failures).toMatchObject([
      {
        code: "NotInForce",
        field: "date",
        seen: "2022-04-30",
        required: ">= 2022-05-01",
        citation: Cite.quality
      }
    ])
  })

  it("uses only the named route's facts", () => {
    const f = application("standard", "2022-05-01")
    expect(decideEligibility({ ...f, targetLevel: 2 }, DEFAULT_ELIGIBILITY_TABLES).rule).toBe(
      "eligibility.standard"
    )
    expect(decideEligibility({ ...f, route: "title", targetLevel: 2 }, DEFAULT_ELIGIBILITY_TABLES).rule).toBe(
      "eligibility.title"
    )
  })

  it("lists provisional table versions only on the routes that used them", () => {
    expect(
      decideEligibility(application("standard", "2022-05-01"), DEFAULT_ELIGIBILITY_TABLES).ruleVersions
    ).toEqual([])
    expect(
      decideEligibility(application("title", "2022-05-01"), DEFAULT_ELIGIBILITY_TABLES).ruleVersions
    ).toMatchObject([{ table: "title-bridge", provisional: true }])
    expect(
      decideEligibility(application("competition", "2022-05-01"), DEFAULT_ELIGIBILITY_TABLES).ruleVersions
    ).toMatchObject([{ table: "competition-promotion", provisional: true }])
  })
})

describe("54号·一 eligibility: levels are 1–5 only (domain.md §2; 54号·三 不得擅加等级), routes are the four named", () => {
  it.each([0, 6, 8, 2.5])("refuses level %s if it slips past the schema", (level) => {
    const f = { ...application("standard", "2022-05-01"), targetLevel: level as SkillLevel }
    const d = decideEligibility(f, DEFAULT_ELIGIBILITY_TABLES)
    expect(d.outcome).toBe("refused")
    expect(d.failures).toMatchObject([
      {
        code: "LevelNotEvaluable",
        field: "targetLevel",
        seen: level,
        required: [5, 4, 3, 2, 1],
        citation: Cite.standards
      }
    ])
    expect(d.failures[0]?.message).toContain("特级技师")
  })

  it.each(["seniority", "constructor", "toString"])("refuses a route that does not exist (%s)", (name) => {
    const f = { ...application("standard", "2022-05-01"), route: name as EligibilityRoute }
    expect(decideEligibility(f, DEFAULT_ELIGIBILITY_TABLES).failures).toMatchObject([
      { code: "RouteUnknown", seen: name }
    ])
  })
})

describe("54号·三 eligibility stays inside the catalogue and the standard's levels, on every route", () => {
  it.each(ROUTES)("%s: an occupation of 大典 category 2 is refused", (route) => {
    const base = application(route, "2022-05-01")
    const d = decideEligibility(
      { ...base, occupationCode: "2-02-01-01", standard: { ...base.standard, occupationCode: "2-02-01-01" } },
      DEFAULT_ELIGIBILITY_TABLES
    )
    expect(d.outcome).toBe("refused")
    expect(d.failures.map((x) => [x.code, x.field, x.seen])).toEqual([
      ["OccupationNotCertifiable", "occupationCode", "2-02-01-01"]
    ])
    expect(d.failures[0]?.citation).toBe(Cite.standards)
  })

  it.each(ROUTES)("%s: a level the standard does not offer is refused (不得擅加等级)", (route) => {
    const base = application(route, "2022-05-01")
    const offered: ReadonlyArray<SkillLevel> = [5, 4, 3, 2, 1].filter(
      (l) => l !== base.targetLevel
    ) as Array<SkillLevel>
    const d = decideEligibility(
      { ...base, standard: { ...base.standard, levels: offered as [SkillLevel, ...Array<SkillLevel>] } },
      DEFAULT_ELIGIBILITY_TABLES
    )
    expect(d.outcome).toBe("refused")
    expect(d.failures).toMatchObject([
      { code: "LevelNotInStandard", field: "targetLevel", seen: base.targetLevel, required: offered }
    ])
  })
})
