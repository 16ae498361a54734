/**
 * Rules as a service: the eligibility decision for given facts (54号·一) and the competition review with its
 * filing requirement (54号·二) — the full decision, as the registry would decide on submission.
 */
import { Eligibility } from "@jineng/domain/eligibility/Eligibility"
import { EligibilityFacts } from "@jineng/domain/eligibility/EligibilityFacts"
import { sampleEligibilityFacts } from "@jineng/domain/eligibility/EligibilitySamples"
import { Effect, Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTestApp, problemOf, type TestApp } from "./TestApp.js"

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp()
})
afterAll(() => t.close())

type Decision = {
  outcome: string
  rule: string
  failures: Array<{
    code: string
    field: string
    message: string
    citation: string
    seen: unknown
    required: unknown
  }>
  citations: Array<string>
  ruleVersions: Array<{ table: string; version: string; provisional: boolean }>
  provisional: Array<{ reason: string }>
}

describe("POST /api/public/rules/eligibility", () => {
  const samples = sampleEligibilityFacts(60, 7)

  it("answers the same full decision as the registry's Eligibility use case, for every route", async () => {
    const outcomes = new Set<string>()
    const versioned = new Set<string>()
    for (const facts of samples) {
      const res = await t.call("POST", "/api/public/rules/eligibility", {
        body: Schema.encodeSync(EligibilityFacts)(facts)
      })
      expect(res.status).toBe(200)
      const decision = (await res.json()) as Decision
      const expected = await t.runtime.runPromise(Effect.flatMap(Eligibility, (e) => e.decide(facts)))
      expect(decision).toEqual(JSON.parse(JSON.stringify(expected)))
      outcomes.add(decision.outcome)
      for (const v of decision.ruleVersions) versioned.add(v.table)
      for (const f of decision.failures) {
        expect(f.message).toMatch(/[\u4e00-\u9fff]/)
        expect(f.citation).toMatch(/54号|domain\.md|人社/)
      }
      expect(decision.citations.length).toBeGreaterThan(0)
    }
    expect([...outcomes].sort()).toEqual(["allowed", "not_in_force", "refused"])
    expect(versioned.size).toBeGreaterThan(0)
  })

  it.each([
    [{}, "route"],
    [
      {
        ...Schema.encodeSync(EligibilityFacts)(sampleEligibilityFacts(1, 1)[0] as EligibilityFacts),
        targetLevel: 9
      },
      "targetLevel"
    ],
    [
      {
        ...Schema.encodeSync(EligibilityFacts)(sampleEligibilityFacts(1, 1)[0] as EligibilityFacts),
        idNumber: "110105194912310021"
      },
      "idNumber"
    ]
  ])("refuses malformed facts with 400 naming the field (%#)", async (body, field) => {
    const problem = await problemOf(await t.call("POST", "/api/public/rules/eligibility", { body }))
    expect(problem).toMatchObject({ status: 400, code: "InvalidRequest", field })
    expect(problem.detail).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe("POST /api/public/rules/competition-review", () => {
  const competition = (contestantRegions: ReadonlyArray<string>) => ({
    id: "cmp-rules",
    name: "南京市车工职业技能竞赛",
    class: "city_class_1",
    group: "worker",
    host: { name: "南京市总工会", creditCode: "91320100MA0000015Q", regionCode: "320100" },
    regionCode: "320100",
    startsOn: "2026-12-01",
    endsOn: "2026-12-03",
    events: [{ name: "车工", occupations: [{ code: "6-18-01-01", name: "车工" }], scope: "whole" }],
    fees: [],
    contestants: contestantRegions.map((regionCode, i) => ({ id: `c${i}`, regionCode }))
  })

  it("requires a provincial filing when more than half the contestants come from other cities, and none otherwise", async () => {
    const mostlyOutside = await t.call("POST", "/api/public/rules/competition-review", {
      body: { competition: competition(["320100", "320200", "320500", "320600"]) }
    })
    const outsideBody = await mostlyOutside.text()
    expect(mostlyOutside.status, outsideBody).toBe(200)
    const review = JSON.parse(outsideBody) as Decision & {
      requiredFiling: Decision
      share: { seen: { share: number } }
    }
    expect(review.share.seen.share).toBe(0.75)
    expect(review.requiredFiling.outcome).toBe("province")
    expect(review.outcome).toBe("incentives_lost")

    const local = await t.call("POST", "/api/public/rules/competition-review", {
      body: { competition: competition(["320100", "320102", "320106"]) }
    })
    const localReview = (await local.json()) as Decision & { requiredFiling: Decision }
    expect(localReview.requiredFiling.outcome).toBe("none")
    expect(localReview.outcome).toBe("allowed")
  })

  it("refuses a malformed competition with 400 naming the field", async () => {
    const problem = await problemOf(
      await t.call("POST", "/api/public/rules/competition-review", {
        body: { competition: { ...competition([]), class: "national" } }
      })
    )
    expect(problem).toMatchObject({ status: 400, field: "competition.class" })
  })
})

describe("POST /api/public/rules/issuance-authority", () => {
  it("answers each candidate's decision — allowed within the authorisation, refused with reasons outside it — and writes nothing", async () => {
    const page = (await (
      await t.call("GET", "/api/public/institutions?status=admitted&kind=third_party&limit=1")
    ).json()) as {
      items: Array<{
        id: string
        authorisations: Array<{
          occupations: Array<{ code: string; workType: string | null }>
          levels: Array<{ code: number }>
          region: { code: string }
        }>
      }>
    }
    const institution = page.items[0]
    const authorisation = institution?.authorisations[0]
    const occupation = authorisation?.occupations[0]
    if (institution === undefined || authorisation === undefined || occupation === undefined)
      throw new Error("the demo has no admitted third-party institution with an authorisation")
    const levels = authorisation.levels.map((l) => l.code)
    const level = levels[0] as number
    const missing = [1, 2, 3, 4, 5].find((l) => !levels.includes(l))
    expect(missing, "the demo authorisation leaves a level out").toBeDefined()
    const before = await t.fingerprint()
    const res = await t.call("POST", "/api/public/rules/issuance-authority", {
      body: {
        institutionId: institution.id,
        issuedOn: t.today,
        evaluationRegion: authorisation.region.code,
        candidates: [
          {
            occupationCode: occupation.code,
            ...(occupation.workType === null ? {} : { workType: occupation.workType }),
            level
          },
          ...(missing === undefined ? [] : [{ occupationCode: occupation.code, level: missing }])
        ]
      }
    })
    const text = await res.text()
    expect(res.status, text).toBe(200)
    const answer = JSON.parse(text) as { allowed: boolean; decisions: Array<Decision> }
    expect(answer.decisions[0]?.outcome).toBe("allowed")
    expect(answer.allowed).toBe(false)
    expect(answer.decisions[1]?.outcome).toBe("refused")
    expect(answer.decisions[1]?.failures.length).toBeGreaterThan(0)
    expect(answer.decisions[1]?.failures[0]?.message).toMatch(/[\u4e00-\u9fff]/)
    expect(await t.fingerprint()).toBe(before)
  })

  it("answers 404 for an unknown institution and 400 for a malformed question", async () => {
    const unknown = await t.call("POST", "/api/public/rules/issuance-authority", {
      body: {
        institutionId: "nobody",
        issuedOn: t.today,
        evaluationRegion: "320100",
        candidates: [{ occupationCode: "6-18-01-01", level: 3 }]
      }
    })
    expect((await problemOf(unknown)).code).toBe("InstitutionNotFound")
    const bad = await problemOf(
      await t.call("POST", "/api/public/rules/issuance-authority", {
        body: { institutionId: "x", issuedOn: t.today, evaluationRegion: "320100", candidates: [] }
      })
    )
    expect(bad).toMatchObject({ status: 400, field: "candidates" })
  })
})
