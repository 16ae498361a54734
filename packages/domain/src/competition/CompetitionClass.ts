/**
 * Competition classes (竞赛类别) named by 54号·二/四 and Annex 1's 申报类型: 市级一类赛, 市级二类赛, 区(县)级竞赛,
 * and 省级 (named only for cross-province filing, rules-research §6), each held at one region level.
 */
import type { RegionLevel } from "../codes/Region.js"

export type CompetitionClass = "provincial" | "city_class_1" | "city_class_2" | "county"

export const COMPETITION_CLASSES: ReadonlyArray<CompetitionClass> = [
  "provincial",
  "city_class_1",
  "city_class_2",
  "county"
]

const NAMES: Record<CompetitionClass, string> = {
  provincial: "省级",
  city_class_1: "市级一类",
  city_class_2: "市级二类",
  county: "区(县)级"
}

/**
 * The 申报类型 text of 54号·附件1 ("此处填写市级一类赛或市级二类赛等"); 省级赛 and 区(县)级赛 follow the same
 * pattern for the "等".
 */
const DECLARATION_TYPES: Record<CompetitionClass, string> = {
  provincial: "省级赛",
  city_class_1: "市级一类赛",
  city_class_2: "市级二类赛",
  county: "区(县)级赛"
}

const LEVELS: Record<CompetitionClass, RegionLevel> = {
  provincial: "province",
  city_class_1: "city",
  city_class_2: "city",
  county: "county"
}

export const competitionClassName = (c: CompetitionClass): string => NAMES[c]

export const declarationTypeOf = (c: CompetitionClass): string => DECLARATION_TYPES[c]

/** The region level a competition of the class is held at: 省级 → province, 市级 → city, 区(县)级 → county. */
export const regionLevelOf = (c: CompetitionClass): RegionLevel => LEVELS[c]
