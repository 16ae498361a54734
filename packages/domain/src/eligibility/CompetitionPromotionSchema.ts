/** Schemas of the competition-promotion rule table (CompetitionPromotion.ts) and its values. */
import { Schema } from "effect"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { CompetitionGroup as ContestantGroup } from "../competition/Competition.js"
import { CompetitionClass } from "../competition/CompetitionClassSchema.js"
import { RuleTable } from "../rule/RuleTableSchema.js"
import { required } from "../shared/FieldSchema.js"
import type * as C from "./CompetitionPromotion.js"

const Rank = Schema.Int.pipe(Schema.positive()).annotations({
  message: () => ({ message: "名次应为正整数（1 为第一名）", override: true })
})

const LEVELS = "1至5（五级/初级工至一级/高级技师）"

export const CompetitionPromotionRow = Schema.Struct({
  competitionClass: required(CompetitionClass, "竞赛类别"),
  group: required(ContestantGroup, "组别"),
  rankFrom: required(Rank, "起始名次"),
  rankTo: required(Rank, "截止名次"),
  currentLevel: required(
    Schema.NullOr(SkillLevel).annotations({
      message: () => ({ message: `现有等级应为${LEVELS}，或 null（无证书）`, override: true })
    }),
    "现有等级"
  ),
  targetLevel: required(
    SkillLevel.annotations({ message: () => ({ message: `晋升等级应为${LEVELS}`, override: true }) }),
    "晋升等级"
  ),
  minWorkYears: Schema.optionalWith(
    Schema.Number.pipe(Schema.nonNegative()).annotations({
      message: () => ({ message: "最低工作年限应为不小于0的数", override: true })
    }),
    { exact: true }
  )
})
  .annotations({ message: () => "竞赛晋升规则行应为对象" })
  .pipe(
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
