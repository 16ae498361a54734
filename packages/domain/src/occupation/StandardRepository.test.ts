import { assert, describe, it } from "@effect/vitest"
import { Effect, Option, Schema } from "effect"
import type { Occupation } from "./Occupation.js"
import { QuestionBank } from "./QuestionBank.js"
import { StandardRepository } from "./StandardRepository.js"

const turner: Occupation = {
  code: "6-18-01-01",
  name: "车工",
  major: { code: "6", name: "生产制造及有关人员" },
  middle: { code: "6-18", name: "机械制造基础加工人员" },
  minor: { code: "6-18-01", name: "机械冷加工人员" },
  workTypes: [],
  workTypeCount: 0,
  green: false,
  digital: false
}

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
})
