import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, TestClock } from "effect"
import { competition, people } from "../../test/CompetitionFixtures.js"
import { IdGenerator } from "../shared/IdGenerator.js"
import type { FilingActor } from "./Filing.js"
import { FilingRepository } from "./FilingRepository.js"
import { Filings } from "./Filings.js"

const district: FilingActor = { level: "district", regionCode: "320102" }
const city: FilingActor = { level: "city", regionCode: "320100" }
const province: FilingActor = { level: "province", regionCode: "320000" }

/** 2023-03-01 08:00 Beijing = 2023-03-01T00:00Z; 2023-02-28T16:30Z is already 2023-03-01 in Beijing. */
const MARCH_1 = Date.parse("2023-03-01T00:00:00Z")

const layers = () =>
  Filings.layer.pipe(Layer.provideMerge(Layer.mergeAll(FilingRepository.layerTest(), IdGenerator.layerTest)))

describe("Filings (54号·二, 附件1 use cases)", () => {
  it.effect("submits a filing with the requirement, the route and a Beijing date from the clock", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2023-02-28T16:30:00Z"))
      const filings = yield* Filings
      const filing = yield* filings.submit(competition())
      assert.strictEqual(filing.id, "fil_1")
      assert.strictEqual(filing.submittedOn, "2023-03-01")
      assert.strictEqual(filing.shareRequirement, "city")
      assert.strictEqual(filing.route, "none")
      assert.deepStrictEqual(filing.levels, ["district", "city"])
      const stored = yield* filings.get("fil_1")
      assert.deepStrictEqual(stored, filing)
    }).pipe(Effect.provide(layers()))
  )

  it.effect("refuses a competition that fails review (fee of 0.01 元) with CompetitionRefused", () =>
    Effect.gen(function* () {
      const filings = yield* Filings
      const error = yield* Effect.flip(
        filings.submit(competition({ fees: [{ kind: "participation", amount: 0.01 }] }))
      )
      assert.strictEqual(error._tag, "CompetitionRefused")
      if (error._tag === "CompetitionRefused")
        assert.deepStrictEqual(
          error.failures.map((f) => f.code),
          ["ParticipationFeeCharged"]
        )
      const repository = yield* FilingRepository
      assert.deepStrictEqual(yield* repository.listByCompetition("cmp_1"), [])
    }).pipe(Effect.provide(layers()))
  )

  it.effect("refuses a filing no rule requires, and a second filing while one is open", () =>
    Effect.gen(function* () {
      const filings = yield* Filings
      const none = yield* Effect.flip(filings.submit(competition({ contestants: people("320102", 10) })))
      assert.strictEqual(none._tag, "FilingNotRequired")
      const first = yield* filings.submit(competition())
      const again = yield* Effect.flip(filings.submit(competition()))
      assert.strictEqual(again._tag, "FilingAlreadySubmitted")
      if (again._tag === "FilingAlreadySubmitted") assert.strictEqual(again.filingId, first.id)
    }).pipe(Effect.provide(layers()))
  )

  it.effect("records opinions level by level; completion (备案完成) makes incentives available", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(MARCH_1)
      const filings = yield* Filings
      const { id } = yield* filings.submit(competition())
      const lost = yield* filings.incentives(id)
      assert.strictEqual(lost.outcome, "lost")
      assert.strictEqual(lost.failures[0]?.code, "RequiredFilingMissing")

      yield* TestClock.adjust("1 day")
      const afterDistrict = yield* filings.recordOpinion(id, {
        actor: district,
        level: "district",
        verdict: "agree",
        text: "同意"
      })
      assert.strictEqual(afterDistrict.status, "in_review")
      assert.strictEqual(afterDistrict.opinions[0]?.date, "2023-03-02")

      const done = yield* filings.recordOpinion(id, {
        actor: city,
        level: "city",
        verdict: "agree",
        text: "同意备案"
      })
      assert.strictEqual(done.status, "completed")
      assert.strictEqual(done.closedOn, "2023-03-02")
      const available = yield* filings.incentives(id)
      assert.strictEqual(available.outcome, "available")
      assert.deepStrictEqual(available.failures, [])
    }).pipe(Effect.provide(layers()))
  )

  it.effect(
    "refuses an opinion by the wrong level, the wrong region or out of order, and keeps the filing unchanged",
    () =>
      Effect.gen(function* () {
        const filings = yield* Filings
        const { id } = yield* filings.submit(competition())
        const wrongLevel = yield* Effect.flip(
          filings.recordOpinion(id, { actor: city, level: "district", verdict: "agree", text: "同意" })
        )
        assert.strictEqual(wrongLevel._tag, "OpinionActorWrongLevel")
        const wrongRegion = yield* Effect.flip(
          filings.recordOpinion(id, {
            actor: { level: "district", regionCode: "320104" },
            level: "district",
            verdict: "agree",
            text: "同意"
          })
        )
        assert.strictEqual(wrongRegion._tag, "OpinionActorWrongRegion")
        const outOfOrder = yield* Effect.flip(
          filings.recordOpinion(id, { actor: city, level: "city", verdict: "agree", text: "同意" })
        )
        assert.strictEqual(outOfOrder._tag, "OpinionOutOfOrder")
        const notNeeded = yield* Effect.flip(
          filings.recordOpinion(id, { actor: province, level: "province", verdict: "agree", text: "同意" })
        )
        assert.strictEqual(notNeeded._tag, "OpinionLevelNotRequired")
        const stored = yield* filings.get(id)
        assert.strictEqual(stored.revision, 0)
        assert.deepStrictEqual(stored.opinions, [])
      }).pipe(Effect.provide(layers()))
  )

  it.effect("closes the filing on 不同意 and allows a new submission afterwards", () =>
    Effect.gen(function* () {
      const filings = yield* Filings
      const { id } = yield* filings.submit(competition())
      const refused = yield* filings.recordOpinion(id, {
        actor: district,
        level: "district",
        verdict: "disagree",
        text: "不同意：异地选手资格审核材料不全"
      })
      assert.strictEqual(refused.status, "refused")
      const closed = yield* Effect.flip(
        filings.recordOpinion(id, { actor: city, level: "city", verdict: "agree", text: "同意" })
      )
      assert.strictEqual(closed._tag, "FilingClosed")
      assert.strictEqual((yield* filings.incentives(id)).outcome, "lost")
      const second = yield* filings.submit(competition())
      assert.strictEqual(second.id, "fil_2")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("co-signs a cross-province competition and completes once every province has signed", () =>
    Effect.gen(function* () {
      const filings = yield* Filings
      const { id, coSignatures } = yield* filings.submit(
        competition({
          class: "city_class_2",
          regionCode: "320500",
          host: { name: "苏州市总工会", creditCode: "91350100M000100Y43", regionCode: "320508" },
          participatingRegions: ["320500", "330100"],
          contestants: people("320508", 10)
        })
      )
      assert.deepStrictEqual(coSignatures, [{ province: "330000" }])
      yield* filings.recordOpinion(id, {
        actor: { level: "city", regionCode: "320500" },
        level: "city",
        verdict: "agree",
        text: "同意"
      })
      const waiting = yield* filings.recordOpinion(id, {
        actor: province,
        level: "province",
        verdict: "agree",
        text: "同意"
      })
      assert.strictEqual(waiting.status, "awaiting_co_signature")
      const wrong = yield* Effect.flip(filings.coSign(id, { actor: city, province: "330000" }))
      assert.strictEqual(wrong._tag, "CoSignatureActorNotPermitted")
      const done = yield* filings.coSign(id, {
        actor: { level: "province", regionCode: "330000" },
        province: "330000"
      })
      assert.strictEqual(done.status, "completed")
      assert.strictEqual((yield* filings.incentives(id)).outcome, "available")
    }).pipe(Effect.provide(layers()))
  )

  it.effect(
    "refuses a cross-region filing submitted on the first day (Beijing date), and loses the incentives of a filing completed on it",
    () =>
      Effect.gen(function* () {
        const filings = yield* Filings
        // 2023-05-31T16:00Z is already 2023-06-01, the first day, in Beijing.
        yield* TestClock.setTime(Date.parse("2023-05-31T16:00:00Z"))
        const late = yield* Effect.flip(
          filings.submit(
            competition({ contestants: people("320102", 10), participatingRegions: ["320102", "320104"] })
          )
        )
        assert.strictEqual(late._tag, "CrossRegionFilingLate")
        const repository = yield* FilingRepository
        assert.deepStrictEqual(yield* repository.listByCompetition("cmp_1"), [])

        yield* TestClock.setTime(Date.parse("2023-05-30T00:00:00Z"))
        const { id } = yield* filings.submit(competition())
        yield* filings.recordOpinion(id, {
          actor: district,
          level: "district",
          verdict: "agree",
          text: "同意"
        })
        yield* TestClock.adjust("2 days")
        const done = yield* filings.recordOpinion(id, {
          actor: city,
          level: "city",
          verdict: "agree",
          text: "同意"
        })
        assert.strictEqual(done.closedOn, "2023-06-01")
        const incentives = yield* filings.incentives(id)
        assert.strictEqual(incentives.outcome, "lost")
        assert.deepStrictEqual(
          incentives.failures.map((f) => f.code),
          ["FilingCompletedLate"]
        )
      }).pipe(Effect.provide(layers()))
  )

  it.effect("answers FilingNotFound for an unknown filing", () =>
    Effect.gen(function* () {
      const filings = yield* Filings
      const error = yield* Effect.flip(filings.get("fil_404"))
      assert.strictEqual(error._tag, "FilingNotFound")
      assert.strictEqual(error.message, "未找到备案 fil_404")
      const onRecord = yield* Effect.flip(
        filings.recordOpinion("fil_404", {
          actor: district,
          level: "district",
          verdict: "agree",
          text: "同意"
        })
      )
      assert.strictEqual(onRecord._tag, "FilingNotFound")
    }).pipe(Effect.provide(layers()))
  )
})

describe("FilingRepository.layerTest contract", () => {
  it.effect("refuses a stale update (optimistic concurrency)", () =>
    Effect.gen(function* () {
      const filings = yield* Filings
      const repository = yield* FilingRepository
      const filing = yield* filings.submit(competition())
      yield* repository.update({ ...filing, revision: 1 }, 0)
      const stale = yield* Effect.flip(repository.update({ ...filing, revision: 1 }, 0))
      assert.strictEqual(stale._tag, "FilingChanged")
      assert.strictEqual(stale.expectedRevision, 0)
      assert.isTrue(Option.isSome(yield* repository.findById(filing.id)))
      assert.isTrue(Option.isNone(yield* repository.findById("fil_404")))
    }).pipe(Effect.provide(layers()))
  )
})
