import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import {
  nanjingOrg,
  provinceOrg,
  provincialCentreOrg,
  suzhouOrg,
  xuanwuOrg
} from "../../test/OrganisationFixtures.js"
import { type AuditEntry, AuditTrail } from "../shared/AuditTrail.js"
import { IdGenerator } from "../shared/IdGenerator.js"
import { Transactional } from "../shared/Transactional.js"
import type { ReportSubmission } from "./Report.js"
import { ReportRepository } from "./ReportRepository.js"
import { PUBLIC_AUDIT_ACTOR, REPORT_AUDIT, Reports } from "./Reports.js"
import { TrackingCodeGenerator } from "./TrackingCodeGenerator.js"

const layers = (codes: ReadonlyArray<string> = [], trail: Array<AuditEntry> = []) =>
  Reports.layer.pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        ReportRepository.layerTest(),
        TrackingCodeGenerator.layerTest(codes),
        IdGenerator.layerTest,
        AuditTrail.layerTest(trail),
        Transactional.layerTest
      )
    )
  )

/** Sets the test clock to a Beijing calendar day (10:00 local = 02:00 UTC). */
const setDay = (day: string) => TestClock.setTime(Date.parse(`${day}T02:00:00Z`))

const NANJING = nanjingOrg({ id: "org-nj" })
const XUANWU = xuanwuOrg({ id: "org-xw" })
const SUZHOU = suzhouOrg({ id: "org-sz" })
const PROVINCE = provinceOrg({ id: "org-js" })
const CENTRE = provincialCentreOrg({ name: "江苏省职业技能鉴定指导中心" })

const SUBMISSION: ReportSubmission = {
  regionCode: "320100",
  channel: "online",
  subject: "某机构违规发放证书",
  details: "未参加考试即取得四级证书",
  reporterContact: "13900000000"
}
const HANDLER = { id: "staff-2", name: "李核查" }

