/**
 * 贯通: the skill level a professional title (专业技术资格) lets its holder apply for (54号·一 "应当符合…苏人社发
 * 〔2021〕132号规定的情形"). The 132号 text was not obtained (rules-research §5, domain.md §11), so the mapping is
 * a dated rule table; the default follows the common pattern of domain.md §2 and is provisional until an
 * administrator publishes the province's own version.
 */
import type { SkillLevel } from "../codes/SkillLevel.js"
import { Cite } from "../rule/Citation.js"
import type { RuleTable } from "../rule/RuleTable.js"
import { NOTICE_EFFECTIVE_FROM } from "../time/InForce.js"

/** 初级/助理 · 中级 · 副高级 · 正高级 */
export type TitleLevel = "junior" | "intermediate" | "deputy_senior" | "senior"

export const TITLE_LEVEL_NAMES: Readonly<Record<TitleLevel, string>> = {
  junior: "初级/助理",
  intermediate: "中级",
  deputy_senior: "副高级",
  senior: "正高级"
}

/** How the applicant's title field relates to the occupation applied for (a fact, stated and evidenced). */
export type TitleFieldRelation = "same" | "related" | "unrelated"

export const TITLE_FIELD_RELATION_NAMES: Readonly<Record<TitleFieldRelation, string>> = {
  same: "同一专业领域",
  related: "相关专业领域",
  unrelated: "不相关专业领域"
}

/** What a row requires of the title's field. */
export type RequiredFieldRelation = "same_or_related" | "same"

export interface TitleBridgeRow {
  readonly titleLevel: TitleLevel
  /** The highest skill level a holder of the title may apply for. */
  readonly targetLevel: SkillLevel
  readonly fieldRelation: RequiredFieldRelation
}

export const TITLE_BRIDGE = "title-bridge"

export interface TitleBridgeTable extends RuleTable<TitleBridgeRow> {
  readonly table: "title-bridge"
}

/** The shipped default (provisional): 初级/助理 → 三级, 中级 → 二级, 副高级及以上 → 一级 (domain.md §2). */
export const DEFAULT_TITLE_BRIDGE: TitleBridgeTable = {
  table: TITLE_BRIDGE,
  version: "jineng-default-2022-05-01",
  effectiveFrom: NOTICE_EFFECTIVE_FROM,
  provisional: true,
  provenance: {
    source: Cite.titleBridge,
    note:
      "未获取苏人社发〔2021〕132号原文。本表按 domain.md §2 所述多省通行做法暂定：初级/助理 → 三级/高级工，" +
      "中级 → 二级/技师，副高级及以上 → 一级/高级技师，均须同一或相关专业领域。待省人力资源社会保障厅原文确认后，" +
      "由管理员发布新的生效版本替换。",
    publishedBy: "jineng-default"
  },
  rows: [
    { titleLevel: "junior", targetLevel: 3, fieldRelation: "same_or_related" },
    { titleLevel: "intermediate", targetLevel: 2, fieldRelation: "same_or_related" },
    { titleLevel: "deputy_senior", targetLevel: 1, fieldRelation: "same_or_related" },
    { titleLevel: "senior", targetLevel: 1, fieldRelation: "same_or_related" }
  ]
}
