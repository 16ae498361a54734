/**
 * Promotion by competition ranking (54号·一 "依据职业技能竞赛成绩（名次）晋升技能等级的，…严格对照苏人社函〔2022〕65号
 * 要求，规范做好参赛选手的资格审核工作，重点加强对选手职业技能等级、工作年限等方面的审核"): the contestant meets one of
 * the three conditions (ContestantEligibility), the competition's required filing was completed so its incentives
 * remain (54号·二, competition/Incentives), and the "competition-promotion" rule table in force gives the rank,
 * for the contestant's current level, a level at or above the one applied for — with the years of work the row
 * requires.
 */

import { levelName } from "../codes/SkillLevel.js"
import { COMPETITION_GROUP_NAMES } from "../competition/Competition.js"
import { declarationTypeOf } from "../competition/CompetitionClass.js"
import { filingSatisfied, incentives } from "../competition/Incentives.js"
import { Cite } from "../rule/Citation.js"
import type { Failure, ProvisionalNote, VerdictDecision } from "../rule/Decision.js"
import {
  COMPETITION_PROMOTION,
  type CompetitionPromotionRow,
  type CompetitionPromotionTable
} from "./CompetitionPromotion.js"
import { contestantEligibility } from "./ContestantEligibility.js"
import { answer } from "./EligibilityDecision.js"
import type { CompetitionFacts, EligibilityFacts } from "./EligibilityFacts.js"
import { missingRouteFacts, missingRuleTable } from "./MissingInputs.js"
import { INFERRED, RELATED_INFERENCE_NOTE, relationTo, UNRELATED } from "./OccupationRelation.js"
import { currentCertificate, type PriorCertificateLike } from "./PriorCertificates.js"
import { tableUse } from "./TableUse.js"
import { formatMonths, WORK_MONTHS_CARRY_NOTE, workMonths } from "./WorkMonths.js"

export const COMPETITION_RULE = "eligibility.competition"
const EVENT = "eligibility.competition.event"
const PROMOTION = "eligibility.competition.promotion"

const WORK_YEARS_UNSET_NOTE: ProvisionalNote = {
  rule: PROMOTION,
  reason:
    "竞赛晋升规则表的该行未规定工作年限，本决定未审核工作年限；54号·一要求重点审核职业技能等级、工作年限等，待管理员按苏人社函〔2022〕65号录入",
  citation: Cite.eligibility
}

const CITATIONS = [Cite.eligibility, Cite.competitionPromotion, Cite.competition]

const failure = (
  code: string,
  rule: string,
  field: string,
  message: string,
  seen: Failure["seen"],
  required: Failure["required"],
  citation: string
): Failure => ({ code, rule, field, message, seen, required, citation })

const classGroupOf = (c: CompetitionFacts): string =>
  `${declarationTypeOf(c.competitionClass)}${COMPETITION_GROUP_NAMES[c.group]}`

const currentNameOf = (current: PriorCertificateLike | undefined): string =>
  current === undefined ? "无本职业或相关职业等级证书" : `现有${levelName(current.level)}`

