/**
 * Contract of StandardRepository (54号·三 "确定评价职业（工种）" and "规范技术标准"): the catalogue (base edition and
 * dated MOHRSS notices), listing and search, bulk upsert counts, and the technical resources per occupation —
 * run against the domain's in-memory layerTest and every database of TestDatabases.
 */
import { readFileSync } from "node:fs"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer as testLayer } from "@effect/vitest"
import { BASE_EDITION } from "@jineng/domain/occupation/BaseEdition"
import { certifiable } from "@jineng/domain/occupation/Certifiable"
import { EnterpriseNorm } from "@jineng/domain/occupation/EnterpriseNorm"
import { NationalStandard } from "@jineng/domain/occupation/NationalStandard"
import { Occupation } from "@jineng/domain/occupation/Occupation"
import { lookupOf, nameOn, workTypesOn } from "@jineng/domain/occupation/OccupationCatalogue"
import { OccupationNotice } from "@jineng/domain/occupation/OccupationNotice"
import { toOccupation } from "@jineng/domain/occupation/OccupationRecord"
import { ProvincialCatalogueEntry } from "@jineng/domain/occupation/ProvincialCatalogueEntry"
import { QuestionBank } from "@jineng/domain/occupation/QuestionBank"
import { StandardRepository } from "@jineng/domain/occupation/StandardRepository"
import { Effect, Either, Layer, Option, Schema } from "effect"
import { parseCatalogue } from "../src/catalogue/CatalogueImport.js"
import { SqlStandardRepository } from "../src/catalogue/SqlStandardRepository.js"
import { codePointOrder, TIE_SUFFIXES } from "./fixtures.js"
import { targets } from "./TestDatabases.js"

const SEED = new URL("../seed/occupations.seed.jsonl", import.meta.url)
const seed = Either.getOrThrow(parseCatalogue(readFileSync(SEED, "utf8"))).map(toOccupation)
const byCode = (code: string): Occupation => {
  const o = seed.find((s) => s.code === code)
  if (o === undefined) throw new Error(`not in the seed: ${code}`)
  return o
}
const TURNER = "6-18-01-01"
const WELDER = "6-18-02-04"
const SECRETARY = "3-01-02-02"
const HOUSEKEEPER = "4-10-01-06"
/** A code the 大典 file does not hold, added by a notice in these tests. */
const ADDED = "4-14-02-99"

const added = Schema.decodeUnknownSync(Occupation)({
  code: ADDED,
  name: "测试新增职业",
  major: { code: "4", name: "社会生产服务和生活服务人员" },
  middle: { code: "4-14", name: "健康、体育和休闲服务人员" },
  minor: { code: "4-14-02", name: "健康咨询服务人员" },
  workTypes: ["测试工种甲"],
  workTypeCount: 1,
  green: false,
  digital: true
})

const notice2023 = Schema.decodeUnknownSync(OccupationNotice)({
  documentNumber: "人社厅发〔2023〕测1号",
  title: "关于发布新职业信息的通知（测试）",
  date: "2023-03-01",
  added: [added],
  renamed: [{ code: SECRETARY, previousName: "秘书", name: "行政秘书" }],
  workTypesAdded: [{ code: TURNER, workTypes: ["数控车工", "普通车工"] }]
})

/** Re-adds a base-edition occupation: the dated addition governs (makeCatalogue). */
const notice2024 = Schema.decodeUnknownSync(OccupationNotice)({
  documentNumber: "人社厅发〔2024〕测2号",
  date: "2024-07-01",
  added: [{ ...byCode(HOUSEKEEPER), name: "家政服务员（新）" }],
  renamed: []
})

const standard = (id: string, effectiveFrom: string, extra: object = {}) =>
  Schema.decodeUnknownSync(NationalStandard)({
    id,
    occupationCode: TURNER,
    title: "《车工国家职业技能标准》",
    edition: `${effectiveFrom.slice(0, 4)}年版`,
    publishedOn: effectiveFrom,
    effectiveFrom,
    levels: [5, 4, 3, 2, 1],
    ...extra
  })

