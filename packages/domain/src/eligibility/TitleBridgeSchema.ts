/** Schemas of the 贯通 rule table (TitleBridge.ts) and its values, for the API and the administrator. */
import { Schema } from "effect"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { RuleTable } from "../rule/RuleTableSchema.js"
import { required } from "../shared/FieldSchema.js"
import type * as T from "./TitleBridge.js"

export const TitleLevel = Schema.Literal("junior", "intermediate", "deputy_senior", "senior").annotations({
  identifier: "TitleLevel",
  description: "专业技术资格等级：junior=初级/助理，intermediate=中级，deputy_senior=副高级，senior=正高级",
  message: () => ({
    message:
      "职称等级应为 junior（初级/助理）、intermediate（中级）、deputy_senior（副高级）或 senior（正高级）",
    override: true
  })
})

export const TitleFieldRelation = Schema.Literal("same", "related", "unrelated").annotations({
  identifier: "TitleFieldRelation",
  description: "职称所属专业领域与申报职业的关系",
  message: () => ({
    message: "职称专业与申报职业的关系应为 same（相同）、related（相关）或 unrelated（不相关）",
    override: true
  })
})

export const TitleBridgeRow = Schema.Struct({
  titleLevel: required(TitleLevel, "职称等级"),
  targetLevel: required(
    SkillLevel.annotations({
      message: () => ({ message: "可申报等级应为1至5（五级/初级工至一级/高级技师）", override: true })
    }),
    "可申报等级"
  ),
  fieldRelation: required(
    Schema.Literal("same_or_related", "same").annotations({
      message: () => ({
        message: "专业要求应为 same_or_related（相同或相关）或 same（相同）",
        override: true
      })
    }),
    "专业要求"
  )
}).annotations({ message: () => "贯通规则行应为对象" })

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
