/**
 * Contract of ReportRepository (举报, 54号·五 "主动向社会公布职业证书发放监督举报电话，严肃核实查处相关举报问题"): round
 * trips with the whole history, unique tracking codes, optimistic updates on the revision (a stale one and the
 * loser of two concurrent ones fail with ReportChanged), a bureau's list (its region and the regions inside it),
 * filters, ordering and pagination; and the Reports use case on the registry, each step stored with its audit
 * entry in one transaction. Run against the domain's in-memory layerTest and every database of TestDatabases.
 */
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Organisation } from "@jineng/domain/access/Organisation"
import { type Report, statusView } from "@jineng/domain/quality/Report"
import {
  assignReport,
  openReport,
  recordVerification,
  resolveReport
} from "@jineng/domain/quality/ReportLifecycle"
import { MAX_REPORT_PAGE_SIZE, ReportRepository } from "@jineng/domain/quality/ReportRepository"
import { Reports } from "@jineng/domain/quality/Reports"
import { trackingCodeFromNumber } from "@jineng/domain/quality/TrackingCode"
import { TrackingCodeGenerator } from "@jineng/domain/quality/TrackingCodeGenerator"
import { type AuditEntry, AuditTrail } from "@jineng/domain/shared/AuditTrail"
import { IdGenerator } from "@jineng/domain/shared/IdGenerator"
import { Transactional } from "@jineng/domain/shared/Transactional"
import { Cause, Context, Effect, Either, Exit, Layer, Option, Schema, TestClock } from "effect"
import * as SqlAudit from "../src/audit/SqlAuditTrail.js"
import { SqlReportRepository } from "../src/quality/SqlReportRepository.js"
import * as SqlTransactional from "../src/SqlTransactional.js"
import { codePointOrder, TIE_SUFFIXES } from "./fixtures.js"
import { targets } from "./TestDatabases.js"

const implementations = [
  { name: "in-memory layerTest", layer: () => ReportRepository.layerTest() },
  ...targets.map((t) => ({
    name: t.name,
    // fresh, and the standalone `layer` rather than `it.layer`: @effect/vitest's `it.layer` turns into the nested
    // variant after its first call in a file, so later suites would be built on top of earlier ones.
    layer: () => Layer.fresh(SqlReportRepository.layer).pipe(Layer.provide(t.layer()))
  }))
]

const CHIEF = { id: "staff-3", name: "赵科长" }
const HANDLER = { id: "staff-2", name: "李核查" }
const CLERK = { id: "staff-9", name: "钱接线员" }

/** A report received on `on` about `regionCode`; `full` fills every optional field. */
const report = (n: number, regionCode: string, on: string, full = false): Report =>
  openReport(
    `rpt_${String(n).padStart(3, "0")}`,
    trackingCodeFromNumber(n),
    full
      ? {
          regionCode,
          channel: "hotline",
          subject: "某机构违规发放证书",
          details: "未参加考试即取得四级证书，收费 3000 元",
          concerning: "南京某职业技能评价中心",
          certificateNumbers: ["S000032000001243000001", "S000032000001243000002"],
          reporterContact: "13900000000",
          receivedBy: CLERK
        }
      : { regionCode, channel: "online", subject: "举报事项", details: "举报内容" },
    on
  )

const right = <A, E>(e: Either.Either<A, E>): A => Either.getOrThrowWith(e, (err) => err)

