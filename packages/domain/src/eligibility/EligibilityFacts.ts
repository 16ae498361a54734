/**
 * The facts of an application for a skill level (54号·一 规范资格审核): who applies for which occupation and level
 * on which date, by which route (the standard's 申报条件, an employer's 破格晋升, a professional title — 贯通, or
 * a competition ranking), and the evidence each route looks at. Schemas for the API edge; the rules take the
 * plain types (`typeof X.Type`). A level outside 1–5 (学徒工, 特级技师, 首席技师) is a decode error here. Every
 * decode message is zh-CN and names the field (shared/FieldSchema).
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
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import type * as CE from "./ContestantEligibility.js"
import { priorCertificateLevelOf } from "./PriorCertificates.js"
import { StandardFacts } from "./StandardFacts.js"
import { TitleFieldRelation, TitleLevel } from "./TitleBridgeSchema.js"

const LEVELS = "1至5（五级/初级工至一级/高级技师）"

/** The route the application names. */
export const EligibilityRoute = Schema.Literal("standard", "exceptional", "title", "competition").annotations(
  {
    identifier: "EligibilityRoute",
    description:
      "申报途径：standard=按标准申报条件，exceptional=用人单位破格晋升，title=专业技术资格贯通，competition=竞赛名次晋升",
    message: () => ({
      message:
        "申报途径应为 standard（按标准申报条件）、exceptional（用人单位破格晋升）、title（专业技术资格贯通）或 competition（竞赛名次晋升）",
      override: true
    })
  }
)
export type EligibilityRoute = typeof EligibilityRoute.Type

/** A period of work in an occupation, both days included. */
export const WorkPeriod = Schema.Struct({
  from: required(LocalDate, "工作开始日期"),
  to: required(LocalDate, "工作结束日期"),
  occupationCode: required(OccupationCode, "从事职业编码")
})
  .annotations({ message: () => "工作经历应为对象（开始日期、结束日期、从事职业编码）" })
  .pipe(Schema.filter((p) => p.from <= p.to || "工作经历的结束日期不得早于开始日期"))
export type WorkPeriod = typeof WorkPeriod.Type

/** A certificate held before this application: 22-character or legacy 16-digit number (domain.md §3). */
export const PriorCertificate = Schema.Struct({
  number: required(PriorCertificateNumber, "证书编号"),
  occupationCode: required(OccupationCode, "证书职业编码"),
  level: required(
    SkillLevel.annotations({ message: () => ({ message: `证书等级应为${LEVELS}`, override: true }) }),
    "证书等级"
  ),
  issuedOn: required(LocalDate, "发证日期")
})
  .annotations({ message: () => "已取得的证书应为对象（证书编号、职业编码、等级、发证日期）" })
  .pipe(
    Schema.filter(
      (c) => priorCertificateLevelOf(c.number) === c.level || "证书编号中的等级代码与所填等级不一致"
    )
  )
export type PriorCertificate = typeof PriorCertificate.Type

/** A school record: the kind of school, whether the specialty is this or a related one, graduated or graduating. */
export const Education = Schema.Struct({
  kind: required(SchoolKind, "毕业院校类别"),
  /** 本专业或相关专业 */
  specialtyRelated: required(
    Schema.Boolean.annotations({ message: () => "是否本专业或相关专业应为 true 或 false" }),
    "是否本专业或相关专业"
  ),
  /** graduating = 尚未取得毕业证书的在校应届毕业生 */
  status: required(
    Schema.Literal("graduated", "graduating").annotations({
      message: () => ({
        message: "毕业状态应为 graduated（已毕业）或 graduating（应届毕业生）",
        override: true
      })
    }),
    "毕业状态"
  )
}).annotations({ message: () => "学历应为对象（院校类别、是否相关专业、毕业状态）" })
export type Education = typeof Education.Type

