/** Schema for SkillLevel: the digits 1–5. */
import { Schema } from "effect"

export const SkillLevel = Schema.Literal(1, 2, 3, 4, 5).annotations({
  identifier: "SkillLevel",
  message: () => ({ message: "职业技能等级应为1至5（五级/初级工至一级/高级技师）", override: true }),
  description: "职业技能等级：5=五级/初级工 … 1=一级/高级技师"
})
export type SkillLevel = typeof SkillLevel.Type