describe.each(implementations)("54号·五 ReportRepository contract — $name", ({ layer: makeLayer }) => {
  layer(makeLayer(), { timeout: 60_000 })((it) => {
    it.effect("stores a report and finds it by id and by tracking code, equal to what was stored", () =>
      Effect.gen(function* () {
        const repo = yield* ReportRepository
        const full = report(1, "320102", "2024-03-01", true)
        const bare = report(2, "320100", "2024-03-02")
        yield* repo.insert(full)
        yield* repo.insert(bare)
        expect(Option.getOrThrow(yield* repo.findById(full.id))).toEqual(full)
        expect(Option.getOrThrow(yield* repo.findByTrackingCode(full.trackingCode))).toEqual(full)
        expect(Option.getOrThrow(yield* repo.findById(bare.id))).toEqual(bare)
        expect(Option.getOrThrow(yield* repo.findById(full.id)).history[0]?.actor).toEqual(CLERK)
        expect(yield* repo.findById("rpt_404")).toEqual(Option.none())
        expect(yield* repo.findByTrackingCode("JB9999999999")).toEqual(Option.none())
      })
    )

    it.effect("refuses a second report with a tracking code already used, storing nothing of it", () =>
      Effect.gen(function* () {
        const repo = yield* ReportRepository
        const clash = { ...report(3, "320500", "2024-03-03"), trackingCode: trackingCodeFromNumber(1) }
        const error = yield* Effect.flip(repo.insert(clash))
        expect(error._tag).toBe("TrackingCodeTaken")
        expect(error.trackingCode).toBe(clash.trackingCode)
        expect(error.message).toContain("已被使用")
        expect(yield* repo.findById(clash.id)).toEqual(Option.none())
        expect(Option.getOrThrow(yield* repo.findByTrackingCode(clash.trackingCode)).id).toBe("rpt_001")
      })
    )

    it.effect("replaces the state and history on update, keeping the tracking code", () =>
      Effect.gen(function* () {
        const repo = yield* ReportRepository
        const stored = Option.getOrThrow(yield* repo.findById("rpt_001"))
        const assigned = right(
          assignReport(stored, { actor: CHIEF, handler: HANDLER, note: "请核实" }, "2024-03-02")
        )
        yield* repo.update(assigned, 1)
        expect(Option.getOrThrow(yield* repo.findById("rpt_001"))).toEqual(assigned)
        expect(assigned.revision).toBe(2)
        const verified = right(
          recordVerification(assigned, { actor: HANDLER, note: "调取考务记录" }, "2024-03-05")
        )
        const resolved = right(
          resolveReport(
            verified,
            { actor: CHIEF, outcome: "substantiated", note: "已注销相关证书" },
            "2024-03-08"
          )
        )
        yield* repo.update(resolved, 2)
        const found = Option.getOrThrow(yield* repo.findByTrackingCode(resolved.trackingCode))
        expect(found).toEqual(resolved)
        expect(found.history.map((e) => e.action)).toEqual([
          "received",
          "assigned",
          "verification_recorded",
          "resolved"
        ])
        expect(statusView(found)).toMatchObject({ state: "resolved", updatedOn: "2024-03-08" })
        expect(found.revision).toBe(4)
        const renamed = { ...resolved, trackingCode: "JB7777777777", revision: 5 }
        yield* repo.update(renamed, 4)
        expect(Option.getOrThrow(yield* repo.findById("rpt_001")).trackingCode).toBe(resolved.trackingCode)
        expect(yield* repo.findByTrackingCode("JB7777777777")).toEqual(Option.none())
      })
    )

    it.effect("treats the update of an unknown report as a defect", () =>
      Effect.gen(function* () {
        const repo = yield* ReportRepository
        const exit = yield* Effect.exit(repo.update(report(404, "320100", "2024-03-01"), 1))
        expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
        expect(yield* repo.findById("rpt_404")).toEqual(Option.none())
      })
    )

    it.effect("refuses an update at a stale revision with ReportChanged, storing nothing of it", () =>
      Effect.gen(function* () {
        const repo = yield* ReportRepository
        const stored = Option.getOrThrow(yield* repo.findById("rpt_002"))
        expect(stored.revision).toBe(1)
        const assigned = right(
          assignReport(stored, { actor: CHIEF, handler: HANDLER, note: "" }, "2024-03-03")
        )
        const error = yield* Effect.flip(repo.update(assigned, 7))
        expect(error).toMatchObject({
          _tag: "ReportChanged",
          field: "expectedRevision",
          reportId: "rpt_002",
          expectedRevision: 7,
          currentRevision: 1
        })
        expect(error.message).toContain("已被他人办理")
        expect(Option.getOrThrow(yield* repo.findById("rpt_002"))).toEqual(stored)
      })
    )

    it.effect("lists newest first, with a bureau seeing its own region and the regions inside it", () =>
      Effect.gen(function* () {
        const repo = yield* ReportRepository
        // rpt_001 南京玄武 03-01 (resolved), rpt_002 南京市 03-02; add more.
        yield* repo.insert(report(4, "320506", "2024-03-04"))
        yield* repo.insert(report(5, "320000", "2024-03-04"))
        yield* repo.insert(report(6, "320115", "2024-04-01"))
        yield* repo.insert(report(7, "320102", "2024-02-20"))
        const ids = (page: { readonly items: ReadonlyArray<Report> }) => page.items.map((r) => r.id)
        const all = yield* repo.list()
        expect(ids(all)).toEqual(["rpt_006", "rpt_005", "rpt_004", "rpt_002", "rpt_001", "rpt_007"])
        expect(all).toMatchObject({ total: 6, offset: 0, limit: 50 })
        expect(all.items.find((r) => r.id === "rpt_001")?.history).toHaveLength(4)
        expect(ids(yield* repo.list({ regionCode: "320100" }))).toEqual([
          "rpt_006",
          "rpt_002",
          "rpt_001",
          "rpt_007"
        ])
        expect(ids(yield* repo.list({ regionCode: "320102" }))).toEqual(["rpt_001", "rpt_007"])
        expect(ids(yield* repo.list({ regionCode: "320500" }))).toEqual(["rpt_004"])
        expect(ids(yield* repo.list({ regionCode: "320000" }))).toEqual(ids(all))
        expect((yield* repo.list({ regionCode: "320200" })).total).toBe(0)
      })
    )

    it.effect("filters by state and received dates (both days included)", () =>
      Effect.gen(function* () {
        const repo = yield* ReportRepository
        const ids = (page: { readonly items: ReadonlyArray<Report> }) => page.items.map((r) => r.id)
        expect(ids(yield* repo.list({ state: "resolved" }))).toEqual(["rpt_001"])
        expect((yield* repo.list({ state: "received" })).total).toBe(5)
        expect((yield* repo.list({ state: "verifying" })).total).toBe(0)
        expect(ids(yield* repo.list({ receivedFrom: "2024-03-02", receivedUntil: "2024-03-04" }))).toEqual([
          "rpt_005",
          "rpt_004",
          "rpt_002"
        ])
        expect(
          ids(yield* repo.list({ regionCode: "320100", state: "received", receivedUntil: "2024-03-31" }))
        ).toEqual(["rpt_002", "rpt_007"])
      })
    )

    it.effect("pages with offset and limit, counting every match, and clamps the page size", () =>
      Effect.gen(function* () {
        const repo = yield* ReportRepository
        const page = yield* repo.list({ offset: 2, limit: 3 })
        expect(page.items.map((r) => r.id)).toEqual(["rpt_004", "rpt_002", "rpt_001"])
        expect(page).toMatchObject({ total: 6, offset: 2, limit: 3 })
        expect((yield* repo.list({ offset: 5, limit: 3 })).items.map((r) => r.id)).toEqual(["rpt_007"])
        expect((yield* repo.list({ offset: 50 })).items).toEqual([])
        expect(yield* repo.list({ offset: -1, limit: 1e9 })).toMatchObject({
          offset: 0,
          limit: MAX_REPORT_PAGE_SIZE,
          total: 6
        })
      })
    )

    it.effect("breaks ties of the received date by id in code-point order, under any server locale", () =>
      Effect.gen(function* () {
        const repo = yield* ReportRepository
        const ids = TIE_SUFFIXES.map((suffix) => `rpt_${suffix}`)
        for (const [i, id] of ids.entries()) {
          yield* repo.insert(
            openReport(
              id,
              trackingCodeFromNumber(900 + i),
              { regionCode: "320300", channel: "online", subject: "事项", details: "内容" },
              "2030-01-01"
            )
          )
        }
        const listed = yield* repo.list({ regionCode: "320300" })
        expect(listed.items.map((r) => r.id)).toEqual(codePointOrder(ids).reverse())
        expect(listed.items.map((r) => r.id)).toEqual(["rpt_b_1", "rpt_b1", "rpt_a", "rpt_Z", "rpt_B2"])
      })
    )

    it.effect(
      "lets exactly one of two concurrent updates on the same revision win; the other is ReportChanged",
      () =>
        Effect.gen(function* () {
          const repo = yield* ReportRepository
          yield* repo.insert(report(8, "320800", "2024-01-15"))
          const stored = Option.getOrThrow(yield* repo.findById("rpt_008"))
          const byChief = right(
            assignReport(stored, { actor: CHIEF, handler: HANDLER, note: "甲" }, "2024-01-16")
          )
          const byClerk = right(
            resolveReport(stored, { actor: CLERK, outcome: "not_accepted", note: "乙" }, "2024-01-16")
          )
          const results = yield* Effect.all([repo.update(byChief, 1), repo.update(byClerk, 1)], {
            concurrency: "unbounded",
            mode: "either"
          })
          const winners = results.filter(Either.isRight)
          const losers = results.filter(Either.isLeft).map((r) => r.left)
          expect(winners).toHaveLength(1)
          expect(losers.map((e) => [e._tag, e.expectedRevision, e.currentRevision])).toEqual([
            ["ReportChanged", 1, 2]
          ])
          const after = Option.getOrThrow(yield* repo.findById("rpt_008"))
          expect(after.revision).toBe(2)
          expect(after).toEqual(Either.isRight(results[0] ?? Either.left(null)) ? byChief : byClerk)
          expect(after.history).toHaveLength(2)
        })
    )
  })
})

