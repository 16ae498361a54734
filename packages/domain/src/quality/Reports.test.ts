import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { IdGenerator } from "../shared/IdGenerator.js"
import type { ReportSubmission } from "./Report.js"
import { ReportRepository } from "./ReportRepository.js"
import { Reports } from "./Reports.js"
import { TrackingCodeGenerator } from "./TrackingCodeGenerator.js"

const layers = (codes: ReadonlyArray<string> = []) =>
  Reports.layer.pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        ReportRepository.layerTest(),
        TrackingCodeGenerator.layerTest(codes),
        IdGenerator.layerTest
      )
    )
  )

/** Sets the test clock to a Beijing calendar day (10:00 local = 02:00 UTC). */
const setDay = (day: string) => TestClock.setTime(Date.parse(`${day}T02:00:00Z`))

const SUBMISSION: ReportSubmission = {
  regionCode: "320100",
  channel: "online",
  subject: "某机构违规发放证书",
  details: "未参加考试即取得四级证书",
  reporterContact: "13900000000"
}
const CHIEF = { id: "staff-3", name: "赵科长" }
const HANDLER = { id: "staff-2", name: "李核查" }

describe("54号·五 report use cases (Reports)", () => {
  it.effect("takes a report in and returns a tracking code the reporter can query", () =>
    Effect.gen(function* () {
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
    "assigns, records verification and resolves, with the reporter seeing only state and outcome",
    () =>
      Effect.gen(function* () {
        const reports = yield* Reports
        yield* setDay("2024-03-01")
        const { id, trackingCode } = yield* reports.submit(SUBMISSION)
        yield* setDay("2024-03-02")
        const assigned = yield* reports.assign(id, { actor: CHIEF, handler: HANDLER, note: "请核实" })
        assert.deepStrictEqual(assigned.state, { _tag: "verifying", handler: HANDLER })
        assert.strictEqual((yield* reports.statusByTrackingCode(trackingCode)).stateName, "核实中")
        yield* setDay("2024-03-05")
        yield* reports.recordVerification(id, { actor: HANDLER, note: "调取考务记录，确有未考发证" })
        yield* setDay("2024-03-08")
        const resolved = yield* reports.resolve(id, {
          actor: CHIEF,
          outcome: "substantiated",
          note: "已注销相关证书"
        })
        assert.deepStrictEqual(resolved.state, {
          _tag: "resolved",
          outcome: "substantiated",
          resolvedOn: "2024-03-08"
        })
        assert.deepStrictEqual(
          resolved.history.map((e) => [e.action, e.actor.id, e.on]),
          [
            ["received", "public", "2024-03-01"],
            ["assigned", "staff-3", "2024-03-02"],
            ["verification_recorded", "staff-2", "2024-03-05"],
            ["resolved", "staff-3", "2024-03-08"]
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
        assert.deepStrictEqual((yield* reports.get(id)).state, resolved.state)
      }).pipe(Effect.provide(layers()))
  )

  it.effect("refuses an invalid transition and leaves the stored report unchanged", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      yield* setDay("2024-03-01")
      const { id } = yield* reports.submit(SUBMISSION)
      const error = yield* Effect.flip(
        reports.resolve(id, { actor: CHIEF, outcome: "unsubstantiated", note: "x" })
      )
      assert.strictEqual(error._tag, "ReportTransitionInvalid")
      assert.strictEqual(error.field, "state")
      const stored = yield* reports.get(id)
      assert.strictEqual(stored.state._tag, "received")
      assert.strictEqual(stored.history.length, 1)
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
        reports.assign("rpt_404", { actor: CHIEF, handler: HANDLER, note: "" })
      )
      assert.strictEqual(error._tag, "ReportNotFound")
      assert.strictEqual(error.field, "reportId")
      assert.strictEqual(error.message, "未找到举报 rpt_404")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("draws a new tracking code when one collides", () =>
    Effect.gen(function* () {
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
    }).pipe(Effect.provide(layers(["JB23456789AB", "JB23456789AB"])))
  )
})
