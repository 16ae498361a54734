import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Schema, TestClock } from "effect"
import { competitionFields, welderEvents } from "../../test/CompetitionFixtures.js"
import { org, unit } from "../../test/OrganisationFixtures.js"
import { type AuditEntry, AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import { CompetitionRepository } from "./CompetitionRepository.js"
import { FileCompetition } from "./CompetitionRequests.js"
import { Competitions } from "./Competitions.js"

const PLAN = {
  id: "plan_1",
  eventName: "焊工",
  participationConditions: "具有我省户籍或参加我省基本养老保险一年以上",
  registrationPhone: "025-83271773"
}

const filing = (over: Record<string, unknown> = {}) =>
  Schema.decodeUnknownSync(FileCompetition)({
    ...competitionFields,
    host: { ...competitionFields.host, name: "玄武区总工会" },
    events: welderEvents,
    plans: [PLAN],
    ...over
  })

const host = unit("org-host", "host", "320100")
const otherHost = unit("org-host-2", "host", "320500")
const xuanwu = unit("org-xuanwu", "district", "320102")
const gulou = unit("org-gulou", "district", "320106")
const institution = org({
  id: "org-inst",
  name: "某评价机构",
  role: "institution",
  regionCode: "320102",
  institutionId: "inst-1"
})

/** 2023-03-01 in Beijing. */
const MARCH_1 = Date.parse("2023-03-01T00:00:00Z")

const setup = () => {
  const audit: Array<AuditEntry> = []
  const layers = Competitions.layer.pipe(
    Layer.provideMerge(
      Layer.mergeAll(CompetitionRepository.layerTest(), AuditTrail.layerTest(audit), Transactional.layerTest)
    )
  )
  return { audit, layers }
}

const run = <A, E>(
  body: (audit: Array<AuditEntry>) => Effect.Effect<A, E, Competitions | CompetitionRepository>
) => {
  const { audit, layers } = setup()
  return Effect.zipRight(TestClock.setTime(MARCH_1), body(audit)).pipe(Effect.provide(layers))
}

describe("Competitions (54号·二 filing a competition, 54号·五 附件3 plans)", () => {
  it.effect(
    "files the host's competition with its plan, answers the filing it requires, audits the host",
    () =>
      run((audit) =>
        Effect.gen(function* () {
          const competitions = yield* Competitions
          const filed = yield* competitions.file(filing(), host)
          assert.isFalse(filed.alreadyFiled)
          // 3 of 13 contestants out of the county: 10%–50% → 报设区市备案
          assert.strictEqual(filed.review.requiredFiling.outcome, "city")
          assert.strictEqual(filed.review.share.seen.outOfRegion, 3)
          assert.strictEqual(filed.review.outcome, "incentives_lost")
          assert.deepStrictEqual(filed.filer, { organisationId: "org-host", filedOn: "2023-03-01" })
          const repository = yield* CompetitionRepository
          assert.isTrue(Option.isSome(yield* repository.findById("cmp_1")))
          assert.deepStrictEqual(yield* repository.filerOf("cmp_1"), Option.some(filed.filer))
          const plan = Option.getOrThrow(yield* repository.findPlanById("plan_1"))
          assert.deepStrictEqual(plan, {
            id: "plan_1",
            competitionId: "cmp_1",
            listing: {
              host: "玄武区总工会",
              eventName: "焊工",
              time: { from: "2023-06-01", until: "2023-06-02" },
              participationConditions: PLAN.participationConditions,
              registrationPhone: "025-83271773",
              regionCode: "320102"
            },
            occupation: { code: "6-18-02-04", name: "焊工", workType: "电焊工" },
            publishedOn: "2023-03-01"
          })
          assert.deepStrictEqual(
            audit.map((e) => [e.actor, e.action, e.subject]),
            [["org-host", "competition.file", "cmp_1"]]
          )
          assert.strictEqual(audit[0]?.details.requiredFiling, "city")
          assert.deepStrictEqual(audit[0]?.details.plans, ["plan_1"])
        })
      )
  )

  it.effect(
    "answers a retry as already filed without a new audit entry; other content or filer → CompetitionIdTaken",
    () =>
      run((audit) =>
        Effect.gen(function* () {
          const competitions = yield* Competitions
          yield* competitions.file(filing(), host)
          const again = yield* competitions.file(filing(), host)
          assert.isTrue(again.alreadyFiled)
          assert.deepStrictEqual(
            again.plans.map((p) => p.id),
            ["plan_1"]
          )
          assert.strictEqual(audit.length, 1)
          const renamed = yield* Effect.flip(competitions.file(filing({ name: "另一项竞赛" }), host))
          assert.strictEqual(renamed._tag, "CompetitionIdTaken")
          const other = yield* Effect.flip(competitions.file(filing(), otherHost))
          assert.strictEqual(other._tag, "CompetitionIdTaken")
          assert.strictEqual(audit.length, 1)
        })
      )
  )

  it.effect("refuses a competition that charges a fee, storing and auditing nothing", () =>
    run((audit) =>
      Effect.gen(function* () {
        const competitions = yield* Competitions
        const error = yield* Effect.flip(
          competitions.file(filing({ fees: [{ kind: "registration", amount: 10 }] }), host)
        )
        assert.strictEqual(error._tag, "CompetitionRefused")
        if (error._tag === "CompetitionRefused")
          assert.deepStrictEqual(
            error.failures.map((f) => f.code),
            ["RegistrationFeeCharged"]
          )
        const repository = yield* CompetitionRepository
        assert.isTrue(Option.isNone(yield* repository.findById("cmp_1")))
        assert.strictEqual(audit.length, 0)
      })
    )
  )

  it.effect("lets a district bureau file 区(县)级 competitions of its own county only", () =>
    run((audit) =>
      Effect.gen(function* () {
        const competitions = yield* Competitions
        const filed = yield* competitions.file(filing({ plans: [] }), xuanwu)
        assert.strictEqual(filed.filer.organisationId, "org-xuanwu")
        const outside = yield* Effect.flip(competitions.file(filing({ id: "cmp_2" }), gulou))
        assert.strictEqual(outside._tag, "ActionRefused")
        if (outside._tag === "ActionRefused") assert.deepStrictEqual(outside.codes, ["OutsideActorRegion"])
        const cityClass = yield* Effect.flip(
          competitions.file(filing({ id: "cmp_3", class: "city_class_1" }), xuanwu)
        )
        assert.strictEqual(cityClass._tag, "ActionRefused")
        if (cityClass._tag === "ActionRefused")
          assert.deepStrictEqual(cityClass.codes, ["DistrictFilesCountyCompetitionsOnly"])
        const role = yield* Effect.flip(competitions.file(filing({ id: "cmp_4" }), institution))
        assert.strictEqual(role._tag, "ActionRefused")
        if (role._tag === "ActionRefused") assert.deepStrictEqual(role.codes, ["ActionNotPermitted"])
        assert.strictEqual(audit.length, 1)
      })
    )
  )

  it.effect(
    "publishes plans for the filer's competition once; refuses unknown events, taken ids and others",
    () =>
      run((audit) =>
        Effect.gen(function* () {
          const competitions = yield* Competitions
          yield* competitions.file(filing({ plans: [] }), host)
          yield* competitions.file(filing({ id: "cmp_other", plans: [{ ...PLAN, id: "plan_other" }] }), host)
          const plan = { ...PLAN, id: "plan_2" }
          const published = yield* competitions.publishPlans("cmp_1", [plan], host)
          assert.deepStrictEqual(published.published, ["plan_2"])
          const retry = yield* competitions.publishPlans("cmp_1", [plan], host)
          assert.deepStrictEqual(retry.published, [])
          assert.deepStrictEqual(
            retry.plans.map((p) => p.id),
            ["plan_2"]
          )
          const corrected = yield* competitions.publishPlans(
            "cmp_1",
            [{ ...plan, registrationPhone: "025-12345678" }],
            host
          )
          assert.deepStrictEqual(corrected.published, ["plan_2"])

          const unknownEvent = yield* Effect.flip(
            competitions.publishPlans("cmp_1", [{ ...plan, eventName: "车工" }], host)
          )
          assert.strictEqual(unknownEvent._tag, "PlanEventUnknown")
          assert.strictEqual(unknownEvent.field, "plans.0.eventName")
          const taken = yield* Effect.flip(
            competitions.publishPlans("cmp_1", [{ ...PLAN, id: "plan_other" }], host)
          )
          assert.strictEqual(taken._tag, "CompetitionPlanIdTaken")
          const notOwn = yield* Effect.flip(competitions.publishPlans("cmp_1", [plan], otherHost))
          assert.strictEqual(notOwn._tag, "ActionRefused")
          if (notOwn._tag === "ActionRefused") assert.deepStrictEqual(notOwn.codes, ["NotOwnRecord"])
          const unknown = yield* Effect.flip(competitions.publishPlans("cmp_none", [plan], host))
          assert.strictEqual(unknown._tag, "CompetitionNotFound")

          assert.deepStrictEqual(
            audit.map((e) => [e.actor, e.action, e.subject]),
            [
              ["org-host", "competition.file", "cmp_1"],
              ["org-host", "competition.file", "cmp_other"],
              ["org-host", "competition-plan.publish", "cmp_1"],
              ["org-host", "competition-plan.publish", "cmp_1"]
            ]
          )
        })
      )
  )
})
