/**
 * "应当备案而未备案的，不得享受相应的竞赛支持激励政策" (54号·二): a competition whose required filing is missing
 * loses support and incentives — among them promotion by its ranking (54号·一). A filing completed with a
 * higher level than required (the province where the city was required) also satisfies the requirement. A filing
 * completed on or after the competition's first day does not count ("应提前报…备案", 54号·二; provisional).
 */
import { Cite } from "../rule/Citation.js"
import { type Decision, decision, type ProvisionalNote } from "../rule/Decision.js"
import type { LocalDate } from "../time/LocalDate.js"
import type { FilingRequirement } from "./FilingRequirement.js"

/** The level with which the competition's filing was completed (备案完成), if any. */
export type CompletedFiling = "city" | "province" | undefined

export type IncentiveOutcome = "available" | "lost"

const RULE = "competition.incentives"

export const filingSatisfied = (required: FilingRequirement, completed: CompletedFiling): boolean =>
  required === "none" ||
  (required === "city" && (completed === "city" || completed === "province")) ||
  (required === "province" && completed === "province")

export const incentives = (
  required: FilingRequirement,
  completed: CompletedFiling
): Decision<IncentiveOutcome> =>
  filingSatisfied(required, completed)
    ? decision("available", RULE, [Cite.competition])
    : decision("lost", RULE, [Cite.competition], {
        failures: [
          {
            code: "RequiredFilingMissing",
            rule: RULE,
            field: "filing",
            message:
              required === "province"
                ? "该竞赛应报省人力资源社会保障厅备案而未备案，不得享受竞赛支持激励政策"
                : "该竞赛应报设区市人力资源社会保障局备案而未备案，不得享受竞赛支持激励政策",
            seen: completed ?? null,
            required,
            citation: Cite.competition
          }
        ]
      })

const LATE_NOTE: ProvisionalNote = {
  rule: RULE,
  reason:
    "通知要求跨区域办赛“应提前报上一级人力资源社会保障部门备案”；按备案须在竞赛开始之日前完成（备案完成）方可享受竞赛支持激励政策理解，异地选手占比备案同样适用（待业务主管部门确认）",
  citation: Cite.domainDecisions
}

/** The filing was completed (备案完成) on `completedOn`, on or after the competition's first day `startsOn`. */
export const filingCompletedLate = (
  required: FilingRequirement,
  completedOn: LocalDate,
  startsOn: LocalDate
): Decision<IncentiveOutcome> =>
  decision("lost", RULE, [Cite.competition], {
    failures: [
      {
        code: "FilingCompletedLate",
        rule: RULE,
        field: "filing.closedOn",
        message: `该竞赛的备案（${required === "province" ? "报省人力资源社会保障厅" : "报设区市人力资源社会保障局"}）于 ${completedOn} 完成，不早于竞赛开始日期 ${startsOn}；备案应在竞赛开始前完成，未按时备案的，不得享受竞赛支持激励政策`,
        seen: completedOn,
        required: `早于 ${startsOn}`,
        citation: Cite.competition
      }
    ],
    provisional: [LATE_NOTE]
  })
