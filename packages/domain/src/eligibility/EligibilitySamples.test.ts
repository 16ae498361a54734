import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { decideEligibility } from "./DecideEligibility.js"
import { EligibilityFacts } from "./EligibilityFacts.js"
import { sampleEligibilityFacts } from "./EligibilitySamples.js"
import { DEFAULT_ELIGIBILITY_TABLES } from "./EligibilityTables.js"

describe("54号·一 eligibility samples for the benchmark", () => {
  const samples = sampleEligibilityFacts(2_000, 7)

  it("is deterministic for a seed and differs between seeds", () => {
    expect(sampleEligibilityFacts(50, 7)).toEqual(samples.slice(0, 50))
    expect(sampleEligibilityFacts(50, 8)).not.toEqual(samples.slice(0, 50))
  })

  it("produces valid facts (they decode with the API schema)", () => {
    for (const f of samples)
      expect(Either.isRight(Schema.decodeUnknownEither(EligibilityFacts)(f))).toBe(true)
  })

  it("covers every route with both outcomes, and acts before 2022-05-01", () => {
    const seen = new Set<string>()
    for (const f of samples)
      seen.add(`${f.route}:${decideEligibility(f, DEFAULT_ELIGIBILITY_TABLES).outcome}`)
    for (const route of ["standard", "exceptional", "title", "competition"])
      for (const outcome of ["allowed", "refused", "not_in_force"])
        expect(seen).toContain(`${route}:${outcome}`)
  })

  it("decides with full reasons: every refusal names its failures, every decision cites 54号·一", () => {
    for (const f of samples) {
      const d = decideEligibility(f, DEFAULT_ELIGIBILITY_TABLES)
      expect(d.citations).toContain("54号·一")
      if (d.outcome !== "allowed") {
        expect(d.failures.length).toBeGreaterThan(0)
        for (const x of d.failures) expect(x.message.length).toBeGreaterThan(0)
      } else expect(d.failures).toEqual([])
    }
  })
})
