/**
 * Port: evaluation batches (附件2 评价批次; 54号·五 公布, 54号·四 核发) with their candidates and results. Implemented
 * by @jineng/db on SQLite and PostgreSQL; `layerTest` is an in-memory implementation with the same contract.
 *
 * - Each step (publish, record results, mark issued) is atomic: it applies only from the statuses EvaluationBatch
 *   allows and on a date not before the previous step, else it fails and changes nothing; of two concurrent
 *   steps only the allowed ones apply.
 * - `recordResults` replaces the batch's candidates (up to MAX_BATCH_CANDIDATES) in one transaction. Rows are
 *   decoded at the edge: a row that breaks the store's constraints (a missing name or ID number, an unknown ID
 *   type or result, the same person twice in the batch) is a defect and nothing of the submission is stored.
 * - `listPublished` is the public 附件2 list: batches published and later, filtered by region (the batch's
 *   region or inside it), occupation, level and dates (evaluated on at least one day of the range); `list` is
 *   the staff view with the institution and status filters too. Both newest first (first evaluation day, then
 *   id, descending), paginated with the total. Candidates list in submission order.
 */
import { Context, Effect, Either, Layer, Option } from "effect"
import { HolderIdType } from "../certificate/Certificate.js"
import { isWithinRegion } from "../codes/Region.js"
import type { SkillLevel } from "../codes/SkillLevel.js"
import type { EvaluationBatchListing } from "../quality/EvaluationBatchListing.js"
import type { LocalDate } from "../time/LocalDate.js"
import {
  CandidateResult,
  type EvaluationBatch,
  type EvaluationBatchPlan,
  type EvaluationBatchStatus,
  type EvaluationCandidate,
  isPublished,
  listingOf,
  MAX_BATCH_CANDIDATES,
  markBatchIssued,
  planBatch,
  publishBatch,
  type StepError,
  submitResults
} from "./EvaluationBatch.js"
import {
  EvaluationBatchIdTaken,
  EvaluationBatchNotFound,
  type EvaluationBatchTooLarge
} from "./EvaluationBatchErrors.js"

export interface EvaluationBatchPage<A> {
  readonly items: ReadonlyArray<A>
  /** Items matching the filters, all pages together. */
  readonly total: number
  readonly offset: number
  readonly limit: number
}

/** The public 附件2 filters; every filter is optional. */
export interface PublishedBatchQuery {
  /** Batches evaluated in this region or a region inside it (320100 = 南京市 and its districts). */
  readonly regionCode?: string
  readonly occupationCode?: string
  readonly level?: SkillLevel
  /** Evaluated on or after this day (the evaluation ends on or after it). */
  readonly from?: LocalDate
  /** Evaluated on or before this day (the evaluation starts on or before it). */
  readonly until?: LocalDate
  /** Default 0. */
  readonly offset?: number
  /** Default DEFAULT_BATCH_PAGE_SIZE, at most MAX_BATCH_PAGE_SIZE. */
  readonly limit?: number
}

/** The staff view: the public filters, and an institution's batches in any status. */
export interface EvaluationBatchQuery extends PublishedBatchQuery {
  readonly institutionId?: string
  readonly status?: EvaluationBatchStatus
}

/** One row of the public list: the 附件2 listing of a published batch. */
export interface PublishedEvaluationBatch {
  readonly batchId: string
  readonly publishedOn: LocalDate
  readonly listing: EvaluationBatchListing
}

export interface CandidateQuery {
  readonly result?: CandidateResult
  /** Default 0. */
  readonly offset?: number
  /** Default and maximum MAX_BATCH_CANDIDATES (the whole batch). */
  readonly limit?: number
}

export const DEFAULT_BATCH_PAGE_SIZE = 50
export const MAX_BATCH_PAGE_SIZE = 500

export interface NormalizedBatchQuery {
  readonly institutionId: string | undefined
  readonly status: EvaluationBatchStatus | undefined
  readonly regionCode: string | undefined
  readonly occupationCode: string | undefined
  readonly level: SkillLevel | undefined
  readonly from: LocalDate | undefined
  readonly until: LocalDate | undefined
  readonly offset: number
  readonly limit: number
}

const blankToUndefined = <S extends string>(s: S | undefined): S | undefined =>
  s === undefined || s.trim() === "" ? undefined : (s.trim() as S)

const clamp = (value: number | undefined, fallback: number, max: number) => {
  const n = Math.min(max, Math.max(1, Math.floor(value ?? fallback)))
  return Number.isFinite(n) ? n : fallback
}

