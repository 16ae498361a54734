/** Filing (附件1) and competition review (54号·二) names as the 竞赛备案 and 待办 screens print them. */
import type { FilingLevel } from "@jineng/domain/competition/FilingLevel"
import type { FilingRequirement } from "@jineng/domain/competition/FilingRequirement"
import type { ReviewOutcome } from "@jineng/domain/competition/ReviewCompetition"

export const LEVEL_SHORT: Record<FilingLevel, string> = {
  district: "区(县)人社局",
  city: "设区市人社局",
  province: "省人社厅"
}

export const FILING_STATUS_NAMES = {
  in_review: "逐级审核中",
  awaiting_co_signature: "待会签",
  completed: "备案完成",
  refused: "不予备案"
} as const

/** The filing a competition requires, short enough for a table column (54号·二). */
export const REQUIREMENT_SHORT: Record<FilingRequirement, string> = {
  none: "无需备案",
  city: "设区市局",
  province: "省人社厅"
}

/** The whole review of a competition (ReviewCompetition): its failures say why. */
export const REVIEW_OUTCOME_NAMES: Record<ReviewOutcome, string> = {
  allowed: "符合规定，可享受竞赛支持激励政策",
  incentives_lost: "应备案而未完成备案",
  refused: "不符合规定",
  not_in_force: "开始日期早于通知施行之日"
}

/** The opinion level a bureau's role fills on 附件1 (domain.md §4). */
export const levelOfRole = (role: string): FilingLevel | undefined =>
  role === "province" || role === "city" || role === "district" ? role : undefined
