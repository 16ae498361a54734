import { assert, describe, expect, it } from "@effect/vitest"
import { Effect, Option, Schema } from "effect"
import { Institution } from "./Institution.js"
import { InstitutionRepository } from "./InstitutionRepository.js"

const centre = Schema.decodeUnknownSync(Institution)({
  id: "centre-320000",
  name: "江苏省职业技能鉴定中心",
  kind: "provincial_appraisal_centre",
  uscc: "12320000MB000006XA",
  region: "320000",
  filedWith: "province",
  responsiblePerson: { name: "李四" },
  seal: { id: "seal-centre", name: "江苏省职业技能鉴定中心" },
  authorisations: [],
  statusHistory: [{ status: "admitted", date: "2022-05-01", reason: "设立", actor: "hrss-320000" }]
})

describe("54号·五 InstitutionRepository (in-memory layerTest)", () => {
  it.effect("finds an institution by id, and none for an unknown id", () =>
    Effect.gen(function* () {
      const repository = yield* InstitutionRepository
      const found = yield* repository.findById("centre-320000")
      assert.strictEqual(Option.getOrUndefined(found)?.name, "江苏省职业技能鉴定中心")
      assert.isTrue(Option.isNone(yield* repository.findById("nope")))
    }).pipe(Effect.provide(InstitutionRepository.layerTest([centre])))
  )

  it.effect("appends allowed status moves and refuses an invalid one, keeping the history", () =>
    Effect.gen(function* () {
      const repository = yield* InstitutionRepository
      const suspended = yield* repository.appendStatus("centre-320000", {
        status: "suspended",
        date: "2023-01-01",
        reason: "专项评估",
        actor: "hrss-320000"
      })
      expect(suspended.statusHistory.map((e) => e.status)).toEqual(["admitted", "suspended"])
      const refused = yield* Effect.flip(
        repository.appendStatus("centre-320000", {
          status: "suspended",
          date: "2023-02-01",
          reason: "x",
          actor: "y"
        })
      )
      assert.strictEqual(refused._tag, "InvalidStatusTransition")
      const stored = Option.getOrThrow(yield* repository.findById("centre-320000"))
      expect(stored.statusHistory).toEqual(suspended.statusHistory)
      const page = yield* repository.list({ status: "suspended", statusOn: "2023-01-01" })
      expect(page.items.map((i) => i.id)).toEqual(["centre-320000"])
    }).pipe(Effect.provide(InstitutionRepository.layerTest([centre])))
  )
})
