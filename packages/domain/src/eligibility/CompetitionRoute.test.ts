import { describe, expect, it } from "vitest"
import { deriveCertificateNumber } from "../codes/CertificateNumber.js"
import { checkCharacter, isResidentIdNumber } from "../codes/ResidentIdNumber.js"
import type { SkillLevel } from "../codes/SkillLevel.js"
import { Cite } from "../rule/Citation.js"
import { type CompetitionPromotionTable, DEFAULT_COMPETITION_PROMOTION } from "./CompetitionPromotion.js"
import { COMPETITION_RULE, competitionRoute } from "./CompetitionRoute.js"
import type { CompetitionFacts, EligibilityFacts } from "./EligibilityFacts.js"
import { RELATED_INFERENCE_NOTE } from "./OccupationRelation.js"

const OCC = "6-18-01-01"
/** A valid number whose address code is 南京市玄武区. */
const JIANGSU_ID = `32010219900101123${checkCharacter("32010219900101123")}`
const PREFIX = { type: "S", institutionCode: "0000", province: "32", siteSerial: "000003" } as const

const competition = (o: Partial<CompetitionFacts> = {}): CompetitionFacts => ({
  competitionId: "JS-2024-HJ-01",
  competitionClass: "city_class_1",
  group: "worker",
  occupationCode: OCC,
  heldOn: "2024-04-20",
  rank: 1,
  filingRequired: "none",
  jiangsuPensionMonths: 36,
  ...o
})

const facts = (
  c: CompetitionFacts | undefined,
  current: SkillLevel | null = 4,
  o: Partial<EligibilityFacts> = {}
): EligibilityFacts => ({
  route: "competition",
  occupationCode: OCC,
  targetLevel: 3,
  applicationDate: "2024-06-01",
  workPeriods: [{ from: "2019-01-01", to: "2024-05-31", occupationCode: OCC }],
  priorCertificates:
    current === null
      ? []
      : [
          {
            number: deriveCertificateNumber(PREFIX, 2021, current, 9),
            occupationCode: OCC,
            level: current,
            issuedOn: "2021-03-01"
          }
        ],
  education: [],
  apprenticeshipCompleted: false,
  preparatoryTechnicianCertificate: false,
  standard: { occupationCode: OCC, edition: "2018", levels: [5, 4, 3, 2, 1] },
  ...(c === undefined ? {} : { competition: c }),
  ...o
})

const codes = (f: EligibilityFacts, table: CompetitionPromotionTable = DEFAULT_COMPETITION_PROMOTION) =>
  competitionRoute(f, table).failures.map((x) => x.code)

