/**
 * "应当备案而未备案的，不得享受相应的竞赛支持激励政策" (54号·二): a competition whose required filing is missing
 * loses support and incentives — among them promotion by its ranking (54号·一). A filing completed with a
 * higher level than required (the province where the city was required) also satisfies the requirement.
 */
import { Cite } from "../rule/Citation.js"
import { type Decision, decision } from "../rule/Decision.js"
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
