/** Rule decisions (rule/Decision) and a few registry names as the screens print them. */
import type { Decision } from "@jineng/domain/rule/Decision"

/** "allowed" → "" (nothing to say); otherwise the failed conditions with their clauses. */
export const failuresText = (d: Decision): string =>
  d.failures.map((f) => `${f.message}（${f.citation}）`).join("；")

/** The clauses a decision cites, e.g. "54号·二、domain.md §2". */
export const citationsText = (d: Decision): string => [...new Set(d.citations)].join("、")

/** "70.0%" for 21 of 30. */
export const percent = (part: number, whole: number): string =>
  whole <= 0 ? "—" : `${((part * 100) / whole).toFixed(1)}%`
