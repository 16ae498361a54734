import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { employerFields, institution } from "../../test/InstitutionFixtures.js"
import { employerOrg } from "../../test/OrganisationFixtures.js"
import { InstitutionRepository } from "../institution/InstitutionRepository.js"
import { type AuditEntry, AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import type { EmployerPromotionRule } from "./EligibilityFacts.js"
import { EmployerPromotionRuleRepository } from "./EmployerPromotionRuleRepository.js"
import { EmployerPromotionRules, promotionRuleProblems } from "./EmployerPromotionRules.js"

const EMPLOYER = employerOrg()

const rule: EmployerPromotionRule = {
  employerId: "inst-emp",
  documentId: "精工人〔2024〕3号",
  title: "职业技能等级破格晋升管理办法",
  publishedOn: "2024-06-01",
  publishedToAllStaff: true,
  writtenForm: true,
  allowedLevels: [3, 2],
  maxLevelsAbove: 2
}

/** The employer in the catalogue (its rules are read by its institution id). */
const EMPLOYER_INSTITUTION = institution({
  ...employerFields,
  id: "inst-emp",
  name: "南京某精工机械有限公司",
  numberingPrefix: { ...employerFields.numberingPrefix, siteSerial: "000457" },
  seal: { id: "seal-emp", name: "南京某精工机械有限公司" }
})

const layers = (sink: Array<AuditEntry>) =>
  EmployerPromotionRules.layer.pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        EmployerPromotionRuleRepository.layerTest(),
        InstitutionRepository.layerTest([EMPLOYER_INSTITUTION]),
        AuditTrail.layerTest(sink),
        Transactional.layerTest
      )
    )
  )

const TODAY = TestClock.setTime(Date.parse("2025-03-01T02:00:00Z"))

describe("54号·一 employers' 破格晋升 rules", () => {
  it.effect(
    "registers the employer's own written rule published to all staff, audited once; a retry adds nothing",
    () => {
      const sink: Array<AuditEntry> = []
      return Effect.gen(function* () {
        yield* TODAY
        const rules = yield* EmployerPromotionRules
        const first = yield* rules.register(rule, EMPLOYER)
        assert.isFalse(first.alreadyRegistered)
        assert.strictEqual(first.registered.registeredBy, "org-emp")
        assert.strictEqual(first.registered.registeredOn, "2025-03-01")
        const again = yield* rules.register({ ...rule }, EMPLOYER)
        assert.isTrue(again.alreadyRegistered)
        assert.deepStrictEqual(
          sink.map((e) => [e.actor, e.action, e.subject]),
          [["org-emp", "promotion-rule.file", "inst-emp/精工人〔2024〕3号"]]
        )
        const changed = yield* Effect.flip(rules.register({ ...rule, maxLevelsAbove: 3 }, EMPLOYER))
        assert.strictEqual(changed._tag, "PromotionRuleAlreadyRegistered")
        assert.strictEqual(changed.field, "documentId")
        assert.deepStrictEqual(
          (yield* rules.ofEmployer("inst-emp")).map((r) => r.rule.documentId),
          ["精工人〔2024〕3号"]
        )
        const unknown = yield* Effect.flip(rules.ofEmployer("inst-other"))
        assert.strictEqual(unknown._tag, "InstitutionNotFound")
      }).pipe(Effect.provide(layers(sink)))
    }
  )

  it.effect("refuses another employer's rule and a rule not written or not published to all staff", () => {
    const sink: Array<AuditEntry> = []
    return Effect.gen(function* () {
      yield* TODAY
      const rules = yield* EmployerPromotionRules
      const other = yield* Effect.flip(rules.register({ ...rule, employerId: "inst-other" }, EMPLOYER))
      assert.strictEqual(other._tag, "ActionRefused")
      const unpublished = yield* Effect.flip(
        rules.register({ ...rule, publishedToAllStaff: false }, EMPLOYER)
      )
      assert.strictEqual(unpublished._tag, "PromotionRuleNotPublished")
      assert.include(unpublished.message, "未向全体职工公布")
      assert.strictEqual(sink.length, 0)
    }).pipe(Effect.provide(layers(sink)))
  })

  it("names every problem of a rule that cannot be registered", () => {
    const problems = promotionRuleProblems(
      {
        ...rule,
        writtenForm: false,
        publishedToAllStaff: false,
        publishedOn: "2025-03-02",
        allowedLevels: []
      },
      "2025-03-01"
    )
    assert.deepStrictEqual(problems, [
      "规章制度未以书面形式制定和公布",
      "规章制度未向全体职工公布",
      "公布日期 2025-03-02 晚于今日 2025-03-01，尚未公布",
      "规章制度未规定可破格晋升的等级"
    ])
    assert.deepStrictEqual(promotionRuleProblems(rule, "2024-06-01"), [])
  })
})