const offsetOf = (value: number | undefined) => {
  const n = Math.max(0, Math.floor(value ?? 0))
  return Number.isFinite(n) ? n : 0
}

/** Clamps a query to what every implementation serves (integers, offset ≥ 0, 1 ≤ limit ≤ MAX_BATCH_PAGE_SIZE). */
export const normalizeBatchQuery = (query: EvaluationBatchQuery = {}): NormalizedBatchQuery => ({
  institutionId: blankToUndefined(query.institutionId),
  status: blankToUndefined(query.status),
  regionCode: blankToUndefined(query.regionCode),
  occupationCode: blankToUndefined(query.occupationCode),
  level: query.level,
  from: blankToUndefined(query.from),
  until: blankToUndefined(query.until),
  offset: offsetOf(query.offset),
  limit: clamp(query.limit, DEFAULT_BATCH_PAGE_SIZE, MAX_BATCH_PAGE_SIZE)
})

export const normalizeCandidateQuery = (query: CandidateQuery = {}) => ({
  result: query.result,
  offset: offsetOf(query.offset),
  limit: clamp(query.limit, MAX_BATCH_CANDIDATES, MAX_BATCH_CANDIDATES)
})

const descending = (a: string, b: string): number => (a === b ? 0 : a < b ? 1 : -1)

/** Newest first: the first evaluation day, then id, both descending. */
export const compareBatchesNewestFirst = (a: EvaluationBatch, b: EvaluationBatch): number =>
  descending(a.evaluationTime.from, b.evaluationTime.from) || descending(a.id, b.id)

export const batchMatches = (b: EvaluationBatch, q: NormalizedBatchQuery): boolean =>
  (q.institutionId === undefined || b.institution.id === q.institutionId) &&
  (q.status === undefined || b.status === q.status) &&
  (q.regionCode === undefined || isWithinRegion(b.regionCode, q.regionCode)) &&
  (q.occupationCode === undefined || b.occupation.code === q.occupationCode) &&
  (q.level === undefined || b.level === q.level) &&
  (q.from === undefined || (b.evaluationTime.until ?? b.evaluationTime.from) >= q.from) &&
  (q.until === undefined || b.evaluationTime.from <= q.until)

export const publishedEntryOf = (batch: EvaluationBatch): PublishedEvaluationBatch => ({
  batchId: batch.id,
  publishedOn: batch.publishedOn ?? batch.plannedOn,
  listing: listingOf(batch)
})

export type StepFailure = EvaluationBatchNotFound | StepError

const ID_TYPES: ReadonlyArray<string> = HolderIdType.literals
const RESULTS: ReadonlyArray<string> = CandidateResult.literals

/** The store's constraints on a candidate row (what the database enforces); the problem, if any. */
export const candidateRowProblem = (c: EvaluationCandidate): string | undefined => {
  const holder = c?.holder as Partial<EvaluationCandidate["holder"]> | undefined
  if (typeof holder?.name !== "string") return "missing holder name"
  if (typeof holder.idNumber !== "string") return "missing holder ID number"
  if (!ID_TYPES.includes(holder.idType as string)) return `unknown ID type ${String(holder.idType)}`
  if (!RESULTS.includes(c.result)) return `unknown result ${String(c.result)}`
  if (c.score !== undefined && typeof c.score !== "number") return "score is not a number"
  return undefined
}

export class EvaluationBatchRepository extends Context.Tag("@jineng/domain/EvaluationBatchRepository")<
  EvaluationBatchRepository,
  {
    /** Files a planned batch; fails when the id is already used. */
    readonly plan: (plan: EvaluationBatchPlan) => Effect.Effect<EvaluationBatch, EvaluationBatchIdTaken>
    /** planned → published: the batch's 附件2 row goes public. */
    readonly publish: (batchId: string, on: LocalDate) => Effect.Effect<EvaluationBatch, StepFailure>
    /** published | results_submitted → results_submitted, replacing the candidates with these. */
    readonly recordResults: (
      batchId: string,
      candidates: ReadonlyArray<EvaluationCandidate>,
      on: LocalDate
    ) => Effect.Effect<EvaluationBatch, StepFailure | EvaluationBatchTooLarge>
    /** results_submitted → issued. */
    readonly markIssued: (batchId: string, on: LocalDate) => Effect.Effect<EvaluationBatch, StepFailure>
    readonly findById: (batchId: string) => Effect.Effect<Option.Option<EvaluationBatch>>
    readonly list: (query?: EvaluationBatchQuery) => Effect.Effect<EvaluationBatchPage<EvaluationBatch>>
    readonly listPublished: (
      query?: PublishedBatchQuery
    ) => Effect.Effect<EvaluationBatchPage<PublishedEvaluationBatch>>
    /** The batch's candidates in submission order (none for an unknown batch). */
    readonly listCandidates: (
      batchId: string,
      query?: CandidateQuery
    ) => Effect.Effect<EvaluationBatchPage<EvaluationCandidate>>
  }
