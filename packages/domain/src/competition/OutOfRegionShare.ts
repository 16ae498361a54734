/**
 * The share of out-of-region contestants (异地选手占比, 54号·二) and the filing it requires (filingRequirement). A
 * contestant is out of region when their region lies outside the host's region at the competition's level
 * (domain.md §3); a contestant of another province always is. The counts travel with the decision as `seen`.
 */
import {
  ancestorAt,
  isJiangsuRegion,
  isWithinRegion,
  levelOfCode,
  type RegionCode,
  type RegionLevel,
  sameRegionAt
} from "../codes/Region.js"
import { Cite } from "../rule/Citation.js"
import type { Decision, ProvisionalNote } from "../rule/Decision.js"
import type { Competition } from "./Competition.js"
import { regionLevelOf } from "./CompetitionClass.js"
import { type FilingRequirement, filingRequirement } from "./FilingRequirement.js"

const RULE = "competition.filing-requirement"

export interface ShareCounts {
  readonly total: number
  readonly inRegion: number
  readonly outOfRegion: number
  /** outOfRegion / total; 0 when there are no contestants. */
  readonly share: number
}

export interface OutOfRegionShareDecision extends Decision<FilingRequirement> {
  readonly seen: ShareCounts
}

const RANK: Record<RegionLevel, number> = { province: 0, city: 1, county: 2 }

/** true when a contestant from `contestant` is out of region for a host in `host` at `level`. */
export const isOutOfRegion = (contestant: RegionCode, host: RegionCode, level: RegionLevel): boolean =>
  !sameRegionAt(contestant, host, level)

export const outOfRegionShare = (
  competition: Pick<Competition, "class" | "host" | "contestants" | "participatingRegions">
): OutOfRegionShareDecision => {
  const level = regionLevelOf(competition.class)
  const home = ancestorAt(competition.host.regionCode, level)
  const participating = competition.participatingRegions
  const total = competition.contestants.length
  let outOfRegion = 0
  let coarse = 0
  let fromParticipating = 0
  for (const contestant of competition.contestants) {
    const code = contestant.regionCode
    if (sameRegionAt(code, home, level)) continue
    outOfRegion++
    // Known only to a coarser level that contains the host's region (e.g. 320100 for a 区(县)级 competition):
    // it cannot be placed inside, so it counts as out of region.
    if (RANK[levelOfCode(code)] < RANK[level] && isJiangsuRegion(code) && isWithinRegion(home, code)) coarse++
    if (participating?.some((p) => p !== home && isWithinRegion(code, p))) fromParticipating++
  }
  const base = filingRequirement(outOfRegion, total)
  const seen: ShareCounts = {
    total,
    inRegion: total - outOfRegion,
    outOfRegion,
    share: total === 0 ? 0 : outOfRegion / total
  }
  if (coarse === 0 && fromParticipating === 0) return { ...base, seen }
  const notes: Array<ProvisionalNote> = [...base.provisional]
  if (coarse > 0)
    notes.push({
      rule: RULE,
      reason: `${coarse} 名选手的所在地区仅精确到上级行政区域，无法确认属于本地区，按异地选手计入占比（待确认）`,
      citation: Cite.domainDecisions
    })
  if (fromParticipating > 0)
    notes.push({
      rule: RULE,
      reason: `跨区域竞赛中 ${fromParticipating} 名选手来自其他参赛地区，仍以主办单位所在地区为准计为异地选手（待确认）`,
      citation: Cite.domainDecisions
    })
  return { ...base, provisional: notes, seen }
}
