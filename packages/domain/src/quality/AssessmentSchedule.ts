/**
 * Which quality special assessments an institution of the catalogue owes on a date (54号·五 "一年两次技能人才评价
 * 质量专项评估"; "实行能进能出的目录清单式动态管理"), read from its catalogue status history (institution/
 * CatalogueStatus): a half-year is owed when the institution is admitted (已纳入目录) on its last day — so the
 * half-year of an admission or re-admission is owed, and one that ends while the institution is suspended (暂停)
 * or removed (移出) is not. The current half-year is *due* while the institution is admitted and it is not yet
 * assessed; an earlier owed half-year (since 2022-05-01) with no assessment is *overdue*. The notice sets no
 * deadline within the half-year: "due by its last day" is a provisional reading, and so are counting the
 * half-year of (re-)admission and owing nothing for a half-year that ends in suspension or after removal.
 */
import { Schema } from "effect"
import type { StatusEntry } from "../institution/CatalogueStatus.js"
import { StatusHistory } from "../institution/CatalogueStatusSchema.js"
import { Cite } from "../rule/Citation.js"
import { type Decision, decision, type Failure, type ProvisionalNote } from "../rule/Decision.js"
import { Id, required } from "../shared/FieldSchema.js"
import { isInForce, NOTICE_EFFECTIVE_FROM, notInForce } from "../time/InForce.js"
import type { LocalDate } from "../time/LocalDate.js"
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

/** An institution of the catalogue (目录清单) with its status history (an Institution fits). */
export const ListedInstitution = Schema.Struct({
  id: required(Id("机构编号"), "机构编号"),
  statusHistory: required(StatusHistory, "目录状态记录")
}).annotations({ message: () => "机构应为对象（机构编号、目录状态记录）" })
export type ListedInstitution = typeof ListedInstitution.Type

/** What the rule needs of an assessment record (QualityAssessment fits). */
export interface AssessmentDone {
  readonly institutionId: string
  readonly period: AssessmentPeriod
  readonly assessedOn: LocalDate
}

export type ScheduleOutcome = "up_to_date" | "due" | "overdue" | "suspended" | "not_listed" | "not_in_force"

export interface AssessmentSchedule {
  readonly decision: Decision<ScheduleOutcome>
  /** The current half-year, when the institution is admitted on the date and the half-year is not yet assessed. */
  readonly due: AssessmentPeriod | undefined
  /** Earlier owed half-years with no assessment, oldest first. */
  readonly overdue: ReadonlyArray<AssessmentPeriod>
}

const DEADLINE_NOTE: ProvisionalNote = {
  rule: SCHEDULE_RULE,
  reason:
    "通知只规定“一年两次”专项评估，未规定半年内的完成期限；暂按每半年（1–6月、7–12月）最后一日前完成理解，逾期即为未评估（待业务主管部门确认）",
  citation: Cite.quality
}

const FIRST_PERIOD_NOTE = (period: AssessmentPeriod, from: LocalDate): ProvisionalNote => ({
  rule: SCHEDULE_RULE,
  reason: `${periodName(period)}自 ${from} 起计入评估义务（机构列入目录、恢复评价或通知施行的当半年即须评估），待业务主管部门确认`,
  citation: Cite.quality
})

const NOT_ADMITTED_NOTE: ProvisionalNote = {
  rule: SCHEDULE_RULE,
  reason:
    "半年末（当前半年为查询日）机构处于暂停评价或已移出目录状态的，该半年不计入专项评估义务；恢复或重新准入的当半年起重新计入（待业务主管部门确认）",
  citation: Cite.quality
}

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

/**
 * The start of the admitted spell that holds on `day` (the last admission on or before it; same day: the later
 * entry wins), or undefined when the institution is not admitted on that day.
 */
const admittedSince = (history: ReadonlyArray<StatusEntry>, day: LocalDate): LocalDate | undefined => {
  let since: LocalDate | undefined
  for (const e of history) {
    if (e.date > day) break
    since = e.status === "admitted" ? e.date : undefined
  }
  return since
}

const statusAt = (history: ReadonlyArray<StatusEntry>, day: LocalDate): StatusEntry["status"] | undefined => {
  let status: StatusEntry["status"] | undefined
  for (const e of history) {
    if (e.date > day) break
    status = e.status
  }
  return status
}

export const assessmentSchedule = (
  institution: ListedInstitution,
  assessments: ReadonlyArray<AssessmentDone>,
  date: LocalDate
): AssessmentSchedule => {
  if (!isInForce(date)) return { decision: notInForce(SCHEDULE_RULE, date), due: undefined, overdue: none }
  const history = institution.statusHistory
  const firstAdmission = history.find((e) => e.status === "admitted")?.date
  if (firstAdmission === undefined || date < firstAdmission)
    return { decision: decision("not_listed", SCHEDULE_RULE, [Cite.quality]), due: undefined, overdue: none }

  const done = new Set<AssessmentPeriod>()
  for (const a of assessments)
    if (a.institutionId === institution.id && a.assessedOn <= date) done.add(a.period)

  const provisional: Array<ProvisionalNote> = [DEADLINE_NOTE]
  let skipped = false
  /** Whether `period` is owed, judged on `day` (its last day, or the date for the current half-year). */
  const owed = (period: AssessmentPeriod, day: LocalDate): boolean => {
    const since = admittedSince(history, day)
    if (since === undefined) {
      skipped = true
      return false
    }
    const from = isInForce(since) ? since : NOTICE_EFFECTIVE_FROM
    if (from > periodStart(period)) provisional.push(FIRST_PERIOD_NOTE(period, from))
    return true
  }

  const start = isInForce(firstAdmission) ? firstAdmission : NOTICE_EFFECTIVE_FROM
  const current = periodOf(date)
  const overdue: Array<AssessmentPeriod> = []
  for (const p of periodsBetween(periodOf(start), previousPeriod(current)))
    if (owed(p, periodEnd(p)) && !done.has(p)) overdue.push(p)
  const due = owed(current, date) && !done.has(current) ? current : undefined
  if (skipped) provisional.push(NOT_ADMITTED_NOTE)

  const status = statusAt(history, date)
  const outcome: ScheduleOutcome =
    overdue.length > 0
      ? "overdue"
      : status === "suspended"
        ? "suspended"
        : status !== "admitted"
          ? "not_listed"
          : due !== undefined
            ? "due"
            : "up_to_date"
  return {
    decision: decision(outcome, SCHEDULE_RULE, [Cite.quality], {
      failures: overdue.map(overdueFailure),
      provisional
    }),
    due,
    overdue
  }
}
