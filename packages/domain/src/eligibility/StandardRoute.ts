/**
 * The standard route of 54号·一 ("职业技能等级认定资格应对照相应国家职业技能标准或企业行业评价规范要求进行审核"): the
 * target level's 申报条件 of the applicable standard (occupation/ApplicationConditions; TEMPLATE_2018 when the
 * standard stores none — provisional). An alternative passes when all its requirements pass; the decision
 * names the alternative that passed, or lists the failures of every alternative.
 */
import { birthDateOf, isResidentIdNumber } from "../codes/ResidentIdNumber.js"
import { levelName } from "../codes/SkillLevel.js"
import type {
  ConditionAlternative,
  LevelConditions,
  SchoolKind,
  SchoolRequirement
} from "../occupation/ApplicationConditions.js"
import { conditionsFor, TEMPLATE_2018 } from "../occupation/ApplicationConditions.js"
import { Cite } from "../rule/Citation.js"
import type { Failure, ProvisionalNote, RuleVersionRef, VerdictDecision } from "../rule/Decision.js"
import { fullYearsBetween } from "../time/LocalDate.js"
import { answer } from "./EligibilityDecision.js"
import type { EligibilityFacts } from "./EligibilityFacts.js"
import { INFERRED, RELATED_INFERENCE_NOTE, relationTo, UNRELATED } from "./OccupationRelation.js"
import { isRecognised, type PriorCertificateLike, qualifyingCertificate } from "./PriorCertificates.js"
import { formatMonths, WORK_MONTHS_CARRY_NOTE, type WorkMonths, workMonths } from "./WorkMonths.js"

export const STANDARD_RULE = "eligibility.standard"

const CITATIONS = [Cite.eligibility]

export const SCHOOL_KIND_NAMES: Readonly<Record<SchoolKind, string>> = {
  technical_school: "技工学校",
  vocational_school_intermediate: "经评估论证、以中级技能为培养目标的中等及以上职业学校",
  senior_technical_school: "高级技工学校",
  technician_college: "技师学院",
  higher_vocational_advanced: "经评估论证、以高级技能为培养目标的高等职业学校",
  junior_college: "大学专科",
  bachelor: "大学本科",
  master: "硕士研究生及以上"
}

/** The note of a decision made against the common template because the standard stores no 申报条件. */
export const TEMPLATE_NOTE: ProvisionalNote = {
  rule: STANDARD_RULE,
  reason: "该标准未录入申报条件，按通用模板审核（rules-research §3.1 通用模板）",
  citation: Cite.domainDecisions
}

const TEMPLATE_NOTES: ReadonlyArray<ProvisionalNote> = [TEMPLATE_NOTE]
const NO_NOTES: ReadonlyArray<ProvisionalNote> = []
const NO_FAILURES: ReadonlyArray<Failure> = []
const NO_VERSIONS: ReadonlyArray<RuleVersionRef> = []

/** Per-decision state shared by the alternatives. */
interface Scratch {
  /** All work to the application date, computed once. */
  allWork: WorkMonths | undefined
  /** The alternative relied on the same-小类 inference. */
  inferred: boolean
  /** The alternative met a years requirement only with months made of odd days. */
  carried: boolean
}

const alternativeRule = (alt: ConditionAlternative): string => `${STANDARD_RULE}.${alt.id}`

const fail = (
  out: Array<Failure>,
  alt: ConditionAlternative,
  code: string,
  field: string,
  message: string,
  seen: Failure["seen"],
  required: Failure["required"]
): void => {
  out.push({ code, rule: alternativeRule(alt), field, message, seen, required, citation: Cite.eligibility })
}

/** The levels of the recognised certificates of this or a related occupation held on the application date. */
const heldLevels = (
  f: EligibilityFacts,
  related: ReadonlyArray<string> | undefined
): ReadonlyArray<number> => {
  const levels: Array<number> = []
  for (const c of f.priorCertificates)
    if (
      c.issuedOn <= f.applicationDate &&
      relationTo(c.occupationCode, f.occupationCode, related) !== UNRELATED &&
      isRecognised(c)
    )
      levels.push(c.level)
  return levels
}

/** 0 met · 1 no school of the kinds · 2 only an unrelated specialty · 3 only a graduating student, not accepted. */
const schoolStatus = (f: EligibilityFacts, req: SchoolRequirement): 0 | 1 | 2 | 3 => {
  let status: 0 | 1 | 2 | 3 = 1
  for (let i = 0; i < f.education.length; i++) {
    const e = f.education[i] as EligibilityFacts["education"][number]
    if (!req.kinds.includes(e.kind)) continue
    if (!e.specialtyRelated) {
      if (status === 1) status = 2
      continue
    }
    if (e.status === "graduated" || req.graduatingStudentsCount) return 0
    status = 3
  }
  return status
}

