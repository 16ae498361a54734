/** Schema for AssessmentPeriod ("YYYY-H1" / "YYYY-H2", from 2022-H1 on). */
import { Schema } from "effect"
import { FIRST_ASSESSMENT_PERIOD, isAssessmentPeriod } from "./AssessmentPeriod.js"

export const AssessmentPeriod = Schema.String.annotations({ message: () => "评估期间应为文本" }).pipe(
  Schema.filter(
    (s) =>
      (isAssessmentPeriod(s) && s >= FIRST_ASSESSMENT_PERIOD) ||
      `评估期间应为“年份-H1”（上半年）或“年份-H2”（下半年），且不早于 ${FIRST_ASSESSMENT_PERIOD}`,
    {
      identifier: "AssessmentPeriod",
      description: "技能人才评价质量专项评估期间，如 2023-H1（1–6月）、2023-H2（7–12月）"
    }
  )
)
