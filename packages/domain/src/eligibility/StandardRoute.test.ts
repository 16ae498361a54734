import { describe, expect, it } from "vitest"
import { deriveCertificateNumber } from "../codes/CertificateNumber.js"
import type { SkillLevel } from "../codes/SkillLevel.js"
import { type LevelConditions, TEMPLATE_2018 } from "../occupation/ApplicationConditions.js"
import { Cite } from "../rule/Citation.js"
import type { Decision } from "../rule/Decision.js"
import type { Education, EligibilityFacts, PriorCertificate } from "./EligibilityFacts.js"
import { RELATED_INFERENCE_NOTE } from "./OccupationRelation.js"
import { conditionsOf, STANDARD_RULE, standardRoute, TEMPLATE_NOTE } from "./StandardRoute.js"
import { WORK_MONTHS_CARRY_NOTE } from "./WorkMonths.js"

const OCC = "6-18-01-01"
const SAME_MINOR = "6-18-01-02"
const OTHER = "4-07-05-01"
const APPLIED = "2024-06-01"
const PREFIX = { type: "S", institutionCode: "0000", province: "32", siteSerial: "000001" } as const

const cert = (level: SkillLevel, issuedOn: string, occupationCode = OCC): PriorCertificate => ({
  number: deriveCertificateNumber(PREFIX, Number(issuedOn.slice(0, 4)), level, 1),
  occupationCode,
  level,
  issuedOn
})
/** Work from `from` up to the day before the application date. */
const workSince = (from: string, occupationCode = OCC) => ({ from, to: "2024-05-31", occupationCode })
const school = (
  kind: Education["kind"],
  status: Education["status"] = "graduated",
  specialtyRelated = true
) => ({
  kind,
  status,
  specialtyRelated
})

const base: EligibilityFacts = {
  route: "standard",
  occupationCode: OCC,
  targetLevel: 5,
  applicationDate: APPLIED,
  workPeriods: [],
  priorCertificates: [],
  education: [],
  apprenticeshipCompleted: false,
  preparatoryTechnicianCertificate: false,
  standard: { occupationCode: OCC, edition: "2018", levels: [5, 4, 3, 2, 1] }
}
const facts = (o: Partial<EligibilityFacts>): EligibilityFacts => ({ ...base, ...o })

const codesOf = (d: Decision, alternative: string) =>
  d.failures.filter((f) => f.rule === `${STANDARD_RULE}.${alternative}`).map((f) => f.code)

interface Case {
  readonly alternative: string
  readonly level: SkillLevel
  readonly passing: Partial<EligibilityFacts>
  readonly failing: Partial<EligibilityFacts>
  /** The failure codes the alternative reports in the failing case. */
  readonly codes: ReadonlyArray<string>
}

