/**
 * Contestant eligibility for promotion by competition ranking (54号·一): "选手参赛资格应当符合以下条件之一：（1）参加我省
 * 基本养老保险一年以上；（2）具有我省户籍；（3）学生组职业技能竞赛选手应具有我省技工院校、职业院校及高等院校的学籍".
 * "一年以上" includes exactly 12 full months (domain.md §2; 民法典 Art. 1259) — flagged provisional when a
 * contestant qualifies on that boundary alone. Hukou is its own evidenced fact: the ID number's address code is
 * fixed at assignment and proves nothing about the current hukou (rules-research §1.1). Enrolment counts only in
 * the student group. A region code that is no GB/T 2260 administrative division (e.g. the statistics-only 320571
 * 苏州工业园区) is refused as such, not as "outside Jiangsu".
 */
import { isJiangsuRegion, isRegionCode } from "../codes/Region.js"
import { Cite } from "../rule/Citation.js"
import type { Failure, ProvisionalNote, VerdictDecision } from "../rule/Decision.js"
import { verdict } from "../rule/Decision.js"
import type { ContestantGroup } from "./CompetitionPromotion.js"

/** 技工院校 · 职业院校 · 高等院校 */
export type EnrolmentInstitutionKind = "technical" | "vocational" | "higher"

export const ENROLMENT_INSTITUTION_NAMES: Readonly<Record<EnrolmentInstitutionKind, string>> = {
  technical: "技工院校",
  vocational: "职业院校",
  higher: "高等院校"
}

export interface ContestantFacts {
  readonly group: ContestantGroup
  readonly jiangsuPensionMonths: number
  readonly hukou?: { readonly regionCode: string; readonly evidence: string }
  readonly enrolment?: {
    readonly institutionName: string
    readonly institutionKind: EnrolmentInstitutionKind
    readonly regionCode: string
  }
}

/** "一年以上" = 12 full months or more (domain.md §2). */
export const PENSION_MONTHS_REQUIRED = 12

export const CONTESTANT_RULE = "eligibility.competition.contestant"
const PENSION_RULE = "eligibility.competition.contestant.pension"
const HUKOU_RULE = "eligibility.competition.contestant.hukou"
const ENROLMENT_RULE = "eligibility.competition.contestant.enrolment"

const CITATIONS = [Cite.eligibility]

const PENSION_BOUNDARY: ReadonlyArray<ProvisionalNote> = [
  {
    rule: PENSION_RULE,
    reason:
      "参加我省基本养老保险恰满12个月：按“以上”含本数理解，视为“一年以上”（domain.md §2，待业务主管部门确认）",
    citation: Cite.civilCode1259
  }
]

const ALLOWED = verdict(CONTESTANT_RULE, CITATIONS, [])
const ALLOWED_ON_BOUNDARY = verdict(CONTESTANT_RULE, CITATIONS, [], { provisional: PENSION_BOUNDARY })

const hasJiangsuHukou = (c: ContestantFacts): boolean =>
  c.hukou !== undefined && c.hukou.evidence.length > 0 && isJiangsuRegion(c.hukou.regionCode)

const hasJiangsuEnrolment = (c: ContestantFacts): boolean =>
  c.enrolment !== undefined && isJiangsuRegion(c.enrolment.regionCode)

const HUKOU_REQUIRED = "江苏省户籍（须有户籍证明）"
const ENROLMENT_REQUIRED = "我省技工院校、职业院校或高等院校学籍"

/** The failure of a hukou that is not an evidenced Jiangsu one. */
const hukouFailure = (hukou: NonNullable<ContestantFacts["hukou"]>): Failure => {
  const code = hukou.regionCode
  if (!isRegionCode(code))
    return {
      code: "HukouRegionCodeInvalid",
      rule: HUKOU_RULE,
      field: "competition.hukou.regionCode",
      message: `户籍所在地代码 ${code} 不是 GB/T 2260 行政区划代码（统计用区划代码、功能区代码等不能作为户籍所在地），应填写户籍所在县级行政区的代码`,
      seen: code,
      required: "GB/T 2260 行政区划代码",
      citation: Cite.eligibility
    }
  if (!isJiangsuRegion(code))
    return {
      code: "HukouOutsideJiangsu",
      rule: HUKOU_RULE,
      field: "competition.hukou.regionCode",
      message: `户籍所在地行政区划代码 ${code} 不属于江苏省`,
      seen: code,
      required: HUKOU_REQUIRED,
      citation: Cite.eligibility
    }
  return {
    code: "JiangsuHukouNotEvidenced",
    rule: HUKOU_RULE,
    field: "competition.hukou.evidence",
    message: `户籍所在地 ${code} 属江苏省，但未载明户籍证明（户口簿或户籍证明）`,
    seen: hukou.evidence,
    required: HUKOU_REQUIRED,
    citation: Cite.eligibility
  }
}

