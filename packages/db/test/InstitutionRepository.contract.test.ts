/**
 * Contract of InstitutionRepository (54号·五 目录清单式动态管理: region, validity and levels published per
 * institution, admitted / suspended / removed with history), run against the domain's in-memory layerTest and
 * every database of TestDatabases.
 */
import { describe, expect, layer as testLayer } from "@effect/vitest"
import type { StatusEntry } from "@jineng/domain/institution/CatalogueStatus"
import { Institution } from "@jineng/domain/institution/Institution"
import type { InstitutionQuery } from "@jineng/domain/institution/InstitutionQuery"
import { InstitutionRepository } from "@jineng/domain/institution/InstitutionRepository"
import type { InstitutionScope } from "@jineng/domain/institution/InstitutionScope"
import { Effect, Either, Layer, Option, Schema } from "effect"
import { SqlInstitutionRepository } from "../src/institution/SqlInstitutionRepository.js"
import { targets } from "./TestDatabases.js"

const implementations = [
  { name: "in-memory layerTest", layer: () => InstitutionRepository.layerTest() },
  ...targets.map((t) => ({
    name: t.name,
    // fresh: @effect/vitest would otherwise share the module-level layer's first build across the targets
    layer: () => Layer.fresh(SqlInstitutionRepository.layer).pipe(Layer.provide(t.layer()))
  }))
]

const decode = Schema.decodeUnknownSync(Institution)

const entry = (status: StatusEntry["status"], date: string, reason = "目录调整"): StatusEntry => ({
  status,
  date,
  reason,
  actor: "org-province"
})

const prefix = (type: "S" | "Y", siteSerial: string) => ({
  type,
  institutionCode: "0000",
  province: "32",
  siteSerial
})

/** 南京市玄武区 third party: 车工 levels 5–3 in 南京 to 2025-04-30, 营销员 level 2 province-wide. */
const instA = decode({
  id: "inst-a",
  name: "江苏甲职业技能评价有限公司",
  kind: "third_party",
  uscc: "91320100MA0000015Q",
  region: "320102",
  filedWith: "province",
  numberingPrefix: prefix("S", "000001"),
  responsiblePerson: { name: "张三" },
  seal: { id: "seal-a", name: "江苏甲职业技能评价有限公司职业技能等级认定专用章" },
  authorisations: [
    {
      id: "auth-a1",
      occupations: [{ code: "6-18-01-01", workType: "车工" }],
      levels: [5, 4, 3],
      region: "320100",
      validFrom: "2022-05-01",
      validUntil: "2025-04-30"
    },
    {
      id: "auth-a2",
      occupations: [{ code: "4-01-02-01" }],
      levels: [2],
      region: "320000",
      validFrom: "2023-01-01",
      validUntil: "2026-12-31"
    }
  ],
  statusHistory: [entry("admitted", "2022-05-01", "首批纳入目录")]
})

/** 昆山 third party: 车工 (every 工种) levels 2–1 in 苏州, suspended from 2023-03-01. */
const instB = decode({
  id: "inst-b",
  name: "昆山乙技能评价中心",
  kind: "third_party",
  uscc: "91320100MA0000015Q",
  region: "320583",
  filedWith: "province",
  numberingPrefix: prefix("S", "000002"),
  responsiblePerson: { name: "李四" },
  seal: { id: "seal-b", name: "昆山乙技能评价中心职业技能等级认定专用章" },
  authorisations: [
    {
      id: "auth-b1",
      occupations: [{ code: "6-18-01-01" }, { code: "6-18-01-02" }],
      levels: [2, 1],
      region: "320500",
      validFrom: "2022-06-01",
      validUntil: "2024-05-31"
    }
  ],
  statusHistory: [entry("admitted", "2022-06-01"), entry("suspended", "2023-03-01", "专项评估不合格")]
})

/** 南京 employer: 电工 level 5; removed 2023-01-01, re-admitted 2024-01-01. */
const instC = decode({
  id: "inst-c",
  name: "南京丙机械制造有限公司",
  kind: "employer",
  uscc: "91320100MA0000015Q",
  region: "320100",
  filedWith: "province",
  numberingPrefix: prefix("Y", "000003"),
  responsiblePerson: { name: "王五" },
  seal: { id: "seal-c", name: "南京丙机械制造有限公司" },
  authorisations: [
    {
      id: "auth-c1",
      occupations: [{ code: "6-31-01-03" }],
      levels: [5],
      region: "320100",
      validFrom: "2022-05-01",
      validUntil: "2027-04-30"
    }
  ],
  statusHistory: [
    entry("admitted", "2022-05-01"),
    entry("removed", "2023-01-01"),
    entry("admitted", "2024-01-01")
  ]
})

