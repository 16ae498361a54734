/**
 * A competition's region matches its class (54号·二 "各地组织的职业技能竞赛…本行政区域"; domain.md §3): a 区(县)级
 * competition sits in a Jiangsu county-level unit, a 市级 one in a 设区市, a 省级 one in 320000; and its host lies
 * inside that region, so that "out-of-region" (relative to the host's region at the competition's level) is
 * well defined.
 */
import { fullNameOf, isWithinRegion, JIANGSU, type RegionLevel, regionOf } from "../codes/Region.js"
import { Cite } from "../rule/Citation.js"
import { type Decision, type Failure, type Verdict, verdict } from "../rule/Decision.js"
import type { Competition } from "./Competition.js"
import { competitionClassName, regionLevelOf } from "./CompetitionClass.js"

const RULE = "competition.region"

const LEVEL_NAMES: Record<RegionLevel, string> = {
  province: "省",
  city: "设区市",
  county: "区(县)"
}

const REQUIRED: Record<RegionLevel, string> = {
  province: JIANGSU,
  city: "江苏省设区市代码",
  county: "江苏省区(县)代码"
}

export const competitionRegion = (
  competition: Pick<Competition, "class" | "regionCode" | "host">
): Decision<Verdict> => {
  const failures: Array<Failure> = []
  const level = regionLevelOf(competition.class)
  const code = competition.regionCode
  const region = regionOf(code)
  if (region === undefined || region.level !== level) {
    failures.push({
      code: "RegionLevelMismatch",
      rule: RULE,
      field: "regionCode",
      message: `${competitionClassName(competition.class)}竞赛的所在地区应为江苏省内的${LEVEL_NAMES[level]}级行政区域，所填为 ${fullNameOf(code)}（${code}）${region === undefined ? "，不在江苏省行政区划表内" : `，属${LEVEL_NAMES[region.level]}级`}`,
      seen: code,
      required: REQUIRED[level],
      citation: Cite.competition
    })
  }
  if (!isWithinRegion(competition.host.regionCode, code)) {
    failures.push({
      code: "HostOutsideCompetitionRegion",
      rule: RULE,
      field: "host.regionCode",
      message: `主办单位所在地区 ${fullNameOf(competition.host.regionCode)}（${competition.host.regionCode}）不在竞赛所在地区 ${fullNameOf(code)}（${code}）内`,
      seen: competition.host.regionCode,
      required: code,
      citation: Cite.competition
    })
  }
  return verdict(RULE, [Cite.competition, Cite.gbt2260], failures)
}
