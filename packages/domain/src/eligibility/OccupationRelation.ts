/**
 * "本职业或相关职业" (54号·一 via the standard's 申报条件; rules-research §3.1): whether an occupation is the
 * application's own, one the standard lists as related, or — when the standard lists none — one in the same
 * 小类 (`minorOf`), an inference that decisions flag provisional (domain.md §2).
 */
import { minorOf } from "../codes/OccupationCode.js"
import { Cite } from "../rule/Citation.js"
import type { ProvisionalNote } from "../rule/Decision.js"

/** 0 unrelated · 1 the same occupation · 2 listed as related by the standard · 3 inferred related (same 小类). */
export type OccupationRelation = 0 | 1 | 2 | 3

export const UNRELATED = 0
export const SAME = 1
export const LISTED = 2
export const INFERRED = 3

export const relationTo = (
  code: string,
  target: string,
  related: ReadonlyArray<string> | undefined
): OccupationRelation => {
  if (code === target) return SAME
  if (related !== undefined) return related.includes(code) ? LISTED : UNRELATED
  return minorOf(code) === minorOf(target) ? INFERRED : UNRELATED
}

export const RELATED_INFERENCE_RULE = "eligibility.related-occupation"

/** The note a decision carries when it relied on the same-小类 inference. */
export const RELATED_INFERENCE_NOTE: ProvisionalNote = {
  rule: RELATED_INFERENCE_RULE,
  reason: "该国家职业技能标准未录入相关职业，按与申报职业同一小类（职业编码前三段相同）推定为相关职业",
  citation: Cite.domainDecisions
}