export const competitionRoute = (
  f: EligibilityFacts,
  table: CompetitionPromotionTable | undefined
): VerdictDecision => {
  const c = f.competition
  if (c === undefined)
    return answer(COMPETITION_RULE, CITATIONS, [missingRouteFacts(COMPETITION_RULE, "competition")])
  if (table === undefined)
    return answer(COMPETITION_RULE, CITATIONS, [
      missingRuleTable(COMPETITION_RULE, COMPETITION_PROMOTION, f.applicationDate)
    ])
  const use = tableUse(table, PROMOTION)
  const failures: Array<Failure> = []
  let notes: Array<ProvisionalNote> | undefined
  const related = f.standard.relatedOccupations
  let inferred = false

  if (c.heldOn > f.applicationDate)
    failures.push(
      failure(
        "CompetitionAfterApplication",
        EVENT,
        "competition.heldOn",
        `竞赛 ${c.competitionId} 举办于 ${c.heldOn}，晚于申报日 ${f.applicationDate}`,
        c.heldOn,
        `<= ${f.applicationDate}`,
        Cite.eligibility
      )
    )
  const eventRelation = relationTo(c.occupationCode, f.occupationCode, related)
  if (eventRelation === UNRELATED)
    failures.push(
      failure(
        "CompetitionOccupationUnrelated",
        EVENT,
        "competition.occupationCode",
        `竞赛赛项职业 ${c.occupationCode} 与申报职业 ${f.occupationCode} 既不相同也不相关`,
        c.occupationCode,
        f.occupationCode,
        Cite.eligibility
      )
    )
  else if (eventRelation === INFERRED) inferred = true

  const contestant = contestantEligibility(c)
  if (contestant.outcome !== "allowed") for (const x of contestant.failures) failures.push(x)
  else if (contestant.provisional.length > 0) notes = [...contestant.provisional]

  if (!filingSatisfied(c.filingRequired, c.filingCompleted))
    for (const x of incentives(c.filingRequired, c.filingCompleted).failures) failures.push(x)

  const current = currentCertificate(f.priorCertificates, f.occupationCode, related, f.applicationDate)
  if (current !== undefined && relationTo(current.occupationCode, f.occupationCode, related) === INFERRED)
    inferred = true
  const currentLevel = current === undefined ? null : current.level
  let row: CompetitionPromotionRow | undefined
  let forLevel = false
  let widestRank = 0
  for (let i = 0; i < table.rows.length; i++) {
    const r = table.rows[i] as CompetitionPromotionRow
    if (r.competitionClass !== c.competitionClass || r.group !== c.group || r.currentLevel !== currentLevel)
      continue
    forLevel = true
    if (r.rankTo > widestRank) widestRank = r.rankTo
    if (c.rank < r.rankFrom || c.rank > r.rankTo) continue
    if (row === undefined || r.targetLevel < row.targetLevel) row = r
  }
  if (row === undefined) {
    const classGroup = classGroupOf(c)
    const currentName = currentNameOf(current)
    failures.push(
      forLevel
        ? failure(
            "RankNotPromotable",
            PROMOTION,
            "competition.rank",
            `${classGroup}第${c.rank}名，${currentName}：按竞赛晋升规则表（版本 ${table.version}）不在可晋升名次内（至多第${widestRank}名）`,
            c.rank,
            widestRank,
            Cite.competitionPromotion
          )
        : failure(
            "NoPromotionForCurrentLevel",
            PROMOTION,
            "priorCertificates",
            `竞赛晋升规则表（版本 ${table.version}）对${classGroup}${currentName}的选手未规定晋升等级`,
            currentLevel,
            table.rows
              .filter((r) => r.competitionClass === c.competitionClass && r.group === c.group)
              .map((r) => r.currentLevel ?? "none"),
            Cite.competitionPromotion
          )
    )
  } else {
    if (f.targetLevel < row.targetLevel)
      failures.push(
        failure(
          "TargetAboveTableLevel",
          PROMOTION,
          "targetLevel",
          `${classGroupOf(c)}第${c.rank}名、${currentNameOf(current)}，可晋升至${levelName(row.targetLevel)}，申报的${levelName(f.targetLevel)}高于此等级`,
          f.targetLevel,
          row.targetLevel,
          Cite.competitionPromotion
        )
      )
    if (row.minWorkYears !== undefined) {
      const required = Math.round(row.minWorkYears * 12)
      const work = workMonths(f.workPeriods, f.occupationCode, related, undefined, f.applicationDate)
      if (work.inferred) inferred = true
      if (work.months < required)
        failures.push(
          failure(
            "WorkYearsInsufficient",
            PROMOTION,
            "workPeriods",
            `累计从事本职业或相关职业工作${formatMonths(work.months)}（${work.months}个整月），竞赛晋升要求${row.minWorkYears}年（含）以上（${required}个月）`,
            work.months,
            required,
            Cite.competitionPromotion
          )
        )
      else if (work.months - work.carried < required) {
        notes = notes ?? []
        notes.push(WORK_MONTHS_CARRY_NOTE)
      }
    } else {
      // 54号·一 puts 工作年限 at the centre of the review, but the table row sets no minimum: say so.
      notes = notes ?? []
      notes.push(WORK_YEARS_UNSET_NOTE)
    }
  }
  if (inferred) {
    notes = notes ?? []
    notes.push(RELATED_INFERENCE_NOTE)
  }
  return answer(
    COMPETITION_RULE,
    CITATIONS,
    failures,
    use.ruleVersions,
    notes === undefined ? use.provisional : [...use.provisional, ...notes]
  )
}
