/**
 * 54号·一 规范资格审核: decides an application by the route it names — the standard's 申报条件, an employer's 破格
 * 晋升, a professional title (贯通) or a competition ranking — with the rule-table versions in force on the
 * application date. Applications before 2022-05-01 are answered "not in force" (54号·五, domain.md §2); a level
 * outside 1–5 (学徒工, 特级技师, 首席技师 are posts, not levels: domain.md §2) is refused (54号·三 不得擅加等级).
 */
import { CERTIFIABLE_MAJORS, isCertifiableMajor } from "../codes/OccupationCode.js"
import { isSkillLevel, levelName } from "../codes/SkillLevel.js"
import { Cite } from "../rule/Citation.js"
import { decision, type Failure, type VerdictDecision } from "../rule/Decision.js"
import { NOTICE_EFFECTIVE_FROM, notInForceFailure } from "../time/InForce.js"
import { COMPETITION_RULE, competitionRoute } from "./CompetitionRoute.js"
import { answer } from "./EligibilityDecision.js"
import type { EligibilityFacts } from "./EligibilityFacts.js"
import type { EligibilityTables } from "./EligibilityTables.js"
import { EXCEPTIONAL_RULE, exceptionalRoute } from "./ExceptionalRoute.js"
import { STANDARD_RULE, standardRoute } from "./StandardRoute.js"
import { TITLE_RULE, titleRoute } from "./TitleRoute.js"

export const ELIGIBILITY_RULE = "eligibility"

/** The rule id and the citations of a not-in-force answer, per route; undefined for an unknown route. */
const routeOf = (route: string): readonly [string, ReadonlyArray<string>] | undefined => {
  switch (route) {
    case "standard":
      return STANDARD
    case "exceptional":
      return EXCEPTIONAL
    case "title":
      return TITLE
    case "competition":
      return COMPETITION
    default:
      return undefined
  }
}

const STANDARD = [STANDARD_RULE, [Cite.eligibility, Cite.quality]] as const
const EXCEPTIONAL = [EXCEPTIONAL_RULE, [Cite.eligibility, Cite.quality]] as const
const TITLE = [TITLE_RULE, [Cite.eligibility, Cite.titleBridge, Cite.quality]] as const
const COMPETITION = [
  COMPETITION_RULE,
  [Cite.eligibility, Cite.competitionPromotion, Cite.competition, Cite.quality]
] as const

const LEVEL_CITATIONS = [Cite.eligibility, Cite.standards]

const scopeFailures = (f: EligibilityFacts, rule: string): ReadonlyArray<Failure> => {
  const failures: Array<Failure> = []
  if (!isCertifiableMajor(f.occupationCode))
    failures.push({
      code: "OccupationNotCertifiable",
      rule,
      field: "occupationCode",
      message: `职业 ${f.occupationCode} 不属于《国家职业分类大典》第三至第六大类，不开展职业技能等级认定`,
      seen: f.occupationCode,
      required: CERTIFIABLE_MAJORS.map((m) => `${m}-xx-xx-xx`),
      citation: Cite.standards
    })
  if (!f.standard.levels.includes(f.targetLevel))
    failures.push({
      code: "LevelNotInStandard",
      rule,
      field: "targetLevel",
      message: `所依据标准（${f.standard.edition}版）未设${levelName(f.targetLevel)}，不得擅加职业技能等级`,
      seen: f.targetLevel,
      required: f.standard.levels,
      citation: Cite.standards
    })
  return failures
}

export const decideEligibility = (f: EligibilityFacts, tables: EligibilityTables): VerdictDecision => {
  const route: string = f.route
  const known = routeOf(route)
  if (known === undefined)
    return answer(
      ELIGIBILITY_RULE,
      [Cite.eligibility],
      [
        {
          code: "RouteUnknown",
          rule: ELIGIBILITY_RULE,
          field: "route",
          message: `申报途径“${route}”不存在；应为按标准申报、破格晋升、专业技术资格贯通或竞赛名次晋升之一`,
          seen: route,
          required: ["standard", "exceptional", "title", "competition"],
          citation: Cite.eligibility
        }
      ]
    )
  const rule = known[0]
  if (f.applicationDate < NOTICE_EFFECTIVE_FROM)
    return decision("not_in_force", rule, known[1], {
      failures: [notInForceFailure(rule, f.applicationDate)]
    })
  const level: unknown = f.targetLevel
  if (!isSkillLevel(level))
    return answer(rule, LEVEL_CITATIONS, [
      {
        code: "LevelNotEvaluable",
        rule,
        field: "targetLevel",
        message: `申报等级“${String(level)}”不是职业技能等级；可评价的等级为五级/初级工至一级/高级技师（学徒工、特级技师、首席技师为用人单位岗位，不得申报）`,
        seen: typeof level === "number" || typeof level === "string" ? level : String(level),
        required: [5, 4, 3, 2, 1],
        citation: Cite.standards
      }
    ])
  // 54号·三: only occupations of 大典 categories 3–6, only the levels the standard offers — on every route.
  const scope = scopeFailures(f, rule)
  if (scope.length > 0) return answer(rule, LEVEL_CITATIONS, scope)
  switch (route) {
    case "exceptional":
      return exceptionalRoute(f)
    case "title":
      return titleRoute(f, tables.titleBridge)
    case "competition":
      return competitionRoute(f, tables.competitionPromotion)
    default:
      return standardRoute(f)
  }
}
