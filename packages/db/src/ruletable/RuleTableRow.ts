/**
 * The `eligibility_rule_versions` row (one published version of a dated eligibility rule table, domain.md §2) and
 * its mapping to the domain's tables. Rows and provenance are JSON TEXT; reading decodes them with the domain's
 * schemas, so a hand-edited row that no longer fits its table is a defect, not a silently wrong decision.
 */
import { CompetitionPromotionTable } from "@jineng/domain/eligibility/CompetitionPromotionSchema"
import type { EligibilityRuleTable } from "@jineng/domain/eligibility/EligibilityTables"
import { TitleBridgeTable } from "@jineng/domain/eligibility/TitleBridgeSchema"
import { Schema } from "effect"

export type RuleTableRow = {
  readonly table_name: string
  readonly version: string
  readonly effective_from: string
  readonly provisional: number
  readonly provenance: string
  readonly table_rows: string
  readonly published_at: string
}

export const ruleTableRow = (t: EligibilityRuleTable, publishedAt: string): RuleTableRow => ({
  table_name: t.table,
  version: t.version,
  effective_from: t.effectiveFrom,
  provisional: t.provisional ? 1 : 0,
  provenance: JSON.stringify(t.provenance),
  table_rows: JSON.stringify(t.rows),
  published_at: publishedAt
})

const decodeTitleBridge = Schema.decodeUnknownSync(TitleBridgeTable)
const decodeCompetitionPromotion = Schema.decodeUnknownSync(CompetitionPromotionTable)

/** The version a row holds; throws (a defect at the call site) when the row does not fit its table's schema. */
export const fromRuleTableRow = (r: RuleTableRow): EligibilityRuleTable => {
  const table = {
    table: r.table_name,
    version: r.version,
    effectiveFrom: r.effective_from,
    provisional: Number(r.provisional) === 1,
    provenance: JSON.parse(r.provenance),
    rows: JSON.parse(r.table_rows)
  }
  return r.table_name === "title-bridge" ? decodeTitleBridge(table) : decodeCompetitionPromotion(table)
}
