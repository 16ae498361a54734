import { assert, describe, it } from "@effect/vitest"
import { Effect, Either, Layer, Schema, TestClock } from "effect"
import { provinceOrg, provincialCentreOrg } from "../../test/OrganisationFixtures.js"
import { type AuditEntry, AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import { DEFAULT_COMPETITION_PROMOTION } from "./CompetitionPromotion.js"
import { Eligibility } from "./Eligibility.js"
import type { EligibilityFacts } from "./EligibilityFacts.js"
import { EligibilityRuleTables } from "./EligibilityRuleTables.js"
import { CompetitionPromotionVersionInput, TitleBridgeVersionInput } from "./RuleTableVersionInput.js"
import { RuleTableVersions } from "./RuleTableVersions.js"
import { DEFAULT_TITLE_BRIDGE } from "./TitleBridge.js"

const PROVINCE = provinceOrg()
const CENTRE = provincialCentreOrg()

const TODAY = TestClock.setTime(Date.parse("2025-03-01T02:00:00Z"))

/** 132号 as a province might transcribe it: 中级 → 一级 (the default says 二级). */
const bridge = (over: object = {}) =>
  Schema.decodeUnknownSync(TitleBridgeVersionInput)({
    version: "js-132-2025",
    effectiveFrom: "2025-04-01",
    provenance: { source: "苏人社发〔2021〕132号", note: "按原文第三条录入" },
    rows: [
      { titleLevel: "junior", targetLevel: 3, fieldRelation: "same_or_related" },
      { titleLevel: "intermediate", targetLevel: 1, fieldRelation: "same_or_related" },
      { titleLevel: "deputy_senior", targetLevel: 1, fieldRelation: "same_or_related" },
      { titleLevel: "senior", targetLevel: 1, fieldRelation: "same_or_related" }
    ],
    ...over
  })

/** An engineer (中级) applying for 一级 in the same field. */
const application = (applicationDate: string): EligibilityFacts => ({
  route: "title",
  occupationCode: "6-18-01-01",
  targetLevel: 1,
  applicationDate,
  workPeriods: [],
  priorCertificates: [],
  education: [],
  apprenticeshipCompleted: false,
  preparatoryTechnicianCertificate: false,
  standard: { occupationCode: "6-18-01-01", edition: "2018", levels: [5, 4, 3, 2, 1] },
  title: { titleName: "工程师", titleLevel: "intermediate", obtainedOn: "2020-06-30", fieldRelation: "same" }
})

const layers = (sink: Array<AuditEntry>) =>
  Layer.mergeAll(RuleTableVersions.layer, Eligibility.layer).pipe(
    Layer.provideMerge(
      Layer.mergeAll(EligibilityRuleTables.layerTest(), AuditTrail.layerTest(sink), Transactional.layerTest)
    )
  )

describe("54号·一 rule tables: publishing a new dated version (domain.md §2)", () => {
  it.effect(
    "reads each table with its versions, provenance, provisional flags and the version in force",
    () =>
      Effect.gen(function* () {
        yield* TODAY
        const versions = yield* RuleTableVersions
        const all = yield* versions.list()
        assert.deepStrictEqual(
          all.map((t) => [t.table, t.inForce, t.versions.length]),
          [
            ["title-bridge", DEFAULT_TITLE_BRIDGE.version, 1],
            ["competition-promotion", DEFAULT_COMPETITION_PROMOTION.version, 1]
          ]
        )
        const one = yield* versions.get("title-bridge")
        assert.isTrue(one.versions[0]?.provisional)
        assert.strictEqual(one.versions[0]?.provenance.source, "苏人社发〔2021〕132号")
        const unknown = yield* Effect.flip(versions.get("exam-fees"))
        assert.strictEqual(unknown._tag, "RuleTableNotFound")
        assert.strictEqual(unknown.field, "name")
      }).pipe(Effect.provide(layers([])))
  )

  it.effect("a new version changes the decisions dated on or after it, and only those", () => {
    const sink: Array<AuditEntry> = []
    return Effect.gen(function* () {
      yield* TODAY
      const versions = yield* RuleTableVersions
      const eligibility = yield* Eligibility
      const before = yield* eligibility.decide(application("2025-04-01"))
      assert.strictEqual(before.outcome, "refused")
      assert.include(
        before.failures.map((f) => f.code),
        "TargetAboveTableLevel"
      )
      assert.isTrue(before.ruleVersions[0]?.provisional)

      const published = yield* versions.publishTitleBridge(bridge(), PROVINCE)
      assert.strictEqual(published.provenance.publishedBy, "org-province")
      assert.isFalse(published.provisional)
      assert.deepStrictEqual(
        sink.map((e) => [e.actor, e.action, e.subject]),
        [["org-province", "rule-table.publish", "title-bridge@js-132-2025"]]
      )

      const after = yield* eligibility.decide(application("2025-04-01"))
      assert.strictEqual(after.outcome, "allowed")
      assert.deepStrictEqual(after.ruleVersions, [
        { table: "title-bridge", version: "js-132-2025", effectiveFrom: "2025-04-01", provisional: false }
      ])
      assert.deepStrictEqual(after.provisional, [])
      const dayBefore = yield* eligibility.decide(application("2025-03-31"))
      assert.strictEqual(dayBefore.outcome, "refused")
      assert.strictEqual(dayBefore.ruleVersions[0]?.version, DEFAULT_TITLE_BRIDGE.version)
    }).pipe(Effect.provide(layers(sink)))
  })

  it.effect(
    "refuses a version effective before today, a reused version id and one not after the latest",
    () => {
      const sink: Array<AuditEntry> = []
      return Effect.gen(function* () {
        yield* TODAY
        const versions = yield* RuleTableVersions
        const past = yield* Effect.flip(
          versions.publishTitleBridge(bridge({ effectiveFrom: "2025-02-28" }), PROVINCE)
        )
        assert.strictEqual(past._tag, "RuleVersionEffectiveInPast")
        assert.strictEqual(past.field, "effectiveFrom")
        yield* versions.publishTitleBridge(bridge(), PROVINCE)
        const reused = yield* Effect.flip(
          versions.publishTitleBridge(bridge({ effectiveFrom: "2025-06-01" }), PROVINCE)
        )
        assert.strictEqual(reused._tag, "RuleVersionAlreadyExists")
        const notAfter = yield* Effect.flip(
          versions.publishTitleBridge(
            bridge({ version: "js-132-2025b", effectiveFrom: "2025-04-01" }),
            PROVINCE
          )
        )
        assert.strictEqual(notAfter._tag, "RuleVersionNotAfterLatest")
        // Today itself is allowed for the other table.
        const promotion = Schema.decodeUnknownSync(CompetitionPromotionVersionInput)({
          version: "js-65-2025",
          effectiveFrom: "2025-03-01",
          provisional: true,
          provenance: { source: "苏人社函〔2022〕65号", note: "原文待核" },
          rows: [
            {
              competitionClass: "provincial",
              group: "worker",
              rankFrom: 1,
              rankTo: 5,
              currentLevel: 3,
              targetLevel: 2
            }
          ]
        })
        const published = yield* versions.publishCompetitionPromotion(promotion, PROVINCE)
        assert.isTrue(published.provisional)
        assert.strictEqual(sink.length, 2)
        assert.strictEqual((yield* versions.get("competition-promotion")).inForce, "js-65-2025")
      }).pipe(Effect.provide(layers(sink)))
    }
  )

  it.effect("refuses a role other than the province", () =>
    Effect.gen(function* () {
      yield* TODAY
      const versions = yield* RuleTableVersions
      const error = yield* Effect.flip(versions.publishTitleBridge(bridge(), CENTRE))
      assert.strictEqual(error._tag, "ActionRefused")
      assert.strictEqual((yield* versions.get("title-bridge")).versions.length, 1)
    }).pipe(Effect.provide(layers([])))
  )

  it("decodes a version input with zh-CN messages: at least one row, each title level once", () => {
    const empty = Schema.decodeUnknownEither(TitleBridgeVersionInput)({ ...bridge(), rows: [] })
    assert.isTrue(Either.isLeft(empty))
    if (Either.isLeft(empty)) assert.include(String(empty.left), "贯通规则行至少应有一行")
    const twice = Schema.decodeUnknownEither(TitleBridgeVersionInput)({
      ...bridge(),
      rows: [
        { titleLevel: "junior", targetLevel: 3, fieldRelation: "same" },
        { titleLevel: "junior", targetLevel: 2, fieldRelation: "same" }
      ]
    })
    assert.isTrue(Either.isLeft(twice))
    if (Either.isLeft(twice)) assert.include(String(twice.left), "初级/助理职称只能有一行")
    const { provenance, ...withoutProvenance } = bridge()
    void provenance
    const noProvenance = Schema.decodeUnknownEither(TitleBridgeVersionInput)(withoutProvenance)
    if (Either.isLeft(noProvenance)) assert.include(String(noProvenance.left), "缺少规则来源")
    else assert.fail("expected a decode failure")
  })
})
