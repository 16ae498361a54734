import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Cite } from "../rule/Citation.js"
import { DEFAULT_COMPETITION_PROMOTION } from "./CompetitionPromotion.js"
import { Eligibility } from "./Eligibility.js"
import type { CompetitionFacts, EligibilityFacts } from "./EligibilityFacts.js"
import { EligibilityRuleTables } from "./EligibilityRuleTables.js"
import { DEFAULT_TITLE_BRIDGE } from "./TitleBridge.js"

const OCC = "6-18-01-01"

const layers = Eligibility.layer.pipe(Layer.provideMerge(EligibilityRuleTables.layerTest()))

const titleApplication = (applicationDate: string): EligibilityFacts => ({
  route: "title",
  occupationCode: OCC,
  targetLevel: 2,
  applicationDate,
  workPeriods: [],
  priorCertificates: [],
  education: [],
  apprenticeshipCompleted: false,
  preparatoryTechnicianCertificate: false,
  standard: { occupationCode: OCC, edition: "2018", levels: [5, 4, 3, 2, 1] },
  title: { titleName: "工程师", titleLevel: "intermediate", obtainedOn: "2020-09-01", fieldRelation: "same" }
})

const contest: CompetitionFacts = {
  competitionId: "JS-2024-01",
  competitionClass: "city_class_2",
  group: "worker",
  occupationCode: OCC,
  heldOn: "2024-04-01",
  rank: 3,
  filingRequired: "none",
  jiangsuPensionMonths: 40
}

const competitionApplication = (applicationDate: string): EligibilityFacts => ({
  ...titleApplication(applicationDate),
  route: "competition",
  targetLevel: 3,
  workPeriods: [{ from: "2019-01-01", to: "2025-12-31", occupationCode: OCC }],
  priorCertificates: [
    { number: "S000032000001214000001", occupationCode: OCC, level: 4, issuedOn: "2021-03-01" }
  ],
  competition: contest
})

describe("54号·一 Eligibility use case: versions in force on the application date", () => {
  it.effect("decides with the provisional defaults and says so", () =>
    Effect.gen(function* () {
      const eligibility = yield* Eligibility
      const d = yield* eligibility.decide(titleApplication("2024-06-01"))
      assert.strictEqual(d.outcome, "allowed")
      assert.deepStrictEqual(d.ruleVersions, [
        {
          table: "title-bridge",
          version: "jineng-default-2022-05-01",
          effectiveFrom: "2022-05-01",
          provisional: true
        }
      ])
      assert.strictEqual(d.provisional.length, 1)
    }).pipe(Effect.provide(layers))
  )

  it.effect(
    "a replaced 贯通 table changes later decisions, not earlier ones, and drops the provisional flag",
    () =>
      Effect.gen(function* () {
        const tables = yield* EligibilityRuleTables
        const eligibility = yield* Eligibility
        yield* tables.publish({
          ...DEFAULT_TITLE_BRIDGE,
          version: "js-2025-01",
          effectiveFrom: "2025-01-01",
          provisional: false,
          provenance: {
            source: Cite.titleBridge,
            note: "按苏人社发〔2021〕132号原文录入",
            publishedBy: "js-hrss"
          },
          rows: [{ titleLevel: "intermediate", targetLevel: 3, fieldRelation: "same_or_related" }]
        })

        const before = yield* eligibility.decide(titleApplication("2024-12-31"))
        assert.strictEqual(before.outcome, "allowed")
        assert.strictEqual(before.ruleVersions[0]?.version, "jineng-default-2022-05-01")
        assert.strictEqual(before.provisional.length, 1)

        const after = yield* eligibility.decide(titleApplication("2025-01-01"))
        assert.strictEqual(after.outcome, "refused")
        assert.strictEqual(after.failures[0]?.code, "TargetAboveTableLevel")
        assert.deepStrictEqual(after.ruleVersions, [
          { table: "title-bridge", version: "js-2025-01", effectiveFrom: "2025-01-01", provisional: false }
        ])
        assert.deepStrictEqual(after.provisional, [])
      }).pipe(Effect.provide(layers))
  )

  it.effect(
    "a replaced competition table changes later decisions, not earlier ones, and drops the provisional flag",
    () =>
      Effect.gen(function* () {
        const tables = yield* EligibilityRuleTables
        const eligibility = yield* Eligibility
        // the default gives 市级二类赛 only first place; the province's version gives the top three
        const before = yield* eligibility.decide(competitionApplication("2025-03-01"))
        assert.strictEqual(before.outcome, "refused")
        assert.strictEqual(before.failures[0]?.code, "RankNotPromotable")

        yield* tables.publish({
          ...DEFAULT_COMPETITION_PROMOTION,
          version: "js-2025-04",
          effectiveFrom: "2025-04-01",
          provisional: false,
          provenance: {
            source: Cite.competitionPromotion,
            note: "按苏人社函〔2022〕65号原文录入",
            publishedBy: "js-hrss"
          },
          rows: [
            {
              competitionClass: "city_class_2",
              group: "worker",
              rankFrom: 1,
              rankTo: 3,
              currentLevel: 4,
              targetLevel: 3,
              minWorkYears: 5
            }
          ]
        })

        const earlier = yield* eligibility.decide(competitionApplication("2025-03-31"))
        assert.strictEqual(earlier.outcome, "refused")
        assert.isTrue(earlier.ruleVersions[0]?.provisional)

        const later = yield* eligibility.decide(competitionApplication("2025-04-01"))
        assert.strictEqual(later.outcome, "allowed")
        assert.deepStrictEqual(later.ruleVersions, [
          {
            table: "competition-promotion",
            version: "js-2025-04",
            effectiveFrom: "2025-04-01",
            provisional: false
          }
        ])
        assert.deepStrictEqual(later.provisional, [])
      }).pipe(Effect.provide(layers))
  )

  it.effect("answers not in force before 2022-05-01", () =>
    Effect.gen(function* () {
      const eligibility = yield* Eligibility
      const d = yield* eligibility.decide(titleApplication("2022-04-30"))
      assert.strictEqual(d.outcome, "not_in_force")
    }).pipe(Effect.provide(layers))
  )
})
