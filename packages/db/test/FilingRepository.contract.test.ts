/**
 * Contract of FilingRepository (54号·二, 附件1): filings with their per-level opinions and co-signatures round-trip;
 * updates are optimistic (a stale revision → FilingChanged; of two concurrent updates on the same revision exactly
 * one wins, on PostgreSQL too); a competition has at most one open or completed filing, enforced by the database.
 * Run against the domain's in-memory layerTest and every database of TestDatabases.
 */
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Competition } from "@jineng/domain/competition/Competition"
import {
  coSign,
  type Filing,
  type FilingActor,
  type Opinion,
  openFiling,
  recordOpinion
} from "@jineng/domain/competition/Filing"
import { FilingRepository } from "@jineng/domain/competition/FilingRepository"
import { Filings } from "@jineng/domain/competition/Filings"
import { IdGenerator } from "@jineng/domain/shared/IdGenerator"
import { Cause, Effect, Either, Exit, Layer, Option, Schema, TestClock } from "effect"
import { toRow } from "../src/competition/FilingRow.js"
import { SqlFilingRepository } from "../src/competition/SqlFilingRepository.js"
import { codePointOrder, TIE_SUFFIXES } from "./fixtures.js"
import { targets } from "./TestDatabases.js"

const ok = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw new Error(`expected success, got ${JSON.stringify(e.left)}`)
  return e.right
}

const people = (regionCode: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `${regionCode}-${i}`, regionCode }))

/** 区(县)级 in 玄武区, 3 of 13 (23%) from 秦淮区: district and city opinions. */
const competition = (over: Record<string, unknown> = {}): Competition =>
  Schema.decodeUnknownSync(Competition)({
    id: "cmp_1",
    name: "2023年玄武区焊工职业技能竞赛",
    class: "county",
    group: "worker",
    host: { name: "玄武区人力资源和社会保障局", creditCode: "91350100M000100Y43", regionCode: "320102" },
    regionCode: "320102",
    startsOn: "2023-06-01",
    endsOn: "2023-06-02",
    events: [
      {
        name: "焊工",
        occupations: [{ code: "6-18-02-04", name: "焊工", workType: "电焊工" }],
        scope: "whole"
      }
    ],
    fees: [],
    contestants: [...people("320102", 10), ...people("320104", 3)],
    ...over
  })

/** 市级二类 in 苏州 with contestants from 上海 and 浙江: co-signed by 310000 and 330000. */
const crossProvince = (id: string) =>
  competition({
    id,
    class: "city_class_2",
    regionCode: "320500",
    host: { name: "苏州市总工会", creditCode: "91350100M000100Y43", regionCode: "320508" },
    participatingRegions: ["320500", "310104", "330100"],
    contestants: [...people("320508", 10)]
  })

const open = (id: string, c: Competition = competition(), submittedOn = "2023-03-01"): Filing =>
  ok(openFiling({ id, competition: c, submittedOn }))

const district: FilingActor = { level: "district", regionCode: "320102" }
const city: FilingActor = { level: "city", regionCode: "320100" }
const suzhou: FilingActor = { level: "city", regionCode: "320500" }
const province: FilingActor = { level: "province", regionCode: "320000" }
const shanghai: FilingActor = { level: "province", regionCode: "310000" }

const opinion = (actor: FilingActor, date: string, verdict: Opinion["verdict"] = "agree"): Opinion => ({
  level: actor.level,
  verdict,
  text: verdict === "agree" ? "同意备案。" : "异地选手占比过高，不同意。",
  actor,
  date
})

const implementations = [
  { name: "in-memory layerTest", sql: false, layer: () => FilingRepository.layerTest() },
  ...targets.map((t) => ({
    name: t.name,
    sql: true,
    // fresh, and the standalone `layer`: see RevocationOrderRepository.contract.test.ts
    layer: () => Layer.fresh(SqlFilingRepository.layer).pipe(Layer.provideMerge(t.layer()))
  }))
]

