/**
 * The levels that give an opinion on a competition filing (54号·附件1): 区(县)人力资源社会保障局, 设区市人力资源
 * 社会保障局, 省人力资源社会保障厅 — in that order (domain.md §4).
 */
import type { RegionLevel } from "../codes/Region.js"

export type FilingLevel = "district" | "city" | "province"

export const FILING_LEVELS: ReadonlyArray<FilingLevel> = ["district", "city", "province"]

const NAMES: Record<FilingLevel, string> = {
  district: "区(县)人力资源社会保障局",
  city: "设区市人力资源社会保障局",
  province: "省人力资源社会保障厅"
}

const REGION_LEVELS: Record<FilingLevel, RegionLevel> = {
  district: "county",
  city: "city",
  province: "province"
}

const RANK: Record<FilingLevel, number> = { district: 0, city: 1, province: 2 }

export const filingLevelName = (level: FilingLevel): string => NAMES[level]

export const regionLevelOfFiling = (level: FilingLevel): RegionLevel => REGION_LEVELS[level]

export const filingLevelOfRegion = (level: RegionLevel): FilingLevel =>
  level === "county" ? "district" : level === "city" ? "city" : "province"

/** The levels from `from` up to `to`, both included; empty when `to` is below `from`. */
export const filingLevelsBetween = (from: FilingLevel, to: FilingLevel): ReadonlyArray<FilingLevel> =>
  FILING_LEVELS.filter((l) => RANK[l] >= RANK[from] && RANK[l] <= RANK[to])
