import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Schema, TestClock } from "effect"
import { competition, competitionFields, people } from "../../test/CompetitionFixtures.js"
import { unit } from "../../test/OrganisationFixtures.js"
import { type AuditEntry, AuditTrail } from "../shared/AuditTrail.js"
import { IdGenerator } from "../shared/IdGenerator.js"
import { Transactional } from "../shared/Transactional.js"
import { Competition } from "./Competition.js"
import { CompetitionFilings } from "./CompetitionFilings.js"
import { CompetitionRepository } from "./CompetitionRepository.js"
import { FilingRepository } from "./FilingRepository.js"
import { Filings } from "./Filings.js"

/** 区(县)级, 3 of 13 contestants from another county: filed with the city, opinions district → city. */
const county = competition({ id: "cmp_county", host: { ...competitionFields.host, name: "玄武区总工会" } })

/** 省级 with contestants from Zhejiang: co-signed by 330000, the province's opinion only. */
const crossProvince = Schema.decodeUnknownSync(Competition)({
  ...Schema.encodeSync(Competition)(county),
  id: "cmp_province",
  class: "provincial",
  regionCode: "320000",
  contestants: [...people("320102", 10), ...people("330106", 1)],
  participatingRegions: ["320000", "330100"]
})

const host = unit("org-host", "host", "320100")
const otherHost = unit("org-host-2", "host", "320500")
const xuanwu = unit("org-xuanwu", "district", "320102")
const gulou = unit("org-gulou", "district", "320106")
const nanjing = unit("org-nanjing", "city", "320100")
const suzhou = unit("org-suzhou", "city", "320500")
const province = unit("org-province", "province", "320000")

const run = <A, E>(
  body: (audit: Array<AuditEntry>) => Effect.Effect<A, E, CompetitionFilings | CompetitionRepository>
) => {
  const audit: Array<AuditEntry> = []
  const layers = CompetitionFilings.layer.pipe(
    Layer.provideMerge(Filings.layer),
    Layer.provideMerge(
      Layer.mergeAll(
        FilingRepository.layerTest(),
        CompetitionRepository.layerTest([county, crossProvince]),
        IdGenerator.layerTest,
        AuditTrail.layerTest(audit),
        Transactional.layerTest
      )
    )
  )
  return Effect.gen(function* () {
    yield* TestClock.setTime(Date.parse("2023-03-01T00:00:00Z"))
    const repository = yield* CompetitionRepository
    yield* repository.recordFiler("cmp_county", { organisationId: "org-host", filedOn: "2023-03-01" })
    yield* repository.recordFiler("cmp_province", { organisationId: "org-host", filedOn: "2023-03-01" })
    return yield* body(audit)
  }).pipe(Effect.provide(layers))
}

describe("CompetitionFilings (54号·二, 附件1, acted by organisations)", () => {
  it.effect("lets the competition's filer submit its filing, audited; another host is refused", () =>
    run((audit) =>
      Effect.gen(function* () {
        const filings = yield* CompetitionFilings
        const notOwn = yield* Effect.flip(filings.submit("cmp_county", otherHost))
        assert.strictEqual(notOwn._tag, "ActionRefused")
        if (notOwn._tag === "ActionRefused") assert.deepStrictEqual(notOwn.codes, ["NotOwnRecord"])
        const unknown = yield* Effect.flip(filings.submit("cmp_none", host))
        assert.strictEqual(unknown._tag, "CompetitionNotFound")
        const filing = yield* filings.submit("cmp_county", host)
        assert.deepStrictEqual(filing.levels, ["district", "city"])
        assert.deepStrictEqual(
          audit.map((e) => [e.actor, e.action, e.subject]),
          [["org-host", "filing.submit", filing.id]]
        )
        assert.strictEqual(audit[0]?.details.required, "city")
      })
    )
  )

  it.effect("records 附件1 opinions level by level, each by a bureau of that level and region", () =>
    run((audit) =>
      Effect.gen(function* () {
        const filings = yield* CompetitionFilings
        const { id } = yield* filings.submit("cmp_county", host)
        const opinion = (level: "district" | "city" | "province") =>
          ({ level, verdict: "agree", text: "同意备案" }) as const
        const early = yield* Effect.flip(filings.recordOpinion(id, opinion("city"), nanjing))
        assert.strictEqual(early._tag, "OpinionOutOfOrder")
        const outside = yield* Effect.flip(filings.recordOpinion(id, opinion("district"), gulou))
        assert.strictEqual(outside._tag, "ActionRefused")
        const wrongLevel = yield* Effect.flip(filings.recordOpinion(id, opinion("district"), nanjing))
        assert.strictEqual(wrongLevel._tag, "OpinionActorWrongLevel")
        const otherCity = yield* Effect.flip(filings.recordOpinion(id, opinion("city"), suzhou))
        assert.strictEqual(otherCity._tag, "ActionRefused")

        const first = yield* filings.recordOpinion(id, opinion("district"), xuanwu)
        assert.strictEqual(first.status, "in_review")
        const again = yield* Effect.flip(filings.recordOpinion(id, opinion("district"), xuanwu))
        assert.strictEqual(again._tag, "OpinionAlreadyRecorded")
        const done = yield* filings.recordOpinion(id, opinion("city"), nanjing)
        assert.strictEqual(done.status, "completed")
        assert.deepStrictEqual(
          done.opinions.map((o) => o.actor),
          [
            { level: "district", regionCode: "320102" },
            { level: "city", regionCode: "320100" }
          ]
        )
        assert.deepStrictEqual(
          audit.map((e) => [e.actor, e.action, e.details.level ?? null]),
          [
            ["org-host", "filing.submit", null],
            ["org-xuanwu", "filing.opinion", "district"],
            ["org-nanjing", "filing.opinion", "city"]
          ]
        )
      })
    )
  )

  it.effect("records the co-signature of a cross-province competition by the province, once", () =>
    run((audit) =>
      Effect.gen(function* () {
        const filings = yield* CompetitionFilings
        const { id, levels } = yield* filings.submit("cmp_province", host)
        assert.deepStrictEqual(levels, ["province"])
        const agreed = yield* filings.recordOpinion(
          id,
          { level: "province", verdict: "agree", text: "同意" },
          province
        )
        assert.strictEqual(agreed.status, "awaiting_co_signature")
        const notRequired = yield* Effect.flip(filings.coSign(id, { province: "310000" }, province))
        assert.strictEqual(notRequired._tag, "CoSignatureNotRequired")
        const signed = yield* filings.coSign(id, { province: "330000" }, province)
        assert.strictEqual(signed.status, "completed")
        assert.deepStrictEqual(signed.coSignatures[0]?.signed?.actor, {
          level: "province",
          regionCode: "320000"
        })
        const twice = yield* Effect.flip(filings.coSign(id, { province: "330000" }, province))
        assert.strictEqual(twice._tag, "FilingClosed")
        const byCity = yield* Effect.flip(filings.coSign(id, { province: "330000" }, nanjing))
        assert.strictEqual(byCity._tag, "ActionRefused")
        assert.deepStrictEqual(
          audit.map((e) => [e.actor, e.action]),
          [
            ["org-host", "filing.submit"],
            ["org-province", "filing.opinion"],
            ["org-province", "filing.cosign"]
          ]
        )
      })
    )
  )
})