>() {
  static readonly layerTest = (seed: ReadonlyArray<EvaluationBatch> = []) =>
    Layer.sync(this, () => {
      const byId = new Map<string, EvaluationBatch>(seed.map((b) => [b.id, b]))
      const candidatesOf = new Map<string, ReadonlyArray<EvaluationCandidate>>()

      const step = <E>(
        batchId: string,
        apply: (batch: EvaluationBatch) => Either.Either<EvaluationBatch, E>
      ): Effect.Effect<EvaluationBatch, EvaluationBatchNotFound | E> =>
        Effect.suspend((): Effect.Effect<EvaluationBatch, EvaluationBatchNotFound | E> => {
          const batch = byId.get(batchId)
          if (batch === undefined)
            return Effect.fail(new EvaluationBatchNotFound({ field: "batchId", batchId }))
          return Effect.tap(apply(batch), (next) => void byId.set(batchId, next))
        })

      const page = (all: ReadonlyArray<EvaluationBatch>, query: EvaluationBatchQuery | undefined) => {
        const q = normalizeBatchQuery(query)
        const matching = all.filter((b) => batchMatches(b, q)).sort(compareBatchesNewestFirst)
        return {
          items: matching.slice(q.offset, q.offset + q.limit),
          total: matching.length,
          offset: q.offset,
          limit: q.limit
        }
      }

      return {
        plan: (plan) =>
          Effect.suspend(() => {
            if (byId.has(plan.id))
              return Effect.fail(new EvaluationBatchIdTaken({ field: "id", batchId: plan.id }))
            const batch = planBatch(plan)
            byId.set(batch.id, batch)
            return Effect.succeed(batch)
          }),
        publish: (batchId, on) => step(batchId, (batch) => publishBatch(batch, on)),
        recordResults: (batchId, candidates, on) =>
          Effect.suspend((): Effect.Effect<EvaluationBatch, StepFailure | EvaluationBatchTooLarge> => {
            const batch = byId.get(batchId)
            if (batch === undefined)
              return Effect.fail(new EvaluationBatchNotFound({ field: "batchId", batchId }))
            const next = submitResults(batch, candidates, on)
            if (Either.isLeft(next)) return Effect.fail(next.left)
            const seen = new Set<string>()
            for (let i = 0; i < candidates.length; i++) {
              const c = candidates[i] as EvaluationCandidate
              const key = `${c.holder?.idType}|${c.holder?.idNumber}`
              const problem = candidateRowProblem(c) ?? (seen.has(key) ? "person listed twice" : undefined)
              if (problem !== undefined)
                return Effect.dieMessage(`candidate row ${i + 1} of batch ${batchId}: ${problem}`)
              seen.add(key)
            }
            candidatesOf.set(batchId, [...candidates])
            byId.set(batchId, next.right)
            return Effect.succeed(next.right)
          }),
        markIssued: (batchId, on) => step(batchId, (batch) => markBatchIssued(batch, on)),
        findById: (batchId) => Effect.sync(() => Option.fromNullable(byId.get(batchId))),
        list: (query) => Effect.sync(() => page([...byId.values()], query)),
        listPublished: (query) =>
          Effect.sync(() => {
            // the public filters only, whatever else the caller's object carries
            const { institutionId: _i, status: _s, ...publicQuery } = (query ?? {}) as EvaluationBatchQuery
            const { items, ...rest } = page([...byId.values()].filter(isPublished), publicQuery)
            return { items: items.map(publishedEntryOf), ...rest }
          }),
        listCandidates: (batchId, query) =>
          Effect.sync(() => {
            const q = normalizeCandidateQuery(query)
            const all = candidatesOf.get(batchId) ?? []
            const matching = q.result === undefined ? all : all.filter((c) => c.result === q.result)
            return {
              items: matching.slice(q.offset, q.offset + q.limit),
              total: matching.length,
              offset: q.offset,
              limit: q.limit
            }
          })
      }
    })
}
