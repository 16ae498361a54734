/**
 * The answer of an eligibility rule (54号·一): allowed when no condition failed, refused otherwise — rule/Decision
 * `verdict` with the rule-table versions and provisional notes as positional arguments.
 */
import type { Citation } from "../rule/Citation.js"
import {
  type Failure,
  type ProvisionalNote,
  type RuleVersionRef,
  type VerdictDecision,
  verdict
} from "../rule/Decision.js"

const NONE: ReadonlyArray<never> = []

export const answer = (
  rule: string,
  citations: ReadonlyArray<Citation>,
  failures: ReadonlyArray<Failure>,
  ruleVersions: ReadonlyArray<RuleVersionRef> = NONE,
  provisional: ReadonlyArray<ProvisionalNote> = NONE
): VerdictDecision => verdict(rule, citations, failures, { ruleVersions, provisional })
