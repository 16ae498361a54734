/**
 * What a decision that used a dated rule table carries (domain.md §2 "Decisions that used a provisional row say
 * so"): the version used (`refOf`) and, for a provisional version, a note with the table's provenance. Computed
 * once per table version, so hot rules do not allocate them.
 */
import type { ProvisionalNote, RuleVersionRef } from "../rule/Decision.js"
import { type RuleTable, refOf } from "../rule/RuleTable.js"

export interface TableUse {
  readonly ruleVersions: ReadonlyArray<RuleVersionRef>
  /** Empty unless the version is provisional. */
  readonly provisional: ReadonlyArray<ProvisionalNote>
}

const cache = new WeakMap<RuleTable<unknown>, TableUse>()

/** The version reference and provisional note of `table` (each table is used by one rule, named `rule`). */
export const tableUse = (table: RuleTable<unknown>, rule: string): TableUse => {
  const hit = cache.get(table)
  if (hit !== undefined) return hit
  const use: TableUse = {
    ruleVersions: [refOf(table)],
    provisional: table.provisional
      ? [
          {
            rule,
            reason: `采用暂定规则表“${table.table}”版本 ${table.version}（${table.effectiveFrom} 起生效）：${table.provenance.note}`,
            citation: table.provenance.source
          }
        ]
      : []
  }
  cache.set(table, use)
  return use
}
