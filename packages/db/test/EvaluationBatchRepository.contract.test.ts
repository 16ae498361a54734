/**
 * Contract of EvaluationBatchRepository (附件2 评价批次; 54号·五 公布, 54号·四 核发): batches move planned → published →
 * results_submitted → issued, each step atomic and dated; the public 附件2 list with its filters and totals;
 * candidates and results of up to 100,000 rows per batch written all or nothing. Run against the domain's
 * in-memory layerTest and every database of TestDatabases (the 100,000-row cases on the in-memory layer, SQLite
 * :memory: and PostgreSQL).
 */
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { checkCharacter } from "@jineng/domain/codes/ResidentIdNumber"
import {
  EvaluationCandidate as CandidateSchema,
  type EvaluationBatchPlan,
  type EvaluationCandidate,
  issueCandidatesOf,
  MAX_BATCH_CANDIDATES,
  EvaluationBatchPlan as PlanSchema
} from "@jineng/domain/issuance/EvaluationBatch"
import {
  EvaluationBatchRepository,
  MAX_BATCH_PAGE_SIZE
} from "@jineng/domain/issuance/EvaluationBatchRepository"
import { EvaluationBatchListing } from "@jineng/domain/quality/EvaluationBatchListing"
import { Cause, Effect, Exit, Layer, Option, Schema } from "effect"
import { SqlEvaluationBatchRepository } from "../src/batch/SqlEvaluationBatchRepository.js"
import { codePointOrder, TIE_SUFFIXES } from "./fixtures.js"
import { targets } from "./TestDatabases.js"

const plan = (id: string, over: Record<string, unknown> = {}): EvaluationBatchPlan =>
  Schema.decodeUnknownSync(PlanSchema)({
    id,
    institution: { id: "inst_1", name: "江苏省某职业技能评价中心" },
    occupation: { code: "6-18-01-01", name: "车工", workType: "数控车工" },
    level: 3,
    evaluationTime: { from: "2024-05-10", until: "2024-05-12" },
    contact: { name: "王老师", phone: "025-83271773" },
    regionCode: "320102",
    plannedOn: "2024-04-01",
    ...over
  })

const DAY_MS = 86_400_000
const BASE_BIRTH = Date.UTC(1980, 0, 1)

/** A valid resident ID number, distinct for every n < 999 × 36,500. */
const idNumber = (n: number): string => {
  const birth = new Date(BASE_BIRTH + Math.floor(n / 999) * DAY_MS)
    .toISOString()
    .slice(0, 10)
    .replaceAll("-", "")
  const first17 = `320102${birth}${String((n % 999) + 1).padStart(3, "0")}`
  return first17 + checkCharacter(first17)
}

const candidate = (n: number): EvaluationCandidate =>
  ({
    holder: { name: `考生${n}`, idType: "resident_id", idNumber: idNumber(n) },
    ...(n % 3 === 0 ? { employerUscc: "91350100M000100Y43" } : {}),
    result: n % 5 === 0 ? "failed" : n % 7 === 0 ? "absent" : "passed",
    ...(n % 7 === 0 ? {} : { score: 60 + (n % 40) + (n % 2) / 2 })
  }) as EvaluationCandidate

const candidates = (count: number, start = 0) => Array.from({ length: count }, (_, i) => candidate(start + i))

const BIG = MAX_BATCH_CANDIDATES

const implementations = [
  { name: "in-memory layerTest", sql: false, big: true, layer: () => EvaluationBatchRepository.layerTest() },
  ...targets.map((t) => ({
    name: t.name,
    sql: true,
    // the 100,000-row cases run on SQLite :memory: and PostgreSQL (the file adds only fsync time)
    big: t.name !== "SQLite file",
    // fresh, and the standalone `layer`: see RevocationOrderRepository.contract.test.ts
    layer: () => Layer.fresh(SqlEvaluationBatchRepository.layer).pipe(Layer.provideMerge(t.layer()))
  }))
]

const batchIds = (page: { readonly items: ReadonlyArray<{ readonly batchId: string }> }) =>
  page.items.map((b) => b.batchId)

