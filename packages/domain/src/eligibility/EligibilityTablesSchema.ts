/** Schemas of the eligibility rule tables (EligibilityTables.ts): a version as an administrator publishes it. */
import { Schema } from "effect"
import { CompetitionPromotionTable } from "./CompetitionPromotionSchema.js"
import type * as E from "./EligibilityTables.js"
import { TitleBridgeTable } from "./TitleBridgeSchema.js"

export const EligibilityRuleTable = Schema.Union(TitleBridgeTable, CompetitionPromotionTable)

export const EligibilityRuleTableVersions = Schema.Struct({
  titleBridge: Schema.Array(TitleBridgeTable),
  competitionPromotion: Schema.Array(CompetitionPromotionTable)
})

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameTable: Same<typeof EligibilityRuleTable.Type, E.EligibilityRuleTable> = true
const sameVersions: Same<typeof EligibilityRuleTableVersions.Type, E.EligibilityRuleTableVersions> = true
void sameTable
void sameVersions
