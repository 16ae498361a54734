/** 《国家职业分类大典》 occupations for the tests: the codes they use, a builder with placeholder categories. */
import type { Occupation } from "../src/occupation/Occupation.js"

/** 车工 (category 6, with a national standard). */
export const TURNER = "6-18-01-01"
/** 某新职业 (category 4, no national standard). */
export const NEW = "4-04-05-09"
/** 机械设计工程技术人员 (category 2: not certifiable). */
export const CAT2 = "2-02-07-04"

/**
 * An occupation whose 大类/中类/小类 are the prefixes of its code (named 大类, 中类, 小类), not green nor digital,
 * without 工种; `extra` overrides any field, and the 工种 count follows the 工种 names it gives unless it sets one.
 */
export const occupation = (code: string, name: string, extra: Partial<Occupation> = {}): Occupation => ({
  code,
  name,
  major: { code: code.slice(0, 1), name: "大类" },
  middle: { code: code.slice(0, 4), name: "中类" },
  minor: { code: code.slice(0, 7), name: "小类" },
  workTypes: [],
  workTypeCount: extra.workTypes?.length ?? 0,
  green: false,
  digital: false,
  ...extra
})

/** 车工 with its 大典 category names. */
export const turner: Occupation = occupation(TURNER, "车工", {
  major: { code: "6", name: "生产制造及有关人员" },
  middle: { code: "6-18", name: "机械制造基础加工人员" },
  minor: { code: "6-18-01", name: "机械冷加工人员" }
})
