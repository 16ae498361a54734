import { assert, describe, it } from "@effect/vitest"
import { Effect, Option, Schema } from "effect"
import { turner } from "../../test/OccupationFixtures.js"
import type { Occupation } from "./Occupation.js"
import { OccupationNotice } from "./OccupationNotice.js"
import { QuestionBank } from "./QuestionBank.js"
import { mergeOccupation, normalizeQuery, StandardRepository } from "./StandardRepository.js"

const bank = (id: string, occupationCode: string) =>
  Schema.decodeUnknownSync(QuestionBank)({ id, occupationCode, levels: [5], approvedOn: "2022-06-01" })

describe("54号·三 StandardRepository (in-memory layerTest)", () => {
  it.effect("returns an occupation's catalogue entry and only its own technical resources", () =>
    Effect.gen(function* () {
      const repository = yield* StandardRepository
      const file = yield* repository.forOccupation("6-18-01-01")
      assert.strictEqual(file.entry?.occupation.name, "车工")
      assert.deepStrictEqual(
        file.basis.questionBanks.map((b) => b.id),
        ["bank-turner"]
      )
      assert.isTrue(Option.isSome(yield* repository.catalogueEntry("6-18-01-01")))
    }).pipe(
      Effect.provide(
        StandardRepository.layerTest({
          occupations: [turner],
          questionBanks: [bank("bank-turner", "6-18-01-01"), bank("bank-other", "6-18-01-02")]
        })
      )
    )
  )

  it.effect("answers an unknown occupation with no entry and no resources", () =>
    Effect.gen(function* () {
      const repository = yield* StandardRepository
      const file = yield* repository.forOccupation("6-99-99-99")
      assert.isUndefined(file.entry)
      assert.strictEqual(file.basis.standards.length, 0)
      assert.isTrue(Option.isNone(yield* repository.catalogueEntry("6-99-99-99")))
    }).pipe(Effect.provide(StandardRepository.layerTest()))
  )

  it.effect(
    "upserts occupations with counts, lists them by major category and text, and applies notices",
    () =>
      Effect.gen(function* () {
        const repository = yield* StandardRepository
        const miller: Occupation = { ...turner, code: "6-18-01-02", name: "铣工" }
        assert.deepStrictEqual(yield* repository.upsertOccupations([turner, miller]), {
          inserted: 2,
          updated: 0,
          unchanged: 0
        })
        assert.deepStrictEqual(yield* repository.upsertOccupations([turner, { ...miller, green: true }]), {
          inserted: 0,
          updated: 1,
          unchanged: 1
        })
        const page = yield* repository.listOccupations({ major: "6", text: "铣", limit: 10 })
        assert.deepStrictEqual(
          page.items.map((e) => e.occupation.name),
          ["铣工"]
        )
        assert.strictEqual(page.total, 1)
        assert.strictEqual((yield* repository.listOccupations({ major: "4" })).total, 0)

        const notice = Schema.decodeUnknownSync(OccupationNotice)({
          documentNumber: "人社厅发〔2023〕测1号",
          date: "2023-03-01",
          added: [],
          renamed: [{ code: "6-18-01-02", previousName: "铣工", name: "数控铣工" }]
        })
        yield* repository.recordNotice(notice)
        assert.deepStrictEqual(yield* repository.listNotices, [notice])
        const renamed = yield* repository.listOccupations({ text: "数控" })
        assert.deepStrictEqual(
          renamed.items.map((e) => e.renames.map((r) => r.name)),
          [["数控铣工"]]
        )
      }).pipe(Effect.provide(StandardRepository.layerTest()))
  )
})

describe("54号·三 StandardRepository helpers", () => {
  it("clamps a page request", () => {
    assert.deepStrictEqual(normalizeQuery(), { major: undefined, text: undefined, offset: 0, limit: 50 })
    assert.deepStrictEqual(normalizeQuery({ major: "", text: "  焊工 ", offset: -3, limit: 0 }), {
      major: undefined,
      text: "焊工",
      offset: 0,
      limit: 1
    })
    assert.strictEqual(normalizeQuery({ limit: 1e9 }).limit, 500)
    assert.strictEqual(normalizeQuery({ offset: Number.NaN }).offset, 0)
  })

  it("keeps the 工种 names on file when an upsert carries none", () => {
    const named = { ...turner, workTypes: ["数控车工"] }
    assert.deepStrictEqual(mergeOccupation(named, turner).workTypes, ["数控车工"])
    assert.deepStrictEqual(mergeOccupation(turner, named).workTypes, ["数控车工"])
    assert.deepStrictEqual(mergeOccupation(undefined, turner).workTypes, [])
  })
})
