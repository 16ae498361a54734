/**
 * Port: stored competitions (54号·二, 三, 四) with their events, fees and contestants, and the published
 * competition plans (54号·五, 附件3). Implemented by @jineng/db on SQLite and PostgreSQL; `layerTest` is an
 * in-memory implementation with the same contract for use-case tests.
 *
 * - `save` stores a competition whole (insert or replace by id: events, fees and contestants together).
 * - `list` filters by region (the competition's region or a region inside it, 属地管理), class, an event's
 *   occupation and a date range (competitions held on at least one day of it); newest first (start date, then
 *   id, descending), paginated with the total.
 * - `publishPlan` publishes a 附件3 row (insert or replace by id: a corrected plan replaces the earlier one);
 *   `listPlans` is the public list, filtered by region, occupation and dates, newest first.
 * - `recordFiler` remembers the organisation that filed a competition through the API — the owner of its own
 *   records (domain.md §4) — and the day; the first filer stays. Competitions stored otherwise have none.
 */
import { Context, Effect, Layer, Option } from "effect"
import { isWithinRegion } from "../codes/Region.js"
import type { LocalDate } from "../time/LocalDate.js"
import type { Competition } from "./Competition.js"
import type { CompetitionClass } from "./CompetitionClass.js"
import type { CompetitionPlan } from "./CompetitionPlan.js"

/** Who filed a competition (an organisation id) and on which day. */
export interface CompetitionFiler {
  readonly organisationId: string
  readonly filedOn: LocalDate
}

/** A page of results: the items of the page and the number matching, all pages together. */
export interface CompetitionPage<A> {
  readonly items: ReadonlyArray<A>
  readonly total: number
  readonly offset: number
  readonly limit: number
}

/** A page request over competitions; every filter is optional. */
export interface CompetitionQuery {
  /** Competitions whose region is this one or inside it (320100 = 南京市 and its districts). */
  readonly regionCode?: string
  readonly class?: CompetitionClass
  /** Competitions with an event of this occupation (N-NN-NN-NN). */
  readonly occupationCode?: string
  /** Held on or after this day (ends on or after it). */
  readonly from?: LocalDate
  /** Held on or before this day (starts on or before it). */
  readonly until?: LocalDate
  /** Default 0. */
  readonly offset?: number
  /** Default DEFAULT_COMPETITION_PAGE_SIZE, at most MAX_COMPETITION_PAGE_SIZE. */
  readonly limit?: number
}

/** A page request over published plans (the public list); every filter is optional. */
export interface CompetitionPlanQuery {
  /** Plans whose region is this one or inside it; plans published without a region match no region filter. */
  readonly regionCode?: string
  /** Plans of an event of this occupation (N-NN-NN-NN). */
  readonly occupationCode?: string
  /** Held on or after this day. */
  readonly from?: LocalDate
  /** Held on or before this day. */
  readonly until?: LocalDate
  readonly offset?: number
  readonly limit?: number
}

export const DEFAULT_COMPETITION_PAGE_SIZE = 50
export const MAX_COMPETITION_PAGE_SIZE = 500

export interface NormalizedCompetitionQuery {
  readonly regionCode: string | undefined
  readonly class: CompetitionClass | undefined
  readonly occupationCode: string | undefined
  readonly from: LocalDate | undefined
  readonly until: LocalDate | undefined
  readonly offset: number
  readonly limit: number
}

export type NormalizedCompetitionPlanQuery = Omit<NormalizedCompetitionQuery, "class">

const blankToUndefined = <S extends string>(s: S | undefined): S | undefined =>
  s === undefined || s.trim() === "" ? undefined : (s.trim() as S)

const pageOf = (query: { readonly offset?: number; readonly limit?: number }) => {
  const offset = Math.max(0, Math.floor(query.offset ?? 0))
  const limit = Math.min(
    MAX_COMPETITION_PAGE_SIZE,
    Math.max(1, Math.floor(query.limit ?? DEFAULT_COMPETITION_PAGE_SIZE))
  )
  return {
    offset: Number.isFinite(offset) ? offset : 0,
    limit: Number.isFinite(limit) ? limit : DEFAULT_COMPETITION_PAGE_SIZE
  }
}

/** Clamps a query to what every implementation serves (integers, offset ≥ 0, 1 ≤ limit ≤ the maximum). */
export const normalizeCompetitionQuery = (query: CompetitionQuery = {}): NormalizedCompetitionQuery => ({
  regionCode: blankToUndefined(query.regionCode),
  class: blankToUndefined(query.class),
  occupationCode: blankToUndefined(query.occupationCode),
  from: blankToUndefined(query.from),
  until: blankToUndefined(query.until),
  ...pageOf(query)
})

export const normalizeCompetitionPlanQuery = (
  query: CompetitionPlanQuery = {}
): NormalizedCompetitionPlanQuery => ({
  regionCode: blankToUndefined(query.regionCode),
  occupationCode: blankToUndefined(query.occupationCode),
  from: blankToUndefined(query.from),
  until: blankToUndefined(query.until),
  ...pageOf(query)
})

