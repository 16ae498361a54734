/**
 * Contract of CompetitionRepository (54号·二, 三, 四: competitions with events, fees and contestants; 54号·五,
 * 附件3: published competition plans), run against the domain's in-memory layerTest and every database of
 * TestDatabases.
 */
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Competition } from "@jineng/domain/competition/Competition"
import { CompetitionPlan } from "@jineng/domain/competition/CompetitionPlan"
import {
  CompetitionRepository,
  MAX_COMPETITION_PAGE_SIZE
} from "@jineng/domain/competition/CompetitionRepository"
import { Cause, Effect, Exit, Layer, Option, Schema } from "effect"
import { SqlCompetitionRepository } from "../src/competition/SqlCompetitionRepository.js"
import { codePointOrder, TIE_SUFFIXES } from "./fixtures.js"
import { targets } from "./TestDatabases.js"

const people = (regionCode: string, n: number, prefix = regionCode) =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, regionCode }))

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
        occupations: [{ code: "6-18-02-04", name: "焊工", workType: "电焊工", inCatalogue: true }],
        scope: "whole"
      }
    ],
    fees: [],
    contestants: [...people("320102", 10), ...people("320104", 3)],
    ...over
  })

/** Every optional part present: several events and occupations, fees with and without descriptions. */
const rich = competition({
  id: "cmp_rich",
  name: "2023年南京市职业技能大赛",
  class: "city_class_1",
  group: "student",
  host: { name: "南京市人力资源和社会保障局", creditCode: "91350100M000100Y43", regionCode: "320100" },
  regionCode: "320100",
  startsOn: "2023-09-10",
  endsOn: "2023-09-12",
  events: [
    {
      name: "车工",
      occupations: [
        { code: "6-18-01-01", name: "车工" },
        { code: "6-18-01-02", name: "铣工", workType: "数控铣工", inCatalogue: false }
      ],
      scope: "partial"
    },
    { name: "电工", occupations: [{ code: "6-31-01-03", name: "电工", inCatalogue: true }], scope: "whole" }
  ],
  fees: [
    { kind: "registration", amount: 0.01 },
    { kind: "other", amount: 120.5, description: "资料费" }
  ],
  contestants: [...people("320102", 3), ...people("320205", 2), ...people("310104", 1)],
  participatingRegions: ["320100", "320200", "310104"]
})

/** A plan; a listing field given as undefined is left out. */
const plan = (id: string, over: Record<string, unknown> = {}, listing: Record<string, unknown> = {}) =>
  Schema.decodeUnknownSync(CompetitionPlan)({
    id,
    listing: Object.fromEntries(
      Object.entries({
        host: "南京市人力资源和社会保障局",
        eventName: "焊工",
        time: { from: "2023-06-01", until: "2023-06-02" },
        participationConditions: "在宁就业、具有焊工四级及以上职业技能等级证书的职工",
        registrationPhone: "025-83271773",
        regionCode: "320100",
        ...listing
      }).filter(([, v]) => v !== undefined)
    ),
    publishedOn: "2023-04-01",
    ...over
  })

const implementations = [
  { name: "in-memory layerTest", sql: false, layer: () => CompetitionRepository.layerTest() },
  ...targets.map((t) => ({
    name: t.name,
    sql: true,
    // fresh, and the standalone `layer`: see RevocationOrderRepository.contract.test.ts
    layer: () => Layer.fresh(SqlCompetitionRepository.layer).pipe(Layer.provideMerge(t.layer()))
  }))
]

const ids = <A extends { readonly id: string }>(page: { readonly items: ReadonlyArray<A> }) =>
  page.items.map((c) => c.id)