/** The failure of an enrolment outside Jiangsu, or recorded with a code that is no administrative division. */
const enrolmentFailure = (enrolment: NonNullable<ContestantFacts["enrolment"]>): Failure => {
  const school = `学籍所在${ENROLMENT_INSTITUTION_NAMES[enrolment.institutionKind]}“${enrolment.institutionName}”`
  const code = enrolment.regionCode
  return isRegionCode(code)
    ? {
        code: "EnrolmentOutsideJiangsu",
        rule: ENROLMENT_RULE,
        field: "competition.enrolment.regionCode",
        message: `${school}位于 ${code}，不属于江苏省`,
        seen: code,
        required: ENROLMENT_REQUIRED,
        citation: Cite.eligibility
      }
    : {
        code: "EnrolmentRegionCodeInvalid",
        rule: ENROLMENT_RULE,
        field: "competition.enrolment.regionCode",
        message: `${school}的所在地代码 ${code} 不是 GB/T 2260 行政区划代码（统计用区划代码、功能区代码等不能作为所在地），应填写院校所在县级行政区的代码`,
        seen: code,
        required: "GB/T 2260 行政区划代码",
        citation: Cite.eligibility
      }
}

/** Allowed when at least one of the three conditions holds; refused with the failure of each otherwise. */
export const contestantEligibility = (c: ContestantFacts): VerdictDecision => {
  const students = c.group === "student"
  if (hasJiangsuHukou(c) || (students && hasJiangsuEnrolment(c))) return ALLOWED
  if (c.jiangsuPensionMonths >= PENSION_MONTHS_REQUIRED)
    return c.jiangsuPensionMonths === PENSION_MONTHS_REQUIRED ? ALLOWED_ON_BOUNDARY : ALLOWED
  const failures: Array<Failure> = [
    {
      code: "PensionInsuranceUnderOneYear",
      rule: PENSION_RULE,
      field: "competition.jiangsuPensionMonths",
      message: `参加我省基本养老保险${c.jiangsuPensionMonths}个月，不满一年（要求12个月及以上）`,
      seen: c.jiangsuPensionMonths,
      required: PENSION_MONTHS_REQUIRED,
      citation: Cite.eligibility
    },
    c.hukou === undefined
      ? {
          code: "JiangsuHukouNotEvidenced",
          rule: HUKOU_RULE,
          field: "competition.hukou",
          message: "未提供我省户籍证明（身份证号码的地址码不能证明现户籍所在地）",
          seen: null,
          required: HUKOU_REQUIRED,
          citation: Cite.eligibility
        }
      : hukouFailure(c.hukou)
  ]
  if (students) {
    failures.push(
      c.enrolment === undefined
        ? {
            code: "JiangsuEnrolmentMissing",
            rule: ENROLMENT_RULE,
            field: "competition.enrolment",
            message: "学生组选手未提供我省技工院校、职业院校或高等院校的学籍",
            seen: null,
            required: ENROLMENT_REQUIRED,
            citation: Cite.eligibility
          }
        : enrolmentFailure(c.enrolment)
    )
  } else if (c.enrolment !== undefined) {
    failures.push({
      code: "EnrolmentOnlyForStudentGroup",
      rule: ENROLMENT_RULE,
      field: "competition.group",
      message: "学籍条件仅适用于学生组选手；本次为职工组，学籍不能作为参赛资格",
      seen: c.group,
      required: "student",
      citation: Cite.eligibility
    })
  }
  return verdict(CONTESTANT_RULE, CITATIONS, failures)
}
