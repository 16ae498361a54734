/**
 * Cross-region competitions (跨区域办赛, 54号·二 and 附件1) file one level up: "区（县）际跨区域办赛的，报设区市
 * 人力资源社会保障局备案（见附件1）；设区市际跨区域办赛的，报省人力资源社会保障厅备案；省级（含不同省份的设区市、
 * 区县）跨区域办赛的，由相关省级人力资源社会保障部门共同会签竞赛工作文件". A competition is cross-region when a
 * participating region (涉及参赛地区) lies outside its own region; the smallest region holding all of them decides.
 */
import { ancestorAt, isWithinRegion, JIANGSU, levelOfCode, type RegionCode } from "../codes/Region.js"
import { Cite } from "../rule/Citation.js"
import { type Decision, decision } from "../rule/Decision.js"

export type CrossRegionRoute = "none" | "city" | "province" | "co_signature"

export const CROSS_REGION_ROUTE_NAMES: Record<CrossRegionRoute, string> = {
  none: "非跨区域办赛",
  city: "区（县）际跨区域办赛，报设区市人力资源社会保障局备案（附件1）",
  province: "设区市际跨区域办赛，报省人力资源社会保障厅备案",
  co_signature: "省级（跨省）跨区域办赛，由相关省级人力资源社会保障部门共同会签竞赛工作文件"
}

export interface CrossRegionRouteDecision extends Decision<CrossRegionRoute> {
  /** The participating regions outside the competition's own region. */
  readonly outside: ReadonlyArray<RegionCode>
  /** The other provinces (XX0000) whose departments co-sign; empty unless the route is co_signature. */
  readonly coSigners: ReadonlyArray<RegionCode>
}

const RULE = "competition.cross-region-route"

export interface CrossRegionInput {
  /** The competition's own region (CompetitionRegion): a 省级 competition's is 320000, so it is cross-region only
   * with other provinces, and then co-signed. */
  readonly regionCode: RegionCode
  /** 涉及参赛地区. */
  readonly participatingRegions: ReadonlyArray<RegionCode>
}

export const crossRegionRoute = (input: CrossRegionInput): CrossRegionRouteDecision => {
  const own = input.regionCode
  const outside: Array<RegionCode> = []
  const coSigners: Array<RegionCode> = []
  for (const code of input.participatingRegions) {
    if (isWithinRegion(code, own) || outside.includes(code)) continue
    outside.push(code)
    const province = ancestorAt(code, "province")
    if (province !== JIANGSU && !coSigners.includes(province)) coSigners.push(province)
  }
  const city = ancestorAt(own, "city")
  const route: CrossRegionRoute =
    outside.length === 0
      ? "none"
      : coSigners.length > 0
        ? "co_signature"
        : levelOfCode(own) === "county" && outside.every((code) => isWithinRegion(code, city))
          ? "city"
          : "province"
  const citations = route === "city" ? [Cite.competition, Cite.annex1] : [Cite.competition]
  return { ...decision(route, RULE, citations), outside, coSigners }
}
