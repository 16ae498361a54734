/**
 * Port: the published versions of the eligibility rule tables (domain.md §2 "let an administrator replace the
 * table with a new dated version"). A new version must have a new version id and take effect after the latest
 * existing version of its table, so the versions in force on past dates never change. `layerTest` is an
 * in-memory implementation seeded with the shipped provisional defaults.
 */
import { Context, Effect, Layer } from "effect"
import type { RuleTable } from "../rule/RuleTable.js"
import { RuleVersionAlreadyExists, RuleVersionNotAfterLatest } from "./EligibilityErrors.js"
import {
  DEFAULT_ELIGIBILITY_VERSIONS,
  type EligibilityRuleTable,
  type EligibilityRuleTableVersions
} from "./EligibilityTables.js"

/** Why `candidate` may not be published after `existing` (versions of the same table); undefined if it may. */
export const publishProblem = (
  existing: ReadonlyArray<RuleTable<unknown>>,
  candidate: RuleTable<unknown>
): RuleVersionAlreadyExists | RuleVersionNotAfterLatest | undefined => {
  let latest: RuleTable<unknown> | undefined
  for (const v of existing) {
    if (v.version === candidate.version)
      return new RuleVersionAlreadyExists({
        field: "version",
        table: candidate.table,
        version: candidate.version
      })
    if (latest === undefined || v.effectiveFrom > latest.effectiveFrom) latest = v
  }
  if (latest !== undefined && candidate.effectiveFrom <= latest.effectiveFrom)
    return new RuleVersionNotAfterLatest({
      field: "effectiveFrom",
      table: candidate.table,
      version: candidate.version,
      effectiveFrom: candidate.effectiveFrom,
      latestEffectiveFrom: latest.effectiveFrom
    })
  return undefined
}

/** `versions` with `candidate` appended to its table. */
export const withVersion = (
  versions: EligibilityRuleTableVersions,
  candidate: EligibilityRuleTable
): EligibilityRuleTableVersions =>
  candidate.table === "title-bridge"
    ? { ...versions, titleBridge: [...versions.titleBridge, candidate] }
    : { ...versions, competitionPromotion: [...versions.competitionPromotion, candidate] }

const existingOf = (
  versions: EligibilityRuleTableVersions,
  candidate: EligibilityRuleTable
): ReadonlyArray<RuleTable<unknown>> =>
  candidate.table === "title-bridge" ? versions.titleBridge : versions.competitionPromotion

export class EligibilityRuleTables extends Context.Tag("@jineng/domain/EligibilityRuleTables")<
  EligibilityRuleTables,
  {
    readonly versions: () => Effect.Effect<EligibilityRuleTableVersions>
    /** Adds a new dated version of its table. */
    readonly publish: (
      version: EligibilityRuleTable
    ) => Effect.Effect<void, RuleVersionAlreadyExists | RuleVersionNotAfterLatest>
  }
>() {
  static readonly layerTest = (seed: EligibilityRuleTableVersions = DEFAULT_ELIGIBILITY_VERSIONS) =>
    Layer.sync(this, () => {
      let current = seed
      return {
        versions: () => Effect.sync(() => current),
        publish: (version) =>
          Effect.suspend(() => {
            const problem = publishProblem(existingOf(current, version), version)
            if (problem !== undefined) return Effect.fail(problem)
            current = withVersion(current, version)
            return Effect.void
          })
      }
    })
}