const cases: ReadonlyArray<Case> = [
  {
    alternative: "L5-1",
    level: 5,
    passing: { workPeriods: [workSince("2023-06-01")] },
    failing: { workPeriods: [workSince("2023-07-01")] },
    codes: ["WorkYearsInsufficient"]
  },
  {
    alternative: "L5-2",
    level: 5,
    passing: { apprenticeshipCompleted: true },
    failing: { apprenticeshipCompleted: false },
    codes: ["ApprenticeshipNotCompleted"]
  },
  {
    alternative: "L4-1",
    level: 4,
    passing: { priorCertificates: [cert(5, "2020-06-01")], workPeriods: [workSince("2020-06-01")] },
    failing: { priorCertificates: [cert(5, "2020-07-01")], workPeriods: [workSince("2020-01-01")] },
    codes: ["WorkYearsInsufficient"]
  },
  {
    alternative: "L4-2",
    level: 4,
    passing: { workPeriods: [workSince("2018-06-01")] },
    failing: { workPeriods: [workSince("2018-07-01")] },
    codes: ["WorkYearsInsufficient"]
  },
  {
    alternative: "L4-3",
    level: 4,
    passing: { education: [school("vocational_school_intermediate")] },
    failing: { education: [school("technical_school", "graduated", false)] },
    codes: ["SpecialtyNotRelated"]
  },
  {
    alternative: "L3-1",
    level: 3,
    passing: { priorCertificates: [cert(4, "2019-06-01")], workPeriods: [workSince("2019-06-01")] },
    failing: { priorCertificates: [cert(4, "2019-07-01")], workPeriods: [workSince("2019-06-01")] },
    codes: ["WorkYearsInsufficient"]
  },
  {
    alternative: "L3-2",
    level: 3,
    passing: { priorCertificates: [cert(4, "2024-01-01")], education: [school("senior_technical_school")] },
    failing: { priorCertificates: [cert(4, "2024-01-01")], education: [school("bachelor")] },
    codes: ["SchoolRequirementNotMet"]
  },
  {
    alternative: "L3-3",
    level: 3,
    passing: {
      priorCertificates: [cert(4, "2022-06-01")],
      workPeriods: [workSince("2022-06-01")],
      education: [school("junior_college")]
    },
    failing: {
      priorCertificates: [cert(4, "2022-06-01")],
      workPeriods: [workSince("2022-06-01")],
      education: [school("junior_college", "graduating")]
    },
    codes: ["GraduatingStudentNotAccepted"]
  },
  {
    alternative: "L2-1",
    level: 2,
    passing: { priorCertificates: [cert(3, "2020-06-01")], workPeriods: [workSince("2020-06-01")] },
    failing: { priorCertificates: [cert(3, "2020-07-01")], workPeriods: [workSince("2020-07-01")] },
    codes: ["WorkYearsInsufficient"]
  },
  {
    alternative: "L2-2",
    level: 2,
    passing: {
      priorCertificates: [cert(3, "2023-01-01")],
      workPeriods: [workSince("2021-06-01")],
      education: [school("technician_college")]
    },
    failing: {
      priorCertificates: [cert(3, "2023-01-01")],
      workPeriods: [workSince("2021-07-01")],
      education: [school("technician_college")]
    },
    codes: ["WorkYearsInsufficient"]
  },
  {
    alternative: "L2-3",
    level: 2,
    passing: {
      preparatoryTechnicianCertificate: true,
      workPeriods: [workSince("2022-06-01")],
      education: [school("technician_college")]
    },
    failing: {
      preparatoryTechnicianCertificate: false,
      workPeriods: [workSince("2022-06-01")],
      education: [school("technician_college")]
    },
    codes: ["PreparatoryTechnicianCertificateMissing"]
  },
  {
    alternative: "L1-1",
    level: 1,
    passing: { priorCertificates: [cert(2, "2020-06-01")], workPeriods: [workSince("2020-06-01")] },
    failing: { priorCertificates: [cert(2, "2020-07-01")], workPeriods: [workSince("2020-07-01")] },
    codes: ["WorkYearsInsufficient"]
  }
]

describe("54号·一 standard route: every alternative of the common template (rules-research §3.1)", () => {
  it("covers every alternative of every level of TEMPLATE_2018", () => {
    expect(cases.map((c) => c.alternative)).toEqual(
      TEMPLATE_2018.flatMap((l) => l.alternatives.map((a) => a.id))
    )
  })

  it.each(cases)("$alternative passes and the decision names it", ({ alternative, level, passing }) => {
    const d = standardRoute(facts({ targetLevel: level, ...passing }))
    expect(d.outcome).toBe("allowed")
    expect(d.rule).toBe(`${STANDARD_RULE}.${alternative}`)
    expect(d.failures).toEqual([])
    expect(d.citations).toEqual([Cite.eligibility])
    expect(d.provisional).toEqual([TEMPLATE_NOTE])
    expect(d.ruleVersions).toEqual([])
  })

  it.each(cases)(
    "$alternative fails: every alternative of the level lists its failures",
    ({ alternative, level, failing, codes }) => {
      const d = standardRoute(facts({ targetLevel: level, ...failing }))
      expect(d.outcome).toBe("refused")
      expect(d.rule).toBe(STANDARD_RULE)
      expect(codesOf(d, alternative)).toEqual(codes)
      const ids = TEMPLATE_2018.find((l) => l.level === level)?.alternatives.map(
        (a) => `${STANDARD_RULE}.${a.id}`
      )
      expect([...new Set(d.failures.map((f) => f.rule))].sort()).toEqual([...(ids ?? [])].sort())
      for (const f of d.failures) expect(f.citation).toBe(Cite.eligibility)
    }
  )
})

