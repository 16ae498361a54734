import { describe, expect, it } from "vitest"
import { deriveCertificateNumber } from "../codes/CertificateNumber.js"
import type { SkillLevel } from "../codes/SkillLevel.js"
import { Cite } from "../rule/Citation.js"
import type { EligibilityFacts, EmployerPromotionRule, ExceptionalFacts } from "./EligibilityFacts.js"
import { EXCEPTIONAL_RULE, exceptionalRoute } from "./ExceptionalRoute.js"
import { RELATED_INFERENCE_NOTE } from "./OccupationRelation.js"

const OCC = "6-18-01-01"
const EMPLOYER = "91320100MA1XXXXX0A"
const APPLIED = "2024-06-01"
const PREFIX = { type: "Y", institutionCode: "0000", province: "32", siteSerial: "000002" } as const

const rule: EmployerPromotionRule = {
  employerId: EMPLOYER,
  documentId: "HR-2023-017",
  title: "职业技能等级破格晋升管理办法",
  publishedOn: "2023-03-01",
  publishedToAllStaff: true,
  writtenForm: true,
  allowedLevels: [3, 2],
  maxLevelsAbove: 2
}

const cert = (level: SkillLevel, occupationCode = OCC) => ({
  number: deriveCertificateNumber(PREFIX, 2020, level, 7),
  occupationCode,
  level,
  issuedOn: "2020-06-01"
})

const facts = (
  exceptional: ExceptionalFacts | undefined,
  o: Partial<EligibilityFacts> = {}
): EligibilityFacts => ({
  route: "exceptional",
  occupationCode: OCC,
  targetLevel: 3,
  applicationDate: APPLIED,
  workPeriods: [],
  priorCertificates: [cert(5)],
  education: [],
  apprenticeshipCompleted: false,
  preparatoryTechnicianCertificate: false,
  standard: { occupationCode: OCC, edition: "2018", levels: [5, 4, 3, 2, 1] },
  ...(exceptional === undefined ? {} : { exceptional }),
  ...o
})

/** The applicant is the employer's staff; `null` = no rule on file. */
const staff = (r: EmployerPromotionRule | null = rule): ExceptionalFacts => ({
  employerId: EMPLOYER,
  applicantEmployerId: EMPLOYER,
  ...(r === null ? {} : { rule: r })
})