describe("54号·一 promotion by competition ranking (苏人社函〔2022〕65号) with the provisional default table", () => {
  it("allows one level up for a top rank, citing 54号·一, 65号 and 54号·二, with the provisional version", () => {
    const d = competitionRoute(facts(competition()), DEFAULT_COMPETITION_PROMOTION)
    expect(d.outcome).toBe("allowed")
    expect(d.rule).toBe(COMPETITION_RULE)
    expect(d.citations).toEqual([Cite.eligibility, Cite.competitionPromotion, Cite.competition])
    expect(d.ruleVersions).toEqual([
      {
        table: "competition-promotion",
        version: "jineng-default-2022-05-01",
        effectiveFrom: "2022-05-01",
        provisional: true
      }
    ])
    expect(d.provisional).toHaveLength(2)
    expect(d.provisional[0]).toMatchObject({
      rule: "eligibility.competition.promotion",
      citation: Cite.competitionPromotion
    })
    expect(d.provisional[0]?.reason).toContain("65号原文")
    // the default rows set no years of work: the decision says the 工作年限 review did not happen
    expect(d.provisional[1]).toMatchObject({
      rule: "eligibility.competition.promotion",
      citation: Cite.eligibility
    })
    expect(d.provisional[1]?.reason).toContain("未审核工作年限")
  })

  it("ships the default with provenance: source 65号, a zh-CN note, provisional, conservative cut-offs", () => {
    expect(DEFAULT_COMPETITION_PROMOTION.provisional).toBe(true)
    expect(DEFAULT_COMPETITION_PROMOTION.provenance.source).toBe(Cite.competitionPromotion)
    expect(DEFAULT_COMPETITION_PROMOTION.provenance.note).toContain("未找到苏人社函〔2022〕65号原文")
    const cutOff = (cls: string) =>
      Math.max(
        ...DEFAULT_COMPETITION_PROMOTION.rows.filter((r) => r.competitionClass === cls).map((r) => r.rankTo)
      )
    expect([cutOff("provincial"), cutOff("city_class_1"), cutOff("city_class_2"), cutOff("county")]).toEqual([
      3, 2, 1, 1
    ])
    for (const r of DEFAULT_COMPETITION_PROMOTION.rows) expect(r.targetLevel).toBe((r.currentLevel ?? 0) - 1)
  })

  it.each([
    ["provincial", 3, "allowed"],
    ["provincial", 4, "refused"],
    ["city_class_1", 2, "allowed"],
    ["city_class_1", 3, "refused"],
    ["city_class_2", 1, "allowed"],
    ["city_class_2", 2, "refused"],
    ["county", 1, "allowed"],
    ["county", 2, "refused"]
  ] as const)("%s rank %i → %s", (competitionClass, rank, outcome) => {
    const d = competitionRoute(facts(competition({ competitionClass, rank })), DEFAULT_COMPETITION_PROMOTION)
    expect(d.outcome).toBe(outcome)
    if (outcome === "refused")
      expect(d.failures).toMatchObject([{ code: "RankNotPromotable", field: "competition.rank", seen: rank }])
  })

  it("refuses a target above what the row grants, and allows a lower one", () => {
    const d = competitionRoute(facts(competition(), 4, { targetLevel: 2 }), DEFAULT_COMPETITION_PROMOTION)
    expect(d.failures).toMatchObject([
      {
        code: "TargetAboveTableLevel",
        rule: "eligibility.competition.promotion",
        field: "targetLevel",
        seen: 2,
        required: 3
      }
    ])
    expect(
      competitionRoute(facts(competition(), 4, { targetLevel: 4 }), DEFAULT_COMPETITION_PROMOTION).outcome
    ).toBe("allowed")
  })

  it("checks the current level: none, or one the table has no row for, is refused", () => {
    expect(codes(facts(competition(), null, { targetLevel: 5 }))).toEqual(["NoPromotionForCurrentLevel"])
    expect(codes(facts(competition(), 1, { targetLevel: 1 }))).toEqual(["NoPromotionForCurrentLevel"])
    expect(codes(facts(competition({ group: "student" }), 3, { targetLevel: 2 }))).toEqual([
      "NoPromotionForCurrentLevel"
    ])
  })

  it("refuses a competition held after the application date, or of an unrelated occupation", () => {
    expect(codes(facts(competition({ heldOn: "2024-06-02" })))).toEqual(["CompetitionAfterApplication"])
    expect(codes(facts(competition({ occupationCode: "4-07-05-01" })))).toEqual([
      "CompetitionOccupationUnrelated"
    ])
  })

  it("flags an event occupation related only by the same-小类 inference", () => {
    const d = competitionRoute(
      facts(competition({ occupationCode: "6-18-01-02" })),
      DEFAULT_COMPETITION_PROMOTION
    )
    expect(d.outcome).toBe("allowed")
    expect(d.provisional.at(-1)).toEqual(RELATED_INFERENCE_NOTE)
  })

  it("refuses without the route's facts or without a table version in force", () => {
    expect(codes(facts(undefined))).toEqual(["RouteFactsMissing"])
    expect(competitionRoute(facts(competition()), undefined).failures).toMatchObject([
      { code: "RuleTableNotInForce" }
    ])
  })
})

