import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, TestClock } from "effect"
import { authorisation, institution } from "../../test/InstitutionFixtures.js"
import { CAT2, NEW, occupation, TURNER } from "../../test/OccupationFixtures.js"
import { nanjingCentreOrg, provinceOrg, provincialCentreOrg } from "../../test/OrganisationFixtures.js"
import { turnerStandard } from "../../test/StandardFixtures.js"
import { InstitutionRepository } from "../institution/InstitutionRepository.js"
import { type AuditEntry, AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import type { CatalogueEntryApproval } from "./ProvincialCatalogueEntry.js"
import type { QuestionBank } from "./QuestionBank.js"
import { StandardRepository } from "./StandardRepository.js"
import { bankProblems, TechnicalResources } from "./TechnicalResources.js"

const PROVINCE = provinceOrg()
const CENTRE = provincialCentreOrg()
const NANJING_CENTRE = nanjingCentreOrg()

const THIRD_PARTY = institution({
  id: "inst-tp",
  name: "江苏某职业技能评价中心",
  seal: { id: "seal-tp", name: "专用章" },
  authorisations: [
    authorisation({ occupations: [{ code: TURNER }, { code: NEW }], validUntil: "2027-04-30" })
  ]
})

const standard = turnerStandard({ id: "std-turner-2018" })

const bank: QuestionBank = {
  id: "bank-new",
  occupationCode: NEW,
  levels: [5, 4, 3],
  approvedOn: "2024-01-10"
}

const approval: CatalogueEntryApproval = {
  id: "js-2024-001",
  occupationCode: NEW,
  levels: [5, 4],
  normTitle: "《某新职业评价规范》",
  questionBankId: "bank-new",
  listedOn: "2024-02-01"
}

const layers = (sink: Array<AuditEntry>) =>
  TechnicalResources.layer.pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        StandardRepository.layerTest({
          occupations: [occupation(TURNER, "车工"), occupation(NEW, "某新职业"), occupation(CAT2, "机械设计")]
        }),
        InstitutionRepository.layerTest([THIRD_PARTY]),
        AuditTrail.layerTest(sink),
        Transactional.layerTest
      )
    )
  )

const TODAY = TestClock.setTime(Date.parse("2025-03-01T02:00:00Z"))

describe("54号·三 technical resources: national standards and question banks", () => {
  it.effect("records a national standard for the province, audited with the actor", () => {
    const sink: Array<AuditEntry> = []
    return Effect.gen(function* () {
      const resources = yield* TechnicalResources
      const recorded = yield* resources.recordStandard(standard, CENTRE)
      assert.isFalse(recorded.alreadyRecorded)
      const found = yield* (yield* StandardRepository).findStandard(standard.id)
      assert.deepStrictEqual(Option.getOrThrow(found), standard)
      assert.strictEqual(sink.length, 1)
      assert.strictEqual(sink[0]?.actor, "org-centre")
      assert.strictEqual(sink[0]?.action, "standard.record")
      assert.strictEqual(sink[0]?.subject, standard.id)
    }).pipe(Effect.provide(layers(sink)))
  })

  it.effect(
    "answers a retry as already recorded without a second audit entry, and refuses other content under the id",
    () => {
      const sink: Array<AuditEntry> = []
      return Effect.gen(function* () {
        const resources = yield* TechnicalResources
        yield* resources.recordStandard(standard, PROVINCE)
        const again = yield* resources.recordStandard({ ...standard }, PROVINCE)
        assert.isTrue(again.alreadyRecorded)
        assert.strictEqual(sink.length, 1)
        const error = yield* Effect.flip(resources.recordStandard({ ...standard, levels: [5, 4] }, PROVINCE))
        assert.strictEqual(error._tag, "TechnicalRecordIdTaken")
        assert.strictEqual(error.field, "id")
        assert.include(error.message, "新版本请使用新的编号")
      }).pipe(Effect.provide(layers(sink)))
    }
  )

  it.effect("refuses a city centre: national standards hold for the whole province (属地管理)", () => {
    const sink: Array<AuditEntry> = []
    return Effect.gen(function* () {
      const resources = yield* TechnicalResources
      const error = yield* Effect.flip(resources.recordStandard(standard, NANJING_CENTRE))
      assert.strictEqual(error._tag, "ActionRefused")
      if (error._tag === "ActionRefused") assert.deepStrictEqual(error.codes, ["OutsideActorRegion"])
      assert.strictEqual(sink.length, 0)
      assert.isTrue(Option.isNone(yield* (yield* StandardRepository).findStandard(standard.id)))
    }).pipe(Effect.provide(layers(sink)))
  })

  it.effect("refuses an occupation outside the catalogue or outside 大类 3–6", () =>
    Effect.gen(function* () {
      const resources = yield* TechnicalResources
      const unknown = yield* Effect.flip(
        resources.recordQuestionBank({ ...bank, occupationCode: "6-99-99-99" }, CENTRE)
      )
      assert.strictEqual(unknown._tag, "OccupationNotFound")
      const cat2 = yield* Effect.flip(resources.recordStandard({ ...standard, occupationCode: CAT2 }, CENTRE))
      assert.strictEqual(cat2._tag, "OccupationNotCertifiable")
      assert.include(cat2.message, "第二大类")
    }).pipe(Effect.provide(layers([])))
  )
})

