/** Schemas of the competition-promotion rule table (CompetitionPromotion.ts) and its values. */
import { Schema } from "effect"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { CompetitionGroup as ContestantGroup } from "../competition/Competition.js"
import { CompetitionClass } from "../competition/CompetitionClassSchema.js"
import { RuleTable } from "../rule/RuleTableSchema.js"
import type * as C from "./CompetitionPromotion.js"

const Rank = Schema.Int.pipe(Schema.positive())

export const CompetitionPromotionRow = Schema.Struct({
  competitionClass: CompetitionClass,
  group: ContestantGroup,
  rankFrom: Rank,
  rankTo: Rank,
  currentLevel: Schema.NullOr(SkillLevel),
  targetLevel: SkillLevel,
  minWorkYears: Schema.optionalWith(Schema.Number.pipe(Schema.nonNegative()), { exact: true })
}).pipe(
  Schema.filter((r) => r.rankFrom <= r.rankTo || "名次区间的起始名次不得大于截止名次"),
  Schema.filter(
    (r) => r.currentLevel === null || r.targetLevel < r.currentLevel || "晋升后的等级应高于现有等级"
  )
)

export const CompetitionPromotionTable = RuleTable("competition-promotion", CompetitionPromotionRow)

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameRow: Same<typeof CompetitionPromotionRow.Type, C.CompetitionPromotionRow> = true
const sameTable: Same<typeof CompetitionPromotionTable.Type, C.CompetitionPromotionTable> = true
void sameRow
void sameTable