describe("54号·一 破格晋升: only under a written rule published to all staff", () => {
  it("allows a staff member within the rule's scope, citing 54号·一", () => {
    const d = exceptionalRoute(facts(staff()))
    expect(d).toEqual({
      outcome: "allowed",
      rule: EXCEPTIONAL_RULE,
      failures: [],
      citations: [Cite.eligibility],
      ruleVersions: [],
      provisional: []
    })
  })

  it("allows a rule published on the application date itself", () => {
    expect(exceptionalRoute(facts(staff({ ...rule, publishedOn: APPLIED }))).outcome).toBe("allowed")
  })

  it.each([
    [
      "no rule on file",
      staff(null),
      "ExceptionalRuleNotOnFile",
      "exceptional.rule",
      null,
      "书面规章制度，并以书面形式向全体职工公布"
    ],
    [
      "a rule published after the application date",
      staff({ ...rule, publishedOn: "2024-06-02" }),
      "ExceptionalRulePublishedAfterApplication",
      "exceptional.rule.publishedOn",
      "2024-06-02",
      "<= 2024-06-01"
    ],
    [
      "a rule not published to all staff",
      staff({ ...rule, publishedToAllStaff: false }),
      "ExceptionalRuleNotPublishedToAllStaff",
      "exceptional.rule.publishedToAllStaff",
      false,
      true
    ],
    [
      "a rule not in written form",
      staff({ ...rule, writtenForm: false }),
      "ExceptionalRuleNotWritten",
      "exceptional.rule.writtenForm",
      false,
      true
    ],
    [
      "another employer's rule",
      staff({ ...rule, employerId: "91320200MA1YYYYY0B" }),
      "ExceptionalRuleOfAnotherEmployer",
      "exceptional.rule.employerId",
      "91320200MA1YYYYY0B",
      EMPLOYER
    ],
    [
      "an applicant not shown to be the employer's staff",
      { employerId: EMPLOYER, rule },
      "ApplicantNotEmployerStaff",
      "exceptional.applicantEmployerId",
      null,
      EMPLOYER
    ],
    [
      "an applicant who is another employer's staff",
      { employerId: EMPLOYER, applicantEmployerId: "91320200MA1YYYYY0B", rule },
      "ApplicantNotEmployerStaff",
      "exceptional.applicantEmployerId",
      "91320200MA1YYYYY0B",
      EMPLOYER
    ]
  ] as const)("refuses %s with the exact failure", (_name, exceptional, code, field, seen, required) => {
    const d = exceptionalRoute(facts(exceptional))
    expect(d.outcome).toBe("refused")
    expect(d.failures).toHaveLength(1)
    expect(d.failures[0]).toMatchObject({ code, field, seen, required, citation: Cite.eligibility })
    expect(d.failures[0]?.message).toMatch(/破格晋升|职工/)
  })

  it("lists every missing piece at once", () => {
    const d = exceptionalRoute(
      facts({
        employerId: EMPLOYER,
        rule: { ...rule, publishedOn: "2024-07-01", publishedToAllStaff: false, writtenForm: false }
      })
    )
    expect(d.failures.map((f) => f.code)).toEqual([
      "ExceptionalRuleNotWritten",
      "ExceptionalRuleNotPublishedToAllStaff",
      "ExceptionalRulePublishedAfterApplication",
      "ApplicantNotEmployerStaff"
    ])
  })

  it("refuses without the route's facts", () => {
    expect(exceptionalRoute(facts(undefined)).failures).toMatchObject([
      { code: "RouteFactsMissing", field: "exceptional" }
    ])
  })
})

describe("54号·一 破格晋升: the rule's own scope", () => {
  it("refuses a level the rule does not allow", () => {
    const d = exceptionalRoute(facts(staff(), { targetLevel: 4 }))
    expect(d.failures).toMatchObject([
      { code: "ExceptionalLevelNotAllowed", field: "targetLevel", seen: 4, required: [3, 2] }
    ])
  })

  it("refuses more levels above the current one than the rule allows", () => {
    const d = exceptionalRoute(facts(staff(), { targetLevel: 2 }))
    expect(d.failures).toMatchObject([{ code: "ExceptionalStepTooLarge", seen: 3, required: 2 }])
    expect(d.failures[0]?.message).toContain("现有五级/初级工")
  })

  it("counts a missing certificate as below 五级", () => {
    const one = exceptionalRoute(
      facts(staff({ ...rule, allowedLevels: [5, 4], maxLevelsAbove: 1 }), {
        targetLevel: 5,
        priorCertificates: []
      })
    )
    expect(one.outcome).toBe("allowed")
    const two = exceptionalRoute(
      facts(staff({ ...rule, allowedLevels: [5, 4], maxLevelsAbove: 1 }), {
        targetLevel: 4,
        priorCertificates: []
      })
    )
    expect(two.failures).toMatchObject([{ code: "ExceptionalStepTooLarge", seen: 2, required: 1 }])
  })

  it("refuses a level that is not above the current one", () => {
    const d = exceptionalRoute(facts(staff(), { priorCertificates: [cert(3)] }))
    expect(d.failures).toMatchObject([{ code: "TargetNotAboveCurrentLevel", seen: 3, required: 2 }])
  })

  it("flags a current level that rests on the same-小类 inference", () => {
    const d = exceptionalRoute(facts(staff(), { priorCertificates: [cert(4, "6-18-01-02")] }))
    expect(d.outcome).toBe("allowed")
    expect(d.provisional).toEqual([RELATED_INFERENCE_NOTE])
  })
})