const standardWithConditions = standard("std-turner-2018", "2019-01-01", {
  conditions: [
    {
      level: 4,
      alternatives: [
        {
          id: "4a",
          text: "取得本职业五级证书后，累计从事本职业工作4年（含）以上",
          priorLevel: 5,
          minWorkYears: 4
        },
        { id: "4b", text: "累计从事本职业工作6年（含）以上", minWorkYears: 6 }
      ]
    }
  ],
  relatedOccupations: ["6-18-01-02", "6-18-01-04"]
})

const bank = (id: string, extra: object = {}) =>
  Schema.decodeUnknownSync(QuestionBank)({
    id,
    occupationCode: TURNER,
    levels: [5, 4, 3],
    approvedOn: "2022-06-01",
    ...extra
  })

const norm = Schema.decodeUnknownSync(EnterpriseNorm)({
  id: "norm-1",
  title: "某机械有限公司车工评价规范",
  employerUscc: "91320100MA0000023K",
  occupationCode: TURNER,
  workType: "数控车工",
  levels: [4, 3],
  filedWith: "江苏省职业技能鉴定中心",
  filedOn: "2023-05-10"
})

const provincial = (id: string, listedOn: string) =>
  Schema.decodeUnknownSync(ProvincialCatalogueEntry)({
    id,
    occupationCode: TURNER,
    levels: [3, 2],
    normTitle: "车工评价规范（江苏）",
    questionBankId: "bank-a",
    approvedBy: "centre-320000",
    listedOn
  })

const implementations = [
  { name: "in-memory layerTest", layer: () => StandardRepository.layerTest() },
  ...targets.map((t) => ({
    name: t.name,
    layer: () => Layer.fresh(SqlStandardRepository.layer).pipe(Layer.provide(t.layer()))
  }))
]

const codesOf = (page: { readonly items: ReadonlyArray<{ readonly occupation: Occupation }> }) =>
  page.items.map((e) => e.occupation.code)

