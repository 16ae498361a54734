/**
 * Contract of what employers file and of finding technical records by id (54号·三 企业评价规范备案, 54号·一 破格晋升
 * 规章制度): enterprise norm filings round-trip, change status, and list by status, by region (sub-regions
 * included) and by employer, newest first and paginated; registered 破格 rules round-trip and list by
 * publication date; national standards, banks, norms and catalogue entries are found by id. Run against the
 * domain's in-memory layerTest and every database of TestDatabases.
 */
import { describe, expect, layer } from "@effect/vitest"
import type { EmployerPromotionRule } from "@jineng/domain/eligibility/EligibilityFacts"
import { EmployerPromotionRuleRepository } from "@jineng/domain/eligibility/EmployerPromotionRuleRepository"
import type { EnterpriseNormFiling } from "@jineng/domain/occupation/EnterpriseNormFiling"
import { EnterpriseNormFilingRepository } from "@jineng/domain/occupation/EnterpriseNormFilingRepository"
import { StandardRepository } from "@jineng/domain/occupation/StandardRepository"
import { Effect, Layer, Option } from "effect"
import { SqlEnterpriseNormFilingRepository } from "../src/catalogue/SqlEnterpriseNormFilingRepository.js"
import { SqlStandardRepository } from "../src/catalogue/SqlStandardRepository.js"
import { SqlEmployerPromotionRuleRepository } from "../src/ruletable/SqlEmployerPromotionRuleRepository.js"
import { targets } from "./TestDatabases.js"

const implementations = [
  {
    name: "in-memory layerTest",
    layer: () =>
      Layer.mergeAll(
        EnterpriseNormFilingRepository.layerTest(),
        EmployerPromotionRuleRepository.layerTest(),
        StandardRepository.layerTest()
      )
  },
  ...targets.map((t) => ({
    name: t.name,
    layer: () =>
      Layer.fresh(
        Layer.mergeAll(
          SqlEnterpriseNormFilingRepository.layer,
          SqlEmployerPromotionRuleRepository.layer,
          SqlStandardRepository.layer
        )
      ).pipe(Layer.provide(t.layer()))
  }))
]

const filing = (
  id: string,
  employerId: string,
  regionCode: string,
  submittedOn: string
): EnterpriseNormFiling =>
  ({
    submission: { id, title: `《${id}评价规范》`, employerId, occupationCode: "4-04-05-09", levels: [5, 4] },
    employerUscc: "91320100MA0000023K",
    regionCode,
    submittedBy: `org-${employerId}`,
    submittedOn,
    status: "submitted"
  }) as unknown as EnterpriseNormFiling

/** Nanjing 玄武区 (two filings), Suzhou 吴中区, Nanjing itself. */
const A = filing("norm-a", "inst-a", "320102", "2025-01-10")
const B = filing("norm-b", "inst-a", "320102", "2025-02-10")
const C = filing("norm-c", "inst-c", "320506", "2025-02-10")
const D = filing("norm-d", "inst-d", "320100", "2025-03-01")

const rule = (documentId: string, publishedOn: string): EmployerPromotionRule => ({
  employerId: "inst-a",
  documentId,
  title: "职业技能等级破格晋升管理办法",
  publishedOn,
  publishedToAllStaff: true,
  writtenForm: true,
  allowedLevels: [3, 2],
  maxLevelsAbove: 2
})

const ids = (page: { readonly items: ReadonlyArray<EnterpriseNormFiling> }) =>
  page.items.map((f) => f.submission.id)

