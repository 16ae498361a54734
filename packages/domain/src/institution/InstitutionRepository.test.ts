import { assert, describe, it } from "@effect/vitest"
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
})
