/**
 * Eligibility decisions per second over mixed routes (standard, 破格, 贯通, competition), each with its full
 * reasons; the baseline is the cheapest possible Decision (one condition, no reasons) in the same process.
 */
import { decideEligibility } from "../src/eligibility/DecideEligibility.js"
import type { EligibilityFacts } from "../src/eligibility/EligibilityFacts.js"
import { sampleEligibilityFacts } from "../src/eligibility/EligibilitySamples.js"
import { DEFAULT_ELIGIBILITY_TABLES } from "../src/eligibility/EligibilityTables.js"
import { Cite } from "../src/rule/Citation.js"
import { verdict } from "../src/rule/Decision.js"
import { type Measurement, measure } from "./measure.js"

export const run = (report: (m: Measurement, target: number, baseline: Measurement) => void): void => {
  const facts = sampleEligibilityFacts(20_000, 2022)
  const outcomes = new Map<string, number>()
  let failures = 0
  for (const f of facts) {
    const d = decideEligibility(f, DEFAULT_ELIGIBILITY_TABLES)
    const key = `${f.route}:${d.outcome}`
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
    failures += d.failures.length
  }
  console.log(
    `sample: ${facts.length} applications, ${[...outcomes].map(([k, v]) => `${k}=${v}`).join(" ")}, ` +
      `${(failures / facts.length).toFixed(2)} failed conditions per decision`
  )

  const floor = measure("one-condition verdict (floor)", facts, (f: EligibilityFacts) =>
    verdict("floor", [Cite.eligibility], f.targetLevel > 0 ? [] : [])
  )
  console.log(
    `${floor.name.padEnd(34)} ${Math.round(floor.opsPerSecond).toLocaleString("en-US").padStart(12)} /s  (baseline)`
  )
  const decisions = measure("eligibility decisions (mixed)", facts, (f: EligibilityFacts) =>
    decideEligibility(f, DEFAULT_ELIGIBILITY_TABLES)
  )
  report(decisions, 200_000, floor)
}
