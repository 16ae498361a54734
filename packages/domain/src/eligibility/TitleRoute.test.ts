import { describe, expect, it } from "vitest"
import type { SkillLevel } from "../codes/SkillLevel.js"
import { Cite } from "../rule/Citation.js"
import type { EligibilityFacts, TitleFacts } from "./EligibilityFacts.js"
import { DEFAULT_TITLE_BRIDGE, type TitleBridgeTable } from "./TitleBridge.js"
import { TITLE_RULE, titleRoute } from "./TitleRoute.js"

const OCC = "6-18-01-01"

const title = (o: Partial<TitleFacts> = {}): TitleFacts => ({
  titleName: "工程师",
  titleLevel: "intermediate",
  obtainedOn: "2021-09-01",
  fieldRelation: "same",
  ...o
})

const facts = (targetLevel: SkillLevel, t: TitleFacts | undefined): EligibilityFacts => ({
  route: "title",
  occupationCode: OCC,
  targetLevel,
  applicationDate: "2024-06-01",
  workPeriods: [],
  priorCertificates: [],
  education: [],
  apprenticeshipCompleted: false,
  preparatoryTechnicianCertificate: false,
  standard: { occupationCode: OCC, edition: "2018", levels: [5, 4, 3, 2, 1] },
  ...(t === undefined ? {} : { title: t })
})

const DEFAULT_REF = {
  table: "title-bridge",
  version: "jineng-default-2022-05-01",
  effectiveFrom: "2022-05-01",
  provisional: true
}

describe("54号·一 贯通 (苏人社发〔2021〕132号) with the provisional default table", () => {
  it.each([
    ["junior", 3],
    ["intermediate", 2],
    ["deputy_senior", 1],
    ["senior", 1]
  ] as const)(
    "a %s title leads to level %i, and the decision says the row was provisional",
    (titleLevel, level) => {
      const d = titleRoute(facts(level, title({ titleLevel })), DEFAULT_TITLE_BRIDGE)
      expect(d.outcome).toBe("allowed")
      expect(d.rule).toBe(TITLE_RULE)
      expect(d.citations).toEqual([Cite.eligibility, Cite.titleBridge])
      expect(d.ruleVersions).toEqual([DEFAULT_REF])
      expect(d.provisional).toHaveLength(1)
      expect(d.provisional[0]?.citation).toBe(Cite.titleBridge)
      expect(d.provisional[0]?.reason).toContain("132号原文")
    }
  )

  it("ships the default with provenance: source 132号, a zh-CN note, provisional", () => {
    expect(DEFAULT_TITLE_BRIDGE.provisional).toBe(true)
    expect(DEFAULT_TITLE_BRIDGE.provenance.source).toBe(Cite.titleBridge)
    expect(DEFAULT_TITLE_BRIDGE.provenance.note).toContain("未获取苏人社发〔2021〕132号原文")
    expect(DEFAULT_TITLE_BRIDGE.provenance.note).toContain("domain.md §2")
  })

  it("allows a lower level than the row gives", () => {
    expect(titleRoute(facts(3, title()), DEFAULT_TITLE_BRIDGE).outcome).toBe("allowed")
  })

  it("refuses a level above the row's", () => {
    const d = titleRoute(facts(1, title()), DEFAULT_TITLE_BRIDGE)
    expect(d.outcome).toBe("refused")
    expect(d.failures).toMatchObject([
      {
        code: "TargetAboveTableLevel",
        rule: TITLE_RULE,
        field: "targetLevel",
        seen: 1,
        required: 2,
        citation: Cite.titleBridge
      }
    ])
    expect(d.provisional).toHaveLength(1)
  })

  it("accepts a related field and refuses an unrelated one", () => {
    expect(titleRoute(facts(2, title({ fieldRelation: "related" })), DEFAULT_TITLE_BRIDGE).outcome).toBe(
      "allowed"
    )
    expect(
      titleRoute(facts(2, title({ fieldRelation: "unrelated" })), DEFAULT_TITLE_BRIDGE).failures
    ).toMatchObject([
      {
        code: "TitleFieldNotRelated",
        field: "title.fieldRelation",
        seen: "unrelated",
        required: "same_or_related"
      }
    ])
  })

  it("refuses a title obtained after the application date", () => {
    expect(
      titleRoute(facts(2, title({ obtainedOn: "2024-06-02" })), DEFAULT_TITLE_BRIDGE).failures
    ).toMatchObject([
      { code: "TitleObtainedAfterApplication", seen: "2024-06-02", required: "<= 2024-06-01" }
    ])
  })

  it("refuses without the route's facts or without a table version in force", () => {
    expect(titleRoute(facts(2, undefined), DEFAULT_TITLE_BRIDGE).failures).toMatchObject([
      { code: "RouteFactsMissing" }
    ])
    expect(titleRoute(facts(2, title()), undefined).failures).toMatchObject([{ code: "RuleTableNotInForce" }])
  })
})

describe("54号·一 贯通 with an administrator's table", () => {
  const province: TitleBridgeTable = {
    table: "title-bridge",
    version: "js-2025-01",
    effectiveFrom: "2025-01-01",
    provisional: false,
    provenance: { source: Cite.titleBridge, note: "按132号原文录入", publishedBy: "js-hrss" },
    rows: [{ titleLevel: "intermediate", targetLevel: 3, fieldRelation: "same" }]
  }

  it("follows its rows, carries its version and no provisional note", () => {
    const d = titleRoute(facts(3, title()), province)
    expect(d.outcome).toBe("allowed")
    expect(d.provisional).toEqual([])
    expect(d.ruleVersions).toEqual([
      { table: "title-bridge", version: "js-2025-01", effectiveFrom: "2025-01-01", provisional: false }
    ])
    expect(titleRoute(facts(2, title()), province).failures).toMatchObject([
      { code: "TargetAboveTableLevel", required: 3 }
    ])
  })

  it("requires the same field where the row says so", () => {
    expect(titleRoute(facts(3, title({ fieldRelation: "related" })), province).failures).toMatchObject([
      { code: "TitleFieldNotRelated", required: "same" }
    ])
  })

  it("refuses a title level the table does not list", () => {
    expect(titleRoute(facts(3, title({ titleLevel: "junior" })), province).failures).toMatchObject([
      { code: "TitleLevelNotInTable", seen: "junior", required: ["intermediate"] }
    ])
  })
})
