/**
 * The filing a competition needs, from both filing rules of 54号·二: the out-of-region share (filingRequirement)
 * and the cross-region route (crossRegionRoute) — the higher of the two. "应当备案而未备案的，不得享受相应的竞赛支持
 * 激励政策" is read as covering a missing cross-region filing too, flagged provisional when the route raised it.
 */
import { Cite } from "../rule/Citation.js"
import { type Decision, decision } from "../rule/Decision.js"
import type { CrossRegionRoute } from "./CrossRegionRoute.js"
import type { FilingRequirement } from "./FilingRequirement.js"

const RULE = "competition.required-filing"

const RANK: Record<FilingRequirement, number> = { none: 0, city: 1, province: 2 }

export const filingOfRoute = (route: CrossRegionRoute): FilingRequirement =>
  route === "none" ? "none" : route === "city" ? "city" : "province"

export const higherFiling = (a: FilingRequirement, b: FilingRequirement): FilingRequirement =>
  RANK[a] >= RANK[b] ? a : b

export const requiredFiling = (
  share: FilingRequirement,
  route: CrossRegionRoute
): Decision<FilingRequirement> => {
  const byRoute = filingOfRoute(route)
  const citations = route === "city" ? [Cite.competition, Cite.annex1] : [Cite.competition]
  if (RANK[byRoute] <= RANK[share]) return decision(share, RULE, citations)
  return decision(byRoute, RULE, citations, {
    provisional: [
      {
        rule: RULE,
        reason:
          "跨区域办赛应提前报上一级人力资源社会保障部门备案；未备案的，按“应当备案而未备案”同样不得享受竞赛支持激励政策（待业务主管部门确认）",
        citation: Cite.domainDecisions
      }
    ]
  })
}