describe("54号·一 competition route: contestant conditions and filing (54号·二)", () => {
  it.each([
    [11, "refused"],
    [12, "allowed"]
  ] as const)("Jiangsu pension of %i months → %s", (jiangsuPensionMonths, outcome) => {
    expect(
      competitionRoute(facts(competition({ jiangsuPensionMonths })), DEFAULT_COMPETITION_PROMOTION).outcome
    ).toBe(outcome)
  })

  it("says a 12-month boundary pass is provisional, beside the table's note", () => {
    const d = competitionRoute(
      facts(competition({ jiangsuPensionMonths: 12 })),
      DEFAULT_COMPETITION_PROMOTION
    )
    expect(d.provisional.map((p) => p.rule)).toEqual([
      "eligibility.competition.promotion",
      "eligibility.competition.contestant.pension",
      "eligibility.competition.promotion"
    ])
  })

  it("accepts an evidenced Jiangsu hukou without pension months", () => {
    const c = competition({ jiangsuPensionMonths: 0, hukou: { regionCode: "320581", evidence: "户籍证明" } })
    expect(competitionRoute(facts(c), DEFAULT_COMPETITION_PROMOTION).outcome).toBe("allowed")
  })

  it("does not accept a Jiangsu ID number in place of hukou", () => {
    expect(isResidentIdNumber(JIANGSU_ID)).toBe(true)
    const d = competitionRoute(
      facts(competition({ jiangsuPensionMonths: 0 }), 4, { idNumber: JIANGSU_ID }),
      DEFAULT_COMPETITION_PROMOTION
    )
    expect(d.failures.map((x) => x.code)).toEqual([
      "PensionInsuranceUnderOneYear",
      "JiangsuHukouNotEvidenced"
    ])
  })

  it("accepts student enrolment in the student group only", () => {
    const enrolment = {
      institutionName: "江苏省常州技师学院",
      institutionKind: "technical",
      regionCode: "320400"
    } as const
    const students = competition({ group: "student", jiangsuPensionMonths: 0, enrolment })
    expect(competitionRoute(facts(students), DEFAULT_COMPETITION_PROMOTION).outcome).toBe("allowed")
    const workers = competition({ group: "worker", jiangsuPensionMonths: 0, enrolment })
    expect(codes(facts(workers))).toEqual([
      "PensionInsuranceUnderOneYear",
      "JiangsuHukouNotEvidenced",
      "EnrolmentOnlyForStudentGroup"
    ])
  })

  it.each([
    ["city", undefined, "refused"],
    ["city", "city", "allowed"],
    ["city", "province", "allowed"],
    ["province", "city", "refused"],
    ["province", "province", "allowed"],
    ["none", undefined, "allowed"]
  ] as const)("filing required %s, completed %s → %s", (filingRequired, filingCompleted, outcome) => {
    const c = competition({ filingRequired, ...(filingCompleted === undefined ? {} : { filingCompleted }) })
    const d = competitionRoute(facts(c), DEFAULT_COMPETITION_PROMOTION)
    expect(d.outcome).toBe(outcome)
    if (outcome === "refused")
      expect(d.failures).toMatchObject([
        {
          code: "RequiredFilingMissing",
          rule: "competition.incentives",
          field: "filing",
          required: filingRequired,
          citation: Cite.competition
        }
      ])
  })
})

describe("54号·一 competition route: years of work (工作年限) from an administrator's table", () => {
  const table: CompetitionPromotionTable = {
    ...DEFAULT_COMPETITION_PROMOTION,
    version: "js-2025-01",
    effectiveFrom: "2025-01-01",
    provisional: false,
    provenance: { source: Cite.competitionPromotion, note: "按65号原文录入", publishedBy: "js-hrss" },
    rows: [
      {
        competitionClass: "city_class_1",
        group: "worker",
        rankFrom: 1,
        rankTo: 5,
        currentLevel: 4,
        targetLevel: 3,
        minWorkYears: 5
      }
    ]
  }

  it("refuses fewer years than the row requires, and allows exactly as many", () => {
    const short = facts(competition(), 4, {
      workPeriods: [{ from: "2019-07-01", to: "2024-05-31", occupationCode: OCC }]
    })
    const d = competitionRoute(short, table)
    expect(d.failures).toMatchObject([{ code: "WorkYearsInsufficient", seen: 59, required: 60 }])
    expect(d.provisional).toEqual([])
    const enough = facts(competition({ rank: 5 }), 4, {
      workPeriods: [{ from: "2019-06-01", to: "2024-05-31", occupationCode: OCC }]
    })
    expect(competitionRoute(enough, table).outcome).toBe("allowed")
  })
})
