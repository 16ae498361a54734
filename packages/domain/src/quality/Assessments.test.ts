import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Schema, TestClock } from "effect"
import { Organisation } from "../access/Organisation.js"
import { Institution } from "../institution/Institution.js"
import { InstitutionRepository } from "../institution/InstitutionRepository.js"
import { type AuditEntry, AuditTrail } from "../shared/AuditTrail.js"
import { IdGenerator } from "../shared/IdGenerator.js"
import { Transactional } from "../shared/Transactional.js"
import { AssessmentRepository } from "./AssessmentRepository.js"
import { ASSESSMENT_RECORD, Assessments } from "./Assessments.js"
import { AssessmentSubmission } from "./QualityAssessment.js"

const institution = (id: string, region: string, serial: string) =>
  Schema.decodeUnknownSync(Institution)({
    id,
    name: `评价机构 ${id}`,
    kind: "third_party",
    uscc: "91320100MA0000015Q",
    region,
    filedWith: "province",
    numberingPrefix: { type: "S", institutionCode: "0000", province: region.slice(0, 2), siteSerial: serial },
    responsiblePerson: { name: "张三" },
    seal: { id: `seal-${id}`, name: "职业技能等级认定专用章" },
    authorisations: [],
    statusHistory: [{ status: "admitted", date: "2022-05-01", reason: "准入", actor: "hrss-320000" }]
  })

/** One institution in 南京市玄武区, one in 苏州市吴中区, one in 上海市 (outside the province). */
const SEED = [
  institution("inst-nj", "320102", "000001"),
  institution("inst-sz", "320506", "000002"),
  institution("inst-sh", "310101", "000003")
]

const organisation = (o: Record<string, string>) =>
  Schema.decodeUnknownSync(Organisation)({ name: `机构 ${o.id}`, ...o })
const PROVINCE = organisation({ id: "org-province", role: "province", regionCode: "320000" })
const CENTRE = organisation({ id: "org-centre", role: "provincial_appraisal_centre", regionCode: "320000" })
const NANJING = organisation({ id: "org-nanjing", role: "city", regionCode: "320100" })
const OWN = organisation({
  id: "org-inst-nj",
  role: "institution",
  regionCode: "320102",
  institutionId: "inst-nj"
})
const HOST = organisation({ id: "org-host", role: "host", regionCode: "320100" })

const layers = (sink: Array<AuditEntry> = []) =>
  Assessments.layer.pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        AssessmentRepository.layerTest(),
        InstitutionRepository.layerTest(SEED),
        AuditTrail.layerTest(sink),
        Transactional.layerTest,
        IdGenerator.layerTest
      )
    )
  )

const submission = (over: Record<string, unknown> = {}) =>
  Schema.decodeUnknownSync(AssessmentSubmission)({
    institutionId: "inst-nj",
    period: "2023-H1",
    assessedOn: "2023-06-10",
    result: "rectification_required",
    findings: "考务档案不完整",
    ...over
  })

/** 2023-06-20 in Beijing. */
const TODAY = TestClock.setTime(Date.parse("2023-06-20T02:00:00Z"))