const descending = (a: string, b: string): number => (a === b ? 0 : a < b ? 1 : -1)

/** Newest first: start date, then id, both descending. */
export const compareCompetitionsNewestFirst = (a: Competition, b: Competition): number =>
  descending(a.startsOn, b.startsOn) || descending(a.id, b.id)

/** Newest first: the plan's first day, then id, both descending. */
export const comparePlansNewestFirst = (a: CompetitionPlan, b: CompetitionPlan): number =>
  descending(a.listing.time.from, b.listing.time.from) || descending(a.id, b.id)

/** Whether the span [start, end] has a day in [from, until] (either bound may be open). */
const overlaps = (start: string, end: string, from: string | undefined, until: string | undefined) =>
  (from === undefined || end >= from) && (until === undefined || start <= until)

export const competitionMatches = (c: Competition, q: NormalizedCompetitionQuery): boolean =>
  (q.regionCode === undefined || isWithinRegion(c.regionCode, q.regionCode)) &&
  (q.class === undefined || c.class === q.class) &&
  (q.occupationCode === undefined ||
    c.events.some((e) => e.occupations.some((o) => o.code === q.occupationCode))) &&
  overlaps(c.startsOn, c.endsOn, q.from, q.until)

export const planMatches = (p: CompetitionPlan, q: NormalizedCompetitionPlanQuery): boolean =>
  (q.regionCode === undefined ||
    (p.listing.regionCode !== undefined && isWithinRegion(p.listing.regionCode, q.regionCode))) &&
  (q.occupationCode === undefined || p.occupation?.code === q.occupationCode) &&
  overlaps(p.listing.time.from, p.listing.time.until ?? p.listing.time.from, q.from, q.until)

export class CompetitionRepository extends Context.Tag("@jineng/domain/CompetitionRepository")<
  CompetitionRepository,
  {
    /** Stores the competition with its events, fees and contestants, replacing any stored under its id. */
    readonly save: (competition: Competition) => Effect.Effect<void>
    readonly findById: (id: string) => Effect.Effect<Option.Option<Competition>>
    readonly list: (query?: CompetitionQuery) => Effect.Effect<CompetitionPage<Competition>>
    /** Publishes a 附件3 row, replacing any plan published under its id. */
    readonly publishPlan: (plan: CompetitionPlan) => Effect.Effect<void>
    readonly findPlanById: (id: string) => Effect.Effect<Option.Option<CompetitionPlan>>
    readonly listPlans: (query?: CompetitionPlanQuery) => Effect.Effect<CompetitionPage<CompetitionPlan>>
    /** Records who filed the competition: true; false when a filer was recorded before (nothing changes). */
    readonly recordFiler: (competitionId: string, filer: CompetitionFiler) => Effect.Effect<boolean>
    readonly filerOf: (competitionId: string) => Effect.Effect<Option.Option<CompetitionFiler>>
  }
>() {
  static readonly layerTest = (
    seed: ReadonlyArray<Competition> = [],
    plans: ReadonlyArray<CompetitionPlan> = []
  ) =>
    Layer.sync(this, () => {
      const byId = new Map<string, Competition>(seed.map((c) => [c.id, c]))
      const planById = new Map<string, CompetitionPlan>(plans.map((p) => [p.id, p]))
      const filers = new Map<string, CompetitionFiler>()
      const page = <A>(
        all: Iterable<A>,
        matches: (a: A) => boolean,
        compare: (a: A, b: A) => number,
        q: { readonly offset: number; readonly limit: number }
      ): CompetitionPage<A> => {
        const matching = [...all].filter(matches).sort(compare)
        return {
          items: matching.slice(q.offset, q.offset + q.limit),
          total: matching.length,
          offset: q.offset,
          limit: q.limit
        }
      }
      return {
        save: (competition) => Effect.sync(() => void byId.set(competition.id, competition)),
        findById: (id) => Effect.sync(() => Option.fromNullable(byId.get(id))),
        list: (query) =>
          Effect.sync(() => {
            const q = normalizeCompetitionQuery(query)
            return page(byId.values(), (c) => competitionMatches(c, q), compareCompetitionsNewestFirst, q)
          }),
        publishPlan: (plan) => Effect.sync(() => void planById.set(plan.id, plan)),
        findPlanById: (id) => Effect.sync(() => Option.fromNullable(planById.get(id))),
        listPlans: (query) =>
          Effect.sync(() => {
            const q = normalizeCompetitionPlanQuery(query)
            return page(planById.values(), (p) => planMatches(p, q), comparePlansNewestFirst, q)
          }),
        recordFiler: (competitionId, filer) =>
          Effect.sync(() => {
            if (filers.has(competitionId)) return false
            filers.set(competitionId, filer)
            return true
          }),
        filerOf: (competitionId) => Effect.sync(() => Option.fromNullable(filers.get(competitionId)))
      }
    })
}
