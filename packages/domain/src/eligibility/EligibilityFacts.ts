/**
 * The facts of an application for a skill level (54号·一 规范资格审核): who applies for which occupation and level
 * on which date, by which route (the standard's 申报条件, an employer's 破格晋升, a professional title — 贯通, or
 * a competition ranking), and the evidence each route looks at. Schemas for the API edge; the rules take the
 * plain types (`typeof X.Type`). A level outside 1–5 (学徒工, 特级技师, 首席技师) is a decode error here.
 */
import { Schema } from "effect"
import { PriorCertificateNumber } from "../codes/CertificateNumberSchema.js"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { RegionCode } from "../codes/RegionSchema.js"
import { birthDateOf, residentIdMessage, residentIdProblem } from "../codes/ResidentIdNumber.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { CompetitionGroup as ContestantGroup } from "../competition/Competition.js"
import { CompetitionClass } from "../competition/CompetitionClassSchema.js"
import { SchoolKind } from "../occupation/ApplicationConditionsSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import type * as CE from "./ContestantEligibility.js"
import { priorCertificateLevelOf } from "./PriorCertificates.js"
import { StandardFacts } from "./StandardFacts.js"
import { TitleFieldRelation, TitleLevel } from "./TitleBridgeSchema.js"

const NonEmpty = Schema.String.pipe(Schema.minLength(1))

/** The route the application names. */
export const EligibilityRoute = Schema.Literal("standard", "exceptional", "title", "competition").annotations(
  {
    identifier: "EligibilityRoute",
    description:
      "申报途径：standard=按标准申报条件，exceptional=用人单位破格晋升，title=专业技术资格贯通，competition=竞赛名次晋升"
  }
)
export type EligibilityRoute = typeof EligibilityRoute.Type

/** A period of work in an occupation, both days included. */
export const WorkPeriod = Schema.Struct({
  from: LocalDate,
  to: LocalDate,
  occupationCode: OccupationCode
}).pipe(Schema.filter((p) => p.from <= p.to || "工作经历的结束日期不得早于开始日期"))
export type WorkPeriod = typeof WorkPeriod.Type

/** A certificate held before this application: 22-character or legacy 16-digit number (domain.md §3). */
export const PriorCertificate = Schema.Struct({
  number: PriorCertificateNumber,
  occupationCode: OccupationCode,
  level: SkillLevel,
  issuedOn: LocalDate
}).pipe(
  Schema.filter(
    (c) => priorCertificateLevelOf(c.number) === c.level || "证书编号中的等级代码与所填等级不一致"
  )
)
export type PriorCertificate = typeof PriorCertificate.Type

/** A school record: the kind of school, whether the specialty is this or a related one, graduated or graduating. */
export const Education = Schema.Struct({
  kind: SchoolKind,
  /** 本专业或相关专业 */
  specialtyRelated: Schema.Boolean,
  /** graduating = 尚未取得毕业证书的在校应届毕业生 */
  status: Schema.Literal("graduated", "graduating")
})
export type Education = typeof Education.Type

/** An employer's 破格晋升 rule on file (54号·一 "制定相应规章制度，以书面形式向全体职工公布") and its scope. */
export const EmployerPromotionRule = Schema.Struct({
  employerId: NonEmpty,
  documentId: NonEmpty,
  title: NonEmpty,
  publishedOn: LocalDate,
  publishedToAllStaff: Schema.Boolean,
  writtenForm: Schema.Boolean,
  /** The target levels the rule allows. */
  allowedLevels: Schema.Array(SkillLevel),
  /** How many levels above the applicant's current one the rule allows (no certificate = below 五级). */
  maxLevelsAbove: Schema.Int.pipe(Schema.between(1, 5))
})
export type EmployerPromotionRule = typeof EmployerPromotionRule.Type

export const ExceptionalFacts = Schema.Struct({
  /** The employer evaluating its staff under its 破格 mechanism. */
  employerId: NonEmpty,
  /** The employer the applicant is staff of (absent: not shown to be staff of any). */
  applicantEmployerId: Schema.optionalWith(NonEmpty, { exact: true }),
  /** The employer's rule on file (absent: none on file). */
  rule: Schema.optionalWith(EmployerPromotionRule, { exact: true })
})
export type ExceptionalFacts = typeof ExceptionalFacts.Type

