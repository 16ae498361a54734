/** Schemas of the 贯通 rule table (TitleBridge.ts) and its values, for the API and the administrator. */
import { Schema } from "effect"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { RuleTable } from "../rule/RuleTableSchema.js"
import type * as T from "./TitleBridge.js"

export const TitleLevel = Schema.Literal("junior", "intermediate", "deputy_senior", "senior").annotations({
  identifier: "TitleLevel",
  description: "专业技术资格等级：junior=初级/助理，intermediate=中级，deputy_senior=副高级，senior=正高级"
})

export const TitleFieldRelation = Schema.Literal("same", "related", "unrelated").annotations({
  identifier: "TitleFieldRelation",
  description: "职称所属专业领域与申报职业的关系"
})

export const TitleBridgeRow = Schema.Struct({
  titleLevel: TitleLevel,
  targetLevel: SkillLevel,
  fieldRelation: Schema.Literal("same_or_related", "same")
})

export const TitleBridgeTable = RuleTable("title-bridge", TitleBridgeRow)

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameLevel: Same<typeof TitleLevel.Type, T.TitleLevel> = true
const sameRelation: Same<typeof TitleFieldRelation.Type, T.TitleFieldRelation> = true
const sameRow: Same<typeof TitleBridgeRow.Type, T.TitleBridgeRow> = true
const sameTable: Same<typeof TitleBridgeTable.Type, T.TitleBridgeTable> = true
void sameLevel
void sameRelation
void sameRow
void sameTable
