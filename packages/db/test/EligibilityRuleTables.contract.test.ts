/**
 * Contract of EligibilityRuleTables (54号·一; domain.md §2 "let an administrator replace the table with a new
 * dated version"): a fresh registry answers like the shipped provisional defaults; a new version must have a new
 * id and take effect after the latest one of its table, so the versions in force on past dates never change;
 * concurrent publications never both pass that check. Run against the domain's in-memory layerTest and every
 * database of TestDatabases.
 */
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import {
  type CompetitionPromotionTable,
  DEFAULT_COMPETITION_PROMOTION
} from "@jineng/domain/eligibility/CompetitionPromotion"
import { EligibilityRuleTables } from "@jineng/domain/eligibility/EligibilityRuleTables"
import {
  DEFAULT_ELIGIBILITY_TABLES,
  DEFAULT_ELIGIBILITY_VERSIONS,
  eligibilityTablesOn
} from "@jineng/domain/eligibility/EligibilityTables"
import { DEFAULT_TITLE_BRIDGE, type TitleBridgeTable } from "@jineng/domain/eligibility/TitleBridge"
import { Cite } from "@jineng/domain/rule/Citation"
import { Cause, Effect, Either, Exit, Layer } from "effect"
import { SqlEligibilityRuleTables } from "../src/ruletable/SqlEligibilityRuleTables.js"
import { targets } from "./TestDatabases.js"

const implementations = [
  { name: "in-memory layerTest", layer: () => EligibilityRuleTables.layerTest() },
  ...targets.map((t) => ({
    name: t.name,
    // fresh, and the standalone `layer` rather than `it.layer`: @effect/vitest's `it.layer` turns into the nested
    // variant after its first call in a file, so later suites would be built on top of earlier ones.
    layer: () => Layer.fresh(SqlEligibilityRuleTables.layer).pipe(Layer.provide(t.layer()))
  }))
]

const PROVENANCE = {
  source: Cite.titleBridge,
  note: "按苏人社发〔2021〕132号原文录入",
  publishedBy: "org_js_hrss"
}

const titleBridge = (version: string, effectiveFrom: string): TitleBridgeTable => ({
  ...DEFAULT_TITLE_BRIDGE,
  version,
  effectiveFrom,
  provisional: false,
  provenance: PROVENANCE,
  rows: [
    { titleLevel: "junior", targetLevel: 3, fieldRelation: "same" },
    { titleLevel: "intermediate", targetLevel: 2, fieldRelation: "same_or_related" },
    { titleLevel: "deputy_senior", targetLevel: 1, fieldRelation: "same_or_related" },
    { titleLevel: "senior", targetLevel: 1, fieldRelation: "same_or_related" }
  ]
})

const PROMOTION_2025: CompetitionPromotionTable = {
  ...DEFAULT_COMPETITION_PROMOTION,
  version: "js-65-2025",
  effectiveFrom: "2025-03-01",
  provisional: false,
  provenance: {
    source: Cite.competitionPromotion,
    note: "按苏人社函〔2022〕65号原文录入",
    publishedBy: "org_js_hrss"
  },
  rows: [
    {
      competitionClass: "provincial",
      group: "worker",
      rankFrom: 1,
      rankTo: 5,
      currentLevel: 3,
      targetLevel: 2,
      minWorkYears: 2
    },
    {
      competitionClass: "provincial",
      group: "student",
      rankFrom: 1,
      rankTo: 3,
      currentLevel: null,
      targetLevel: 4
    }
  ]
}

