/**
 * Deterministic sample applications for eligibility (54号·一) across all four routes, with allowed, refused and
 * not-in-force answers mixed as real input would be; used by the domain benchmark and by tests.
 */
import { deriveCertificateNumber } from "../codes/CertificateNumber.js"
import type { SkillLevel } from "../codes/SkillLevel.js"
import { TEMPLATE_2018 } from "../occupation/ApplicationConditions.js"
import { addMonths, type LocalDate, makeDate } from "../time/LocalDate.js"
import type { CompetitionClass } from "./CompetitionPromotion.js"
import type {
  Education,
  EligibilityFacts,
  EligibilityRoute,
  PriorCertificate,
  WorkPeriod
} from "./EligibilityFacts.js"
import type { StandardFacts } from "./StandardFacts.js"
import type { TitleLevel } from "./TitleBridge.js"

/** mulberry32: a small deterministic pseudo-random source. */
const random = (seed: number) => {
  let state = seed | 0
  return (): number => {
    state = (state + 0x6d2b79f5) | 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const OCCUPATION = "6-18-01-01"
const SAME_MINOR = "6-18-01-02"
const OTHER = "4-07-05-01"

const STANDARDS: ReadonlyArray<StandardFacts> = [
  { occupationCode: OCCUPATION, edition: "2018", levels: [5, 4, 3, 2, 1] },
  {
    occupationCode: OCCUPATION,
    edition: "2019",
    levels: [5, 4, 3, 2, 1],
    conditions: TEMPLATE_2018,
    relatedOccupations: [SAME_MINOR]
  }
]

const ROUTES: ReadonlyArray<EligibilityRoute> = [
  "standard",
  "standard",
  "standard",
  "standard",
  "exceptional",
  "exceptional",
  "title",
  "title",
  "competition",
  "competition"
]
const TITLE_LEVELS: ReadonlyArray<TitleLevel> = ["junior", "intermediate", "deputy_senior", "senior"]
const CLASSES: ReadonlyArray<CompetitionClass> = ["provincial", "city_class_1", "city_class_2", "county"]
const SCHOOLS: ReadonlyArray<Education["kind"]> = [
  "technical_school",
  "vocational_school_intermediate",
  "senior_technical_school",
  "technician_college",
  "higher_vocational_advanced",
  "junior_college",
  "bachelor"
]

const PREFIX = { type: "S", institutionCode: "0000", province: "32", siteSerial: "000001" } as const

/** A legacy 16-digit 职业资格证书 number: YY · 10 (Jiangsu) · city · type · institution · level · serial. */
const legacyNumber = (year: number, level: SkillLevel, serial: number): string =>
  `${String(year % 100).padStart(2, "0")}10011001${level}${String(serial % 100_000).padStart(5, "0")}`

/** `n` sample applications; the same (n, seed) always gives the same samples. */
export const sampleEligibilityFacts = (n: number, seed: number): ReadonlyArray<EligibilityFacts> => {
  const next = random(seed)
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(next() * xs.length)] as A
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1))
  const out: Array<EligibilityFacts> = []
  for (let i = 0; i < n; i++) {
    const route = ROUTES[i % ROUTES.length] as EligibilityRoute
    // One in fifty applications predates the notice (54号·五).
    const applicationDate: LocalDate =
      i % 47 === 46 ? makeDate(2022, 4, int(1, 30)) : makeDate(int(2022, 2025), int(5, 12), int(1, 28))
    const targetLevel = int(1, 5) as SkillLevel
    const occupation = () => (next() < 0.8 ? OCCUPATION : next() < 0.7 ? SAME_MINOR : OTHER)
    const workPeriods: Array<WorkPeriod> = []
    const periods = int(1, 3)
    for (let p = 0; p < periods; p++) {
      const from = addMonths(applicationDate, -int(6, 150))
      workPeriods.push({ from, to: addMonths(from, int(3, 72)), occupationCode: occupation() })
    }
    const priorCertificates: Array<PriorCertificate> = []
    if (targetLevel < 5 && next() < 0.85) {
      const level = Math.min(5, targetLevel + int(0, 2)) as SkillLevel
      const issuedOn = addMonths(applicationDate, -int(6, 96))
      const year = Number(issuedOn.slice(0, 4))
      priorCertificates.push({
        number:
          year >= 2020
            ? deriveCertificateNumber(PREFIX, year, level, (i % 999_999) + 1)
            : legacyNumber(year, level, i + 1),
        occupationCode: occupation(),
        level,
        issuedOn
      })
    }
    const education: Array<Education> =
      next() < 0.4
        ? [
            {
              kind: pick(SCHOOLS),
              specialtyRelated: next() < 0.8,
              status: next() < 0.7 ? "graduated" : "graduating"
            }
          ]
        : []
    const base = {
      route,
      occupationCode: OCCUPATION,
      targetLevel,
      applicationDate,
      birthDate: makeDate(int(1965, 2004), int(1, 12), int(1, 28)),
      workPeriods,
      priorCertificates,
      education,
      apprenticeshipCompleted: next() < 0.2,
      preparatoryTechnicianCertificate: next() < 0.1,
      standard: pick(STANDARDS)
    }
    if (route === "exceptional") {
      const ruleOnFile = next() < 0.85
      out.push({
        ...base,
        exceptional: {
          employerId: "91320100MA1XXXXX0A",
          ...(next() < 0.9 ? { applicantEmployerId: "91320100MA1XXXXX0A" } : {}),
          ...(ruleOnFile
            ? {
                rule: {
                  employerId: "91320100MA1XXXXX0A",
                  documentId: "HR-2022-017",
                  title: "职业技能等级破格晋升管理办法",
                  publishedOn: addMonths(applicationDate, next() < 0.85 ? -int(1, 24) : int(1, 6)),
                  publishedToAllStaff: next() < 0.9,
                  writtenForm: next() < 0.95,
                  allowedLevels: [4, 3, 2],
                  maxLevelsAbove: int(1, 2)
                }
              }
            : {})
        }
      })
    } else if (route === "title") {
      out.push({
        ...base,
        title: {
          titleName: "工程师",
          titleLevel: pick(TITLE_LEVELS),
          obtainedOn: addMonths(applicationDate, -int(1, 60)),
          fieldRelation: next() < 0.5 ? "same" : next() < 0.7 ? "related" : "unrelated"
        }
      })
    } else if (route === "competition") {
      const students = next() < 0.3
      const required = pick(["none", "none", "city", "province"] as const)
      out.push({
        ...base,
        competition: {
          competitionId: `JS-${2022 + (i % 3)}-${i}`,
          competitionClass: pick(CLASSES),
          group: students ? "student" : "worker",
          occupationCode: next() < 0.9 ? OCCUPATION : OTHER,
          heldOn: addMonths(applicationDate, -int(1, 10)),
          rank: int(1, 4),
          filingRequired: required,
          ...(required !== "none" && next() < 0.8 ? { filingCompleted: required } : {}),
          jiangsuPensionMonths: int(0, 24),
          ...(next() < 0.4
            ? { hukou: { regionCode: next() < 0.8 ? "320102" : "110101", evidence: "户口簿" } }
            : {}),
          ...(students && next() < 0.7
            ? {
                enrolment: {
                  institutionName: "江苏省技师学院",
                  institutionKind: "technical" as const,
                  regionCode: "320100"
                }
              }
            : {})
        }
      })
    } else {
      out.push(base)
    }
  }
  return out
}
