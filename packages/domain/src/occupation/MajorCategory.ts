/**
 * The eight major categories (大类) of the 《国家职业分类大典》 (rules-research §7.2). Only 三、四、五、六大类 are open
 * to 职业技能等级认定 (54号·三 "根据《国家职业分类大典》三、四、五、六大类收录的规范名称").
 */
import { CERTIFIABLE_MAJORS } from "../codes/OccupationCode.js"

export interface MajorCategory {
  readonly code: string
  readonly name: string
  /** true for 3–6: occupations of this category may be evaluated for level certificates (54号·三). */
  readonly certifiable: boolean
}

const NAMES: ReadonlyArray<readonly [string, string]> = [
  ["1", "党的机关、国家机关、群众团体和社会组织、企事业单位负责人"],
  ["2", "专业技术人员"],
  ["3", "办事人员和有关人员"],
  ["4", "社会生产服务和生活服务人员"],
  ["5", "农、林、牧、渔业生产及辅助人员"],
  ["6", "生产制造及有关人员"],
  ["7", "军队人员"],
  ["8", "不便分类的其他从业人员"]
]

export const MAJOR_CATEGORIES: ReadonlyArray<MajorCategory> = NAMES.map(([code, name]) => ({
  code,
  name,
  certifiable: CERTIFIABLE_MAJORS.includes(code)
}))

const BY_CODE = new Map(MAJOR_CATEGORIES.map((m) => [m.code, m]))

/** "第六大类（生产制造及有关人员）", or "第N大类" for an unknown code. */
export const majorCategoryLabel = (code: string): string => {
  const m = BY_CODE.get(code)
  const ordinal = ["", "一", "二", "三", "四", "五", "六", "七", "八"][Number(code)] ?? code
  return m === undefined ? `第${ordinal}大类` : `第${ordinal}大类（${m.name}）`
}
