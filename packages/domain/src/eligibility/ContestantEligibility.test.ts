import { describe, expect, it } from "vitest"
import { Cite } from "../rule/Citation.js"
import { type ContestantFacts, contestantEligibility } from "./ContestantEligibility.js"

const worker = (o: Partial<ContestantFacts> = {}): ContestantFacts => ({
  group: "worker",
  jiangsuPensionMonths: 0,
  ...o
})
const student = (o: Partial<ContestantFacts> = {}): ContestantFacts => ({
  group: "student",
  jiangsuPensionMonths: 0,
  ...o
})
const JIANGSU_HUKOU = { regionCode: "320102", evidence: "户口簿（南京市玄武区）" }
const JIANGSU_SCHOOL = {
  institutionName: "江苏省常州技师学院",
  institutionKind: "technical",
  regionCode: "320400"
} as const

describe("54号·一 contestant conditions (at least one of three)", () => {
  it.each([
    [11, "refused"],
    [12, "allowed"],
    [13, "allowed"]
  ] as const)(
    "Jiangsu basic pension insurance of %i full months → %s (一年以上 includes 12)",
    (months, outcome) => {
      expect(contestantEligibility(worker({ jiangsuPensionMonths: months })).outcome).toBe(outcome)
    }
  )

  it("flags exactly 12 months provisional (民法典第一千二百五十九条) when nothing else qualifies", () => {
    expect(contestantEligibility(worker({ jiangsuPensionMonths: 12 })).provisional).toMatchObject([
      { rule: "eligibility.competition.contestant.pension", citation: Cite.civilCode1259 }
    ])
    expect(contestantEligibility(worker({ jiangsuPensionMonths: 13 })).provisional).toEqual([])
    expect(
      contestantEligibility(worker({ jiangsuPensionMonths: 12, hukou: JIANGSU_HUKOU })).provisional
    ).toEqual([])
  })

  it("reports 11 months with the months seen and required", () => {
    const d = contestantEligibility(worker({ jiangsuPensionMonths: 11 }))
    expect(d.failures[0]).toMatchObject({
      code: "PensionInsuranceUnderOneYear",
      field: "competition.jiangsuPensionMonths",
      seen: 11,
      required: 12,
      citation: Cite.eligibility
    })
  })

  it("accepts an evidenced Jiangsu hukou", () => {
    expect(contestantEligibility(worker({ hukou: JIANGSU_HUKOU })).outcome).toBe("allowed")
  })

  it("refuses a hukou outside Jiangsu", () => {
    const d = contestantEligibility(worker({ hukou: { regionCode: "110101", evidence: "户口簿" } }))
    expect(d.failures.map((f) => f.code)).toEqual(["PensionInsuranceUnderOneYear", "HukouOutsideJiangsu"])
    expect(d.failures[1]).toMatchObject({ field: "competition.hukou.regionCode", seen: "110101" })
  })

  it("refuses a hukou recorded with a statistics-only code (320571 苏州工业园区) as no GB/T 2260 division", () => {
    const d = contestantEligibility(worker({ hukou: { regionCode: "320571", evidence: "户口簿" } }))
    expect(d.outcome).toBe("refused")
    expect(d.failures[1]).toMatchObject({
      code: "HukouRegionCodeInvalid",
      rule: "eligibility.competition.contestant.hukou",
      field: "competition.hukou.regionCode",
      seen: "320571",
      required: "GB/T 2260 行政区划代码",
      citation: Cite.eligibility
    })
    expect(d.failures[1]?.message).toContain("不是 GB/T 2260 行政区划代码")
    expect(d.failures[1]?.message).not.toContain("不属于江苏省")
    expect(
      contestantEligibility(worker({ hukou: { regionCode: "999999", evidence: "户口簿" } })).failures[1]?.code
    ).toBe("HukouRegionCodeInvalid")
  })

  it("refuses a Jiangsu hukou without its evidence as not evidenced, not as outside Jiangsu", () => {
    const d = contestantEligibility(worker({ hukou: { regionCode: "320102", evidence: "" } }))
    expect(d.failures[1]).toMatchObject({
      code: "JiangsuHukouNotEvidenced",
      field: "competition.hukou.evidence",
      seen: ""
    })
    expect(d.failures[1]?.message).not.toContain("不属于江苏省")
  })

  it("refuses a student's enrolment recorded with a statistics-only code as no GB/T 2260 division", () => {
    const d = contestantEligibility(student({ enrolment: { ...JIANGSU_SCHOOL, regionCode: "320571" } }))
    expect(d.failures[2]).toMatchObject({
      code: "EnrolmentRegionCodeInvalid",
      field: "competition.enrolment.regionCode",
      seen: "320571"
    })
    expect(d.failures[2]?.message).not.toContain("不属于江苏省")
  })

  it("does not take hukou from anything but the evidenced fact (an ID address code is no proof)", () => {
    const d = contestantEligibility(worker())
    expect(d.failures[1]).toMatchObject({
      code: "JiangsuHukouNotEvidenced",
      field: "competition.hukou",
      seen: null
    })
    expect(d.failures[1]?.message).toContain("身份证号码的地址码不能证明现户籍所在地")
  })

  it("accepts Jiangsu enrolment in the student group only", () => {
    expect(contestantEligibility(student({ enrolment: JIANGSU_SCHOOL })).outcome).toBe("allowed")
    const d = contestantEligibility(worker({ enrolment: JIANGSU_SCHOOL }))
    expect(d.outcome).toBe("refused")
    expect(d.failures.map((f) => f.code)).toEqual([
      "PensionInsuranceUnderOneYear",
      "JiangsuHukouNotEvidenced",
      "EnrolmentOnlyForStudentGroup"
    ])
    expect(d.failures[2]).toMatchObject({ field: "competition.group", seen: "worker", required: "student" })
  })

  it("refuses a student without Jiangsu enrolment, listing all three conditions", () => {
    expect(contestantEligibility(student()).failures.map((f) => f.code)).toEqual([
      "PensionInsuranceUnderOneYear",
      "JiangsuHukouNotEvidenced",
      "JiangsuEnrolmentMissing"
    ])
    const away = contestantEligibility(student({ enrolment: { ...JIANGSU_SCHOOL, regionCode: "330100" } }))
    expect(away.failures[2]).toMatchObject({ code: "EnrolmentOutsideJiangsu", seen: "330100" })
  })

  it("lets a student qualify by pension or hukou as well", () => {
    expect(contestantEligibility(student({ jiangsuPensionMonths: 24 })).outcome).toBe("allowed")
    expect(contestantEligibility(student({ hukou: JIANGSU_HUKOU })).outcome).toBe("allowed")
  })
})
