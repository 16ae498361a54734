/**
 * Which quality special assessments an institution of the catalogue owes on a date (54号·五 "一年两次技能人才评价
 * 质量专项评估"): the current half-year is *due* until it is assessed; an earlier half-year since the institution's
 * admission (and since 2022-05-01) with no assessment is *overdue*. The notice sets no deadline within the
 * half-year: "due by its last day" is a provisional reading, and so is counting the half-year of admission.
 */
import { Schema } from "effect"
import { Cite } from "../rule/Citation.js"
import { type Decision, decision, type Failure, type ProvisionalNote } from "../rule/Decision.js"
import { isInForce, NOTICE_EFFECTIVE_FROM, notInForce } from "../time/InForce.js"
import type { LocalDate } from "../time/LocalDate.js"
import { LocalDate as LocalDateSchema } from "../time/LocalDateSchema.js"
import {
  type AssessmentPeriod,
  periodEnd,
  periodName,
  periodOf,
  periodStart,
  periodsBetween,
  previousPeriod
} from "./AssessmentPeriod.js"

export const SCHEDULE_RULE = "quality.assessment-schedule"

/** An institution's listing in the catalogue (目录清单): admitted on a date, possibly removed later. */
export const ListedInstitution = Schema.Struct({
  institutionId: Schema.String,
  admittedOn: LocalDateSchema,
  removedOn: Schema.optional(LocalDateSchema)
})
export type ListedInstitution = typeof ListedInstitution.Type

/** What the rule needs of an assessment record (QualityAssessment fits). */
export interface AssessmentDone {
  readonly institutionId: string
  readonly period: AssessmentPeriod
  readonly assessedOn: LocalDate
}

export type ScheduleOutcome = "up_to_date" | "due" | "overdue" | "not_listed" | "not_in_force"

export interface AssessmentSchedule {
  readonly decision: Decision<ScheduleOutcome>
  /** The current half-year, when the institution is listed and it is not yet assessed. */
  readonly due: AssessmentPeriod | undefined
  /** Earlier half-years since admission with no assessment, oldest first. */
  readonly overdue: ReadonlyArray<AssessmentPeriod>
}

const DEADLINE_NOTE: ProvisionalNote = {
  rule: SCHEDULE_RULE,
  reason:
    "通知只规定“一年两次”专项评估，未规定半年内的完成期限；暂按每半年（1–6月、7–12月）最后一日前完成理解，逾期即为未评估（待业务主管部门确认）",
  citation: Cite.quality
}

const FIRST_PERIOD_NOTE = (first: AssessmentPeriod, from: LocalDate): ProvisionalNote => ({
  rule: SCHEDULE_RULE,
  reason: `${periodName(first)}自 ${from} 起计入评估义务（机构列入目录或通知施行的当半年即须评估），待业务主管部门确认`,
  citation: Cite.quality
})

const overdueFailure = (p: AssessmentPeriod): Failure => ({
  code: "AssessmentOverdue",
  rule: SCHEDULE_RULE,
  field: "assessments",
  message: `${periodName(p)}（${periodStart(p)}至${periodEnd(p)}）未开展技能人才评价质量专项评估，已逾期`,
  seen: null,
  required: p,
  citation: Cite.quality
})

const none: ReadonlyArray<never> = []

export const assessmentSchedule = (
  institution: ListedInstitution,
  assessments: ReadonlyArray<AssessmentDone>,
  date: LocalDate
): AssessmentSchedule => {
  if (!isInForce(date)) return { decision: notInForce(SCHEDULE_RULE, date), due: undefined, overdue: none }
  if (date < institution.admittedOn)
    return { decision: decision("not_listed", SCHEDULE_RULE, [Cite.quality]), due: undefined, overdue: none }

  const from = isInForce(institution.admittedOn) ? institution.admittedOn : NOTICE_EFFECTIVE_FROM
  const first = periodOf(from)
  const current = periodOf(date)
  const removed = institution.removedOn !== undefined && institution.removedOn <= date
  // A removed institution owes the half-years that ended while it was listed, not the one it was removed in.
  const last = removed ? previousPeriod(periodOf(institution.removedOn ?? date)) : previousPeriod(current)

  const done = new Set<AssessmentPeriod>()
  for (const a of assessments)
    if (a.institutionId === institution.institutionId && a.assessedOn <= date) done.add(a.period)

  const overdue = periodsBetween(first, last).filter((p) => !done.has(p))
  const due = !removed && !done.has(current) ? current : undefined

  const provisional =
    from === periodStart(first) ? [DEADLINE_NOTE] : [DEADLINE_NOTE, FIRST_PERIOD_NOTE(first, from)]
  const outcome: ScheduleOutcome =
    overdue.length > 0 ? "overdue" : removed ? "not_listed" : due !== undefined ? "due" : "up_to_date"
  return {
    decision: decision(outcome, SCHEDULE_RULE, [Cite.quality], {
      failures: overdue.map(overdueFailure),
      provisional
    }),
    due,
    overdue
  }
}
