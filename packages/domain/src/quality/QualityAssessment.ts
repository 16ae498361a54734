/**
 * A record of the quality special assessment of one institution for one half-year (54号·五 "一年两次技能人才评价
 * 质量专项评估"): who assessed (the provincial appraisal centre — domain.md §4 — or a bureau), when, the result
 * (合格 / 限期整改 / 不合格) and the findings.
 */
import { Predicate, Schema } from "effect"
import { RegionCode } from "../codes/RegionSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { NOTICE_EFFECTIVE_FROM } from "../time/InForce.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { periodStart } from "./AssessmentPeriod.js"
import { AssessmentPeriod } from "./AssessmentPeriodSchema.js"

export const AssessmentResult = Schema.Literal(
  "qualified",
  "rectification_required",
  "unqualified"
).annotations({
  identifier: "AssessmentResult",
  description: "评估结论：qualified 合格；rectification_required 限期整改；unqualified 不合格",
  message: () => ({
    message: "评估结论应为 qualified（合格）、rectification_required（限期整改）或 unqualified（不合格）",
    override: true
  })
})
export type AssessmentResult = typeof AssessmentResult.Type

export const ASSESSMENT_RESULT_NAMES: Record<AssessmentResult, string> = {
  qualified: "合格",
  rectification_required: "限期整改",
  unqualified: "不合格"
}

/** 省职业技能鉴定中心 (domain.md §4 "quality assessments"). */
export const ProvincialAppraisalCentre = Schema.TaggedStruct("provincial_appraisal_centre", {
  name: required(Text("评估单位名称"), "评估单位名称")
})

/** A 人力资源社会保障 bureau of the province, a city or a district. */
export const Bureau = Schema.TaggedStruct("bureau", {
  level: required(
    Schema.Literal("province", "city", "district").annotations({
      message: () => ({
        message: "评估单位层级应为 province（省）、city（设区市）或 district（区(县)）",
        override: true
      })
    }),
    "评估单位层级"
  ),
  regionCode: required(RegionCode, "评估单位行政区划代码"),
  name: required(Text("评估单位名称"), "评估单位名称")
})

export const Assessor = Schema.Union(ProvincialAppraisalCentre, Bureau).annotations({
  identifier: "Assessor",
  // An unknown or missing `_tag` gets this message; a known one, the messages of its own fields.
  message: (issue) => ({
    message:
      "评估单位应为省职业技能鉴定中心（_tag 为 provincial_appraisal_centre）或人力资源社会保障部门（_tag 为 bureau）",
    override: !(
      Predicate.hasProperty(issue.actual, "_tag") &&
      ["provincial_appraisal_centre", "bureau"].includes(String(issue.actual._tag))
    )
  })
})
export type Assessor = typeof Assessor.Type

const assessmentFields = {
  institutionId: required(Id("机构编号"), "机构编号"),
  period: required(AssessmentPeriod, "评估期间"),
  assessedOn: required(LocalDate, "评估日期"),
  assessor: required(Assessor, "评估单位"),
  result: required(AssessmentResult, "评估结论"),
  /** What was found; required unless the result is 合格. */
  findings: required(Schema.String.annotations({ message: () => "评估发现应为文本" }), "评估发现")
}

const assessmentIssue = (a: {
  readonly period: string
  readonly assessedOn: string
  readonly result: AssessmentResult
  readonly findings: string
}): true | Schema.FilterIssue => {
  if (a.assessedOn < periodStart(a.period) || a.assessedOn < NOTICE_EFFECTIVE_FROM)
    return {
      path: ["assessedOn"],
      message: `评估日期 ${a.assessedOn} 早于评估期间 ${a.period} 的开始日期或通知施行日期 ${NOTICE_EFFECTIVE_FROM}`
    }
  if (a.result !== "qualified" && a.findings.trim().length === 0)
    return {
      path: ["findings"],
      message: `评估结论为“${ASSESSMENT_RESULT_NAMES[a.result]}”时应写明评估发现的问题`
    }
  return true
}

export const QualityAssessment = Schema.Struct(assessmentFields)
  .pipe(Schema.filter(assessmentIssue))
  .annotations({ identifier: "QualityAssessment" })
export type QualityAssessment = typeof QualityAssessment.Type

/**
 * An assessment as the assessing organisation submits it through the API: the assessor is the organisation
 * itself (Assessments.record), and findings may be left out when the result is 合格.
 */
export const AssessmentSubmission = Schema.Struct({
  institutionId: assessmentFields.institutionId,
  period: assessmentFields.period,
  assessedOn: assessmentFields.assessedOn,
  result: assessmentFields.result,
  findings: Schema.optionalWith(Schema.String.annotations({ message: () => "评估发现应为文本" }), {
    default: () => ""
  })
})
  .annotations({ message: () => "专项评估记录应为对象" })
  .pipe(Schema.filter(assessmentIssue))
  .annotations({
    identifier: "AssessmentSubmission",
    title: "技能人才评价质量专项评估记录（评估单位为提交的机构本身）"
  })
export type AssessmentSubmission = typeof AssessmentSubmission.Type

/** An assessment on file, with the id it was recorded under (AssessmentRepository). */
export const RecordedAssessment = Schema.Struct({ id: Schema.String, ...assessmentFields })
  .pipe(Schema.filter(assessmentIssue))
  .annotations({ identifier: "RecordedAssessment" })
export type RecordedAssessment = typeof RecordedAssessment.Type