describe("54号·五 quality special assessments (Assessments)", () => {
  it.effect("records the acting organisation as the assessor, audited with its id in one go", () => {
    const sink: Array<AuditEntry> = []
    return Effect.gen(function* () {
      yield* TODAY
      const assessments = yield* Assessments
      const byCentre = yield* assessments.record(CENTRE, submission())
      assert.deepStrictEqual(byCentre.assessor, {
        _tag: "provincial_appraisal_centre",
        name: "机构 org-centre"
      })
      const byProvince = yield* assessments.record(PROVINCE, submission({ institutionId: "inst-sz" }))
      assert.deepStrictEqual(byProvince.assessor, {
        _tag: "bureau",
        level: "province",
        regionCode: "320000",
        name: "机构 org-province"
      })
      assert.deepStrictEqual(
        sink.map((e) => [e.actor, e.action, e.subject, e.reason]),
        [
          ["org-centre", ASSESSMENT_RECORD, byCentre.id, "rectification_required"],
          ["org-province", ASSESSMENT_RECORD, byProvince.id, "rectification_required"]
        ]
      )
      const page = yield* assessments.list(PROVINCE, "inst-nj", { limit: 20, offset: 0 })
      assert.deepStrictEqual(page, { items: [byCentre], total: 1, limit: 20, offset: 0 })
    }).pipe(Effect.provide(layers(sink)))
  })

  it.effect("answers a retried submission with the record on file, writing and auditing nothing more", () => {
    const sink: Array<AuditEntry> = []
    return Effect.gen(function* () {
      yield* TODAY
      const assessments = yield* Assessments
      const first = yield* assessments.record(CENTRE, submission())
      const again = yield* assessments.record(CENTRE, submission({ findings: "考务档案不完整 " }))
      assert.strictEqual(again.id, first.id)
      const other = yield* assessments.record(CENTRE, submission({ result: "unqualified" }))
      assert.notStrictEqual(other.id, first.id)
      assert.strictEqual((yield* assessments.list(CENTRE, "inst-nj", { limit: 20, offset: 0 })).total, 2)
      assert.strictEqual(sink.length, 2)
    }).pipe(Effect.provide(layers(sink)))
  })

  it.effect(
    "refuses a role that may not assess, an institution outside the centre's region, and a future date",
    () => {
      const sink: Array<AuditEntry> = []
      return Effect.gen(function* () {
        yield* TODAY
        const assessments = yield* Assessments
        const city = yield* Effect.flip(assessments.record(NANJING, submission()))
        assert.strictEqual(city._tag, "ActionRefused")
        const outside = yield* Effect.flip(
          assessments.record(CENTRE, submission({ institutionId: "inst-sh" }))
        )
        assert.strictEqual(outside._tag, "ActionRefused")
        if (outside._tag === "ActionRefused") assert.deepStrictEqual(outside.codes, ["OutsideActorRegion"])
        const future = yield* Effect.flip(
          assessments.record(CENTRE, submission({ assessedOn: "2023-06-21" }))
        )
        assert.strictEqual(future._tag, "AssessmentDatedInFuture")
        const unknown = yield* Effect.flip(
          assessments.record(CENTRE, submission({ institutionId: "inst-x" }))
        )
        assert.strictEqual(unknown._tag, "InstitutionNotFound")
        assert.strictEqual((yield* assessments.list(PROVINCE, "inst-sh", { limit: 20, offset: 0 })).total, 0)
        assert.deepStrictEqual(sink, [])
      }).pipe(Effect.provide(layers(sink)))
    }
  )

  it.effect("lets a city read within its city, an institution its own record, and refuses the rest", () =>
    Effect.gen(function* () {
      yield* TODAY
      const assessments = yield* Assessments
      const page = { limit: 20, offset: 0 }
      yield* assessments.list(NANJING, "inst-nj", page)
      yield* assessments.list(OWN, "inst-nj", page)
      const refusals = yield* Effect.all([
        Effect.flip(assessments.list(NANJING, "inst-sz", page)),
        Effect.flip(assessments.list(OWN, "inst-sz", page)),
        Effect.flip(assessments.schedule(HOST, "inst-nj")),
        Effect.flip(assessments.schedule(NANJING, "inst-sz"))
      ])
      assert.deepStrictEqual(
        refusals.map((e) => (e._tag === "ActionRefused" ? e.codes[0] : e._tag)),
        ["OutsideActorRegion", "NotOwnRecord", "NotOwnRecord", "OutsideActorRegion"]
      )
    }).pipe(Effect.provide(layers()))
  )

  it.effect("pages an institution's assessments newest first", () =>
    Effect.gen(function* () {
      yield* TODAY
      const assessments = yield* Assessments
      for (const [period, assessedOn] of [
        ["2022-H2", "2022-12-01"],
        ["2023-H1", "2023-06-01"],
        ["2022-H1", "2022-06-01"]
      ] as const)
        yield* assessments.record(
          CENTRE,
          submission({ period, assessedOn, result: "qualified", findings: "" })
        )
      const page = yield* assessments.list(OWN, "inst-nj", { limit: 2, offset: 1 })
      assert.deepStrictEqual(
        page.items.map((a) => a.period),
        ["2022-H2", "2022-H1"]
      )
      assert.deepStrictEqual([page.total, page.limit, page.offset], [3, 2, 1])
    }).pipe(Effect.provide(layers()))
  )

  it.effect(
    "tells the half-years owed: overdue before the first record, up to date after it, due by default today",
    () =>
      Effect.gen(function* () {
        yield* TODAY
        const assessments = yield* Assessments
        const before = yield* assessments.schedule(CENTRE, "inst-nj")
        assert.strictEqual(before.date, "2023-06-20")
        assert.deepStrictEqual(
          [before.outcome, before.due, before.overdue],
          ["overdue", "2023-H1", ["2022-H1", "2022-H2"]]
        )
        for (const [period, assessedOn] of [
          ["2022-H1", "2022-06-01"],
          ["2022-H2", "2022-12-01"]
        ] as const)
          yield* assessments.record(
            CENTRE,
            submission({ period, assessedOn, result: "qualified", findings: "" })
          )
        const due = yield* assessments.schedule(CENTRE, "inst-nj")
        assert.deepStrictEqual([due.outcome, due.due, due.overdue], ["due", "2023-H1", []])
        yield* assessments.record(CENTRE, submission())
        const done = yield* assessments.schedule(OWN, "inst-nj", "2023-06-30")
        assert.deepStrictEqual(
          [done.outcome, done.due, done.decision.outcome],
          ["up_to_date", null, "up_to_date"]
        )
      }).pipe(Effect.provide(layers()))
  )
})