describe("54号·一 standard route: years are cumulative and inclusive (N年(含)以上)", () => {
  const l2 = (from: string) =>
    standardRoute(
      facts({ targetLevel: 2, priorCertificates: [cert(3, "2020-06-01")], workPeriods: [workSince(from)] })
    )

  it("exactly 4 years (48 full months) after the certificate passes L2-1", () => {
    expect(l2("2020-06-01").rule).toBe("eligibility.standard.L2-1")
  })

  it("3 years 11 months fails L2-1 with the months seen and required", () => {
    const d = l2("2020-07-01")
    const f = d.failures.find((x) => x.rule === "eligibility.standard.L2-1")
    expect(f).toMatchObject({ code: "WorkYearsInsufficient", field: "workPeriods", seen: 47, required: 48 })
    expect(f?.message).toContain("3年11个月")
    expect(f?.message).toContain("4年（含）以上")
  })

  it("3 years 11 months and 30 days still fails", () => {
    const f = l2("2020-06-02").failures.find((x) => x.rule === "eligibility.standard.L2-1")
    expect(f?.seen).toBe(47)
  })

  it("counts only work after the prior certificate's issue date (取得证书后)", () => {
    // 65 months of work in all, 41 of them after the 五级 certificate: L4-1 fails on 41, L4-2 on 65
    const d = standardRoute(
      facts({
        targetLevel: 4,
        priorCertificates: [cert(5, "2021-01-01")],
        workPeriods: [workSince("2019-01-01")]
      })
    )
    expect(d.outcome).toBe("refused")
    const l41 = d.failures.find((x) => x.rule === "eligibility.standard.L4-1")
    expect(l41).toMatchObject({ code: "WorkYearsInsufficient", seen: 41, required: 48 })
    expect(l41?.message).toContain("自取得证书之日 2021-01-01 起")
    expect(d.failures.find((x) => x.rule === "eligibility.standard.L4-2")).toMatchObject({
      seen: 65,
      required: 72
    })
  })

  it("uses the earliest qualifying certificate, and a higher level qualifies for a lower requirement", () => {
    const d = standardRoute(
      facts({
        targetLevel: 3,
        priorCertificates: [cert(4, "2022-01-01"), cert(3, "2019-06-01")],
        workPeriods: [workSince("2019-06-01")]
      })
    )
    expect(d.rule).toBe("eligibility.standard.L3-1")
  })

  it("does not count a certificate issued after the application date", () => {
    const d = standardRoute(
      facts({
        targetLevel: 4,
        priorCertificates: [cert(5, "2024-07-01")],
        workPeriods: [workSince("2020-01-01")]
      })
    )
    expect(d.failures.find((x) => x.rule === "eligibility.standard.L4-1")?.code).toBe(
      "PriorCertificateMissing"
    )
  })

  it("does not count the same days twice when periods overlap", () => {
    const d = standardRoute(
      facts({
        targetLevel: 5,
        workPeriods: [workSince("2023-07-01"), { from: "2023-07-01", to: "2024-01-31", occupationCode: OCC }]
      })
    )
    expect(d.failures.find((x) => x.rule === "eligibility.standard.L5-1")?.seen).toBe(11)
  })

  it("flags provisional when odd days of separate stretches made up the missing month", () => {
    const d = standardRoute(
      facts({
        targetLevel: 5,
        workPeriods: [
          { from: "2022-01-01", to: "2022-06-20", occupationCode: OCC },
          { from: "2023-01-01", to: "2023-06-20", occupationCode: OCC },
          { from: "2024-01-01", to: "2024-01-31", occupationCode: OCC }
        ]
      })
    )
    expect(d.rule).toBe("eligibility.standard.L5-1")
    expect(d.provisional).toEqual([TEMPLATE_NOTE, WORK_MONTHS_CARRY_NOTE])
  })
})

