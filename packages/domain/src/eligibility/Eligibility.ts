/**
 * Use case: decide an application's eligibility (54号·一) with the rule-table versions in force on its
 * application date (rule/RuleTable versionOn), so a newly published version changes later decisions only.
 */
import { Context, Effect, Layer } from "effect"
import { decideEligibility } from "./DecideEligibility.js"
import type { EligibilityFacts } from "./EligibilityFacts.js"
import { EligibilityRuleTables } from "./EligibilityRuleTables.js"
import { eligibilityTablesOn } from "./EligibilityTables.js"

const make = Effect.gen(function* () {
  const tables = yield* EligibilityRuleTables

  const decide = Effect.fn("Eligibility.decide")(function* (facts: EligibilityFacts) {
    const versions = yield* tables.versions()
    return decideEligibility(facts, eligibilityTablesOn(versions, facts.applicationDate))
  })

  return { decide } as const
})

export class Eligibility extends Context.Tag("@jineng/domain/Eligibility")<
  Eligibility,
  Effect.Effect.Success<typeof make>
>() {
  static readonly layer = Layer.effect(this, make)
}
