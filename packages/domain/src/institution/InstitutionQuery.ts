/**
 * The public catalogue query (54号·五 "及时公布职业技能等级认定机构信息，明确…地域范围、有效期限和认定等级"): filters on
 * the institution (region, kind, status on a date) and on one authorisation that must satisfy every authorisation
 * filter together (occupation, level, validity on a date, region served). Pure: the in-memory port and the SQL
 * adapter share these semantics, the contract suite holds them to it.
 */
import {
  ancestorAt,
  isWithinRegion,
  levelOfCode,
  type RegionCode,
  type RegionLevel
} from "../codes/Region.js"
import type { SkillLevel } from "../codes/SkillLevel.js"
import type { LocalDate } from "../time/LocalDate.js"
import type { Authorisation } from "./Authorisation.js"
import type { CatalogueStatus } from "./CatalogueStatus.js"
import { statusOn } from "./CatalogueStatus.js"
import type { Institution } from "./Institution.js"
import type { InstitutionKind } from "./InstitutionKind.js"

/** A page request over the catalogue; every filter is optional. */
export interface InstitutionQuery {
  /** Institutions whose own region is this region or lies inside it (320100 = 南京市 and its districts). */
  readonly regionCode?: string
  readonly kind?: InstitutionKind
  /** The catalogue status on `statusOn`. */
  readonly status?: CatalogueStatus
  /** The day the status is asked for; when absent, the status of the latest recorded entry. */
  readonly statusOn?: LocalDate
  /** An authorisation covering this occupation (any of its 工种 unless `workType` is given). */
  readonly occupationCode?: string
  /** With `occupationCode`: an authorisation covering this 工种 (or the whole occupation). */
  readonly workType?: string
  /** An authorisation covering this level. */
  readonly level?: SkillLevel
  /** An authorisation valid on this day (its last day included). */
  readonly validOn?: LocalDate
  /** An authorisation whose region contains this region (the institution may evaluate there). */
  readonly servesRegion?: string
  /** Institutions whose name contains this text (Latin letters in any case). */
  readonly nameContains?: string
  /** Default 0. */
  readonly offset?: number
  /** Default DEFAULT_INSTITUTION_PAGE_SIZE, at most MAX_INSTITUTION_PAGE_SIZE. */
  readonly limit?: number
}

export interface InstitutionPage {
  readonly items: ReadonlyArray<Institution>
  /** Institutions matching the filters, all pages together. */
  readonly total: number
  readonly offset: number
  readonly limit: number
}

export const DEFAULT_INSTITUTION_PAGE_SIZE = 50
export const MAX_INSTITUTION_PAGE_SIZE = 500

export interface NormalizedInstitutionQuery {
  readonly regionCode: string | undefined
  readonly kind: InstitutionKind | undefined
  readonly status: CatalogueStatus | undefined
  readonly statusOn: LocalDate | undefined
  readonly occupationCode: string | undefined
  readonly workType: string | undefined
  readonly level: SkillLevel | undefined
  readonly validOn: LocalDate | undefined
  readonly servesRegion: string | undefined
  readonly nameContains: string | undefined
  readonly offset: number
  readonly limit: number
}

const blankToUndefined = <S extends string>(s: S | undefined): S | undefined =>
  s === undefined || s.trim() === "" ? undefined : s

/** Clamps a query to what every implementation serves (integers, offset ≥ 0, 1 ≤ limit ≤ MAX_INSTITUTION_PAGE_SIZE). */
export const normalizeInstitutionQuery = (query: InstitutionQuery = {}): NormalizedInstitutionQuery => {
  const offset = Math.max(0, Math.floor(query.offset ?? 0))
  const limit = Math.min(
    MAX_INSTITUTION_PAGE_SIZE,
    Math.max(1, Math.floor(query.limit ?? DEFAULT_INSTITUTION_PAGE_SIZE))
  )
  const occupationCode = blankToUndefined(query.occupationCode)
  return {
    regionCode: blankToUndefined(query.regionCode),
    kind: blankToUndefined(query.kind),
    status: blankToUndefined(query.status),
    statusOn: blankToUndefined(query.statusOn),
    occupationCode,
    workType: occupationCode === undefined ? undefined : blankToUndefined(query.workType),
    level: query.level,
    validOn: blankToUndefined(query.validOn),
    servesRegion: blankToUndefined(query.servesRegion),
    nameContains: blankToUndefined(query.nameContains?.trim()),
    offset: Number.isFinite(offset) ? offset : 0,
    limit: Number.isFinite(limit) ? limit : DEFAULT_INSTITUTION_PAGE_SIZE
  }
}

const LEVELS: ReadonlyArray<RegionLevel> = ["province", "city", "county"]

/** The regions that contain `code`: itself and its city and province (what `isWithinRegion(code, r)` accepts). */
export const enclosingRegions = (code: RegionCode): ReadonlyArray<RegionCode> => {
  const own = LEVELS.indexOf(levelOfCode(code))
  return [...new Set(LEVELS.slice(0, own + 1).map((level) => ancestorAt(code, level)))]
}

/** Does the query filter on authorisations at all? */
export const filtersAuthorisations = (q: NormalizedInstitutionQuery): boolean =>
  q.occupationCode !== undefined ||
  q.level !== undefined ||
  q.validOn !== undefined ||
  q.servesRegion !== undefined

/** One authorisation satisfying every authorisation filter of the query together. */
export const authorisationMatches = (a: Authorisation, q: NormalizedInstitutionQuery): boolean =>
  (q.occupationCode === undefined ||
    a.occupations.some(
      (o) =>
        o.code === q.occupationCode &&
        (q.workType === undefined || o.workType === undefined || o.workType === q.workType)
    )) &&
  (q.level === undefined || a.levels.includes(q.level)) &&
  (q.validOn === undefined || (a.validFrom <= q.validOn && q.validOn <= a.validUntil)) &&
  (q.servesRegion === undefined || isWithinRegion(q.servesRegion, a.region))

/** The status a query's status filter compares with. */
export const queriedStatus = (
  institution: Institution,
  q: NormalizedInstitutionQuery
): CatalogueStatus | undefined =>
  q.statusOn === undefined
    ? institution.statusHistory[institution.statusHistory.length - 1]?.status
    : statusOn(institution.statusHistory, q.statusOn)

export const matchesInstitutionQuery = (institution: Institution, q: NormalizedInstitutionQuery): boolean =>
  (q.regionCode === undefined || isWithinRegion(institution.region, q.regionCode)) &&
  (q.kind === undefined || institution.kind === q.kind) &&
  (q.nameContains === undefined || institution.name.toLowerCase().includes(q.nameContains.toLowerCase())) &&
  (q.status === undefined || queriedStatus(institution, q) === q.status) &&
  (!filtersAuthorisations(q) || institution.authorisations.some((a) => authorisationMatches(a, q)))

const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The directory order: region code, then name, then id (code-point order, the same in every store). */
export const compareDirectoryOrder = (a: Institution, b: Institution): number =>
  compareCodeUnits(a.region, b.region) || compareCodeUnits(a.name, b.name) || compareCodeUnits(a.id, b.id)