/** An employer's 破格晋升 rule on file (54号·一 "制定相应规章制度，以书面形式向全体职工公布") and its scope. */
export const EmployerPromotionRule = Schema.Struct({
  employerId: required(Id("用人单位编号"), "用人单位编号"),
  documentId: required(Id("规章制度文号"), "规章制度文号"),
  title: required(Text("规章制度名称"), "规章制度名称"),
  publishedOn: required(LocalDate, "公布日期"),
  publishedToAllStaff: required(
    Schema.Boolean.annotations({ message: () => "是否向全体职工公布应为 true 或 false" }),
    "是否向全体职工公布"
  ),
  writtenForm: required(
    Schema.Boolean.annotations({ message: () => "是否以书面形式公布应为 true 或 false" }),
    "是否以书面形式公布"
  ),
  /** The target levels the rule allows. */
  allowedLevels: required(
    Schema.Array(
      SkillLevel.annotations({
        message: () => ({ message: `可破格晋升的等级应为${LEVELS}`, override: true })
      })
    ).annotations({ message: () => "可破格晋升的等级应为列表" }),
    "可破格晋升的等级"
  ),
  /** How many levels above the applicant's current one the rule allows (no certificate = below 五级). */
  maxLevelsAbove: required(
    Schema.Int.pipe(Schema.between(1, 5)).annotations({
      message: () => ({ message: "可越级数应为1至5的整数", override: true })
    }),
    "可越级数"
  )
}).annotations({ message: () => "破格晋升规章制度应为对象" })
export type EmployerPromotionRule = typeof EmployerPromotionRule.Type

export const ExceptionalFacts = Schema.Struct({
  /** The employer evaluating its staff under its 破格 mechanism. */
  employerId: required(Id("用人单位编号"), "用人单位编号"),
  /** The employer the applicant is staff of (absent: not shown to be staff of any). */
  applicantEmployerId: Schema.optionalWith(Id("申报人所在单位编号"), { exact: true }),
  /** The employer's rule on file (absent: none on file). */
  rule: Schema.optionalWith(EmployerPromotionRule, { exact: true })
}).annotations({ message: () => "破格晋升信息应为对象" })
export type ExceptionalFacts = typeof ExceptionalFacts.Type

/** The professional title (专业技术资格) the applicant relies on (贯通, 苏人社发〔2021〕132号). */
export const TitleFacts = Schema.Struct({
  /** e.g. "工程师" */
  titleName: required(Text("职称名称"), "职称名称"),
  titleLevel: required(TitleLevel, "职称等级"),
  obtainedOn: required(LocalDate, "取得职称日期"),
  /** The title's field against the occupation applied for, as evidenced (a fact, not inferred). */
  fieldRelation: required(TitleFieldRelation, "职称专业与申报职业的关系")
}).annotations({ message: () => "职称信息应为对象" })
export type TitleFacts = typeof TitleFacts.Type

/** Jiangsu household registration, evidenced (the ID number's address code is no proof: rules-research §1.1). */
export const Hukou = Schema.Struct({
  regionCode: required(RegionCode, "户籍所在地"),
  /** The document seen, e.g. 户口簿 page or 户籍证明 reference. */
  evidence: required(Text("户籍证明"), "户籍证明")
}).annotations({ message: () => "户籍信息应为对象（户籍所在地、户籍证明）" })
export type Hukou = typeof Hukou.Type

export const EnrolmentInstitutionKind = Schema.Literal("technical", "vocational", "higher").annotations({
  identifier: "EnrolmentInstitutionKind",
  description: "学籍所在院校：technical=技工院校，vocational=职业院校，higher=高等院校",
  message: () => ({
    message: "学籍所在院校类别应为 technical（技工院校）、vocational（职业院校）或 higher（高等院校）",
    override: true
  })
})

/** 学籍 at a school (54号·一 (3)). */
export const Enrolment = Schema.Struct({
  institutionName: required(Text("学籍所在院校"), "学籍所在院校"),
  institutionKind: required(EnrolmentInstitutionKind, "学籍所在院校类别"),
  regionCode: required(RegionCode, "学籍所在院校所在地")
}).annotations({ message: () => "学籍信息应为对象（院校名称、院校类别、所在地）" })
export type Enrolment = typeof Enrolment.Type

