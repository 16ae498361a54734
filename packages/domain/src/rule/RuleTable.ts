/**
 * Dated rule tables: where the law is unknown to us (domain.md §11) the rule is data with its provenance,
 * marked provisional, and an administrator replaces it with a new dated version (domain.md §2).
 */

import type { LocalDate } from "../time/LocalDate.js"
import type { Citation } from "./Citation.js"
import type { RuleVersionRef } from "./Decision.js"

export interface Provenance {
  /** The document the rows come from, or the reading they rest on. */
  readonly source: Citation
  /** Why the rows are what they are (zh-CN or English), e.g. "132号原文未获取，按多省通行做法暂定". */
  readonly note: string
  /** Who published this version (an organisation id or "jineng-default"). */
  readonly publishedBy: string
}

export interface RuleTable<Row> {
  /** The table's name, e.g. "title-bridge". */
  readonly table: string
  readonly version: string
  readonly effectiveFrom: LocalDate
  readonly provisional: boolean
  readonly provenance: Provenance
  readonly rows: ReadonlyArray<Row>
}

/** The version in force on `date`: the latest whose effectiveFrom ≤ date (ties: the one listed last). */
export const versionOn = <T extends RuleTable<unknown>>(
  versions: ReadonlyArray<T>,
  date: LocalDate
): T | undefined => {
  let best: T | undefined
  for (const v of versions) {
    if (v.effectiveFrom <= date && (best === undefined || v.effectiveFrom >= best.effectiveFrom)) best = v
  }
  return best
}

export const refOf = (t: RuleTable<unknown>): RuleVersionRef => ({
  table: t.table,
  version: t.version,
  effectiveFrom: t.effectiveFrom,
  provisional: t.provisional
})
