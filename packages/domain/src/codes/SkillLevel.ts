/**
 * Certificate skill levels 5 (五级/初级工) … 1 (一级/高级技师) (domain.md §2 "Levels"). 学徒工, 特级技师 and
 * 首席技师 are employer posts, not levels an institution may evaluate; any other level is "擅加" (54号·三).
 */

export type SkillLevel = 1 | 2 | 3 | 4 | 5

export const SKILL_LEVELS: ReadonlyArray<SkillLevel> = [5, 4, 3, 2, 1]

const GRADE_NAMES = ["", "一级", "二级", "三级", "四级", "五级"] as const
const TITLE_NAMES = ["", "高级技师", "技师", "高级工", "中级工", "初级工"] as const

export const isSkillLevel = (n: unknown): n is SkillLevel =>
  n === 1 || n === 2 || n === 3 || n === 4 || n === 5

/** "五级" … "一级" */
export const gradeName = (level: SkillLevel): string => GRADE_NAMES[level]

/** "初级工" … "高级技师" */
export const titleName = (level: SkillLevel): string => TITLE_NAMES[level]

const LEVEL_NAMES = ["", "一级/高级技师", "二级/技师", "三级/高级工", "四级/中级工", "五级/初级工"] as const

/** "五级/初级工" — the form printed on certificates and used in messages. */
export const levelName = (level: SkillLevel): string => LEVEL_NAMES[level]

/** The next level up (5 → 4 … 2 → 1); undefined above 一级. */
export const nextLevelUp = (level: SkillLevel): SkillLevel | undefined =>
  level === 1 ? undefined : ((level - 1) as SkillLevel)

/** true when `a` is the same level as or higher than `b` (lower digit = higher level). */
export const isAtLeast = (a: SkillLevel, b: SkillLevel): boolean => a <= b

const BY_NAME: Record<string, SkillLevel> = {}
for (const level of SKILL_LEVELS) {
  BY_NAME[gradeName(level)] = level
  BY_NAME[titleName(level)] = level
  BY_NAME[levelName(level)] = level
  BY_NAME[String(level)] = level
}

/** Parses "3", "三级", "高级工" or "三级/高级工"; undefined otherwise (e.g. "特级技师"). */
export const parseSkillLevel = (s: string): SkillLevel | undefined => BY_NAME[s.trim()]
