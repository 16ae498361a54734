import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { Cite } from "../rule/Citation.js"
import { DEFAULT_COMPETITION_PROMOTION } from "./CompetitionPromotion.js"
import { EligibilityRuleTables, publishProblem } from "./EligibilityRuleTables.js"
import { DEFAULT_TITLE_BRIDGE, type TitleBridgeTable } from "./TitleBridge.js"

const version = (o: Partial<TitleBridgeTable>): TitleBridgeTable => ({
  ...DEFAULT_TITLE_BRIDGE,
  version: "js-2025-01",
  effectiveFrom: "2025-01-01",
  provisional: false,
  provenance: { source: Cite.titleBridge, note: "按132号原文录入", publishedBy: "js-hrss" },
  ...o
})

describe("54号·一 eligibility rule tables: publishing dated versions (domain.md §2)", () => {
  it.effect("is seeded with the shipped provisional defaults", () =>
    Effect.gen(function* () {
      const tables = yield* EligibilityRuleTables
      const versions = yield* tables.versions()
      assert.deepStrictEqual(versions.titleBridge, [DEFAULT_TITLE_BRIDGE])
      assert.deepStrictEqual(versions.competitionPromotion, [DEFAULT_COMPETITION_PROMOTION])
    }).pipe(Effect.provide(EligibilityRuleTables.layerTest()))
  )

  it.effect("adds a version effective after the latest one, to its own table only", () =>
    Effect.gen(function* () {
      const tables = yield* EligibilityRuleTables
      yield* tables.publish(version({}))
      const versions = yield* tables.versions()
      assert.deepStrictEqual(
        versions.titleBridge.map((v) => v.version),
        ["jineng-default-2022-05-01", "js-2025-01"]
      )
      assert.strictEqual(versions.competitionPromotion.length, 1)
    }).pipe(Effect.provide(EligibilityRuleTables.layerTest()))
  )

  it.effect("refuses a version effective on or before the latest existing one", () =>
    Effect.gen(function* () {
      const tables = yield* EligibilityRuleTables
      const error = yield* Effect.flip(tables.publish(version({ effectiveFrom: "2022-05-01" })))
      assert.strictEqual(error._tag, "RuleVersionNotAfterLatest")
      assert.strictEqual(error.field, "effectiveFrom")
      assert.include(error.message, "须晚于现行最新版本的生效日期 2022-05-01")
      assert.strictEqual((yield* tables.versions()).titleBridge.length, 1)
    }).pipe(Effect.provide(EligibilityRuleTables.layerTest()))
  )

  it.effect("refuses a duplicate version id", () =>
    Effect.gen(function* () {
      const tables = yield* EligibilityRuleTables
      yield* tables.publish(version({}))
      const error = yield* Effect.flip(tables.publish(version({ effectiveFrom: "2026-01-01" })))
      assert.strictEqual(error._tag, "RuleVersionAlreadyExists")
      assert.strictEqual(error.field, "version")
      assert.include(error.message, "js-2025-01")
    }).pipe(Effect.provide(EligibilityRuleTables.layerTest()))
  )

  it("publishProblem accepts the first version of an empty table", () => {
    assert.isUndefined(publishProblem([], DEFAULT_TITLE_BRIDGE))
  })
})