const centre = (id: string, kind: string, region: string, name: string) =>
  decode({
    id,
    name,
    kind,
    uscc: "12320000MB000006XA",
    region,
    filedWith: "province",
    responsiblePerson: { name: "赵六" },
    seal: { id: `seal-${id}`, name },
    authorisations: [],
    statusHistory: [entry("admitted", "2022-05-01")]
  })

const suzhouCentre = centre("centre-320500", "city_appraisal_centre", "320500", "苏州市职业技能鉴定中心")
const provincialCentre = centre(
  "centre-320000",
  "provincial_appraisal_centre",
  "320000",
  "江苏省职业技能鉴定中心"
)

const all = [instB, suzhouCentre, instA, provincialCentre, instC]
/** Directory order: region code, name, id. */
const directoryOrder = ["centre-320000", "inst-c", "inst-a", "centre-320500", "inst-b"]

const ids = (query: InstitutionQuery) =>
  Effect.gen(function* () {
    const repo = yield* InstitutionRepository
    const page = yield* repo.list(query)
    expect(page.total).toBe(page.items.length)
    return page.items.map((i) => i.id)
  })

describe.each(implementations)("54号·五 InstitutionRepository contract — $name", ({ layer }) => {
  testLayer(layer(), { timeout: 60_000 })((it) => {
    it.effect("stores institutions with authorisations and histories and reads them back equal", () =>
      Effect.gen(function* () {
        const repo = yield* InstitutionRepository
        for (const i of all) yield* repo.insert(i)
        for (const i of all) expect(Option.getOrThrow(yield* repo.findById(i.id))).toEqual(i)
        expect(yield* repo.findById("inst-zz")).toEqual(Option.none())
        expect(yield* repo.scopeChanges("inst-a")).toEqual([])
      })
    )

    it.effect(
      "refuses a duplicate id, a taken numbering prefix and an invalid history, writing nothing",
      () =>
        Effect.gen(function* () {
          const repo = yield* InstitutionRepository
          const again = yield* Effect.flip(repo.insert({ ...instA, name: "改名" }))
          expect(again).toMatchObject({ _tag: "InstitutionAlreadyExists", institutionId: "inst-a" })
          const clash = yield* Effect.flip(repo.insert({ ...instA, id: "inst-x" }))
          expect(clash).toMatchObject({
            _tag: "NumberingPrefixTaken",
            prefix: "S000032000001",
            heldBy: "inst-a"
          })
          expect(clash.message).toBe("证书编号前缀 S000032000001 已由评价机构 inst-a 使用")
          const invalid = { ...instA, id: "inst-y", numberingPrefix: prefix("S", "000099") }
          const twice = yield* Effect.flip(
            repo.insert({
              ...invalid,
              statusHistory: [entry("admitted", "2022-05-01"), entry("admitted", "2022-06-01")]
            })
          )
          expect(twice).toMatchObject({ _tag: "InvalidStatusTransition", from: "admitted", to: "admitted" })
          expect(yield* repo.findById("inst-x")).toEqual(Option.none())
          expect(yield* repo.findById("inst-y")).toEqual(Option.none())
          expect(Option.getOrThrow(yield* repo.findById("inst-a")).name).toBe(instA.name)
          expect((yield* repo.list()).total).toBe(5)
        })
    )

    it.effect("lists the directory in region, name, id order with totals across pages", () =>
      Effect.gen(function* () {
        const repo = yield* InstitutionRepository
        expect(yield* ids({})).toEqual(directoryOrder)
        const pages = yield* Effect.forEach([0, 2, 4], (offset) => repo.list({ offset, limit: 2 }))
        expect(pages.map((p) => p.total)).toEqual([5, 5, 5])
        expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1])
        expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(directoryOrder)
        expect(pages[1]?.items[0]).toEqual(instA)
        const past = yield* repo.list({ offset: 10, limit: 2 })
        expect(past).toEqual({ items: [], total: 5, offset: 10, limit: 2 })
        const clamped = yield* repo.list({ offset: -3, limit: 0 })
        expect([clamped.offset, clamped.limit, clamped.items.length]).toEqual([0, 1, 1])
        expect((yield* repo.list({ limit: 10_000 })).limit).toBe(500)
        const thirdParties = yield* repo.list({ kind: "third_party", limit: 1, offset: 1 })
        expect([thirdParties.total, thirdParties.items.map((i) => i.id)]).toEqual([2, ["inst-b"]])
      })
    )

    it.effect("filters by region containment: a city holds its districts, the province holds all", () =>
      Effect.gen(function* () {
        expect(yield* ids({ regionCode: "320000" })).toEqual(directoryOrder)
        expect(yield* ids({ regionCode: "320100" })).toEqual(["inst-c", "inst-a"])
        expect(yield* ids({ regionCode: "320102" })).toEqual(["inst-a"])
        expect(yield* ids({ regionCode: "320500" })).toEqual(["centre-320500", "inst-b"])
        expect(yield* ids({ regionCode: "320583" })).toEqual(["inst-b"])
        expect(yield* ids({ regionCode: "320104" })).toEqual([])
        expect(yield* ids({ regionCode: "110000" })).toEqual([])
        expect(yield* ids({ kind: "city_appraisal_centre" })).toEqual(["centre-320500"])
        expect(yield* ids({ kind: "third_party", regionCode: "320100" })).toEqual(["inst-a"])
      })
    )

    it.effect("filters by catalogue status on a date (the entry's day included) or as last recorded", () =>
      Effect.gen(function* () {
        expect(yield* ids({ status: "admitted", statusOn: "2023-06-01" })).toEqual([
          "centre-320000",
          "inst-a",
          "centre-320500"
        ])
        expect(yield* ids({ status: "admitted", statusOn: "2024-06-01" })).toEqual([
          "centre-320000",
          "inst-c",
          "inst-a",
          "centre-320500"
        ])
        expect(yield* ids({ status: "admitted", statusOn: "2022-05-31" })).toEqual([
          "centre-320000",
          "inst-c",
          "inst-a",
          "centre-320500"
        ])
        expect(yield* ids({ status: "suspended", statusOn: "2023-03-01" })).toEqual(["inst-b"])
        expect(yield* ids({ status: "suspended", statusOn: "2023-02-28" })).toEqual([])
        expect(yield* ids({ status: "removed", statusOn: "2023-12-31" })).toEqual(["inst-c"])
        expect(yield* ids({ status: "removed", statusOn: "2024-01-01" })).toEqual([])
        expect(yield* ids({ status: "admitted", statusOn: "2022-04-30" })).toEqual([])
        expect(yield* ids({ status: "suspended" })).toEqual(["inst-b"])
        expect(yield* ids({ status: "removed" })).toEqual([])
        expect(yield* ids({ status: "admitted", statusOn: "2023-06-01", regionCode: "320500" })).toEqual([
          "centre-320500"
        ])
      })
    )

    it.effect("filters by occupation, 工种, level and validity within one authorisation", () =>
      Effect.gen(function* () {
        expect(yield* ids({ occupationCode: "6-18-01-01" })).toEqual(["inst-a", "inst-b"])
        // inst-a is authorised for 车工 (levels 5–3) and for level 2 (营销员), never for 车工 level 2
        expect(yield* ids({ occupationCode: "6-18-01-01", level: 2 })).toEqual(["inst-b"])
        expect(yield* ids({ occupationCode: "4-01-02-01", level: 2 })).toEqual(["inst-a"])
        expect(yield* ids({ level: 5 })).toEqual(["inst-c", "inst-a"])
        expect(yield* ids({ occupationCode: "6-18-01-01", workType: "车工" })).toEqual(["inst-a", "inst-b"])
        expect(yield* ids({ occupationCode: "6-18-01-01", workType: "数控车工" })).toEqual(["inst-b"])
        expect(yield* ids({ occupationCode: "6-18-01-02" })).toEqual(["inst-b"])
        expect(yield* ids({ occupationCode: "6-99-99-99" })).toEqual([])
      })
    )

    it.effect("includes an authorisation's last valid day and excludes the day after", () =>
      Effect.gen(function* () {
        expect(yield* ids({ occupationCode: "6-18-01-01", validOn: "2025-04-30" })).toEqual(["inst-a"])
        expect(yield* ids({ occupationCode: "6-18-01-01", validOn: "2025-05-01" })).toEqual([])
        expect(yield* ids({ occupationCode: "6-18-01-01", validOn: "2024-05-31" })).toEqual([
          "inst-a",
          "inst-b"
        ])
        expect(yield* ids({ occupationCode: "6-18-01-01", validOn: "2022-05-31" })).toEqual(["inst-a"])
        expect(yield* ids({ validOn: "2022-05-01" })).toEqual(["inst-c", "inst-a"])
        expect(yield* ids({ validOn: "2026-12-31", level: 2 })).toEqual(["inst-a"])
        expect(yield* ids({ validOn: "2027-01-01", level: 2 })).toEqual([])
      })
    )

    it.effect("filters by a part of the name, taking LIKE's wildcards literally", () =>
      Effect.gen(function* () {
        expect(yield* ids({ nameContains: "技能评价" })).toEqual(["inst-a", "inst-b"])
        expect(yield* ids({ nameContains: " 昆山乙 " })).toEqual(["inst-b"])
        expect(yield* ids({ nameContains: "南京丙", regionCode: "320500" })).toEqual([])
        expect(yield* ids({ nameContains: "%" })).toEqual([])
        expect(yield* ids({ nameContains: "_" })).toEqual([])
      })
    )

    it.effect("filters by the region an authorisation serves (the asked region lies within it)", () =>
      Effect.gen(function* () {
        expect(yield* ids({ servesRegion: "320583" })).toEqual(["inst-a", "inst-b"])
        expect(yield* ids({ servesRegion: "320583", occupationCode: "6-18-01-01" })).toEqual(["inst-b"])
        expect(yield* ids({ servesRegion: "320102", occupationCode: "6-18-01-01" })).toEqual(["inst-a"])
        expect(yield* ids({ servesRegion: "320100", level: 5 })).toEqual(["inst-c", "inst-a"])
        expect(yield* ids({ servesRegion: "320000", level: 5 })).toEqual([])
        expect(
          yield* ids({
            servesRegion: "320505",
            occupationCode: "6-18-01-01",
            level: 1,
            validOn: "2023-01-01",
            status: "admitted",
            statusOn: "2023-01-01",
            kind: "third_party",
            regionCode: "320500"
          })
        ).toEqual(["inst-b"])
      })
    )

    it.effect("changes an institution's scope and keeps the change with the scope before and after", () =>
      Effect.gen(function* () {
        const repo = yield* InstitutionRepository
        const [auth] = instB.authorisations
        if (auth === undefined) throw new Error("fixture")
        const scope: InstitutionScope = {
          region: "320583",
          authorisations: [{ ...auth, levels: [3, 2, 1], validUntil: "2026-05-31" }]
        }
        const change = { date: "2024-05-20", reason: "苏人社函〔2024〕1号 延续评价资质", actor: "org-suzhou" }
        const next = yield* repo.updateScope("inst-b", scope, change)
        expect(next).toEqual({ ...instB, authorisations: scope.authorisations })
        expect(Option.getOrThrow(yield* repo.findById("inst-b"))).toEqual(next)
        expect(yield* repo.scopeChanges("inst-b")).toEqual([
          { ...change, before: { region: instB.region, authorisations: instB.authorisations }, after: scope }
        ])
        expect(yield* ids({ occupationCode: "6-18-01-01", validOn: "2025-05-01", level: 3 })).toEqual([
          "inst-b"
        ])
        const moved = yield* repo.updateScope(
          "inst-c",
          { region: "320115", authorisations: instC.authorisations },
          { ...change, reason: "迁址江宁区" }
        )
        expect(moved.region).toBe("320115")
        expect(yield* ids({ regionCode: "320115" })).toEqual(["inst-c"])
        expect(yield* ids({ regionCode: "320100" })).toEqual(["inst-a", "inst-c"])
        expect(yield* ids({ regionCode: "320102" })).toEqual(["inst-a"])
        expect((yield* repo.scopeChanges("inst-c")).map((c) => [c.before.region, c.after.region])).toEqual([
          ["320100", "320115"]
        ])
      })
    )

    it.effect("refuses a scope that leaves the institution invalid, writing nothing", () =>
      Effect.gen(function* () {
        const repo = yield* InstitutionRepository
        const before = Option.getOrThrow(yield* repo.findById("inst-a"))
        const refused = yield* Effect.flip(
          repo.updateScope(
            "inst-a",
            { region: "110101", authorisations: [] },
            { date: "2024-06-01", reason: "迁往北京", actor: "org-province" }
          )
        )
        expect(refused._tag).toBe("InvalidInstitutionScope")
        expect(refused.message).toContain("证书编号省级代码应与机构所在地一致")
        expect(Option.getOrThrow(yield* repo.findById("inst-a"))).toEqual(before)
        expect(yield* repo.scopeChanges("inst-a")).toEqual([])
        const missing = yield* Effect.flip(
          repo.updateScope(
            "inst-zz",
            { region: "320102", authorisations: [] },
            {
              date: "2024-06-01",
              reason: "x",
              actor: "y"
            }
          )
        )
        expect(missing).toMatchObject({ _tag: "InstitutionNotFound", institutionId: "inst-zz" })
      })
    )

    it.effect(
      "moves through suspend, restore, remove and re-admit; refuses an invalid move, writing nothing",
      () =>
        Effect.gen(function* () {
          const repo = yield* InstitutionRepository
          const moves: ReadonlyArray<StatusEntry> = [
            entry("suspended", "2024-01-10", "专项评估不合格，暂停评价"),
            entry("admitted", "2024-02-01", "整改合格，恢复评价"),
            entry("removed", "2024-06-01", "违规发放证书，移出目录"),
            entry("admitted", "2024-07-01", "重新申请，准入")
          ]
          for (const [n, move] of moves.entries()) {
            const next = yield* repo.appendStatus("inst-a", move)
            expect(next.statusHistory).toEqual([...instA.statusHistory, ...moves.slice(0, n + 1)])
          }
          const stored = Option.getOrThrow(yield* repo.findById("inst-a"))
          expect(stored.statusHistory.map((e) => e.status)).toEqual([
            "admitted",
            "suspended",
            "admitted",
            "removed",
            "admitted"
          ])
          expect(yield* ids({ status: "removed", statusOn: "2024-06-15" })).toEqual(["inst-a"])

          const twice = yield* Effect.flip(repo.appendStatus("inst-a", entry("admitted", "2024-08-01")))
          expect(twice).toMatchObject({ _tag: "InvalidStatusTransition", from: "admitted", to: "admitted" })
          const early = yield* Effect.flip(repo.appendStatus("inst-a", entry("suspended", "2024-06-30")))
          expect(early).toMatchObject({ _tag: "InvalidStatusTransition", lastDate: "2024-07-01" })
          expect(early.message).toBe("目录状态变更日期 2024-06-30 早于最近一次变更日期 2024-07-01")
          const readmittedTwice = yield* Effect.flip(
            repo.appendStatus("inst-c", entry("admitted", "2024-02-01"))
          )
          expect(readmittedTwice).toMatchObject({ _tag: "InvalidStatusTransition", from: "admitted" })
          expect(Option.getOrThrow(yield* repo.findById("inst-a"))).toEqual(stored)
          expect(Option.getOrThrow(yield* repo.findById("inst-c")).statusHistory).toEqual(instC.statusHistory)
          const missing = yield* Effect.flip(repo.appendStatus("inst-zz", entry("suspended", "2024-01-01")))
          expect(missing).toMatchObject({ _tag: "InstitutionNotFound", institutionId: "inst-zz" })
        })
    )

    it.effect("concurrent changes of one institution: exactly one suspension is recorded", () =>
      Effect.gen(function* () {
        const repo = yield* InstitutionRepository
        const results = yield* Effect.forEach(
          Array.from({ length: 6 }, (_, n) => n),
          (n) =>
            Effect.either(
              repo.appendStatus("centre-320500", entry("suspended", "2024-09-01", `并发暂停${n}`))
            ),
          { concurrency: "unbounded" }
        )
        expect(results.filter(Either.isRight)).toHaveLength(1)
        const refused = results.filter(Either.isLeft).map((r) => r.left._tag)
        expect(refused).toEqual(Array.from({ length: 5 }, () => "InvalidStatusTransition"))
        const history = Option.getOrThrow(yield* repo.findById("centre-320500")).statusHistory
        expect(history.map((e) => e.status)).toEqual(["admitted", "suspended"])
      })
    )
  })
})