describe("54号·一 standard route: prior certificates (domain.md §3)", () => {
  it("accepts a legacy 16-digit 职业资格证书 number as a prior certificate", () => {
    const legacy: PriorCertificate = {
      number: "1510011001500001",
      occupationCode: OCC,
      level: 5,
      issuedOn: "2015-09-01"
    }
    const d = standardRoute(
      facts({ targetLevel: 4, priorCertificates: [legacy], workPeriods: [workSince("2016-01-01")] })
    )
    expect(d.outcome).toBe("allowed")
    expect(d.rule).toBe("eligibility.standard.L4-1")
  })

  it("does not rely on a number that is neither 22-character nor legacy, or whose level digit differs", () => {
    for (const number of ["123", deriveCertificateNumber(PREFIX, 2015, 4, 1)]) {
      const d = standardRoute(
        facts({
          targetLevel: 4,
          priorCertificates: [{ number, occupationCode: OCC, level: 5, issuedOn: "2015-09-01" }],
          workPeriods: [workSince("2020-01-01")]
        })
      )
      expect(d.failures.find((x) => x.rule === "eligibility.standard.L4-1")).toMatchObject({
        code: "PriorCertificateMissing",
        field: "priorCertificates",
        seen: [],
        required: 5
      })
    }
  })

  it("refuses a certificate of a lower level than required", () => {
    const d = standardRoute(
      facts({
        targetLevel: 3,
        priorCertificates: [cert(5, "2015-01-01")],
        workPeriods: [workSince("2015-01-01")]
      })
    )
    const f = d.failures.find((x) => x.rule === "eligibility.standard.L3-1")
    expect(f).toMatchObject({ code: "PriorCertificateMissing", seen: [5], required: 4 })
    expect(f?.message).toContain("四级/中级工及以上")
  })
})

describe("54号·一 standard route: related occupations (本职业或相关职业)", () => {
  const l4 = (occupationCode: string, relatedOccupations?: ReadonlyArray<string>) =>
    standardRoute(
      facts({
        targetLevel: 4,
        priorCertificates: [cert(5, "2019-01-01", occupationCode)],
        workPeriods: [workSince("2019-01-01", occupationCode)],
        standard: {
          occupationCode: OCC,
          edition: "2018",
          levels: [5, 4, 3, 2, 1],
          ...(relatedOccupations === undefined ? {} : { conditions: TEMPLATE_2018, relatedOccupations })
        }
      })
    )

  it("infers a related occupation from the same 小类 when the standard lists none, and flags it provisional", () => {
    const d = l4(SAME_MINOR)
    expect(d.outcome).toBe("allowed")
    expect(d.provisional).toEqual([TEMPLATE_NOTE, RELATED_INFERENCE_NOTE])
    expect(d.provisional[1]?.reason).toContain("同一小类")
  })

  it("uses the standard's list when given: listed counts without a flag, unlisted does not count", () => {
    const listed = l4(SAME_MINOR, [SAME_MINOR])
    expect(listed.outcome).toBe("allowed")
    expect(listed.provisional).toEqual([])
    expect(l4(SAME_MINOR, []).outcome).toBe("refused")
  })

  it("does not count an occupation of another 小类", () => {
    const d = l4(OTHER)
    expect(d.outcome).toBe("refused")
    expect(d.provisional).toEqual([TEMPLATE_NOTE])
  })

  it("flags the inference on a refusal whose counted months rested on it", () => {
    const d = standardRoute(facts({ targetLevel: 5, workPeriods: [workSince("2023-09-01", SAME_MINOR)] }))
    expect(d.outcome).toBe("refused")
    expect(d.provisional).toEqual([TEMPLATE_NOTE, RELATED_INFERENCE_NOTE])
  })
})

