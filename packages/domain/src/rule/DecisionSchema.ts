/** Schemas of Decision (Decision.ts) for the API and for decoding a decision received from it. */
import { Schema } from "effect"
import type * as D from "./Decision.js"

export const Value = Schema.Union(
  Schema.String,
  Schema.Number,
  Schema.Boolean,
  Schema.Null,
  Schema.Array(Schema.Union(Schema.String, Schema.Number, Schema.Boolean))
)

export const Failure = Schema.Struct({
  code: Schema.String,
  rule: Schema.String,
  field: Schema.String,
  message: Schema.String,
  seen: Value,
  required: Value,
  citation: Schema.String
})

export const ProvisionalNote = Schema.Struct({
  rule: Schema.String,
  reason: Schema.String,
  citation: Schema.String
})

export const RuleVersionRef = Schema.Struct({
  table: Schema.String,
  version: Schema.String,
  effectiveFrom: Schema.String,
  provisional: Schema.Boolean
})

export const Decision = <O extends Schema.Schema.AnyNoContext>(outcome: O) =>
  Schema.Struct({
    outcome,
    rule: Schema.String,
    failures: Schema.Array(Failure),
    citations: Schema.Array(Schema.String),
    ruleVersions: Schema.Array(RuleVersionRef),
    provisional: Schema.Array(ProvisionalNote)
  })

export const Verdict = Schema.Literal("allowed", "refused", "not_in_force")
export const VerdictDecision = Decision(Verdict)

// The plain types and the schemas describe the same data.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameShape: Same<typeof VerdictDecision.Type, D.Decision<D.Verdict>> = true
void sameShape
