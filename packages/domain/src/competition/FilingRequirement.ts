/**
 * Which filing a competition needs from the share of out-of-region contestants (54号·二): "异地选手占比10%之内的，
 * 由竞赛主办单位从严把握；占比10%—50%的，报设区市人力资源社会保障局备案；占比超过50%的，报省人力资源社会保障厅备案".
 * Boundaries per domain.md §2 (民法典 Art. 1259 reading): exactly 10% → none, exactly 50% → city, flagged
 * provisional on those two cases only. Share = out-of-region / all eligible contestants, in integers (no
 * floating-point edge at the boundaries).
 */
import { Cite } from "../rule/Citation.js"
import { type Decision, decision, type ProvisionalNote } from "../rule/Decision.js"

export type FilingRequirement = "none" | "city" | "province"

export const FILING_REQUIREMENT_NAMES: Record<FilingRequirement, string> = {
  none: "无需备案（主办单位从严把握）",
  city: "报设区市人力资源社会保障局备案",
  province: "报省人力资源社会保障厅备案"
}

const RULE = "competition.filing-requirement"

const boundary = (reason: string): ReadonlyArray<ProvisionalNote> => [
  { rule: RULE, reason, citation: Cite.domainDecisions }
]

/** The filing requirement for `outOfRegion` out of `total` eligible contestants. */
export const filingRequirement = (outOfRegion: number, total: number): Decision<FilingRequirement> => {
  const citations = [Cite.competition]
  if (total <= 0 || outOfRegion <= 0) return decision("none", RULE, citations)
  const tenfold = outOfRegion * 10
  const twofold = outOfRegion * 2
  if (tenfold < total) return decision("none", RULE, citations)
  if (tenfold === total)
    return decision("none", RULE, citations, {
      provisional: boundary("异地选手占比恰为10%：按“之内”含本数理解，无需备案（待业务主管部门确认）")
    })
  if (twofold < total) return decision("city", RULE, citations)
  if (twofold === total)
    return decision("city", RULE, citations, {
      provisional: boundary("异地选手占比恰为50%：按“超过”不含本数理解，报设区市备案（待业务主管部门确认）")
    })
  return decision("province", RULE, citations)
}
