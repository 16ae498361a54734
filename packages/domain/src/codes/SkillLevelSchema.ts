/** Schema for SkillLevel: the digits 1–5. */
import { Schema } from "effect"

export const SkillLevel = Schema.Literal(1, 2, 3, 4, 5).annotations({
  identifier: "SkillLevel",
  description: "职业技能等级：5=五级/初级工 … 1=一级/高级技师"
})
export type SkillLevel = typeof SkillLevel.Type