describe.each(implementations)("54号·三 StandardRepository contract — $name", ({ layer }) => {
  testLayer(layer(), { timeout: 60_000 })((it) => {
    it.effect(
      "upserts occupations in bulk and counts inserted, updated and unchanged per distinct code",
      () =>
        Effect.gen(function* () {
          const repo = yield* StandardRepository
          expect(seed).toHaveLength(45)
          expect(yield* repo.upsertOccupations(seed)).toEqual({ inserted: 45, updated: 0, unchanged: 0 })
          expect(yield* repo.upsertOccupations(seed)).toEqual({ inserted: 0, updated: 0, unchanged: 45 })
          expect(yield* repo.upsertOccupations([])).toEqual({ inserted: 0, updated: 0, unchanged: 0 })
          const secretary = byCode(SECRETARY)
          const counts = yield* repo.upsertOccupations([
            { ...secretary, name: "秘书（临时）" },
            byCode(TURNER),
            { ...secretary, green: true },
            secretary
          ])
          // The code given three times counts once, as its last version: unchanged.
          expect(counts).toEqual({ inserted: 0, updated: 0, unchanged: 2 })
          expect(yield* repo.upsertOccupations([{ ...secretary, digital: true }])).toEqual({
            inserted: 0,
            updated: 1,
            unchanged: 0
          })
          expect(yield* repo.upsertOccupations([secretary])).toEqual({
            inserted: 0,
            updated: 1,
            unchanged: 0
          })
        })
    )

    it.effect("reads a base-edition occupation back as its catalogue entry", () =>
      Effect.gen(function* () {
        const repo = yield* StandardRepository
        for (const o of seed) {
          const entry = Option.getOrThrow(yield* repo.catalogueEntry(o.code))
          expect(entry).toEqual({
            occupation: o,
            listedFrom: BASE_EDITION.appliesFrom,
            source: BASE_EDITION.id,
            fromBaseEdition: true,
            renames: [],
            addedWorkTypes: []
          })
        }
        expect(yield* repo.catalogueEntry("6-99-99-99")).toEqual(Option.none())
      })
    )

    it.effect(
      "stores 工种 names, keeps them when an upsert carries none and replaces them when it does",
      () =>
        Effect.gen(function* () {
          const repo = yield* StandardRepository
          const welder = byCode(WELDER)
          const named = { ...welder, workTypes: ["电焊工", "气焊工"] }
          expect(yield* repo.upsertOccupations([named])).toEqual({ inserted: 0, updated: 1, unchanged: 0 })
          const entryOf = (code: string) => Effect.map(repo.catalogueEntry(code), Option.getOrThrow)
          expect((yield* entryOf(WELDER)).occupation).toEqual(named)
          expect(yield* repo.upsertOccupations([welder])).toEqual({ inserted: 0, updated: 0, unchanged: 1 })
          expect((yield* entryOf(WELDER)).occupation.workTypes).toEqual(["电焊工", "气焊工"])
          expect(yield* repo.upsertOccupations([{ ...welder, workTypes: ["气焊工"] }])).toEqual({
            inserted: 0,
            updated: 1,
            unchanged: 0
          })
          expect((yield* entryOf(WELDER)).occupation.workTypes).toEqual(["气焊工"])
          // restore for the following tests: the names stay (an upsert without names keeps them)
          expect(yield* repo.upsertOccupations([welder])).toEqual({ inserted: 0, updated: 0, unchanged: 1 })
        })
    )

    it.effect("a notice dated 2023-03-01 lists its occupation from that date only (certifiable)", () =>
      Effect.gen(function* () {
        const repo = yield* StandardRepository
        expect(yield* repo.catalogueEntry(ADDED)).toEqual(Option.none())
        const before = certifiable(lookupOf([]), ADDED, undefined, "2023-03-01")
        expect(before.failures.map((f) => f.code)).toEqual(["OccupationNotInCatalogue"])

        yield* repo.recordNotice(notice2023)
        const entry = Option.getOrThrow(yield* repo.catalogueEntry(ADDED))
        expect(entry).toEqual({
          occupation: added,
          listedFrom: "2023-03-01",
          source: notice2023.documentNumber,
          fromBaseEdition: false,
          renames: [],
          addedWorkTypes: []
        })
        const catalogue = lookupOf([entry])
        const dayBefore = certifiable(catalogue, ADDED, undefined, "2023-02-28")
        expect(dayBefore.outcome).toBe("refused")
        expect(dayBefore.failures.map((f) => f.code)).toEqual(["OccupationNotYetListed"])
        expect(certifiable(catalogue, ADDED, undefined, "2023-03-01").outcome).toBe("allowed")
        expect(certifiable(catalogue, ADDED, "测试工种甲", "2023-03-01").outcome).toBe("allowed")
        expect(certifiable(catalogue, ADDED, "擅造工种", "2023-03-01").outcome).toBe("refused")
      })
    )

    it.effect("applies a notice's renames and 工种 additions from its date", () =>
      Effect.gen(function* () {
        const repo = yield* StandardRepository
        const secretary = Option.getOrThrow(yield* repo.catalogueEntry(SECRETARY))
        expect(secretary.renames).toEqual([
          { from: "2023-03-01", name: "行政秘书", source: notice2023.documentNumber }
        ])
        expect(nameOn(secretary, "2023-02-28")).toBe("秘书")
        expect(nameOn(secretary, "2023-03-01")).toBe("行政秘书")
        const turner = Option.getOrThrow(yield* repo.catalogueEntry(TURNER))
        expect(turner.addedWorkTypes).toEqual([
          { from: "2023-03-01", workTypes: ["数控车工", "普通车工"], source: notice2023.documentNumber }
        ])
        expect(workTypesOn(turner, "2023-02-28")).toEqual([])
        expect(workTypesOn(turner, "2023-03-01")).toEqual(["数控车工", "普通车工"])
        const catalogue = lookupOf([turner])
        expect(certifiable(catalogue, TURNER, "数控车工", "2023-02-28").outcome).toBe("allowed")
        expect(certifiable(catalogue, TURNER, "数控车工", "2023-03-01").outcome).toBe("allowed")
        expect(certifiable(catalogue, TURNER, "擅造工种", "2023-03-01").outcome).toBe("refused")
      })
    )

    it.effect("a notice re-adding a base-edition occupation governs its listing date and name", () =>
      Effect.gen(function* () {
        const repo = yield* StandardRepository
        yield* repo.recordNotice(notice2024)
        const entry = Option.getOrThrow(yield* repo.catalogueEntry(HOUSEKEEPER))
        expect(entry.listedFrom).toBe("2024-07-01")
        expect(entry.fromBaseEdition).toBe(false)
        expect(entry.occupation.name).toBe("家政服务员（新）")
        expect(certifiable(lookupOf([entry]), HOUSEKEEPER, undefined, "2024-06-30").outcome).toBe("refused")
      })
    )

    it.effect("lists notices by date and replaces a notice recorded again under its document number", () =>
      Effect.gen(function* () {
        const repo = yield* StandardRepository
        expect(yield* repo.listNotices).toEqual([notice2023, notice2024])
        const corrected = { ...notice2023, renamed: [], title: "关于发布新职业信息的通知（更正）" }
        yield* repo.recordNotice(corrected)
        expect(yield* repo.listNotices).toEqual([corrected, notice2024])
        expect(Option.getOrThrow(yield* repo.catalogueEntry(SECRETARY)).renames).toEqual([])
        yield* repo.recordNotice(notice2023)
        expect(yield* repo.listNotices).toEqual([notice2023, notice2024])
      })
    )

    it.effect(
      "lists the catalogue in code order, filtered by major category, with the notice additions",
      () =>
        Effect.gen(function* () {
          const repo = yield* StandardRepository
          const all = yield* repo.listOccupations({ limit: 500 })
          const expected = [...seed.map((o) => o.code), ADDED].sort()
          expect(all.total).toBe(46)
          expect(codesOf(all)).toEqual(expected)
          expect(all).toMatchObject({ offset: 0, limit: 500 })
          const added = all.items.find((e) => e.occupation.code === ADDED)
          expect(added?.listedFrom).toBe("2023-03-01")

          const perMajor = { "3": 2, "4": 31, "5": 3, "6": 10, "2": 0 }
          for (const [major, n] of Object.entries(perMajor)) {
            const page = yield* repo.listOccupations({ major, limit: 500 })
            expect(page.total).toBe(n)
            expect(codesOf(page).every((c) => c.startsWith(`${major}-`))).toBe(true)
          }
          const defaults = yield* repo.listOccupations()
          expect(defaults).toMatchObject({ total: 46, offset: 0, limit: 50 })
        })
    )

    it.effect("pages through the catalogue without gaps or repeats", () =>
      Effect.gen(function* () {
        const repo = yield* StandardRepository
        const seen: Array<string> = []
        for (let offset = 0; offset < 50; offset += 10) {
          const page = yield* repo.listOccupations({ offset, limit: 10 })
          expect(page.total).toBe(46)
          expect(page.items.length).toBe(Math.min(10, 46 - offset))
          seen.push(...codesOf(page))
        }
        expect(seen).toEqual([...seed.map((o) => o.code), ADDED].sort())
        const fours = yield* repo.listOccupations({ major: "4", offset: 30, limit: 10 })
        expect(fours).toMatchObject({ total: 31, offset: 30, limit: 10 })
        expect(codesOf(fours)).toEqual(["4-14-05-01"])
        const clamped = yield* repo.listOccupations({ offset: -5, limit: 10_000 })
        expect(clamped).toMatchObject({ offset: 0, limit: 500, total: 46 })
      })
    )

    it.effect("searches names (as listed, added or renamed) and code prefixes", () =>
      Effect.gen(function* () {
        const repo = yield* StandardRepository
        const search = (text: string, major?: string) =>
          Effect.map(repo.listOccupations({ text, major, limit: 500 }), codesOf)
        expect(yield* search("焊")).toEqual([WELDER])
        expect(yield* search(" 车工 ")).toEqual([TURNER])
        expect(yield* search("烹调师")).toEqual(["4-03-02-01", "4-03-02-03"])
        expect(yield* search("6-18")).toEqual(["6-18-01-01", "6-18-01-02", "6-18-01-04", "6-18-02-04"])
        expect(yield* search("行政秘书")).toEqual([SECRETARY])
        expect(yield* search("测试新增")).toEqual([ADDED])
        // the base name and the adding notice's name both find the occupation
        expect(yield* search("家政服务员（新）")).toEqual([HOUSEKEEPER])
        expect(yield* search("家政")).toEqual([HOUSEKEEPER])
        expect(yield* search("员", "6")).toEqual(["6-31-07-03"])
        expect(yield* search("师", "5")).toEqual([])
        expect(yield* search("%")).toEqual([])
        expect(yield* search("_")).toEqual([])
        expect((yield* repo.listOccupations({ text: "   " })).total).toBe(46)
      })
    )

    it.effect("round-trips standards, question banks, enterprise norms and provincial entries", () =>
      Effect.gen(function* () {
        const repo = yield* StandardRepository
        const plain = standard("std-turner-2009", "2009-06-01")
        yield* repo.saveStandard(standardWithConditions)
        yield* repo.saveStandard(plain)
        const bankA = bank("bank-a", { workType: "数控车工", expiresOn: "2026-12-31" })
        const bankB = bank("bank-b", { approvedOn: "2022-01-01" })
        yield* repo.saveQuestionBank(bankA)
        yield* repo.saveQuestionBank(bankB)
        yield* repo.saveEnterpriseNorm(norm)
        const entryB = provincial("jsml-b", "2024-09-01")
        const entryA = provincial("jsml-a", "2024-09-01")
        yield* repo.saveProvincialEntry(entryB)
        yield* repo.saveProvincialEntry(entryA)
        const file = yield* repo.forOccupation(TURNER)
        expect(file.code).toBe(TURNER)
        expect(file.entry).toEqual(Option.getOrUndefined(yield* repo.catalogueEntry(TURNER)))
        expect(file.basis).toEqual({
          standards: [plain, standardWithConditions],
          questionBanks: [bankB, bankA],
          enterpriseNorms: [norm],
          provincialEntries: [entryA, entryB]
        })
        expect(file.basis.questionBanks[0]).not.toHaveProperty("workType")
        expect(file.basis.questionBanks[0]).not.toHaveProperty("expiresOn")
        expect(file.basis.standards[0]).not.toHaveProperty("conditions")

        const other = yield* repo.forOccupation(WELDER)
        expect(other.entry?.occupation.code).toBe(WELDER)
        expect(other.basis).toEqual({
          standards: [],
          questionBanks: [],
          enterpriseNorms: [],
          provincialEntries: []
        })
        const unknown = yield* repo.forOccupation("6-99-99-99")
        expect(unknown.entry).toBeUndefined()
      })
    )

    it.effect("saving a record under an existing id replaces it", () =>
      Effect.gen(function* () {
        const repo = yield* StandardRepository
        const revised = standard("std-turner-2009", "2009-06-01", {
          levels: [5, 4, 3],
          title: "《车工》（修订）"
        })
        yield* repo.saveStandard(revised)
        const expired = bank("bank-b", { approvedOn: "2022-01-01", expiresOn: "2023-12-31" })
        yield* repo.saveQuestionBank(expired)
        const { workType: _workType, ...rest } = norm
        const normWithoutWorkType: EnterpriseNorm = { ...rest, filedOn: "2023-06-01" }
        yield* repo.saveEnterpriseNorm(normWithoutWorkType)
        const relisted = provincial("jsml-b", "2024-08-01")
        yield* repo.saveProvincialEntry(relisted)
        const { basis } = yield* repo.forOccupation(TURNER)
        expect(basis.standards).toEqual([revised, standardWithConditions])
        expect(basis.questionBanks).toEqual([
          expired,
          bank("bank-a", { workType: "数控车工", expiresOn: "2026-12-31" })
        ])
        expect(basis.enterpriseNorms).toEqual([normWithoutWorkType])
        expect(basis.enterpriseNorms[0]).not.toHaveProperty("workType")
        expect(basis.provincialEntries).toEqual([relisted, provincial("jsml-a", "2024-09-01")])
      })
    )

    it.effect("breaks ties of the dates by id in code-point order, under any server locale", () =>
      Effect.gen(function* () {
        const repo = yield* StandardRepository
        const ids = (prefix: string) => TIE_SUFFIXES.map((suffix) => `${prefix}_${suffix}`)
        const occupationCode = SECRETARY
        for (const id of ids("std")) yield* repo.saveStandard(standard(id, "2030-01-01", { occupationCode }))
        for (const id of ids("bank")) yield* repo.saveQuestionBank(bank(id, { occupationCode }))
        for (const id of ids("norm")) yield* repo.saveEnterpriseNorm({ ...norm, id, occupationCode })
        for (const id of ids("jsml"))
          yield* repo.saveProvincialEntry({ ...provincial(id, "2030-01-01"), occupationCode })
        const { basis } = yield* repo.forOccupation(SECRETARY)
        expect({
          standards: basis.standards.map((r) => r.id),
          questionBanks: basis.questionBanks.map((r) => r.id),
          enterpriseNorms: basis.enterpriseNorms.map((r) => r.id),
          provincialEntries: basis.provincialEntries.map((r) => r.id)
        }).toEqual({
          standards: codePointOrder(ids("std")),
          questionBanks: codePointOrder(ids("bank")),
          enterpriseNorms: codePointOrder(ids("norm")),
          provincialEntries: codePointOrder(ids("jsml"))
        })
      })
    )
  })
})