/** The competition result relied on, and the contestant facts its review checks (54号·一, 54号·二). */
export const CompetitionFacts = Schema.Struct({
  competitionId: required(Id("竞赛编号"), "竞赛编号"),
  competitionClass: required(CompetitionClass, "竞赛类别"),
  group: required(ContestantGroup, "组别"),
  /** The single occupation of the event (54号·三). */
  occupationCode: required(OccupationCode, "竞赛职业编码"),
  heldOn: required(LocalDate, "竞赛举办日期"),
  /** 名次, 1 = first place. */
  rank: required(
    Schema.Int.pipe(Schema.positive()).annotations({
      message: () => ({ message: "名次应为正整数（1 为第一名）", override: true })
    }),
    "名次"
  ),
  /**
   * The filing the competition needed (competition/FilingRequirement) and the one it completed before the
   * competition started (competition/Filing `completedFiling`: a filing completed later does not count).
   */
  filingRequired: required(
    Schema.Literal("none", "city", "province").annotations({
      message: () => ({
        message:
          "应备案层级应为 none（无需备案）、city（设区市人力资源社会保障局）或 province（省人力资源社会保障厅）",
        override: true
      })
    }),
    "应备案层级"
  ),
  filingCompleted: Schema.optionalWith(
    Schema.Literal("city", "province").annotations({
      message: () => ({
        message: "已完成备案层级应为 city（设区市人力资源社会保障局）或 province（省人力资源社会保障厅）",
        override: true
      })
    }),
    { exact: true }
  ),
  /** Full months of Jiangsu basic pension insurance. */
  jiangsuPensionMonths: required(
    Schema.Int.pipe(Schema.nonNegative()).annotations({
      message: () => ({ message: "参加我省基本养老保险月数应为不小于0的整数", override: true })
    }),
    "参加我省基本养老保险月数"
  ),
  hukou: Schema.optionalWith(Hukou, { exact: true }),
  enrolment: Schema.optionalWith(Enrolment, { exact: true })
}).annotations({ message: () => "竞赛成绩信息应为对象" })
export type CompetitionFacts = typeof CompetitionFacts.Type

const ResidentId = Schema.String.annotations({ message: () => "身份证号码应为文本" }).pipe(
  Schema.filter((s) => {
    const problem = residentIdProblem(s)
    return problem === undefined || residentIdMessage(problem)
  })
)

export const EligibilityFacts = Schema.Struct({
  route: required(EligibilityRoute, "申报途径"),
  occupationCode: required(OccupationCode, "申报职业编码"),
  targetLevel: required(
    SkillLevel.annotations({ message: () => ({ message: `申报等级应为${LEVELS}`, override: true }) }),
    "申报等级"
  ),
  applicationDate: required(LocalDate, "申报日期"),
  birthDate: Schema.optionalWith(LocalDate, { exact: true }),
  /** Gives the birth date when `birthDate` is absent (GB 11643). */
  idNumber: Schema.optionalWith(ResidentId, { exact: true }),
  workPeriods: required(
    Schema.Array(WorkPeriod).annotations({ message: () => "工作经历应为列表" }),
    "工作经历"
  ),
  priorCertificates: required(
    Schema.Array(PriorCertificate).annotations({ message: () => "已取得的证书应为列表" }),
    "已取得的证书"
  ),
  education: required(Schema.Array(Education).annotations({ message: () => "学历应为列表" }), "学历"),
  /** 本职业或相关职业学徒期满 */
  apprenticeshipCompleted: required(
    Schema.Boolean.annotations({ message: () => "是否学徒期满应为 true 或 false" }),
    "是否学徒期满"
  ),
  /** 预备技师证书 */
  preparatoryTechnicianCertificate: required(
    Schema.Boolean.annotations({ message: () => "是否取得预备技师证书应为 true 或 false" }),
    "是否取得预备技师证书"
  ),
  standard: required(StandardFacts, "所依据的标准"),
  exceptional: Schema.optionalWith(ExceptionalFacts, { exact: true }),
  title: Schema.optionalWith(TitleFacts, { exact: true }),
  competition: Schema.optionalWith(CompetitionFacts, { exact: true })
})
  .annotations({ message: () => "申报信息应为对象" })
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
