/**
 * The dated rule tables eligibility uses (domain.md §2): "title-bridge" (贯通, 苏人社发〔2021〕132号) and
 * "competition-promotion" (苏人社函〔2022〕65号), their shipped provisional defaults, and the versions in force on
 * a date (rule/RuleTable versionOn).
 */

import { versionOn } from "../rule/RuleTable.js"
import type { LocalDate } from "../time/LocalDate.js"
import { type CompetitionPromotionTable, DEFAULT_COMPETITION_PROMOTION } from "./CompetitionPromotion.js"
import { DEFAULT_TITLE_BRIDGE, type TitleBridgeTable } from "./TitleBridge.js"

/** The versions a decision uses; undefined when no version is in force on the application date. */
export interface EligibilityTables {
  readonly titleBridge: TitleBridgeTable | undefined
  readonly competitionPromotion: CompetitionPromotionTable | undefined
}

/** Every published version of each table. */
export interface EligibilityRuleTableVersions {
  readonly titleBridge: ReadonlyArray<TitleBridgeTable>
  readonly competitionPromotion: ReadonlyArray<CompetitionPromotionTable>
}

/** A version of one of the tables, as an administrator publishes it. */
export type EligibilityRuleTable = TitleBridgeTable | CompetitionPromotionTable

export const DEFAULT_ELIGIBILITY_VERSIONS: EligibilityRuleTableVersions = {
  titleBridge: [DEFAULT_TITLE_BRIDGE],
  competitionPromotion: [DEFAULT_COMPETITION_PROMOTION]
}

/** The shipped defaults, in force from 2022-05-01. */
export const DEFAULT_ELIGIBILITY_TABLES: EligibilityTables = {
  titleBridge: DEFAULT_TITLE_BRIDGE,
  competitionPromotion: DEFAULT_COMPETITION_PROMOTION
}

export const eligibilityTablesOn = (
  versions: EligibilityRuleTableVersions,
  date: LocalDate
): EligibilityTables => ({
  titleBridge: versionOn(versions.titleBridge, date),
  competitionPromotion: versionOn(versions.competitionPromotion, date)
})