describe.each(implementations)(
  "54号·二 CompetitionRepository contract — $name",
  ({ layer: makeLayer, sql }) => {
    layer(makeLayer() as Layer.Layer<CompetitionRepository | SqlClient.SqlClient>, { timeout: 60_000 })(
      (it) => {
        it.effect("saves a competition with its events, fees and contestants and reads it back equal", () =>
          Effect.gen(function* () {
            const repo = yield* CompetitionRepository
            const plain = competition()
            yield* repo.save(plain)
            yield* repo.save(rich)
            expect(Option.getOrThrow(yield* repo.findById("cmp_1"))).toEqual(plain)
            expect(Option.getOrThrow(yield* repo.findById("cmp_rich"))).toEqual(rich)
            expect(yield* repo.findById("cmp_unknown")).toEqual(Option.none())
          })
        )

        it.effect("keeps an empty list of participating regions apart from none declared", () =>
          Effect.gen(function* () {
            const repo = yield* CompetitionRepository
            const empty = competition({
              id: "cmp_empty",
              participatingRegions: [],
              contestants: [],
              events: []
            })
            yield* repo.save(empty)
            const found = Option.getOrThrow(yield* repo.findById("cmp_empty"))
            expect(found).toEqual(empty)
            expect(found.participatingRegions).toEqual([])
            expect("participatingRegions" in Option.getOrThrow(yield* repo.findById("cmp_1"))).toBe(false)
          })
        )

        it.effect(
          "saving again replaces the competition whole: no stale event, fee or contestant remains",
          () =>
            Effect.gen(function* () {
              const repo = yield* CompetitionRepository
              const changed = competition({
                id: "cmp_empty",
                name: "2023年玄武区焊工职业技能竞赛（更正）",
                events: rich.events,
                fees: [{ kind: "certificate", amount: 30 }],
                contestants: people("320102", 2, "new")
              })
              yield* repo.save(changed)
              expect(Option.getOrThrow(yield* repo.findById("cmp_empty"))).toEqual(changed)
              const smaller = competition({ id: "cmp_empty", contestants: people("320102", 1, "only") })
              yield* repo.save(smaller)
              expect(Option.getOrThrow(yield* repo.findById("cmp_empty"))).toEqual(smaller)
            })
        )

        it.effect(
          "lists newest first with the total, filtered by region within, class, occupation and dates",
          () =>
            Effect.gen(function* () {
              const repo = yield* CompetitionRepository
              yield* repo.save(
                competition({
                  id: "cmp_wuxi",
                  class: "city_class_2",
                  regionCode: "320200",
                  host: { name: "无锡市总工会", creditCode: "91350100M000100Y43", regionCode: "320200" },
                  startsOn: "2024-03-01",
                  endsOn: "2024-03-01"
                })
              )
              yield* repo.save(
                competition({
                  id: "cmp_province",
                  class: "provincial",
                  regionCode: "320000",
                  host: {
                    name: "江苏省人力资源和社会保障厅",
                    creditCode: "91350100M000100Y43",
                    regionCode: "320000"
                  },
                  startsOn: "2023-06-02",
                  endsOn: "2023-06-05"
                })
              )
              // cmp_empty, cmp_1: 2023-06-01…02 in 320102; cmp_rich: 2023-09-10…12 in 320100.
              const all = yield* repo.list()
              expect(ids(all)).toEqual(["cmp_wuxi", "cmp_rich", "cmp_province", "cmp_empty", "cmp_1"])
              expect(all).toMatchObject({ total: 5, offset: 0, limit: 50 })

              expect(ids(yield* repo.list({ regionCode: "320000" }))).toEqual(ids(all))
              expect(ids(yield* repo.list({ regionCode: "320100" }))).toEqual([
                "cmp_rich",
                "cmp_empty",
                "cmp_1"
              ])
              expect(ids(yield* repo.list({ regionCode: "320102" }))).toEqual(["cmp_empty", "cmp_1"])
              expect(ids(yield* repo.list({ regionCode: "320104" }))).toEqual([])
              expect(ids(yield* repo.list({ class: "county" }))).toEqual(["cmp_empty", "cmp_1"])
              expect(ids(yield* repo.list({ class: "city_class_1" }))).toEqual(["cmp_rich"])
              expect(ids(yield* repo.list({ occupationCode: "6-18-01-02" }))).toEqual(["cmp_rich"])
              expect(ids(yield* repo.list({ occupationCode: "6-18-02-04" }))).toEqual([
                "cmp_wuxi",
                "cmp_province",
                "cmp_empty",
                "cmp_1"
              ])
              // Held on at least one day of the range (both days included).
              expect(ids(yield* repo.list({ from: "2023-06-02", until: "2023-06-02" }))).toEqual([
                "cmp_province",
                "cmp_empty",
                "cmp_1"
              ])
              expect(ids(yield* repo.list({ from: "2023-06-03" }))).toEqual([
                "cmp_wuxi",
                "cmp_rich",
                "cmp_province"
              ])
              expect(ids(yield* repo.list({ until: "2023-06-01" }))).toEqual(["cmp_empty", "cmp_1"])
              const combined = yield* repo.list({
                regionCode: "320100",
                occupationCode: "6-18-02-04",
                from: "2023-01-01"
              })
              expect(ids(combined)).toEqual(["cmp_empty", "cmp_1"])
              expect(combined.total).toBe(2)
            })
        )

        it.effect("pages with offset and limit, counting every match, and clamps the page size", () =>
          Effect.gen(function* () {
            const repo = yield* CompetitionRepository
            const second = yield* repo.list({ offset: 2, limit: 2 })
            expect(ids(second)).toEqual(["cmp_province", "cmp_empty"])
            expect(second).toMatchObject({ total: 5, offset: 2, limit: 2 })
            expect(second.items[1]).toEqual(Option.getOrThrow(yield* repo.findById("cmp_empty")))
            const filtered = yield* repo.list({ regionCode: "320100", offset: 1, limit: 1 })
            expect(ids(filtered)).toEqual(["cmp_empty"])
            expect(filtered.total).toBe(3)
            const beyond = yield* repo.list({ offset: 10 })
            expect(beyond.items).toEqual([])
            expect(beyond.total).toBe(5)
            expect(yield* repo.list({ offset: -3, limit: 100_000 })).toMatchObject({
              offset: 0,
              limit: MAX_COMPETITION_PAGE_SIZE,
              total: 5
            })
            expect((yield* repo.list({ limit: 0 })).limit).toBe(1)
          })
        )

        it.effect("concurrent saves of one competition leave exactly one of them, whole", () =>
          Effect.gen(function* () {
            const repo = yield* CompetitionRepository
            const versions = Array.from({ length: 6 }, (_, i) =>
              competition({
                id: "cmp_race",
                name: `版本${i}`,
                contestants: people("320102", 20 + i * 7, `v${i}`)
              })
            )
            yield* Effect.forEach(versions, (v) => repo.save(v), { concurrency: "unbounded", discard: true })
            const stored = Option.getOrThrow(yield* repo.findById("cmp_race"))
            const winner = versions.find((v) => v.name === stored.name)
            expect(stored).toEqual(winner)
          })
        )

        it.effect.skipIf(!sql)("a save that fails part-way stores nothing of it (all or nothing)", () =>
          Effect.gen(function* () {
            const repo = yield* CompetitionRepository
            const before = Option.getOrThrow(yield* repo.findById("cmp_1"))
            const broken = {
              ...competition({ name: "不应保存", contestants: people("320102", 1200) }),
              // the 1,101st contestant has no region: the third INSERT chunk violates NOT NULL
              contestants: people("320102", 1200).map((p, i) => (i === 1100 ? { id: p.id } : p))
            } as unknown as Competition
            const exit = yield* Effect.exit(repo.save(broken))
            expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
            expect(Option.getOrThrow(yield* repo.findById("cmp_1"))).toEqual(before)
            const client = yield* SqlClient.SqlClient
            const rows = yield* client<{ readonly n: number | string }>`
          SELECT COUNT(*) AS n FROM competition_contestants WHERE competition_id = 'cmp_1'`
            expect(Number(rows[0]?.n)).toBe(before.contestants.length)
          })
        )

        // ---- 附件3 competition plans -------------------------------------------------------------------------

        it.effect(
          "publishes 附件3 plans and reads them back equal, with and without the optional columns",
          () =>
            Effect.gen(function* () {
              const repo = yield* CompetitionRepository
              const full = plan("plan_a", {
                competitionId: "cmp_1",
                occupation: { code: "6-18-02-04", name: "焊工", workType: "电焊工" }
              })
              const bare = plan(
                "plan_b",
                {},
                {
                  regionCode: undefined,
                  time: { from: "2023-07-15" },
                  host: "江苏省总工会",
                  eventName: "电工"
                }
              )
              yield* repo.publishPlan(full)
              yield* repo.publishPlan(bare)
              expect(Option.getOrThrow(yield* repo.findPlanById("plan_a"))).toEqual(full)
              const found = Option.getOrThrow(yield* repo.findPlanById("plan_b"))
              expect(found).toEqual(bare)
              expect("regionCode" in found.listing).toBe(false)
              expect("until" in found.listing.time).toBe(false)
              expect(yield* repo.findPlanById("plan_unknown")).toEqual(Option.none())
            })
        )

        it.effect("records the first filer of a competition and keeps it; none for others", () =>
          Effect.gen(function* () {
            const repo = yield* CompetitionRepository
            yield* repo.save(competition({ id: "cmp_filed" }))
            expect(yield* repo.filerOf("cmp_filed")).toEqual(Option.none())
            expect(
              yield* repo.recordFiler("cmp_filed", { organisationId: "org-host", filedOn: "2023-03-01" })
            ).toBe(true)
            expect(
              yield* repo.recordFiler("cmp_filed", { organisationId: "org-other", filedOn: "2023-03-02" })
            ).toBe(false)
            // saving the competition again keeps its filer
            yield* repo.save(competition({ id: "cmp_filed", name: "更正后的竞赛名称" }))
            expect(yield* repo.filerOf("cmp_filed")).toEqual(
              Option.some({ organisationId: "org-host", filedOn: "2023-03-01" })
            )
            expect(yield* repo.filerOf("cmp_unknown")).toEqual(Option.none())
          })
        )

        it.effect("publishing a plan again under its id replaces the earlier listing", () =>
          Effect.gen(function* () {
            const repo = yield* CompetitionRepository
            const corrected = plan(
              "plan_a",
              { publishedOn: "2023-04-05" },
              { registrationPhone: "025-12345678" }
            )
            yield* repo.publishPlan(corrected)
            expect(Option.getOrThrow(yield* repo.findPlanById("plan_a"))).toEqual(corrected)
            expect((yield* repo.listPlans()).total).toBe(2)
          })
        )

        it.effect(
          "lists plans for the public newest first, filtered by region within, occupation and dates",
          () =>
            Effect.gen(function* () {
              const repo = yield* CompetitionRepository
              yield* repo.publishPlan(
                plan(
                  "plan_c",
                  { occupation: { code: "6-18-02-04", name: "焊工" } },
                  { regionCode: "320102", time: { from: "2023-08-01", until: "2023-08-03" } }
                )
              )
              yield* repo.publishPlan(
                plan("plan_d", { occupation: { code: "6-31-01-03", name: "电工" } }, { regionCode: "320205" })
              )
              // plan_a: 320100, 2023-06-01…02, no occupation; plan_b: no region, 2023-07-15; plan_c: 320102 焊工
              // 2023-08-01…03; plan_d: 320205 电工 2023-06-01…02.
              const all = yield* repo.listPlans()
              expect(ids(all)).toEqual(["plan_c", "plan_b", "plan_d", "plan_a"])
              expect(all.total).toBe(4)
              expect(ids(yield* repo.listPlans({ regionCode: "320100" }))).toEqual(["plan_c", "plan_a"])
              expect(ids(yield* repo.listPlans({ regionCode: "320000" }))).toEqual([
                "plan_c",
                "plan_d",
                "plan_a"
              ])
              expect(ids(yield* repo.listPlans({ regionCode: "320205" }))).toEqual(["plan_d"])
              expect(ids(yield* repo.listPlans({ occupationCode: "6-18-02-04" }))).toEqual(["plan_c"])
              expect(ids(yield* repo.listPlans({ from: "2023-07-01" }))).toEqual(["plan_c", "plan_b"])
              expect(ids(yield* repo.listPlans({ from: "2023-06-02", until: "2023-07-15" }))).toEqual([
                "plan_b",
                "plan_d",
                "plan_a"
              ])
              const paged = yield* repo.listPlans({ offset: 1, limit: 2 })
              expect(ids(paged)).toEqual(["plan_b", "plan_d"])
              expect(paged).toMatchObject({ total: 4, offset: 1, limit: 2 })
            })
        )

        it.effect("breaks ties of the start date by id in code-point order, under any server locale", () =>
          Effect.gen(function* () {
            const repo = yield* CompetitionRepository
            const competitionIds = TIE_SUFFIXES.map((suffix) => `cmp_${suffix}`)
            for (const id of competitionIds) {
              yield* repo.save(
                competition({
                  id,
                  host: {
                    name: "鼓楼区人力资源和社会保障局",
                    creditCode: "91350100M000100Y43",
                    regionCode: "320302"
                  },
                  regionCode: "320302",
                  startsOn: "2030-06-01",
                  endsOn: "2030-06-02",
                  contestants: people("320302", 3)
                })
              )
            }
            expect(ids(yield* repo.list({ regionCode: "320302" }))).toEqual(
              codePointOrder(competitionIds).reverse()
            )
            const planIds = TIE_SUFFIXES.map((suffix) => `plan_${suffix}`)
            for (const id of planIds) {
              yield* repo.publishPlan(plan(id, {}, { regionCode: "320302", time: { from: "2030-07-01" } }))
            }
            expect(ids(yield* repo.listPlans({ regionCode: "320302" }))).toEqual(
              codePointOrder(planIds).reverse()
            )
          })
        )
      }
    )
  }
)