/** The name of the first school record of one of `kinds` (for messages on the failure path). */
const heldKindName = (f: EligibilityFacts, kinds: ReadonlyArray<SchoolKind>): string => {
  for (const e of f.education) if (kinds.includes(e.kind)) return SCHOOL_KIND_NAMES[e.kind]
  return ""
}

const kindNamesCache = new WeakMap<ReadonlyArray<SchoolKind>, string>()

const kindNames = (kinds: ReadonlyArray<SchoolKind>): string => {
  let names = kindNamesCache.get(kinds)
  if (names === undefined) {
    names = kinds.map((k) => SCHOOL_KIND_NAMES[k]).join("、")
    kindNamesCache.set(kinds, names)
  }
  return names
}

const birthDateFor = (f: EligibilityFacts): string | undefined =>
  f.birthDate ??
  (f.idNumber !== undefined && isResidentIdNumber(f.idNumber) ? birthDateOf(f.idNumber) : undefined)

/**
 * Evaluates one alternative. With `out` undefined it stops at the first unmet requirement (the fast path);
 * with `out` it records every unmet requirement.
 */
const evaluate = (
  f: EligibilityFacts,
  related: ReadonlyArray<string> | undefined,
  alt: ConditionAlternative,
  s: Scratch,
  out: Array<Failure> | undefined
): boolean => {
  let ok = true
  s.inferred = false
  s.carried = false
  let certificate: PriorCertificateLike | undefined
  if (alt.priorLevel !== undefined) {
    certificate = qualifyingCertificate(
      f.priorCertificates,
      f.occupationCode,
      related,
      alt.priorLevel,
      f.applicationDate
    )
    if (certificate === undefined) {
      if (out === undefined) return false
      ok = false
      fail(
        out,
        alt,
        "PriorCertificateMissing",
        "priorCertificates",
        `未见申报日 ${f.applicationDate}（含）前取得的本职业或相关职业${levelName(alt.priorLevel)}及以上等级职业资格证书（技能等级证书）`,
        heldLevels(f, related),
        alt.priorLevel
      )
    } else if (relationTo(certificate.occupationCode, f.occupationCode, related) === INFERRED) {
      s.inferred = true
    }
  }
  if (alt.minWorkYears !== undefined) {
    const required = Math.round(alt.minWorkYears * 12)
    const afterCertificate = alt.yearsCountedFrom === "prior_certificate" && alt.priorLevel !== undefined
    if (afterCertificate && certificate === undefined) {
      if (out === undefined) return false
      ok = false
      fail(
        out,
        alt,
        "WorkYearsInsufficient",
        "workPeriods",
        `未取得所需证书，无法计算取得证书后的工作年限；要求取得证书后累计从事本职业或相关职业工作${alt.minWorkYears}年（含）以上`,
        null,
        required
      )
    } else {
      let work: WorkMonths
      if (afterCertificate && certificate !== undefined) {
        work = workMonths(f.workPeriods, f.occupationCode, related, certificate.issuedOn, f.applicationDate)
      } else {
        if (s.allWork === undefined)
          s.allWork = workMonths(f.workPeriods, f.occupationCode, related, undefined, f.applicationDate)
        work = s.allWork
      }
      if (work.inferred) s.inferred = true
      if (work.months < required) {
        if (out === undefined) return false
        ok = false
        fail(
          out,
          alt,
          "WorkYearsInsufficient",
          "workPeriods",
          `${afterCertificate && certificate !== undefined ? `自取得证书之日 ${certificate.issuedOn} 起` : ""}累计从事本职业或相关职业工作${formatMonths(work.months)}（${work.months}个整月），要求${alt.minWorkYears}年（含）以上（${required}个月）`,
          work.months,
          required
        )
      } else if (work.months - work.carried < required) {
        s.carried = true
      }
    }
  }
  if (alt.school !== undefined) {
    const status = schoolStatus(f, alt.school)
    if (status !== 0) {
      if (out === undefined) return false
      ok = false
      if (status === 3)
        fail(
          out,
          alt,
          "GraduatingStudentNotAccepted",
          "education",
          `该条件不含尚未取得毕业证书的在校应届毕业生；申请人为${heldKindName(f, alt.school.kinds)}在校应届毕业生，须取得毕业证书`,
          "graduating",
          "graduated"
        )
      else if (status === 2)
        fail(
          out,
          alt,
          "SpecialtyNotRelated",
          "education",
          `所持${heldKindName(f, alt.school.kinds)}学历的专业与申报职业不属于本专业或相关专业`,
          false,
          true
        )
      else
        fail(
          out,
          alt,
          "SchoolRequirementNotMet",
          "education",
          `未见${kindNames(alt.school.kinds)}本专业或相关专业毕业证书${alt.school.graduatingStudentsCount ? "（含在校应届毕业生）" : ""}`,
          f.education.map((e) => e.kind),
          alt.school.kinds
        )
    }
  }
  if (alt.apprenticeshipCompleted === true && !f.apprenticeshipCompleted) {
    if (out === undefined) return false
    ok = false
    fail(
      out,
      alt,
      "ApprenticeshipNotCompleted",
      "apprenticeshipCompleted",
      "未见本职业或相关职业学徒期满的证明",
      false,
      true
    )
  }
  if (alt.preparatoryTechnicianCertificate === true && !f.preparatoryTechnicianCertificate) {
    if (out === undefined) return false
    ok = false
    fail(
      out,
      alt,
      "PreparatoryTechnicianCertificateMissing",
      "preparatoryTechnicianCertificate",
      "未见本职业或相关职业预备技师证书",
      false,
      true
    )
  }
  if (alt.minAge !== undefined) {
    const birth = birthDateFor(f)
    if (birth === undefined) {
      if (out === undefined) return false
      ok = false
      fail(
        out,
        alt,
        "BirthDateMissing",
        "birthDate",
        `该条件要求年满${alt.minAge}周岁，但未提供出生日期或有效身份证号码`,
        null,
        alt.minAge
      )
    } else {
      const age = fullYearsBetween(birth, f.applicationDate)
      if (age < alt.minAge) {
        if (out === undefined) return false
        ok = false
        fail(
          out,
          alt,
          "AgeBelowMinimum",
          "birthDate",
          `申报日年龄${age}周岁，要求年满${alt.minAge}周岁`,
          age,
          alt.minAge
        )
      }
    }
  }
  return ok
}

