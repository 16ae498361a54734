/**
 * 贯通 route (54号·一 "依据专业技术资格申报职业技能等级认定的，应当符合…苏人社发〔2021〕132号规定的情形"): the
 * applicant's professional title, in the same or a related field (a fact), leads to at most the skill level the
 * "title-bridge" rule table in force gives its title level (TitleBridge.ts; the default is provisional).
 */

import { levelName } from "../codes/SkillLevel.js"
import { Cite } from "../rule/Citation.js"
import type { Failure, VerdictDecision } from "../rule/Decision.js"
import { answer } from "./EligibilityDecision.js"
import type { EligibilityFacts } from "./EligibilityFacts.js"
import { missingRouteFacts, missingRuleTable } from "./MissingInputs.js"
import { tableUse } from "./TableUse.js"
import {
  TITLE_BRIDGE,
  TITLE_FIELD_RELATION_NAMES,
  TITLE_LEVEL_NAMES,
  type TitleBridgeRow,
  type TitleBridgeTable
} from "./TitleBridge.js"

export const TITLE_RULE = "eligibility.title"

const CITATIONS = [Cite.eligibility, Cite.titleBridge]

const failure = (
  code: string,
  field: string,
  message: string,
  seen: Failure["seen"],
  required: Failure["required"]
): Failure => ({ code, rule: TITLE_RULE, field, message, seen, required, citation: Cite.titleBridge })

export const titleRoute = (f: EligibilityFacts, table: TitleBridgeTable | undefined): VerdictDecision => {
  const t = f.title
  if (t === undefined) return answer(TITLE_RULE, CITATIONS, [missingRouteFacts(TITLE_RULE, "title")])
  if (table === undefined)
    return answer(TITLE_RULE, CITATIONS, [missingRuleTable(TITLE_RULE, TITLE_BRIDGE, f.applicationDate)])
  const use = tableUse(table, TITLE_RULE)
  const failures: Array<Failure> = []
  let row: TitleBridgeRow | undefined
  for (let i = 0; i < table.rows.length; i++) {
    const r = table.rows[i] as TitleBridgeRow
    if (r.titleLevel === t.titleLevel) {
      row = r
      break
    }
  }
  const titleName = `${TITLE_LEVEL_NAMES[t.titleLevel]}职称“${t.titleName}”`
  if (row === undefined) {
    failures.push(
      failure(
        "TitleLevelNotInTable",
        "title.titleLevel",
        `贯通规则表（版本 ${table.version}）未规定${titleName}可申报的职业技能等级`,
        t.titleLevel,
        table.rows.map((r) => r.titleLevel)
      )
    )
  } else {
    const fieldOk =
      row.fieldRelation === "same" ? t.fieldRelation === "same" : t.fieldRelation !== "unrelated"
    if (!fieldOk)
      failures.push(
        failure(
          "TitleFieldNotRelated",
          "title.fieldRelation",
          `${titleName}所属专业领域与申报职业为${TITLE_FIELD_RELATION_NAMES[t.fieldRelation]}，要求${row.fieldRelation === "same" ? "同一专业领域" : "同一或相关专业领域"}`,
          t.fieldRelation,
          row.fieldRelation
        )
      )
    if (f.targetLevel < row.targetLevel)
      failures.push(
        failure(
          "TargetAboveTableLevel",
          "targetLevel",
          `持${titleName}可申报至${levelName(row.targetLevel)}，申报的${levelName(f.targetLevel)}高于此等级`,
          f.targetLevel,
          row.targetLevel
        )
      )
  }
  if (t.obtainedOn > f.applicationDate)
    failures.push(
      failure(
        "TitleObtainedAfterApplication",
        "title.obtainedOn",
        `${titleName}取得于 ${t.obtainedOn}，晚于申报日 ${f.applicationDate}`,
        t.obtainedOn,
        `<= ${f.applicationDate}`
      )
    )
  return answer(TITLE_RULE, CITATIONS, failures, use.ruleVersions, use.provisional)
}