describe.each(implementations)(
  "54号·附件1 FilingRepository contract — $name",
  ({ layer: makeLayer, sql }) => {
    const layers = () =>
      Filings.layer.pipe(
        Layer.provideMerge(
          Layer.mergeAll(
            makeLayer() as Layer.Layer<FilingRepository | SqlClient.SqlClient>,
            IdGenerator.layerTest
          )
        )
      )
    layer(layers(), { timeout: 60_000 })((it) => {
      it.effect(
        "inserts a filing and reads it back equal, with its provisional notes and open co-signatures",
        () =>
          Effect.gen(function* () {
            const repo = yield* FilingRepository
            const plain = open("fil_a")
            const cross = open("fil_x", crossProvince("cmp_x"))
            expect(cross.coSignatures).toEqual([{ province: "310000" }, { province: "330000" }])
            expect(plain.provisional.length).toBeGreaterThan(0)
            yield* repo.insert(plain)
            yield* repo.insert(cross)
            expect(Option.getOrThrow(yield* repo.findById("fil_a"))).toEqual(plain)
            expect(Option.getOrThrow(yield* repo.findById("fil_x"))).toEqual(cross)
            expect(yield* repo.findById("fil_unknown")).toEqual(Option.none())
          })
      )

      it.effect(
        "updates level by level: each 附件1 opinion and co-signature round-trips with the revision",
        () =>
          Effect.gen(function* () {
            const repo = yield* FilingRepository
            const a0 = Option.getOrThrow(yield* repo.findById("fil_a"))
            const a1 = ok(recordOpinion(a0, opinion(district, "2023-03-02")))
            yield* repo.update(a1, a0.revision)
            expect(Option.getOrThrow(yield* repo.findById("fil_a"))).toEqual(a1)
            const a2 = ok(recordOpinion(a1, opinion(city, "2023-03-05")))
            yield* repo.update(a2, a1.revision)
            const stored = Option.getOrThrow(yield* repo.findById("fil_a"))
            expect(stored).toEqual(a2)
            expect(stored).toMatchObject({ status: "completed", closedOn: "2023-03-05", revision: 2 })
            expect(stored.opinions.map((o) => o.level)).toEqual(["district", "city"])

            const x0 = Option.getOrThrow(yield* repo.findById("fil_x"))
            const x1 = ok(coSign(x0, { province: "310000", actor: shanghai, date: "2023-03-02" }))
            yield* repo.update(x1, x0.revision)
            const x2 = ok(recordOpinion(x1, opinion(suzhou, "2023-03-03")))
            yield* repo.update(x2, x1.revision)
            expect(Option.getOrThrow(yield* repo.findById("fil_x"))).toEqual(x2)
            expect(x2.coSignatures).toEqual([
              { province: "310000", signed: { actor: shanghai, date: "2023-03-02" } },
              { province: "330000" }
            ])
          })
      )

      it.effect("refuses a stale revision with FilingChanged and keeps the stored filing", () =>
        Effect.gen(function* () {
          const repo = yield* FilingRepository
          const x = Option.getOrThrow(yield* repo.findById("fil_x"))
          const next = ok(coSign(x, { province: "330000", actor: province, date: "2023-03-04" }))
          const stale = yield* Effect.flip(repo.update(next, x.revision - 1))
          expect(stale).toMatchObject({
            _tag: "FilingChanged",
            filingId: "fil_x",
            expectedRevision: x.revision - 1
          })
          expect(Option.getOrThrow(yield* repo.findById("fil_x"))).toEqual(x)
          const unknown = yield* Effect.flip(repo.update({ ...next, id: "fil_unknown" }, 0))
          expect(unknown._tag).toBe("FilingChanged")
          expect(yield* repo.findById("fil_unknown")).toEqual(Option.none())
        })
      )

      it.effect("of two concurrent updates taken on the same revision exactly one is stored", () =>
        Effect.gen(function* () {
          const repo = yield* FilingRepository
          const x = Option.getOrThrow(yield* repo.findById("fil_x"))
          const bySigning = ok(coSign(x, { province: "330000", actor: province, date: "2023-03-06" }))
          const byProvince = ok(recordOpinion(x, opinion(province, "2023-03-07", "disagree")))
          const exits = yield* Effect.all(
            [bySigning, byProvince].map((f) => Effect.exit(repo.update(f, x.revision))),
            { concurrency: "unbounded" }
          )
          const won = exits.filter(Exit.isSuccess)
          const lost = exits.flatMap((e) => (Exit.isFailure(e) ? [Cause.squash(e.cause)] : []))
          expect(won).toHaveLength(1)
          expect(lost).toHaveLength(1)
          expect(lost[0]).toMatchObject({ _tag: "FilingChanged", expectedRevision: x.revision })
          const stored = Option.getOrThrow(yield* repo.findById("fil_x"))
          expect(stored.revision).toBe(x.revision + 1)
          expect([bySigning, byProvince]).toContainEqual(stored)
        })
      )

      it.effect("many concurrent writers on one revision: one wins, the others see FilingChanged", () =>
        Effect.gen(function* () {
          const repo = yield* FilingRepository
          const c = competition({ id: "cmp_many" })
          yield* repo.insert(open("fil_many", c))
          const base = Option.getOrThrow(yield* repo.findById("fil_many"))
          const attempts = Array.from({ length: 8 }, (_, i) =>
            ok(recordOpinion(base, { ...opinion(district, "2023-03-02"), text: `第${i}份意见` }))
          )
          const exits = yield* Effect.all(
            attempts.map((f) => Effect.exit(repo.update(f, base.revision))),
            { concurrency: "unbounded" }
          )
          expect(exits.filter(Exit.isSuccess)).toHaveLength(1)
          const stored = Option.getOrThrow(yield* repo.findById("fil_many"))
          expect(stored.opinions).toHaveLength(1)
          expect(attempts).toContainEqual(stored)
        })
      )

      it.effect("refuses a second open or completed filing of a competition; a refused one frees it", () =>
        Effect.gen(function* () {
          const repo = yield* FilingRepository
          // fil_a (cmp_1) is completed: it holds the competition.
          const again = yield* Effect.flip(repo.insert(open("fil_b", competition(), "2023-04-01")))
          expect(again).toMatchObject({
            _tag: "FilingAlreadySubmitted",
            competitionId: "cmp_1",
            filingId: "fil_a"
          })
          expect(yield* repo.findById("fil_b")).toEqual(Option.none())

          // cmp_2: refused at district level, then filed again.
          const c2 = competition({ id: "cmp_2" })
          const first = open("fil_c", c2, "2023-03-01")
          yield* repo.insert(first)
          const blocked = yield* Effect.flip(repo.insert(open("fil_d", c2, "2023-03-02")))
          expect(blocked).toMatchObject({ _tag: "FilingAlreadySubmitted", filingId: "fil_c" })
          const refused = ok(recordOpinion(first, opinion(district, "2023-03-03", "disagree")))
          yield* repo.update(refused, first.revision)
          const second = open("fil_d", c2, "2023-03-10")
          yield* repo.insert(second)
          const third = yield* Effect.flip(repo.insert(open("fil_e", c2, "2023-03-11")))
          expect(third).toMatchObject({ _tag: "FilingAlreadySubmitted", filingId: "fil_d" })
          const listed = yield* repo.listByCompetition("cmp_2")
          expect(listed.map((f) => [f.id, f.status])).toEqual([
            ["fil_c", "refused"],
            ["fil_d", "in_review"]
          ])
          expect(listed[0]).toEqual(refused)
          expect(yield* repo.listByCompetition("cmp_none")).toEqual([])
          // Open filings only: fil_a is completed, fil_c refused; fil_d in review, fil_x awaits co-signatures.
          const open_ = (yield* repo.listOpen()).map((f) => [f.id, f.status])
          expect(open_).toContainEqual(["fil_d", "in_review"])
          expect(open_.map(([id]) => id)).not.toContain("fil_a")
          expect(open_.map(([id]) => id)).not.toContain("fil_c")
          expect(
            open_.every(([, status]) => status === "in_review" || status === "awaiting_co_signature")
          ).toBe(true)
        })
      )

      it.effect("a reused filing id is a defect and stores nothing new", () =>
        Effect.gen(function* () {
          const repo = yield* FilingRepository
          const exit = yield* Effect.exit(repo.insert(open("fil_a", competition({ id: "cmp_other" }))))
          expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
          expect(yield* repo.listByCompetition("cmp_other")).toEqual([])
        })
      )

      it.effect("racing submissions of one competition store exactly one filing", () =>
        Effect.gen(function* () {
          const repo = yield* FilingRepository
          const c = competition({ id: "cmp_race" })
          const exits = yield* Effect.all(
            Array.from({ length: 8 }, (_, i) => Effect.exit(repo.insert(open(`fil_race_${i}`, c)))),
            { concurrency: "unbounded" }
          )
          expect(exits.filter(Exit.isSuccess)).toHaveLength(1)
          const failures = exits.flatMap((e) => (Exit.isFailure(e) ? [Cause.squash(e.cause)] : []))
          expect(failures.every((f) => (f as { _tag?: string })._tag === "FilingAlreadySubmitted")).toBe(true)
          expect(yield* repo.listByCompetition("cmp_race")).toHaveLength(1)
        })
      )

      it.effect("breaks ties of the submission date by id in code-point order, under any server locale", () =>
        Effect.gen(function* () {
          const repo = yield* FilingRepository
          const c = competition({ id: "cmp_tie" })
          const ids = TIE_SUFFIXES.map((suffix) => `fil_tie_${suffix}`)
          // Each filing is refused before the next is submitted (a competition has one open filing at a time).
          for (const id of ids) {
            const filing = open(id, c, "2023-03-01")
            yield* repo.insert(filing)
            yield* repo.update(
              ok(recordOpinion(filing, opinion(district, "2023-03-03", "disagree"))),
              filing.revision
            )
          }
          expect((yield* repo.listByCompetition("cmp_tie")).map((f) => f.id)).toEqual(codePointOrder(ids))
        })
      )

      it.effect(
        "Filings use cases on the store: concurrent submits give one filing, opinions complete it",
        () =>
          Effect.gen(function* () {
            yield* TestClock.setTime(Date.parse("2023-03-01T00:00:00Z"))
            const filings = yield* Filings
            const c = competition({ id: "cmp_use" })
            const exits = yield* Effect.all(
              Array.from({ length: 5 }, () => Effect.exit(filings.submit(c))),
              { concurrency: "unbounded" }
            )
            const submitted = exits.filter(Exit.isSuccess).map((e) => e.value)
            expect(submitted).toHaveLength(1)
            const id = submitted[0]?.id ?? ""
            yield* filings.recordOpinion(id, {
              actor: district,
              level: "district",
              verdict: "agree",
              text: "同意"
            })
            const done = yield* filings.recordOpinion(id, {
              actor: city,
              level: "city",
              verdict: "agree",
              text: "同意"
            })
            expect(done.status).toBe("completed")
            expect(yield* filings.get(id)).toEqual(done)
            expect((yield* filings.incentives(id)).outcome).toBe("available")
          })
      )

      it.effect.skipIf(!sql)(
        "the database itself refuses a second open filing row (partial unique index)",
        () =>
          Effect.gen(function* () {
            const client = yield* SqlClient.SqlClient
            const row = toRow(open("fil_raw", competition({ id: "cmp_2" }), "2023-05-01"))
            const exit = yield* Effect.exit(client`INSERT INTO competition_filings ${client.insert(row)}`)
            expect(Exit.isFailure(exit)).toBe(true)
            // A refused row for the same competition is accepted.
            yield* client`INSERT INTO competition_filings ${client.insert({ ...row, status: "refused" })}`
            const n = yield* client<{ readonly n: number | string }>`
          SELECT COUNT(*) AS n FROM competition_filings
          WHERE competition_id = 'cmp_2' AND status IN ('in_review', 'awaiting_co_signature', 'completed')`
            expect(Number(n[0]?.n)).toBe(1)
            // Reopening a refused filing while another is open is refused by the index too.
            const reopen = yield* Effect.exit(
              client`UPDATE competition_filings SET status = 'in_review' WHERE id = 'fil_raw'`
            )
            expect(Exit.isFailure(reopen)).toBe(true)
          })
      )
    })
  }
)
