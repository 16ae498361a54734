/**
 * Promotion by competition ranking (54号·一 "依据职业技能竞赛成绩（名次）晋升技能等级的，…严格对照苏人社函
 * 〔2022〕65号要求"): which ranks of which class and group lead to which level, given the contestant's current
 * level. The 65号 text was not found (rules-research §6, domain.md §11), so the rule is a dated table; the
 * default is the national pattern (one level up for the top ranks, by class) with conservative cut-offs and is
 * provisional until an administrator publishes the province's own version (domain.md §2).
 */
import type { SkillLevel } from "../codes/SkillLevel.js"
import type { CompetitionGroup as ContestantGroup } from "../competition/Competition.js"
import type { CompetitionClass } from "../competition/CompetitionClass.js"
import { Cite } from "../rule/Citation.js"
import type { RuleTable } from "../rule/RuleTable.js"
import { NOTICE_EFFECTIVE_FROM } from "../time/InForce.js"

/** The competition context's classes and groups (省级 · 市级一类 · 市级二类 · 区(县)级; 职工组 · 学生组). */
export type { CompetitionClass, ContestantGroup }

export interface CompetitionPromotionRow {
  readonly competitionClass: CompetitionClass
  readonly group: ContestantGroup
  /** Ranks rankFrom … rankTo, both inclusive (名次 1 = first place). */
  readonly rankFrom: number
  readonly rankTo: number
  /** The contestant's current certificate level in the occupation; null = holds none. */
  readonly currentLevel: SkillLevel | null
  /** The highest level the row lets the contestant apply for. */
  readonly targetLevel: SkillLevel
  /** Cumulative years of work in this or a related occupation the row requires (工作年限), if any. */
  readonly minWorkYears?: number
}

export const COMPETITION_PROMOTION = "competition-promotion"

export interface CompetitionPromotionTable extends RuleTable<CompetitionPromotionRow> {
  readonly table: "competition-promotion"
}

/** Conservative cut-offs of the default: only the very top places of each class. */
const DEFAULT_CUT_OFFS: ReadonlyArray<readonly [CompetitionClass, number]> = [
  ["provincial", 3],
  ["city_class_1", 2],
  ["city_class_2", 1],
  ["county", 1]
]

const oneLevelUp = (
  group: ContestantGroup,
  currentLevels: ReadonlyArray<2 | 3 | 4 | 5>
): Array<CompetitionPromotionRow> =>
  DEFAULT_CUT_OFFS.flatMap(([competitionClass, rankTo]) =>
    currentLevels.map(
      (currentLevel): CompetitionPromotionRow => ({
        competitionClass,
        group,
        rankFrom: 1,
        rankTo,
        currentLevel,
        targetLevel: (currentLevel - 1) as SkillLevel
      })
    )
  )

/** The shipped default (provisional): one level up from the current level, top ranks only. */
export const DEFAULT_COMPETITION_PROMOTION: CompetitionPromotionTable = {
  table: COMPETITION_PROMOTION,
  version: "jineng-default-2022-05-01",
  effectiveFrom: NOTICE_EFFECTIVE_FROM,
  provisional: true,
  provenance: {
    source: Cite.competitionPromotion,
    note:
      "未找到苏人社函〔2022〕65号原文。本表按全国通行做法暂定：获奖名次靠前者在现有等级基础上晋升一级，名次线按竞赛类别从严" +
      "设定（省级前3名、市级一类赛前2名、市级二类赛第1名、区(县)级第1名）；职工组适用现有五级至二级，学生组适用现有五级、四级；" +
      "无现有等级者不予晋升；默认不设工作年限要求（原文未获取，须由管理员按原文录入）。名次线与适用等级均为暂定值，待省人力资源社会保障厅原文" +
      "确认后由管理员发布新的生效版本替换。",
    publishedBy: "jineng-default"
  },
  rows: [...oneLevelUp("worker", [5, 4, 3, 2]), ...oneLevelUp("student", [5, 4])]
}
