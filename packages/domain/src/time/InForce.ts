/**
 * When the notice applies: "确保2022年5月1日起全面执行到位" (54号·五). Every rule has an effective date; an act
 * before it is answered "not in force" (domain.md §2 "Dates").
 */
import { Cite } from "../rule/Citation.js"
import { type Decision, decision, type Failure } from "../rule/Decision.js"
import type { LocalDate } from "./LocalDate.js"

/** The date from which 苏人社办函〔2022〕54号 is fully in force. */
export const NOTICE_EFFECTIVE_FROM: LocalDate = "2022-05-01"

export const isInForce = (actDate: LocalDate, effectiveFrom: LocalDate = NOTICE_EFFECTIVE_FROM): boolean =>
  actDate >= effectiveFrom

export const notInForceFailure = (
  rule: string,
  actDate: LocalDate,
  effectiveFrom: LocalDate = NOTICE_EFFECTIVE_FROM
): Failure => ({
  code: "NotInForce",
  rule,
  field: "date",
  message: `该行为日期 ${actDate} 早于规则生效日期 ${effectiveFrom}，本规则不适用`,
  seen: actDate,
  required: `>= ${effectiveFrom}`,
  citation: Cite.quality
})

/** The answer to an act dated before the rule's effective date. */
export const notInForce = (
  rule: string,
  actDate: LocalDate,
  effectiveFrom: LocalDate = NOTICE_EFFECTIVE_FROM
): Decision<"not_in_force"> =>
  decision("not_in_force", rule, [Cite.quality], {
    failures: [notInForceFailure(rule, actDate, effectiveFrom)]
  })