describe.each(implementations)("54号·一 EligibilityRuleTables contract — $name", ({ layer: makeLayer }) => {
  layer(makeLayer(), { timeout: 60_000 })((it) => {
    it.effect("answers like the shipped provisional defaults before anything is published", () =>
      Effect.gen(function* () {
        const tables = yield* EligibilityRuleTables
        const versions = yield* tables.versions()
        expect(versions).toEqual(DEFAULT_ELIGIBILITY_VERSIONS)
        expect(versions.titleBridge[0]?.provisional).toBe(true)
        expect(versions.competitionPromotion[0]?.provenance.publishedBy).toBe("jineng-default")
        expect(eligibilityTablesOn(versions, "2024-01-01")).toEqual(DEFAULT_ELIGIBILITY_TABLES)
        expect(eligibilityTablesOn(versions, "2022-04-30")).toEqual({
          titleBridge: undefined,
          competitionPromotion: undefined
        })
      })
    )

    it.effect(
      "publishes a later version of one table, leaving the other table and past dates as they were",
      () =>
        Effect.gen(function* () {
          const tables = yield* EligibilityRuleTables
          const v2025 = titleBridge("js-132-2025", "2025-01-01")
          yield* tables.publish(v2025)
          yield* tables.publish(PROMOTION_2025)
          const versions = yield* tables.versions()
          expect(versions.titleBridge).toEqual([DEFAULT_TITLE_BRIDGE, v2025])
          expect(versions.competitionPromotion).toEqual([DEFAULT_COMPETITION_PROMOTION, PROMOTION_2025])
          expect(eligibilityTablesOn(versions, "2024-12-31")).toEqual(DEFAULT_ELIGIBILITY_TABLES)
          expect(eligibilityTablesOn(versions, "2025-01-01").titleBridge).toEqual(v2025)
          expect(eligibilityTablesOn(versions, "2025-02-28").competitionPromotion).toEqual(
            DEFAULT_COMPETITION_PROMOTION
          )
          expect(eligibilityTablesOn(versions, "2025-03-01").competitionPromotion).toEqual(PROMOTION_2025)
        })
    )

    it.effect("refuses a version not effective after the latest one of its table, storing nothing", () =>
      Effect.gen(function* () {
        const tables = yield* EligibilityRuleTables
        for (const effectiveFrom of ["2025-01-01", "2024-06-01"]) {
          const error = yield* Effect.flip(
            tables.publish(titleBridge(`js-132-${effectiveFrom}`, effectiveFrom))
          )
          expect(error._tag).toBe("RuleVersionNotAfterLatest")
          if (error._tag !== "RuleVersionNotAfterLatest") return
          expect(error.field).toBe("effectiveFrom")
          expect(error.latestEffectiveFrom).toBe("2025-01-01")
          expect(error.message).toContain("须晚于现行最新版本的生效日期 2025-01-01")
        }
        expect((yield* tables.versions()).titleBridge.map((v) => v.version)).toEqual([
          DEFAULT_TITLE_BRIDGE.version,
          "js-132-2025"
        ])
      })
    )

    it.effect("refuses a duplicate version id, even when it would be later", () =>
      Effect.gen(function* () {
        const tables = yield* EligibilityRuleTables
        const error = yield* Effect.flip(tables.publish(titleBridge("js-132-2025", "2026-01-01")))
        expect(error._tag).toBe("RuleVersionAlreadyExists")
        expect(error.field).toBe("version")
        expect(error.message).toContain("js-132-2025")
        const again = yield* Effect.flip(tables.publish({ ...PROMOTION_2025, effectiveFrom: "2026-01-01" }))
        expect(again._tag).toBe("RuleVersionAlreadyExists")
        expect((yield* tables.versions()).competitionPromotion).toHaveLength(2)
      })
    )

    it.effect("lets only one of several concurrent publications with the same date through", () =>
      Effect.gen(function* () {
        const tables = yield* EligibilityRuleTables
        const results = yield* Effect.forEach(
          [1, 2, 3, 4, 5],
          (n) => Effect.either(tables.publish(titleBridge(`concurrent-${n}`, "2027-01-01"))),
          { concurrency: "unbounded" }
        )
        expect(results.filter(Either.isRight)).toHaveLength(1)
        const refused = results.filter(Either.isLeft).map((r) => r.left._tag)
        expect(refused).toEqual([
          "RuleVersionNotAfterLatest",
          "RuleVersionNotAfterLatest",
          "RuleVersionNotAfterLatest",
          "RuleVersionNotAfterLatest"
        ])
        const latest = (yield* tables.versions()).titleBridge
        expect(latest).toHaveLength(3)
        expect(latest[2]?.effectiveFrom).toBe("2027-01-01")
      })
    )
  })
})

describe.each(targets)("54号·一 eligibility rule tables on the registry — $name", (target) => {
  layer(Layer.fresh(SqlEligibilityRuleTables.layer).pipe(Layer.provideMerge(target.layer())), {
    timeout: 60_000
  })((it) => {
    it.effect(
      "migration 0009 seeds one provisional row per table, with rows and provenance as JSON text",
      () =>
        Effect.gen(function* () {
          const client = yield* SqlClient.SqlClient
          const rows = yield* client<{
            readonly table_name: string
            readonly version: string
            readonly effective_from: string
            readonly provisional: number | string
            readonly provenance: string
            readonly table_rows: string
          }>`SELECT * FROM eligibility_rule_versions ORDER BY table_name`
          expect(rows.map((r) => [r.table_name, r.version, r.effective_from, Number(r.provisional)])).toEqual(
            [
              ["competition-promotion", DEFAULT_COMPETITION_PROMOTION.version, "2022-05-01", 1],
              ["title-bridge", DEFAULT_TITLE_BRIDGE.version, "2022-05-01", 1]
            ]
          )
          expect(JSON.parse(rows[1]?.table_rows ?? "null")).toEqual(DEFAULT_TITLE_BRIDGE.rows)
          expect(JSON.parse(rows[0]?.provenance ?? "null")).toEqual(DEFAULT_COMPETITION_PROMOTION.provenance)
        })
    )

    it.effect("treats a stored version that no longer fits its table's schema as a defect", () =>
      Effect.gen(function* () {
        const tables = yield* EligibilityRuleTables
        const client = yield* SqlClient.SqlClient
        yield* client`
          UPDATE eligibility_rule_versions SET table_rows = ${'[{"titleLevel":"junior","targetLevel":9}]'}
          WHERE table_name = 'title-bridge'`
        const exit = yield* Effect.exit(tables.versions())
        expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
      })
    )
  })
})
