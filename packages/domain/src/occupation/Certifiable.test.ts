import { describe, expect, it } from "vitest"
import { occupation } from "../../test/OccupationFixtures.js"
import { Cite } from "../rule/Citation.js"
import { CERTIFIABLE_RULE, certifiable } from "./Certifiable.js"
import type { Occupation } from "./Occupation.js"
import { makeCatalogue } from "./OccupationCatalogue.js"
import type { OccupationNotice } from "./OccupationNotice.js"

const base = [
  occupation("6-18-01-01", "车工", { workTypes: ["普通车工", "数控车工"], workTypeCount: 2 }),
  occupation("3-01-02-01", "行政业务办理员"),
  occupation("2-02-07-04", "机械设计工程技术人员"),
  occupation("4-01-02-01", "营销员", { workTypeCount: 3 }),
  occupation("4-04-05-05", "旧名职业")
]

const notices: ReadonlyArray<OccupationNotice> = [
  {
    documentNumber: "人社厅发〔2024〕1号",
    date: "2024-07-01",
    added: [occupation("4-04-05-09", "新增数字职业", { digital: true })],
    renamed: [{ code: "4-04-05-05", previousName: "旧名职业", name: "新名职业" }],
    workTypesAdded: [{ code: "6-18-01-01", workTypes: ["精密车工"] }]
  }
]

const catalogue = makeCatalogue(base, notices)

describe("54号·三 certifiable occupations (大典 categories 3–6 and dated MOHRSS notices)", () => {
  it.each([
    ["2022-04-30", "not_in_force"],
    ["2022-05-01", "allowed"]
  ] as const)("on %s a base-edition occupation is %s", (date, outcome) => {
    const d = certifiable(catalogue, "6-18-01-01", undefined, date)
    expect(d.outcome).toBe(outcome)
    if (outcome === "not_in_force") expect(d.failures.map((f) => f.code)).toEqual(["NotInForce"])
  })

  it("flags the base-edition reading provisional when it lets an occupation through", () => {
    const d = certifiable(catalogue, "3-01-02-01", undefined, "2022-05-01")
    expect(d).toMatchObject({ outcome: "allowed", rule: CERTIFIABLE_RULE, citations: [Cite.standards] })
    expect(d.provisional).toHaveLength(1)
    expect(d.provisional[0]?.citation).toBe(Cite.domainDecisions)
    expect(d.provisional[0]?.reason).toContain("2022-05-01")
  })

  it.each([
    ["3-01-02-01", "3", "allowed"],
    ["2-02-07-04", "2", "refused"]
  ] as const)("occupation %s of major category %s is %s", (code, major, outcome) => {
    const d = certifiable(catalogue, code, undefined, "2023-01-01")
    expect(d.outcome).toBe(outcome)
    if (outcome === "refused") {
      expect(d.failures).toEqual([
        expect.objectContaining({
          code: "MajorCategoryNotCertifiable",
          rule: CERTIFIABLE_RULE,
          field: "occupationCode",
          seen: major,
          required: ["3", "4", "5", "6"],
          citation: Cite.standards
        })
      ])
      expect(d.failures[0]?.message).toContain("第二大类（专业技术人员）")
      expect(d.provisional).toEqual([])
    }
  })

  it("refuses an occupation code that is in no catalogue: 不得擅造职业（工种）名称", () => {
    const d = certifiable(catalogue, "6-99-99-99", undefined, "2023-01-01")
    expect(d.outcome).toBe("refused")
    expect(d.failures.map((f) => [f.code, f.seen])).toEqual([["OccupationNotInCatalogue", "6-99-99-99"]])
    expect(d.failures[0]?.message).toContain("不得擅造职业（工种）名称")
  })

  it("reports both the major category and the missing entry for an unknown category-1 code", () => {
    const d = certifiable(catalogue, "1-99-00-01", undefined, "2023-01-01")
    expect(d.failures.map((f) => f.code)).toEqual(["MajorCategoryNotCertifiable", "OccupationNotInCatalogue"])
  })

  it.each([
    ["2024-06-30", "refused"],
    ["2024-07-01", "allowed"]
  ] as const)("an occupation added by a notice dated 2024-07-01 is %s on %s", (date, outcome) => {
    const d = certifiable(catalogue, "4-04-05-09", undefined, date)
    expect(d.outcome).toBe(outcome)
    if (outcome === "refused") {
      expect(d.failures).toEqual([
        expect.objectContaining({
          code: "OccupationNotYetListed",
          field: "date",
          seen: date,
          required: ">= 2024-07-01"
        })
      ])
      expect(d.failures[0]?.message).toContain("人社厅发〔2024〕1号")
    } else {
      expect(d.provisional).toEqual([])
    }
  })

  it("lets a dated addition govern an occupation that the base file also holds", () => {
    const cat = makeCatalogue(base, [
      {
        documentNumber: "人社厅发〔2023〕9号",
        date: "2023-03-01",
        added: [base[1] as Occupation],
        renamed: [],
        workTypesAdded: []
      }
    ])
    expect(certifiable(cat, "3-01-02-01", undefined, "2023-02-28").outcome).toBe("refused")
    const d = certifiable(cat, "3-01-02-01", undefined, "2023-03-01")
    expect(d.outcome).toBe("allowed")
    expect(d.provisional).toEqual([])
  })

  describe("工种", () => {
    it.each([
      ["数控车工", "2022-05-01", "allowed"],
      ["精密车工", "2024-06-30", "refused"],
      ["精密车工", "2024-07-01", "allowed"],
      ["激光车工", "2024-07-01", "refused"]
    ] as const)("工种 %s under 车工 on %s is %s", (workType, date, outcome) => {
      const d = certifiable(catalogue, "6-18-01-01", workType, date)
      expect(d.outcome).toBe(outcome)
      if (outcome === "refused") {
        expect(d.failures).toEqual([
          expect.objectContaining({ code: "WorkTypeNotListed", field: "workType", seen: workType })
        ])
        expect(d.failures[0]?.message).toContain("不得擅造职业（工种）名称")
      }
    })

    it("refuses a 工种 under an occupation for which the 大典 lists none", () => {
      const d = certifiable(catalogue, "3-01-02-01", "自拟工种", "2023-01-01")
      expect(d.failures).toEqual([
        expect.objectContaining({ code: "WorkTypeNotListed", seen: "自拟工种", required: [] })
      ])
    })

    it("accepts, provisionally, a 工种 of an occupation whose 工种 names are not on file", () => {
      const d = certifiable(catalogue, "4-01-02-01", "某工种", "2023-01-01")
      expect(d.outcome).toBe("allowed")
      expect(d.provisional.map((p) => p.reason).join("\n")).toContain("工种名称尚未入库")
      expect(d.provisional).toHaveLength(2)
    })
  })
})
