/**
 * Every rule answers with a Decision: the outcome, the rule that decided, each failed condition with the value
 * seen and the value required, the clauses cited, the rule-table versions used and any provisional reading
 * (issue #2 "Every decision is data"). Plain data and plain functions: safe for the browser and fast.
 */
import type { Citation } from "./Citation.js"

/** A JSON value that a condition saw or required. */
export type Value = string | number | boolean | null | ReadonlyArray<string | number | boolean>

/** One condition that was not met. `code` is stable for machines, `message` is for people (zh-CN). */
export interface Failure {
  readonly code: string
  /** The rule (route, alternative) this condition belongs to. */
  readonly rule: string
  /** The fact (input field) the condition looked at. */
  readonly field: string
  readonly message: string
  readonly seen: Value
  readonly required: Value
  readonly citation: Citation
}

/** A value that rests on an interpretation of the sources (domain.md: "carries the flag provisional"). */
export interface ProvisionalNote {
  readonly rule: string
  readonly reason: string
  readonly citation: Citation
}

/** The version of a dated rule table that a decision used. */
export interface RuleVersionRef {
  readonly table: string
  readonly version: string
  readonly effectiveFrom: string
  readonly provisional: boolean
}

export interface Decision<O extends string = string> {
  readonly outcome: O
  /** The route or rule that decided the outcome. */
  readonly rule: string
  readonly failures: ReadonlyArray<Failure>
  readonly citations: ReadonlyArray<Citation>
  readonly ruleVersions: ReadonlyArray<RuleVersionRef>
  readonly provisional: ReadonlyArray<ProvisionalNote>
}

/** The outcome of a yes/no rule. `not_in_force` answers acts before the notice took effect. */
export type Verdict = "allowed" | "refused" | "not_in_force"

export type VerdictDecision = Decision<Verdict>

const none: ReadonlyArray<never> = []

export const decision = <O extends string>(
  outcome: O,
  rule: string,
  citations: ReadonlyArray<Citation>,
  extra?: {
    readonly failures?: ReadonlyArray<Failure>
    readonly ruleVersions?: ReadonlyArray<RuleVersionRef>
    readonly provisional?: ReadonlyArray<ProvisionalNote>
  }
): Decision<O> => ({
  outcome,
  rule,
  failures: extra?.failures ?? none,
  citations,
  ruleVersions: extra?.ruleVersions ?? none,
  provisional: extra?.provisional ?? none
})

/** allowed when no condition failed, refused otherwise. Builds the object directly: rules call it on hot paths. */
export const verdict = (
  rule: string,
  citations: ReadonlyArray<Citation>,
  failures: ReadonlyArray<Failure>,
  extra?: {
    readonly ruleVersions?: ReadonlyArray<RuleVersionRef>
    readonly provisional?: ReadonlyArray<ProvisionalNote>
  }
): Decision<Verdict> => ({
  outcome: failures.length === 0 ? "allowed" : "refused",
  rule,
  failures,
  citations,
  ruleVersions: extra?.ruleVersions ?? none,
  provisional: extra?.provisional ?? none
})

export const isAllowed = (d: Decision): boolean => d.outcome === "allowed"
