/** The semiannual assessment schedule (quality/AssessmentSchedule, 54号·五 "一年两次") as the screens print it. */
import { periodName } from "@jineng/domain/quality/AssessmentPeriod"
import type { AssessmentSchedule } from "../api/AdminClient.js"

export const SCHEDULE_OUTCOME_NAMES: Record<AssessmentSchedule["outcome"], string> = {
  up_to_date: "已按期评估",
  due: "本半年待评估",
  overdue: "有逾期未评估的半年",
  suspended: "暂停评价，不安排评估",
  not_listed: "未列入目录",
  not_in_force: "通知施行前"
}

/** "本半年待评估：2025年上半年；逾期：2024年下半年". */
export const scheduleText = (s: AssessmentSchedule): string =>
  [
    SCHEDULE_OUTCOME_NAMES[s.outcome],
    s.due === null ? "" : `待评估：${periodName(s.due)}`,
    s.overdue.length === 0 ? "" : `逾期：${s.overdue.map(periodName).join("、")}`
  ]
    .filter((t) => t !== "")
    .join("；")