const refused = (
  failures: ReadonlyArray<Failure>,
  provisional: ReadonlyArray<ProvisionalNote>
): VerdictDecision => answer(STANDARD_RULE, CITATIONS, failures, NO_VERSIONS, provisional)

/**
 * The 申报条件 a decision is made against: the standard's own, or the common template TEMPLATE_2018 when it stores
 * none (decisions then carry TEMPLATE_NOTE). The one place this fallback is written.
 */
export const conditionsOf = (standard: {
  readonly conditions?: ReadonlyArray<LevelConditions> | undefined
}): ReadonlyArray<LevelConditions> => standard.conditions ?? TEMPLATE_2018

/** The standard route: the first alternative (in the standard's order) whose requirements all pass. */
export const standardRoute = (f: EligibilityFacts): VerdictDecision => {
  const standard = f.standard
  const template = standard.conditions === undefined
  const base = template ? TEMPLATE_NOTES : NO_NOTES
  if (standard.occupationCode !== f.occupationCode)
    return refused(
      [
        {
          code: "StandardOccupationMismatch",
          rule: STANDARD_RULE,
          field: "standard.occupationCode",
          message: `所依据标准的职业编码 ${standard.occupationCode} 与申报职业 ${f.occupationCode} 不一致`,
          seen: standard.occupationCode,
          required: f.occupationCode,
          citation: Cite.eligibility
        }
      ],
      base
    )
  const stored = conditionsOf(standard)
  const conditions = conditionsFor(stored, f.targetLevel)
  if (conditions === undefined || conditions.alternatives.length === 0)
    return refused(
      [
        {
          code: "LevelNotInStandard",
          rule: STANDARD_RULE,
          field: "targetLevel",
          message: `所依据标准（${standard.edition}版）未设${levelName(f.targetLevel)}的申报条件`,
          seen: f.targetLevel,
          required: stored.map((c) => c.level),
          citation: Cite.eligibility
        }
      ],
      base
    )
  const related = standard.relatedOccupations
  const s: Scratch = { allWork: undefined, inferred: false, carried: false }
  const alternatives = conditions.alternatives
  for (let i = 0; i < alternatives.length; i++) {
    const alt = alternatives[i] as ConditionAlternative
    if (evaluate(f, related, alt, s, undefined)) {
      const provisional =
        s.inferred || s.carried
          ? [
              ...base,
              ...(s.inferred ? [RELATED_INFERENCE_NOTE] : []),
              ...(s.carried ? [WORK_MONTHS_CARRY_NOTE] : [])
            ]
          : base
      return answer(alternativeRule(alt), CITATIONS, NO_FAILURES, NO_VERSIONS, provisional)
    }
  }
  const failures: Array<Failure> = []
  let inferred = false
  for (let i = 0; i < alternatives.length; i++) {
    evaluate(f, related, alternatives[i] as ConditionAlternative, s, failures)
    if (s.inferred) inferred = true
  }
  return refused(failures, inferred ? [...base, RELATED_INFERENCE_NOTE] : base)
}