describe.each(targets)("54号·三 catalogue tables — $name", ({ layer }) => {
  testLayer(Layer.fresh(SqlStandardRepository.layer).pipe(Layer.provideMerge(layer())), { timeout: 60_000 })(
    (it) => {
      it.effect("the migration seeds the Jiangsu GB/T 2260 table: the province, 13 cities, 95 counties", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const rows = yield* sql<{ readonly level: string; readonly n: number | string }>`
            SELECT level, COUNT(*) AS n FROM regions GROUP BY level ORDER BY level`
          expect(rows.map((r) => [r.level, Number(r.n)])).toEqual([
            ["city", 13],
            ["county", 95],
            ["province", 1]
          ])
          const xuanwu = yield* sql<{ readonly name: string; readonly parent_code: string }>`
            SELECT name, parent_code FROM regions WHERE code = '320102'`
          expect(xuanwu).toEqual([{ name: "玄武区", parent_code: "320100" }])
        })
      )

      it.effect("a bulk upsert failing in a later chunk writes nothing", () =>
        Effect.gen(function* () {
          const repo = yield* StandardRepository
          const sql = yield* SqlClient.SqlClient
          const many = Array.from({ length: 700 }, (_, i): Occupation => {
            const code = `6-${String(50 + Math.floor(i / 100)).padStart(2, "0")}-01-${String(i % 100).padStart(2, "0")}`
            return {
              ...byCode(TURNER),
              code,
              name: i === 650 ? (null as unknown as string) : `批量职业${i}`,
              middle: { code: code.slice(0, 4), name: "测试中类" },
              minor: { code: code.slice(0, 7), name: "测试小类" }
            }
          })
          const exit = yield* Effect.exit(repo.upsertOccupations(many))
          expect(exit._tag).toBe("Failure")
          const count = yield* sql<{ readonly n: number | string }>`SELECT COUNT(*) AS n FROM occupations`
          expect(Number(count[0]?.n)).toBe(0)
          expect(yield* repo.upsertOccupations(many.slice(0, 600))).toEqual({
            inserted: 600,
            updated: 0,
            unchanged: 0
          })
        })
      )
    }
  )
})