/** The audit entries recorded so far, oldest first (the sink of layerTest, or the audit_trail table). */
class RecordedAudit extends Context.Tag("test/RecordedAudit")<
  RecordedAudit,
  Effect.Effect<ReadonlyArray<{ readonly actor: string; readonly action: string; readonly subject: string }>>
>() {}

const useCasePorts = [
  {
    name: "in-memory layerTest",
    sql: false,
    layer: () => {
      const sink: Array<AuditEntry> = []
      return Layer.mergeAll(
        ReportRepository.layerTest(),
        AuditTrail.layerTest(sink),
        Transactional.layerTest,
        Layer.succeed(
          RecordedAudit,
          Effect.sync(() => [...sink])
        )
      )
    }
  },
  ...targets.map((t) => ({
    name: t.name,
    sql: true,
    layer: () =>
      Layer.mergeAll(
        Layer.fresh(SqlReportRepository.layer),
        Layer.fresh(SqlAudit.layer),
        Layer.fresh(SqlTransactional.layer),
        Layer.effect(
          RecordedAudit,
          Effect.map(SqlClient.SqlClient, (sql) =>
            sql<{ readonly actor: string; readonly action: string; readonly subject: string }>`
              SELECT actor, action, subject FROM audit_trail ORDER BY seq`.pipe(Effect.orDie)
          )
        )
      ).pipe(Layer.provideMerge(t.layer()))
  }))
]