describe("54号·三 《江苏省技术资源发布目录》 entries", () => {
  it.effect(
    "lists an entry approved by the provincial centre, with its bank on file; it then lets a third party evaluate",
    () => {
      const sink: Array<AuditEntry> = []
      return Effect.gen(function* () {
        yield* TODAY
        const resources = yield* TechnicalResources
        const before = yield* resources.occupation(NEW, {
          date: "2024-03-01",
          evaluation: { institutionId: "inst-tp", level: 4 }
        })
        assert.strictEqual(before.mayEvaluate?.outcome, "refused")
        assert.include(before.mayEvaluate?.failures.map((f) => f.code) ?? [], "NotInProvincialCatalogue")
        yield* resources.recordQuestionBank(bank, CENTRE)
        const recorded = yield* resources.approveCatalogueEntry(approval, CENTRE)
        assert.strictEqual(recorded.record.approvedBy, "org-centre")
        assert.deepStrictEqual(
          sink.map((e) => [e.actor, e.action]),
          [
            ["org-centre", "question-bank.record"],
            ["org-centre", "catalogue-entry.approve"]
          ]
        )
        const after = yield* resources.occupation(NEW, {
          date: "2024-03-01",
          evaluation: { institutionId: "inst-tp", level: 4 }
        })
        assert.strictEqual(after.mayEvaluate?.outcome, "allowed")
        assert.deepStrictEqual(
          after.provincialEntries.map((e) => e.id),
          ["js-2024-001"]
        )
        // The day before the listing the entry does not count yet.
        const dayBefore = yield* resources.occupation(NEW, {
          date: "2024-01-31",
          evaluation: { institutionId: "inst-tp", level: 4 }
        })
        assert.strictEqual(dayBefore.mayEvaluate?.outcome, "refused")
      }).pipe(Effect.provide(layers(sink)))
    }
  )

  it.effect("refuses an entry whose question bank is not on file", () =>
    Effect.gen(function* () {
      const resources = yield* TechnicalResources
      const error = yield* Effect.flip(resources.approveCatalogueEntry(approval, CENTRE))
      assert.strictEqual(error._tag, "QuestionBankNotFound")
      assert.strictEqual(error.field, "questionBankId")
    }).pipe(Effect.provide(layers([])))
  )

  it("names every way a bank fails its entry", () => {
    const problems = bankProblems(
      {
        id: "b",
        occupationCode: TURNER,
        workType: "数控车工",
        levels: [5],
        approvedOn: "2024-03-01",
        expiresOn: "2024-03-05"
      },
      { ...approval, listedOn: "2024-02-01" }
    )
    assert.strictEqual(problems.length, 4)
    assert.include(problems[0], TURNER)
    assert.include(problems[1], "数控车工")
    assert.include(problems[2], "四级")
    assert.include(problems[3], "晚于纳入目录日期")
    assert.deepStrictEqual(bankProblems(bank, approval), [])
  })
})

describe("54号·三 the occupation on file", () => {
  it.effect(
    "answers the occupation with its resources, the standard in force and whether it may be evaluated",
    () =>
      Effect.gen(function* () {
        yield* TODAY
        const resources = yield* TechnicalResources
        yield* resources.recordStandard(standard, PROVINCE)
        const overview = yield* resources.occupation(TURNER)
        assert.strictEqual(overview.date, "2025-03-01")
        assert.strictEqual(overview.occupation.name, "车工")
        assert.strictEqual(overview.standardInForce, standard.id)
        assert.strictEqual(overview.certifiable.outcome, "allowed")
        assert.isNull(overview.mayEvaluate)
        const missing = yield* Effect.flip(resources.occupation("6-99-99-99"))
        assert.strictEqual(missing._tag, "OccupationNotFound")
        const noInstitution = yield* Effect.flip(
          resources.occupation(TURNER, { evaluation: { institutionId: "inst-none", level: 4 } })
        )
        assert.strictEqual(noInstitution._tag, "InstitutionNotFound")
      }).pipe(Effect.provide(layers([])))
  )
})