describe.each(implementations)("54号·三 employer filings contract — $name", ({ layer: makeLayer }) => {
  layer(makeLayer(), { timeout: 60_000 })((it) => {
    it.effect("54号·三 saves, finds and re-saves a filing with its decision", () =>
      Effect.gen(function* () {
        const filings = yield* EnterpriseNormFilingRepository
        for (const f of [A, B, C, D]) yield* filings.save(f)
        expect(Option.getOrThrow(yield* filings.find("norm-a"))).toEqual(A)
        expect(Option.isNone(yield* filings.find("norm-x"))).toBe(true)
        const filed: EnterpriseNormFiling = {
          ...B,
          status: "filed",
          decision: { decidedBy: "org-centre", decidedOn: "2025-02-20", filedWith: "inst-centre" }
        }
        yield* filings.save(filed)
        expect(Option.getOrThrow(yield* filings.find("norm-b"))).toEqual(filed)
      })
    )

    it.effect(
      "54号·三 lists newest first by status, region (sub-regions included) and employer, paginated",
      () =>
        Effect.gen(function* () {
          const filings = yield* EnterpriseNormFilingRepository
          const page = { limit: 20, offset: 0 }
          expect(ids(yield* filings.list(page))).toEqual(["norm-d", "norm-b", "norm-c", "norm-a"])
          expect(ids(yield* filings.list({ ...page, regionCode: "320100" }))).toEqual([
            "norm-d",
            "norm-b",
            "norm-a"
          ])
          expect(ids(yield* filings.list({ ...page, regionCode: "320102" }))).toEqual(["norm-b", "norm-a"])
          expect(ids(yield* filings.list({ ...page, regionCode: "320000" }))).toHaveLength(4)
          expect(ids(yield* filings.list({ ...page, status: "filed" }))).toEqual(["norm-b"])
          expect(ids(yield* filings.list({ ...page, employerIds: ["inst-a", "org-a"] }))).toEqual([
            "norm-b",
            "norm-a"
          ])
          expect(ids(yield* filings.list({ ...page, employerIds: [] }))).toEqual([])
          const second = yield* filings.list({ limit: 2, offset: 2 })
          expect(ids(second)).toEqual(["norm-c", "norm-a"])
          expect(second.total).toBe(4)
        })
    )

    it.effect("54号·一 registers 破格 rules per employer and document, listed by publication date", () =>
      Effect.gen(function* () {
        const rules = yield* EmployerPromotionRuleRepository
        const later = {
          rule: rule("精工人〔2025〕1号", "2025-01-05"),
          registeredBy: "org-a",
          registeredOn: "2025-01-06"
        }
        const earlier = {
          rule: rule("精工人〔2024〕3号", "2024-06-01"),
          registeredBy: "org-a",
          registeredOn: "2025-01-06"
        }
        yield* rules.insert(later)
        yield* rules.insert(earlier)
        expect(Option.getOrThrow(yield* rules.find("inst-a", "精工人〔2024〕3号"))).toEqual(earlier)
        expect(Option.isNone(yield* rules.find("inst-b", "精工人〔2024〕3号"))).toBe(true)
        expect(yield* rules.listByEmployer("inst-a")).toEqual([earlier, later])
        expect(yield* rules.listByEmployer("inst-b")).toEqual([])
      })
    )

    it.effect("54号·三 finds national standards, banks, norms and catalogue entries by id", () =>
      Effect.gen(function* () {
        const standards = yield* StandardRepository
        const standard = {
          id: "std-x",
          occupationCode: "6-18-01-01",
          title: "《车工国家职业技能标准》",
          edition: "2018年版",
          publishedOn: "2018-12-01",
          effectiveFrom: "2019-01-01",
          levels: [5, 4, 3] as const,
          relatedOccupations: ["6-18-01-02"]
        }
        const bank = {
          id: "bank-x",
          occupationCode: "6-18-01-01",
          workType: "数控车工",
          levels: [4] as const,
          approvedOn: "2024-01-01"
        }
        const norm = {
          id: "norm-x",
          title: "规范",
          employerUscc: "91320100MA0000023K",
          occupationCode: "4-04-05-09",
          levels: [5] as const,
          filedWith: "inst-centre",
          filedOn: "2025-01-01"
        }
        const entry = {
          id: "entry-x",
          occupationCode: "4-04-05-09",
          levels: [5, 4] as const,
          normTitle: "规范",
          questionBankId: "bank-x",
          approvedBy: "org-centre",
          listedOn: "2025-01-01"
        }
        yield* standards.saveStandard(standard as never)
        yield* standards.saveQuestionBank(bank as never)
        yield* standards.saveEnterpriseNorm(norm as never)
        yield* standards.saveProvincialEntry(entry as never)
        expect(Option.getOrThrow(yield* standards.findStandard("std-x"))).toEqual(standard)
        expect(Option.getOrThrow(yield* standards.findQuestionBank("bank-x"))).toEqual(bank)
        expect(Option.getOrThrow(yield* standards.findEnterpriseNorm("norm-x"))).toEqual(norm)
        expect(Option.getOrThrow(yield* standards.findProvincialEntry("entry-x"))).toEqual(entry)
        expect(Option.isNone(yield* standards.findStandard("bank-x"))).toBe(true)
        expect(Option.isNone(yield* standards.findProvincialEntry("std-x"))).toBe(true)
      })
    )
  })
})