/** The professional title (专业技术资格) the applicant relies on (贯通, 苏人社发〔2021〕132号). */
export const TitleFacts = Schema.Struct({
  /** e.g. "工程师" */
  titleName: NonEmpty,
  titleLevel: TitleLevel,
  obtainedOn: LocalDate,
  /** The title's field against the occupation applied for, as evidenced (a fact, not inferred). */
  fieldRelation: TitleFieldRelation
})
export type TitleFacts = typeof TitleFacts.Type

/** Jiangsu household registration, evidenced (the ID number's address code is no proof: rules-research §1.1). */
export const Hukou = Schema.Struct({
  regionCode: RegionCode,
  /** The document seen, e.g. 户口簿 page or 户籍证明 reference. */
  evidence: NonEmpty
})
export type Hukou = typeof Hukou.Type

export const EnrolmentInstitutionKind = Schema.Literal("technical", "vocational", "higher").annotations({
  identifier: "EnrolmentInstitutionKind",
  description: "学籍所在院校：technical=技工院校，vocational=职业院校，higher=高等院校"
})

/** 学籍 at a school (54号·一 (3)). */
export const Enrolment = Schema.Struct({
  institutionName: NonEmpty,
  institutionKind: EnrolmentInstitutionKind,
  regionCode: RegionCode
})
export type Enrolment = typeof Enrolment.Type

/** The competition result relied on, and the contestant facts its review checks (54号·一, 54号·二). */
export const CompetitionFacts = Schema.Struct({
  competitionId: NonEmpty,
  competitionClass: CompetitionClass,
  group: ContestantGroup,
  /** The single occupation of the event (54号·三). */
  occupationCode: OccupationCode,
  heldOn: LocalDate,
  /** 名次, 1 = first place. */
  rank: Schema.Int.pipe(Schema.positive()),
  /** The filing the competition needed (competition/FilingRequirement) and the one it completed. */
  filingRequired: Schema.Literal("none", "city", "province"),
  filingCompleted: Schema.optionalWith(Schema.Literal("city", "province"), { exact: true }),
  /** Full months of Jiangsu basic pension insurance. */
  jiangsuPensionMonths: Schema.Int.pipe(Schema.nonNegative()),
  hukou: Schema.optionalWith(Hukou, { exact: true }),
  enrolment: Schema.optionalWith(Enrolment, { exact: true })
})
export type CompetitionFacts = typeof CompetitionFacts.Type

const ResidentId = Schema.String.pipe(
  Schema.filter((s) => {
    const problem = residentIdProblem(s)
    return problem === undefined || residentIdMessage(problem)
  })
)

export const EligibilityFacts = Schema.Struct({
  route: EligibilityRoute,
  occupationCode: OccupationCode,
  targetLevel: SkillLevel,
  applicationDate: LocalDate,
  birthDate: Schema.optionalWith(LocalDate, { exact: true }),
  /** Gives the birth date when `birthDate` is absent (GB 11643). */
  idNumber: Schema.optionalWith(ResidentId, { exact: true }),
  workPeriods: Schema.Array(WorkPeriod),
  priorCertificates: Schema.Array(PriorCertificate),
  education: Schema.Array(Education),
  /** 本职业或相关职业学徒期满 */
  apprenticeshipCompleted: Schema.Boolean,
  /** 预备技师证书 */
  preparatoryTechnicianCertificate: Schema.Boolean,
  standard: StandardFacts,
  exceptional: Schema.optionalWith(ExceptionalFacts, { exact: true }),
  title: Schema.optionalWith(TitleFacts, { exact: true }),
  competition: Schema.optionalWith(CompetitionFacts, { exact: true })
})
  .pipe(
    Schema.filter((f) =>
      f.route === "exceptional" && f.exceptional === undefined
        ? "破格晋升申报应提供用人单位及其破格晋升规章制度信息"
        : f.route === "title" && f.title === undefined
          ? "依据专业技术资格申报应提供职称信息"
          : f.route === "competition" && f.competition === undefined
            ? "依据竞赛名次申报应提供竞赛成绩信息"
            : true
    ),
    Schema.filter(
      (f) =>
        f.birthDate === undefined ||
        f.idNumber === undefined ||
        birthDateOf(f.idNumber) === f.birthDate ||
        "出生日期与身份证号码中的出生日期不一致"
    )
  )
  .annotations({ identifier: "EligibilityFacts", description: "职业技能等级认定申报资格审核所需事实" })
export type EligibilityFacts = typeof EligibilityFacts.Type

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameKind: Same<typeof EnrolmentInstitutionKind.Type, CE.EnrolmentInstitutionKind> = true
void sameKind
