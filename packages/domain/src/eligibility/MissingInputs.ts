/**
 * Failures for inputs a route cannot decide without (54号·一): the facts of the route the application names, and
 * a version of a dated rule table in force on the application date (rule/RuleTable).
 */
import { Cite } from "../rule/Citation.js"
import type { Failure } from "../rule/Decision.js"

const ROUTE_FACT_NAMES: Readonly<Record<string, string>> = {
  exceptional: "用人单位及其破格晋升规章制度",
  title: "专业技术资格（职称）",
  competition: "竞赛成绩"
}

/** The route's own facts (`exceptional`, `title`, `competition`) are absent. */
export const missingRouteFacts = (rule: string, field: "exceptional" | "title" | "competition"): Failure => ({
  code: "RouteFactsMissing",
  rule,
  field,
  message: `按该途径申报须提供${ROUTE_FACT_NAMES[field] ?? field}信息，但未提供`,
  seen: null,
  required: field,
  citation: Cite.eligibility
})

/** No version of `table` is in force on `date`. */
export const missingRuleTable = (rule: string, table: string, date: string): Failure => ({
  code: "RuleTableNotInForce",
  rule,
  field: "applicationDate",
  message: `申报日 ${date} 无生效的规则表“${table}”版本，无法审核`,
  seen: date,
  required: table,
  citation: Cite.eligibility
})