describe("54号·五 report use cases (Reports)", () => {
  it.effect(
    "takes a report in at revision 1, audited, and returns a tracking code the reporter can query",
    () => {
      const trail: Array<AuditEntry> = []
      return Effect.gen(function* () {
        yield* setDay("2024-03-01")
        const reports = yield* Reports
        const submitted = yield* reports.submit(SUBMISSION)
        assert.deepStrictEqual(submitted, {
          id: "rpt_1",
          trackingCode: "JB2222222223",
          receivedOn: "2024-03-01"
        })
        const view = yield* reports.statusByTrackingCode("jb-22222-22223")
        assert.strictEqual(view.state, "received")
        assert.strictEqual(view.stateName, "已受理待核实")
        assert.strictEqual((yield* reports.get(NANJING, submitted.id)).revision, 1)
        assert.deepStrictEqual(trail, [
          {
            actor: PUBLIC_AUDIT_ACTOR,
            action: REPORT_AUDIT.submit,
            subject: "rpt_1",
            reason: "online",
            details: { regionCode: "320100", channel: "online" }
          }
        ])
        assert.notInclude(JSON.stringify(trail), "13900000000")
        assert.notInclude(JSON.stringify(trail), submitted.trackingCode)
      }).pipe(Effect.provide(layers([], trail)))
    }
  )

  it.effect("files an online submission with the channel online and the public as the receiving actor", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      const { id } = yield* reports.submitOnline({ regionCode: "320102", subject: "事项", details: "内容" })
      const stored = yield* reports.get(XUANWU, id)
      assert.strictEqual(stored.channel, "online")
      assert.deepStrictEqual(stored.history[0]?.actor, { id: "public", name: "举报人" })
    }).pipe(Effect.provide(layers()))
  )

  it.effect("uses the Beijing calendar day: 2024-02-29T16:30Z is 1 March in Beijing", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2024-02-29T16:30:00Z"))
      const reports = yield* Reports
      const submitted = yield* reports.submit(SUBMISSION)
      assert.strictEqual(submitted.receivedOn, "2024-03-01")
    }).pipe(Effect.provide(layers()))
  )

  it.effect(
    "assigns, records verification and resolves as the acting bureau, raising the revision and auditing each step",
    () => {
      const trail: Array<AuditEntry> = []
      return Effect.gen(function* () {
        const reports = yield* Reports
        yield* setDay("2024-03-01")
        const { id, trackingCode } = yield* reports.submit(SUBMISSION)
        yield* setDay("2024-03-02")
        const assigned = yield* reports.assign(NANJING, id, {
          expectedRevision: 1,
          handler: HANDLER,
          note: "请核实"
        })
        assert.deepStrictEqual(assigned.state, { _tag: "verifying", handler: HANDLER })
        assert.strictEqual(assigned.revision, 2)
        assert.strictEqual((yield* reports.statusByTrackingCode(trackingCode)).stateName, "核实中")
        yield* setDay("2024-03-05")
        const verified = yield* reports.recordVerification(NANJING, id, {
          expectedRevision: 2,
          note: "调取考务记录，确有未考发证"
        })
        assert.strictEqual(verified.revision, 3)
        yield* setDay("2024-03-08")
        const resolved = yield* reports.resolve(PROVINCE, id, {
          expectedRevision: 3,
          outcome: "substantiated",
          note: "已注销相关证书"
        })
        assert.deepStrictEqual(resolved.state, {
          _tag: "resolved",
          outcome: "substantiated",
          resolvedOn: "2024-03-08"
        })
        assert.strictEqual(resolved.revision, 4)
        assert.deepStrictEqual(
          resolved.history.map((e) => [e.action, e.actor.id, e.actor.name, e.on]),
          [
            ["received", "public", "举报人", "2024-03-01"],
            ["assigned", "org-nj", NANJING.name, "2024-03-02"],
            ["verification_recorded", "org-nj", NANJING.name, "2024-03-05"],
            ["resolved", "org-js", PROVINCE.name, "2024-03-08"]
          ]
        )
        const view = yield* reports.statusByTrackingCode(trackingCode)
        assert.deepStrictEqual(view, {
          trackingCode,
          state: "resolved",
          stateName: "已办结",
          outcome: "substantiated",
          outcomeName: "属实并处理",
          receivedOn: "2024-03-01",
          updatedOn: "2024-03-08"
        })
        assert.deepStrictEqual(yield* reports.get(NANJING, id), resolved)
        assert.deepStrictEqual(
          trail.slice(1).map((e) => [e.actor, e.action, e.subject, e.reason, e.details]),
          [
            [
              "org-nj",
              "report.assign",
              id,
              "请核实",
              { handlerId: "staff-2", state: "verifying", revision: 2 }
            ],
            [
              "org-nj",
              "report.record-verification",
              id,
              "调取考务记录，确有未考发证",
              { state: "verifying", revision: 3 }
            ],
            [
              "org-js",
              "report.resolve",
              id,
              "substantiated",
              { outcome: "substantiated", state: "resolved", revision: 4 }
            ]
          ]
        )
      }).pipe(Effect.provide(layers([], trail)))
    }
  )

  it.effect("refuses a step on a stale revision with ReportChanged, storing and auditing nothing", () => {
    const trail: Array<AuditEntry> = []
    return Effect.gen(function* () {
      const reports = yield* Reports
      const { id } = yield* reports.submit(SUBMISSION)
      yield* reports.assign(NANJING, id, { expectedRevision: 1, handler: HANDLER, note: "" })
      const stale = yield* Effect.flip(
        reports.assign(NANJING, id, { expectedRevision: 1, handler: { id: "staff-5", name: "孙" }, note: "" })
      )
      assert.strictEqual(stale._tag, "ReportChanged")
      assert.strictEqual(stale.field, "expectedRevision")
      if (stale._tag !== "ReportChanged") return
      assert.strictEqual(stale.currentRevision, 2)
      assert.include(stale.message, "已被他人办理")
      const stored = yield* reports.get(NANJING, id)
      assert.deepStrictEqual(stored.state, { _tag: "verifying", handler: HANDLER })
      assert.strictEqual(stored.revision, 2)
      assert.strictEqual(trail.length, 2)
    }).pipe(Effect.provide(layers([], trail)))
  })

  it.effect("lets only the report's own region's bureaus (and the province) read and handle it", () => {
    const trail: Array<AuditEntry> = []
    return Effect.gen(function* () {
      const reports = yield* Reports
      const { id } = yield* reports.submit({ ...SUBMISSION, regionCode: "320104" }) // 秦淮区
      const outside = yield* Effect.flip(
        reports.assign(SUZHOU, id, { expectedRevision: 1, handler: HANDLER, note: "" })
      )
      assert.strictEqual(outside._tag, "ActionRefused")
      if (outside._tag === "ActionRefused") assert.deepStrictEqual(outside.codes, ["OutsideActorRegion"])
      const otherDistrict = yield* Effect.flip(reports.get(XUANWU, id))
      assert.strictEqual(otherDistrict._tag, "ActionRefused")
      const role = yield* Effect.flip(reports.get(CENTRE, id))
      assert.strictEqual(role._tag, "ActionRefused")
      if (role._tag === "ActionRefused") assert.deepStrictEqual(role.codes, ["ActionNotPermitted"])
      assert.strictEqual((yield* reports.get(NANJING, id)).revision, 1)
      assert.strictEqual(trail.length, 1)
    }).pipe(Effect.provide(layers([], trail)))
  })

  it.effect("lists a bureau's own region by default, refusing a region outside it", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      yield* reports.submit({ ...SUBMISSION, regionCode: "320102" })
      yield* reports.submit({ ...SUBMISSION, regionCode: "320104" })
      yield* reports.submit({ ...SUBMISSION, regionCode: "320505" })
      const regions = (page: { readonly items: ReadonlyArray<{ readonly regionCode: string }> }) =>
        page.items.map((r) => r.regionCode).sort()
      assert.deepStrictEqual(regions(yield* reports.list(NANJING)), ["320102", "320104"])
      assert.deepStrictEqual(regions(yield* reports.list(XUANWU)), ["320102"])
      assert.deepStrictEqual(regions(yield* reports.list(SUZHOU)), ["320505"])
      assert.deepStrictEqual(regions(yield* reports.list(PROVINCE)), ["320102", "320104", "320505"])
      assert.deepStrictEqual(regions(yield* reports.list(PROVINCE, { regionCode: "320500" })), ["320505"])
      assert.deepStrictEqual(regions(yield* reports.list(NANJING, { regionCode: "320104" })), ["320104"])
      const outside = yield* Effect.flip(reports.list(XUANWU, { regionCode: "320100" }))
      assert.strictEqual(outside._tag, "ActionRefused")
      assert.strictEqual((yield* Effect.flip(reports.list(CENTRE)))._tag, "ActionRefused")
      assert.strictEqual((yield* reports.list(NANJING, { state: "resolved" })).total, 0)
    }).pipe(Effect.provide(layers()))
  )

  it.effect("refuses an invalid transition and leaves the stored report unchanged", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      yield* setDay("2024-03-01")
      const { id } = yield* reports.submit(SUBMISSION)
      const error = yield* Effect.flip(
        reports.resolve(NANJING, id, { expectedRevision: 1, outcome: "unsubstantiated", note: "x" })
      )
      assert.strictEqual(error._tag, "ReportTransitionInvalid")
      assert.strictEqual(error.field, "state")
      const stored = yield* reports.get(NANJING, id)
      assert.strictEqual(stored.state._tag, "received")
      assert.strictEqual(stored.history.length, 1)
      assert.strictEqual(stored.revision, 1)
    }).pipe(Effect.provide(layers()))
  )

  it.effect("answers an unknown or malformed tracking code with TrackingCodeUnknown", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      const unknown = yield* Effect.flip(reports.statusByTrackingCode("JB9999999999"))
      assert.strictEqual(unknown._tag, "TrackingCodeUnknown")
      assert.strictEqual(unknown.field, "trackingCode")
      assert.strictEqual(unknown.message, "查询码 JB9999999999 不存在，请核对后重新输入")
      const malformed = yield* Effect.flip(reports.statusByTrackingCode("JB0000000000"))
      assert.strictEqual(malformed._tag, "TrackingCodeUnknown")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("answers an unknown report id with ReportNotFound", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      const error = yield* Effect.flip(
        reports.assign(NANJING, "rpt_404", { expectedRevision: 1, handler: HANDLER, note: "" })
      )
      assert.strictEqual(error._tag, "ReportNotFound")
      assert.strictEqual(error.field, "reportId")
      assert.strictEqual(error.message, "未找到举报 rpt_404")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("draws a new tracking code when one collides, auditing the stored report once", () => {
    const trail: Array<AuditEntry> = []
    return Effect.gen(function* () {
      const reports = yield* Reports
      yield* setDay("2024-03-01")
      const first = yield* reports.submit(SUBMISSION)
      const second = yield* reports.submit(SUBMISSION)
      assert.strictEqual(first.trackingCode, "JB23456789AB")
      assert.strictEqual(second.trackingCode, "JB2222222223")
      assert.strictEqual(
        (yield* reports.statusByTrackingCode(second.trackingCode)).trackingCode,
        second.trackingCode
      )
      assert.deepStrictEqual(
        trail.map((e) => e.subject),
        [first.id, second.id]
      )
    }).pipe(Effect.provide(layers(["JB23456789AB", "JB23456789AB"], trail)))
  })
})
