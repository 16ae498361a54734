import { describe, expect, it } from "vitest"
import { isAtLeast, levelName, nextLevelUp, parseSkillLevel, SKILL_LEVELS } from "./SkillLevel.js"

describe("SkillLevel (domain.md §2 Levels)", () => {
  it("names the five certificate levels from 五级/初级工 to 一级/高级技师", () => {
    expect(SKILL_LEVELS.map(levelName)).toEqual([
      "五级/初级工",
      "四级/中级工",
      "三级/高级工",
      "二级/技师",
      "一级/高级技师"
    ])
  })
  it("parses digits, grade names and title names, and refuses employer posts (54号·三 不得擅加等级)", () => {
    expect(parseSkillLevel("三级")).toBe(3)
    expect(parseSkillLevel("高级技师")).toBe(1)
    expect(parseSkillLevel("4")).toBe(4)
    expect(parseSkillLevel("特级技师")).toBeUndefined()
    expect(parseSkillLevel("首席技师")).toBeUndefined()
    expect(parseSkillLevel("学徒工")).toBeUndefined()
    expect(parseSkillLevel("6")).toBeUndefined()
  })
  it("orders levels: 1 is the highest, promotion goes one step up", () => {
    expect(isAtLeast(2, 3)).toBe(true)
    expect(isAtLeast(4, 3)).toBe(false)
    expect(nextLevelUp(5)).toBe(4)
    expect(nextLevelUp(1)).toBeUndefined()
  })
})