describe.each(implementations)(
  "附件2 EvaluationBatchRepository contract — $name",
  ({ layer: makeLayer, sql, big }) => {
    layer(makeLayer() as Layer.Layer<EvaluationBatchRepository | SqlClient.SqlClient>, { timeout: 120_000 })(
      (it) => {
        it.effect("plans a batch and reads it back equal; a used id is refused", () =>
          Effect.gen(function* () {
            const repo = yield* EvaluationBatchRepository
            const planned = yield* repo.plan(plan("eb_1"))
            expect(planned).toEqual({ ...plan("eb_1"), status: "planned" })
            expect(Option.getOrThrow(yield* repo.findById("eb_1"))).toEqual(planned)
            const oneDay = plan("eb_2", {
              evaluationTime: { from: "2024-06-01" },
              occupation: { code: "4-01-02-01", name: "电子商务师" }
            })
            yield* repo.plan(oneDay)
            const found = Option.getOrThrow(yield* repo.findById("eb_2"))
            expect(found).toEqual({ ...oneDay, status: "planned" })
            expect("until" in found.evaluationTime).toBe(false)
            expect("workType" in found.occupation).toBe(false)
            const taken = yield* Effect.flip(repo.plan(plan("eb_1", { level: 4 })))
            expect(taken).toMatchObject({ _tag: "EvaluationBatchIdTaken", batchId: "eb_1" })
            expect(Option.getOrThrow(yield* repo.findById("eb_1")).level).toBe(3)
            expect(yield* repo.findById("eb_unknown")).toEqual(Option.none())
          })
        )

        it.effect(
          "publishes a planned batch: its 附件2 row goes public; planned batches stay off the list",
          () =>
            Effect.gen(function* () {
              const repo = yield* EvaluationBatchRepository
              expect((yield* repo.listPublished()).total).toBe(0)
              const published = yield* repo.publish("eb_1", "2024-04-02")
              expect(published).toMatchObject({
                status: "published",
                publishedOn: "2024-04-02",
                plannedOn: "2024-04-01"
              })
              expect(Option.getOrThrow(yield* repo.findById("eb_1"))).toEqual(published)
              const page = yield* repo.listPublished()
              expect(page).toMatchObject({ total: 1, offset: 0, limit: 50 })
              expect(page.items).toEqual([
                {
                  batchId: "eb_1",
                  publishedOn: "2024-04-02",
                  listing: {
                    institution: { id: "inst_1", name: "江苏省某职业技能评价中心" },
                    occupation: { code: "6-18-01-01", name: "车工", workType: "数控车工" },
                    level: 3,
                    evaluationTime: { from: "2024-05-10", until: "2024-05-12" },
                    contact: { name: "王老师", phone: "025-83271773" },
                    regionCode: "320102"
                  }
                }
              ])
              // The row is a well-formed 附件2 listing.
              expect(Schema.decodeUnknownSync(EvaluationBatchListing)(page.items[0]?.listing)).toEqual(
                page.items[0]?.listing
              )
            })
        )

        it.effect(
          "refuses a step from the wrong status, dated too early, or on an unknown batch, changing nothing",
          () =>
            Effect.gen(function* () {
              const repo = yield* EvaluationBatchRepository
              const before = Option.getOrThrow(yield* repo.findById("eb_1"))
              expect(yield* Effect.flip(repo.publish("eb_1", "2024-04-03"))).toMatchObject({
                _tag: "EvaluationBatchStatusConflict",
                status: "published",
                action: "publish"
              })
              expect(yield* Effect.flip(repo.markIssued("eb_1", "2024-06-01"))).toMatchObject({
                _tag: "EvaluationBatchStatusConflict",
                action: "mark_issued"
              })
              expect(
                yield* Effect.flip(repo.recordResults("eb_2", candidates(3), "2024-06-02"))
              ).toMatchObject({
                _tag: "EvaluationBatchStatusConflict",
                status: "planned",
                action: "record_results"
              })
              expect(yield* Effect.flip(repo.publish("eb_2", "2024-03-31"))).toMatchObject({
                _tag: "EvaluationBatchDateBeforePrevious",
                date: "2024-03-31",
                earliest: "2024-04-01"
              })
              // Results are not taken before the evaluation starts.
              expect(
                yield* Effect.flip(repo.recordResults("eb_1", candidates(3), "2024-05-09"))
              ).toMatchObject({
                _tag: "EvaluationBatchDateBeforePrevious",
                earliest: "2024-05-10"
              })
              expect(yield* Effect.flip(repo.publish("eb_unknown", "2024-04-03"))).toMatchObject({
                _tag: "EvaluationBatchNotFound",
                batchId: "eb_unknown"
              })
              expect(yield* Effect.flip(repo.recordResults("eb_unknown", [], "2024-04-03"))).toMatchObject({
                _tag: "EvaluationBatchNotFound"
              })
              expect(Option.getOrThrow(yield* repo.findById("eb_1"))).toEqual(before)
              expect(Option.getOrThrow(yield* repo.findById("eb_2")).status).toBe("planned")
              expect((yield* repo.listCandidates("eb_1")).total).toBe(0)
            })
        )

        it.effect(
          "records candidates and results, reads them back in order, and replaces them on resubmission",
          () =>
            Effect.gen(function* () {
              const repo = yield* EvaluationBatchRepository
              const first = candidates(40)
              const recorded = yield* repo.recordResults("eb_1", first, "2024-05-12")
              const passed = first.filter((c) => c.result === "passed").length
              expect(recorded).toMatchObject({
                status: "results_submitted",
                resultsSubmittedOn: "2024-05-12",
                results: { candidates: 40, passed }
              })
              expect(Option.getOrThrow(yield* repo.findById("eb_1"))).toEqual(recorded)
              const all = yield* repo.listCandidates("eb_1")
              expect(all.items).toEqual(first)
              expect(all.total).toBe(40)
              const failed = yield* repo.listCandidates("eb_1", { result: "failed" })
              expect(failed.items).toEqual(first.filter((c) => c.result === "failed"))
              const page = yield* repo.listCandidates("eb_1", { offset: 10, limit: 5 })
              expect(page.items).toEqual(first.slice(10, 15))
              expect(page).toMatchObject({ total: 40, offset: 10, limit: 5 })
              expect(yield* repo.listCandidates("eb_unknown")).toMatchObject({ items: [], total: 0 })

              const corrected = candidates(25, 100)
              const again = yield* repo.recordResults("eb_1", corrected, "2024-05-13")
              expect(again.results?.candidates).toBe(25)
              expect((yield* repo.listCandidates("eb_1")).items).toEqual(corrected)
              expect(yield* Effect.flip(repo.recordResults("eb_1", corrected, "2024-05-12"))).toMatchObject({
                _tag: "EvaluationBatchDateBeforePrevious",
                earliest: "2024-05-13"
              })
              // The passed candidates become the rows of an issuance request for the batch's occupation and level.
              const rows = issueCandidatesOf(again, corrected)
              expect(rows).toHaveLength(corrected.filter((c) => c.result === "passed").length)
              expect(rows[0]).toMatchObject({ occupationCode: "6-18-01-01", workType: "数控车工", level: 3 })
            })
        )

        it.effect("marks a batch issued; it stays on the public list and takes no more results", () =>
          Effect.gen(function* () {
            const repo = yield* EvaluationBatchRepository
            const issued = yield* repo.markIssued("eb_1", "2024-05-20")
            expect(issued).toMatchObject({
              status: "issued",
              issuedOn: "2024-05-20",
              results: { candidates: 25 }
            })
            expect(Option.getOrThrow(yield* repo.findById("eb_1"))).toEqual(issued)
            expect(yield* Effect.flip(repo.recordResults("eb_1", candidates(2), "2024-05-21"))).toMatchObject(
              {
                _tag: "EvaluationBatchStatusConflict",
                status: "issued"
              }
            )
            expect(yield* Effect.flip(repo.markIssued("eb_1", "2024-05-21"))).toMatchObject({
              _tag: "EvaluationBatchStatusConflict"
            })
            expect(batchIds(yield* repo.listPublished())).toEqual(["eb_1"])
            expect((yield* repo.listCandidates("eb_1")).total).toBe(25)
          })
        )

        it.effect("of concurrent publications of one batch exactly one applies", () =>
          Effect.gen(function* () {
            const repo = yield* EvaluationBatchRepository
            const exits = yield* Effect.all(
              ["2024-04-05", "2024-04-06", "2024-04-07", "2024-04-08"].map((on) =>
                Effect.exit(repo.publish("eb_2", on))
              ),
              { concurrency: "unbounded" }
            )
            expect(exits.filter(Exit.isSuccess)).toHaveLength(1)
            const failures = exits.flatMap((e) => (Exit.isFailure(e) ? [Cause.squash(e.cause)] : []))
            expect(
              failures.every((f) => (f as { _tag?: string })._tag === "EvaluationBatchStatusConflict")
            ).toBe(true)
          })
        )

        it.effect(
          "lists published batches newest first, filtered by region within, occupation, level and dates",
          () =>
            Effect.gen(function* () {
              const repo = yield* EvaluationBatchRepository
              const more = [
                plan("eb_3", {
                  regionCode: "320205",
                  level: 2,
                  evaluationTime: { from: "2024-07-01", until: "2024-07-02" }
                }),
                plan("eb_4", {
                  regionCode: "320100",
                  evaluationTime: { from: "2024-05-11" },
                  institution: { id: "inst_2", name: "南京某评价机构" }
                }),
                plan("eb_5", { regionCode: "320102", evaluationTime: { from: "2024-08-01" } }),
                plan("eb_6", { regionCode: "320000", level: 5, evaluationTime: { from: "2024-05-20" } })
              ]
              for (const p of more) yield* repo.plan(p)
              for (const id of ["eb_3", "eb_4", "eb_6"]) yield* repo.publish(id, "2024-04-10")
              // Published: eb_1 (320102, L3, 05-10…12), eb_2 (320102, 4-01-02-01, L3, 06-01), eb_3 (320205, L2, 07-01…02),
              // eb_4 (320100, L3, 05-11), eb_6 (320000, L5, 05-20). eb_5 is planned only.
              const all = yield* repo.listPublished()
              expect(batchIds(all)).toEqual(["eb_3", "eb_2", "eb_6", "eb_4", "eb_1"])
              expect(all.total).toBe(5)
              expect(batchIds(yield* repo.listPublished({ regionCode: "320000" }))).toEqual(batchIds(all))
              expect(batchIds(yield* repo.listPublished({ regionCode: "320100" }))).toEqual([
                "eb_2",
                "eb_4",
                "eb_1"
              ])
              expect(batchIds(yield* repo.listPublished({ regionCode: "320102" }))).toEqual(["eb_2", "eb_1"])
              expect(batchIds(yield* repo.listPublished({ regionCode: "320200" }))).toEqual(["eb_3"])
              expect(batchIds(yield* repo.listPublished({ occupationCode: "4-01-02-01" }))).toEqual(["eb_2"])
              expect(batchIds(yield* repo.listPublished({ level: 3 }))).toEqual(["eb_2", "eb_4", "eb_1"])
              expect(
                batchIds(yield* repo.listPublished({ from: "2024-05-12", until: "2024-06-01" }))
              ).toEqual(["eb_2", "eb_6", "eb_1"])
              expect(batchIds(yield* repo.listPublished({ until: "2024-05-10" }))).toEqual(["eb_1"])
              const combined = yield* repo.listPublished({
                regionCode: "320100",
                level: 3,
                from: "2024-05-11",
                limit: 1
              })
              expect(batchIds(combined)).toEqual(["eb_2"])
              expect(combined).toMatchObject({ total: 3, offset: 0, limit: 1 })
              const paged = yield* repo.listPublished({ offset: 3, limit: 2 })
              expect(batchIds(paged)).toEqual(["eb_4", "eb_1"])
              expect(paged.total).toBe(5)
              expect(yield* repo.listPublished({ offset: -1, limit: 10_000 })).toMatchObject({
                offset: 0,
                limit: MAX_BATCH_PAGE_SIZE
              })
            })
        )

        it.effect("lists an institution's batches in any status for its staff", () =>
          Effect.gen(function* () {
            const repo = yield* EvaluationBatchRepository
            const mine = yield* repo.list({ institutionId: "inst_1" })
            expect(mine.items.map((b) => b.id)).toEqual(["eb_5", "eb_3", "eb_2", "eb_6", "eb_1"])
            expect(mine.items[0]).toEqual(Option.getOrThrow(yield* repo.findById("eb_5")))
            expect(
              (yield* repo.list({ institutionId: "inst_1", status: "planned" })).items.map((b) => b.id)
            ).toEqual(["eb_5"])
            expect((yield* repo.list({ status: "issued" })).items.map((b) => b.id)).toEqual(["eb_1"])
            expect((yield* repo.list({ institutionId: "inst_2" })).total).toBe(1)
          })
        )

        it.effect(
          "breaks ties of the evaluation date by id in code-point order, under any server locale",
          () =>
            Effect.gen(function* () {
              const repo = yield* EvaluationBatchRepository
              const ids = TIE_SUFFIXES.map((suffix) => `eb_${suffix}`)
              for (const id of ids) {
                yield* repo.plan(
                  plan(id, { institution: { id: "inst_tie", name: "江苏省某职业技能评价中心" } })
                )
              }
              const listed = yield* repo.list({ institutionId: "inst_tie" })
              expect(listed.items.map((b) => b.id)).toEqual(codePointOrder(ids).reverse())
            })
        )

        it.effect.skipIf(!big)(
          `stores and counts a ${BIG.toLocaleString("en")}-candidate batch in one submission`,
          () =>
            Effect.gen(function* () {
              const repo = yield* EvaluationBatchRepository
              yield* repo.plan(
                plan("eb_big", { evaluationTime: { from: "2024-09-01", until: "2024-09-03" } })
              )
              yield* repo.publish("eb_big", "2024-08-01")
              const rows = candidates(BIG)
              const started = performance.now()
              const recorded = yield* repo.recordResults("eb_big", rows, "2024-09-04")
              const ms = performance.now() - started
              console.info(`recordResults of ${BIG} candidates: ${ms.toFixed(0)} ms`)
              const passed = rows.filter((c) => c.result === "passed").length
              expect(recorded.results).toEqual({ candidates: BIG, passed })
              expect((yield* repo.listCandidates("eb_big", { limit: 1 })).total).toBe(BIG)
              expect((yield* repo.listCandidates("eb_big", { result: "passed", limit: 1 })).total).toBe(
                passed
              )
              const tail = yield* repo.listCandidates("eb_big", { offset: BIG - 2 })
              expect(tail.items).toEqual(rows.slice(BIG - 2))
              expect(Schema.is(CandidateSchema)(tail.items[0])).toBe(true)
              const tooMany = yield* Effect.flip(
                repo.recordResults("eb_big", candidates(BIG + 1), "2024-09-05")
              )
              expect(tooMany).toMatchObject({ _tag: "EvaluationBatchTooLarge", count: BIG + 1, max: BIG })
            })
        )

        it.effect.skipIf(!big)(
          "an invalid row anywhere in a 100,000-row submission stores nothing of it",
          () =>
            Effect.gen(function* () {
              const repo = yield* EvaluationBatchRepository
              const before = Option.getOrThrow(yield* repo.findById("eb_big"))
              // The same person twice (rows 1 and 100,000): the last INSERT chunk breaks the one-person-per-batch rule.
              const rows = candidates(BIG, 7)
              rows[BIG - 1] = { ...candidate(BIG + 50), holder: (rows[0] as EvaluationCandidate).holder }
              const exit = yield* Effect.exit(repo.recordResults("eb_big", rows, "2024-09-06"))
              expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
              expect(Option.getOrThrow(yield* repo.findById("eb_big"))).toEqual(before)
              const stored = yield* repo.listCandidates("eb_big", { limit: 2 })
              expect(stored.total).toBe(BIG)
              expect(stored.items).toEqual(candidates(2))
            })
        )

        it.effect("a row without a name or with an unknown result is a defect and stores nothing", () =>
          Effect.gen(function* () {
            const repo = yield* EvaluationBatchRepository
            yield* repo.plan(plan("eb_bad", { evaluationTime: { from: "2024-10-01" } }))
            yield* repo.publish("eb_bad", "2024-09-01")
            const ok = yield* repo.recordResults("eb_bad", candidates(3), "2024-10-01")
            const noName = [...candidates(1200, 500)]
            noName[1150] = {
              ...candidate(9_999),
              holder: { idType: "resident_id", idNumber: idNumber(9_999) }
            } as never
            const unknownResult = [...candidates(10, 500)]
            unknownResult[9] = { ...candidate(9_998), result: "excellent" } as never
            for (const rows of [noName, unknownResult]) {
              const exit = yield* Effect.exit(repo.recordResults("eb_bad", rows, "2024-10-02"))
              expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
            }
            expect(Option.getOrThrow(yield* repo.findById("eb_bad"))).toEqual(ok)
            expect((yield* repo.listCandidates("eb_bad")).items).toEqual(candidates(3))
          })
        )

        it.effect.skipIf(!sql)("keeps candidate rows apart per batch and indexed by ID number", () =>
          Effect.gen(function* () {
            const client = yield* SqlClient.SqlClient
            const rows = yield* client<{ readonly batch_id: string; readonly n: number | string }>`
          SELECT batch_id, COUNT(*) AS n FROM batch_candidates GROUP BY batch_id ORDER BY batch_id`
            expect(rows.map((r) => [r.batch_id, Number(r.n)])).toEqual([
              ["eb_1", 25],
              ["eb_bad", 3],
              ...(big ? [["eb_big", BIG]] : [])
            ])
          })
        )
      }
    )
  }
)