describe("54号·一 standard route: graduating students count only where the alternative says so", () => {
  it("allows a graduating 技工学校 student at L4-3", () => {
    const d = standardRoute(facts({ targetLevel: 4, education: [school("technical_school", "graduating")] }))
    expect(d.outcome).toBe("allowed")
    expect(d.rule).toBe("eligibility.standard.L4-3")
  })

  it("refuses a graduating 大专 student at L3-3", () => {
    const d = standardRoute(
      facts({
        targetLevel: 3,
        priorCertificates: [cert(4, "2021-01-01")],
        workPeriods: [workSince("2021-01-01")],
        education: [school("junior_college", "graduating")]
      })
    )
    expect(d.outcome).toBe("refused")
    expect(d.failures.find((x) => x.rule === "eligibility.standard.L3-3")).toMatchObject({
      code: "GraduatingStudentNotAccepted",
      field: "education",
      seen: "graduating",
      required: "graduated"
    })
    expect(d.failures.find((x) => x.rule === "eligibility.standard.L3-3")?.message).toContain(
      "大学专科在校应届毕业生"
    )
  })

  it("allows a graduating 技师学院 student with a 四级 certificate at L3-2", () => {
    const d = standardRoute(
      facts({
        targetLevel: 3,
        priorCertificates: [cert(4, "2024-01-01")],
        education: [school("technician_college", "graduating")]
      })
    )
    expect(d.rule).toBe("eligibility.standard.L3-2")
  })
})

describe("54号·一 standard route: the standard's own 申报条件", () => {
  const variant: ReadonlyArray<LevelConditions> = [
    {
      level: 4,
      alternatives: [
        {
          id: "L4-A",
          text: "取得五级证书后，累计从事本职业工作2年（含）以上",
          priorLevel: 5,
          minWorkYears: 2,
          yearsCountedFrom: "prior_certificate"
        }
      ]
    },
    { level: 5, alternatives: [{ id: "L5-A", text: "年满16周岁", minAge: 16 }] }
  ]
  const withVariant = (o: Partial<EligibilityFacts>) =>
    facts({
      standard: { occupationCode: OCC, edition: "2022", levels: [5, 4, 3, 2, 1], conditions: variant },
      ...o
    })

  it("uses the standard's own 申报条件, and TEMPLATE_2018 only when it stores none (conditionsOf)", () => {
    expect(conditionsOf({ conditions: variant })).toBe(variant)
    expect(conditionsOf({})).toBe(TEMPLATE_2018)
    expect(conditionsOf({ conditions: [] })).toEqual([])
  })

  it("evaluates the stored conditions and carries no template flag", () => {
    const d = standardRoute(
      withVariant({
        targetLevel: 4,
        priorCertificates: [cert(5, "2022-06-01")],
        workPeriods: [workSince("2022-06-01")]
      })
    )
    expect(d).toMatchObject({ outcome: "allowed", rule: "eligibility.standard.L4-A", provisional: [] })
  })

  it("refuses a level the standard does not set", () => {
    const d = standardRoute(withVariant({ targetLevel: 1 }))
    expect(d.outcome).toBe("refused")
    expect(d.failures).toMatchObject([
      { code: "LevelNotInStandard", field: "targetLevel", seen: 1, required: [4, 5] }
    ])
  })

  it("checks a minimum age from the birth date or, without one, from the resident ID number", () => {
    expect(standardRoute(withVariant({ targetLevel: 5, birthDate: "2008-06-01" })).outcome).toBe("allowed")
    const young = standardRoute(withVariant({ targetLevel: 5, birthDate: "2008-06-02" }))
    expect(young.failures).toMatchObject([{ code: "AgeBelowMinimum", seen: 15, required: 16 }])
    // 11010519491231002X: born 1949-12-31
    expect(standardRoute(withVariant({ targetLevel: 5, idNumber: "11010519491231002X" })).outcome).toBe(
      "allowed"
    )
    expect(standardRoute(withVariant({ targetLevel: 5 })).failures).toMatchObject([
      { code: "BirthDateMissing" }
    ])
  })

  it("refuses a standard of another occupation", () => {
    const d = standardRoute(
      facts({
        standard: { occupationCode: OTHER, edition: "2018", levels: [5, 4, 3, 2, 1] },
        apprenticeshipCompleted: true
      })
    )
    expect(d.failures).toMatchObject([
      { code: "StandardOccupationMismatch", field: "standard.occupationCode", seen: OTHER, required: OCC }
    ])
  })
})