const SUZHOU = Schema.decodeUnknownSync(Organisation)({
  id: "org-suzhou",
  name: "苏州市人力资源和社会保障局",
  role: "city",
  regionCode: "320500"
})
/** A report taken in at a visit about 虎丘区 (苏州市). */
const VISIT = { regionCode: "320505", channel: "visit", subject: "事项", details: "内容" } as const

const WUXI = Schema.decodeUnknownSync(Organisation)({
  id: "org-wuxi",
  name: "无锡市人力资源和社会保障局",
  role: "city",
  regionCode: "320200"
})

describe.each(useCasePorts)("54号·五 Reports use case on the store — $name", ({ layer: makeLayer, sql }) => {
  const reports = Reports.layer.pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        makeLayer(),
        // The first code collides with the second report's: submit draws another one.
        TrackingCodeGenerator.layerTest(["JB2222222AAA", "JB2222222AAA"]),
        Layer.fresh(IdGenerator.layerTest)
      )
    )
  )
  layer(reports, { timeout: 60_000 })((it) => {
    it.effect(
      "submits, draws another tracking code on a collision, and follows the report to its end, audited",
      () =>
        Effect.gen(function* () {
          yield* TestClock.setTime(Date.parse("2024-05-06T02:00:00Z"))
          const use = yield* Reports
          const first = yield* use.submit({
            regionCode: "320583",
            channel: "letter",
            subject: "违规收取证书费",
            details: "竞赛收取证书费 500 元"
          })
          const second = yield* use.submit({
            regionCode: "320583",
            channel: "online",
            subject: "事项",
            details: "内容"
          })
          expect(first.trackingCode).toBe("JB2222222AAA")
          expect(second.trackingCode).not.toBe(first.trackingCode)
          const refused = yield* Effect.flip(
            use.assign(WUXI, first.id, { expectedRevision: 1, handler: HANDLER, note: "" })
          )
          expect(refused._tag).toBe("ActionRefused")
          yield* use.assign(SUZHOU, first.id, { expectedRevision: 1, handler: HANDLER, note: "" })
          const stale = yield* Effect.flip(
            use.resolve(SUZHOU, first.id, {
              expectedRevision: 1,
              outcome: "unsubstantiated",
              note: "经核查不属实"
            })
          )
          expect(stale._tag).toBe("ReportChanged")
          const resolved = yield* use.resolve(SUZHOU, first.id, {
            expectedRevision: 2,
            outcome: "unsubstantiated",
            note: "经核查不属实"
          })
          expect(resolved.revision).toBe(3)
          const view = yield* use.statusByTrackingCode("jb-22222-22aaa")
          expect(view).toMatchObject({ state: "resolved", outcomeName: "不属实", receivedOn: "2024-05-06" })
          expect(yield* use.get(SUZHOU, first.id)).toEqual(resolved)
          expect((yield* use.list(SUZHOU)).total).toBe(2)
          expect((yield* use.list(WUXI)).total).toBe(0)
          const trail = yield* yield* RecordedAudit
          expect(trail.map((e) => [e.actor, e.action, e.subject])).toEqual([
            ["public", "report.submit", first.id],
            ["public", "report.submit", second.id],
            ["org-suzhou", "report.assign", first.id],
            ["org-suzhou", "report.resolve", first.id]
          ])
        })
    )

    it.effect(
      "lets one of two concurrent assignments on the same revision win, auditing only the winner",
      () =>
        Effect.gen(function* () {
          const use = yield* Reports
          const { id } = yield* use.submit(VISIT)
          const before = (yield* yield* RecordedAudit).length
          const results = yield* Effect.all(
            [
              use.assign(SUZHOU, id, { expectedRevision: 1, handler: HANDLER, note: "甲" }),
              use.assign(SUZHOU, id, { expectedRevision: 1, handler: CLERK, note: "乙" })
            ],
            { concurrency: "unbounded", mode: "either" }
          )
          expect(results.filter(Either.isRight)).toHaveLength(1)
          expect(results.filter(Either.isLeft).map((r) => r.left._tag)).toEqual(["ReportChanged"])
          const stored = yield* use.get(SUZHOU, id)
          expect(stored.revision).toBe(2)
          expect(stored.history).toHaveLength(2)
          const added = (yield* yield* RecordedAudit).slice(before)
          expect(added.map((e) => [e.action, e.subject])).toEqual([["report.assign", id]])
        })
    )
  })

  if (sql)
    layer(
      Reports.layer.pipe(
        Layer.provideMerge(
          Layer.mergeAll(
            makeLayer(),
            TrackingCodeGenerator.layerTest(),
            Layer.fresh(IdGenerator.layerTest),
            // Replaces the store's audit trail with one that fails: the step must not be stored without it.
            Layer.succeed(AuditTrail, {
              record: (entry) =>
                entry.action === "report.submit" ? Effect.void : Effect.dieMessage("audit trail unavailable")
            })
          )
        )
      ),
      { timeout: 60_000 }
    )((it) => {
      it.effect("stores a step and its audit entry in one transaction: no entry, no step", () =>
        Effect.gen(function* () {
          const use = yield* Reports
          const { id } = yield* use.submit(VISIT)
          const exit = yield* Effect.exit(
            use.assign(SUZHOU, id, { expectedRevision: 1, handler: HANDLER, note: "" })
          )
          expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
          const stored = yield* use.get(SUZHOU, id)
          expect(stored.revision).toBe(1)
          expect(stored.state).toEqual({ _tag: "received" })
        })
      )
    })
})
