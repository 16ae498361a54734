/** The `quality_assessments` row (a 质量专项评估 record, 54号·五) and its mapping to RecordedAssessment. */
import type { RecordedAssessment } from "@jineng/domain/quality/QualityAssessment"

export type AssessmentRow = {
  readonly id: string
  readonly institution_id: string
  readonly period: string
  readonly assessed_on: string
  readonly assessor_kind: string
  readonly assessor_level: string | null
  readonly assessor_region: string | null
  readonly assessor_name: string
  readonly result: string
  readonly findings: string
}

export const toRow = (a: RecordedAssessment): AssessmentRow => ({
  id: a.id,
  institution_id: a.institutionId,
  period: a.period,
  assessed_on: a.assessedOn,
  assessor_kind: a.assessor._tag,
  assessor_level: a.assessor._tag === "bureau" ? a.assessor.level : null,
  assessor_region: a.assessor._tag === "bureau" ? a.assessor.regionCode : null,
  assessor_name: a.assessor.name,
  result: a.result,
  findings: a.findings
})

/** Rows come only from our own writes, which the domain validated: no re-validation on the read path. */
export const fromRow = (r: AssessmentRow): RecordedAssessment =>
  ({
    id: r.id,
    institutionId: r.institution_id,
    period: r.period,
    assessedOn: r.assessed_on,
    assessor:
      r.assessor_kind === "bureau"
        ? { _tag: "bureau", level: r.assessor_level, regionCode: r.assessor_region, name: r.assessor_name }
        : { _tag: "provincial_appraisal_centre", name: r.assessor_name },
    result: r.result,
    findings: r.findings
  }) as RecordedAssessment
