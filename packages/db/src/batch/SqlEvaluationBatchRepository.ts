/**
 * EvaluationBatchRepository on @effect/sql, for SQLite and PostgreSQL (附件2 评价批次; 54号·五 公布, 54号·四 核发).
 *
 * - Every step is one conditional UPDATE (`WHERE id = ? AND status IN (…) AND <latest step date> <= ?`): it
 *   applies atomically or not at all, and concurrent steps cannot skip a status. When no row changed, the batch
 *   is read back and the domain's checkStep names the reason (not found, wrong status, date too early).
 * - Recording results is one transaction: the status UPDATE (which on PostgreSQL also locks the batch row against
 *   a concurrent submission), the DELETE of earlier candidates, then multi-row INSERTs of CHUNK rows — 100,000
 *   candidates are 200 statements. A row breaking a constraint (NOT NULL, CHECK, one person per batch) rolls the
 *   whole submission back and is a defect.
 * - Lists filter in SQL (region by its level column, occupation, level, date overlap, status) and count the same
 *   WHERE for the total.
 */
import { SqlClient } from "@effect/sql"
import type { Fragment } from "@effect/sql/Statement"
import {
  allowedFrom,
  checkStep,
  type EvaluationBatch,
  type EvaluationBatchAction,
  type EvaluationBatchPlan,
  type EvaluationCandidate,
  MAX_BATCH_CANDIDATES,
  PUBLISHED_STATUSES,
  planBatch,
  resultsOf
} from "@jineng/domain/issuance/EvaluationBatch"
import {
  EvaluationBatchIdTaken,
  EvaluationBatchNotFound,
  EvaluationBatchTooLarge
} from "@jineng/domain/issuance/EvaluationBatchErrors"
import {
  type CandidateQuery,
  type EvaluationBatchPage,
  type EvaluationBatchQuery,
  EvaluationBatchRepository,
  normalizeBatchQuery,
  normalizeCandidateQuery,
  type PublishedBatchQuery,
  type PublishedEvaluationBatch,
  publishedEntryOf,
  type StepFailure
} from "@jineng/domain/issuance/EvaluationBatchRepository"
import { Effect, Either, Layer, Option } from "effect"
import { CHUNK, overlapping, withinRegion } from "../sql/SqlParts.js"
import {
  type CandidateRow,
  type EvaluationBatchRow,
  fromCandidateRow,
  fromRow,
  toCandidateRow,
  toRow
} from "./EvaluationBatchRow.js"

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  const findRow = (batchId: string) =>
    Effect.map(sql<EvaluationBatchRow>`SELECT * FROM evaluation_batches WHERE id = ${batchId}`, (rows) =>
      Option.map(Option.fromNullable(rows[0]), fromRow)
    )

  const findById = (batchId: string): Effect.Effect<Option.Option<EvaluationBatch>> =>
    Effect.orDie(findRow(batchId))

  const plan = (input: EvaluationBatchPlan): Effect.Effect<EvaluationBatch, EvaluationBatchIdTaken> =>
    Effect.gen(function* () {
      const batch = planBatch(input)
      const created = yield* sql`
        INSERT INTO evaluation_batches ${sql.insert(toRow(batch))}
        ON CONFLICT (id) DO NOTHING
        RETURNING id`
      if (created.length === 0) return yield* new EvaluationBatchIdTaken({ field: "id", batchId: batch.id })
      return batch
    }).pipe(Effect.catchTag("SqlError", Effect.die))

  /** The step's UPDATE guard: an allowed status, and a date not before the latest step (nor the evaluation). */
  const guard = (action: EvaluationBatchAction, on: string): Fragment =>
    sql.and([
      sql.in("status", allowedFrom(action)),
      sql`COALESCE(results_submitted_on, published_on, planned_on) <= ${on}`,
      ...(action === "record_results" ? [sql`time_from <= ${on}`] : [])
    ])

  /** Why a guarded UPDATE changed nothing, from the batch as it is now. */
  const refusal = (batchId: string, action: EvaluationBatchAction, on: string) =>
    Effect.gen(function* () {
      const found = yield* findRow(batchId)
      if (Option.isNone(found)) return yield* new EvaluationBatchNotFound({ field: "batchId", batchId })
      const checked = checkStep(found.value, action, on)
      if (Either.isLeft(checked)) return yield* checked.left
      return yield* Effect.dieMessage(`evaluation batch ${batchId}: ${action} neither applied nor refused`)
    })

  const step = (
    batchId: string,
    action: EvaluationBatchAction,
    on: string,
    set: Fragment
  ): Effect.Effect<EvaluationBatch, StepFailure> =>
    Effect.gen(function* () {
      const updated = yield* sql<EvaluationBatchRow>`
        UPDATE evaluation_batches SET ${set}
        WHERE id = ${batchId} AND ${guard(action, on)}
        RETURNING *`
      const row = updated[0]
      if (row === undefined) return yield* refusal(batchId, action, on)
      return fromRow(row)
    }).pipe(Effect.catchTag("SqlError", Effect.die))

  const publish = (batchId: string, on: string) =>
    step(batchId, "publish", on, sql`status = 'published', published_on = ${on}`)

  const markIssued = (batchId: string, on: string) =>
    step(batchId, "mark_issued", on, sql`status = 'issued', issued_on = ${on}`)

  const recordResults = (
    batchId: string,
    candidates: ReadonlyArray<EvaluationCandidate>,
    on: string
  ): Effect.Effect<EvaluationBatch, StepFailure | EvaluationBatchTooLarge> =>
    Effect.gen(function* () {
      if (candidates.length > MAX_BATCH_CANDIDATES)
        return yield* new EvaluationBatchTooLarge({
          field: "candidates",
          batchId,
          count: candidates.length,
          max: MAX_BATCH_CANDIDATES
        })
      const counts = resultsOf(candidates)
      const batch = yield* step(
        batchId,
        "record_results",
        on,
        sql`status = 'results_submitted', results_submitted_on = ${on},
          candidate_count = ${counts.candidates}, passed_count = ${counts.passed}`
      )
      yield* sql`DELETE FROM batch_candidates WHERE batch_id = ${batchId}`
      for (let start = 0; start < candidates.length; start += CHUNK) {
        const rows: Array<CandidateRow> = []
        const end = Math.min(candidates.length, start + CHUNK)
        for (let i = start; i < end; i++)
          rows.push(toCandidateRow(batchId, candidates[i] as EvaluationCandidate, i))
        yield* sql`INSERT INTO batch_candidates ${sql.insert(rows)}`
      }
      return batch
    }).pipe(sql.withTransaction, Effect.catchTag("SqlError", Effect.die))

  const pageOf = <A>(
    where: Fragment,
    q: { readonly offset: number; readonly limit: number },
    map: (row: EvaluationBatchRow) => A
  ): Effect.Effect<EvaluationBatchPage<A>> =>
    Effect.gen(function* () {
      const counted = yield* sql<{ readonly n: number | string }>`
        SELECT COUNT(*) AS n FROM evaluation_batches WHERE ${where}`
      const rows = yield* sql<EvaluationBatchRow>`
        SELECT * FROM evaluation_batches WHERE ${where}
        ORDER BY time_from DESC, id DESC
        LIMIT ${q.limit} OFFSET ${q.offset}`
      return { items: rows.map(map), total: Number(counted[0]?.n ?? 0), offset: q.offset, limit: q.limit }
    }).pipe(Effect.orDie)

  const filters = (query: EvaluationBatchQuery | undefined, extra: ReadonlyArray<Fragment>) => {
    const q = normalizeBatchQuery(query)
    const where = sql.and([
      ...extra,
      ...(q.institutionId === undefined ? [] : [sql`institution_id = ${q.institutionId}`]),
      ...(q.status === undefined ? [] : [sql`status = ${q.status}`]),
      ...(q.regionCode === undefined ? [] : [withinRegion(sql, q.regionCode)]),
      ...(q.occupationCode === undefined ? [] : [sql`occupation_code = ${q.occupationCode}`]),
      ...(q.level === undefined ? [] : [sql`level = ${q.level}`]),
      ...overlapping(sql, { start: "time_from", end: "time_end" }, q.from, q.until)
    ])
    return { q, where }
  }

  const list = (query?: EvaluationBatchQuery): Effect.Effect<EvaluationBatchPage<EvaluationBatch>> => {
    const { q, where } = filters(query, [])
    return pageOf(where, q, fromRow)
  }

  const listPublished = (
    query?: PublishedBatchQuery
  ): Effect.Effect<EvaluationBatchPage<PublishedEvaluationBatch>> => {
    const { institutionId: _i, status: _s, ...publicQuery } = (query ?? {}) as EvaluationBatchQuery
    const { q, where } = filters(publicQuery, [sql.in("status", PUBLISHED_STATUSES)])
    return pageOf(where, q, (row) => publishedEntryOf(fromRow(row)))
  }

  const listCandidates = (
    batchId: string,
    query?: CandidateQuery
  ): Effect.Effect<EvaluationBatchPage<EvaluationCandidate>> =>
    Effect.gen(function* () {
      const q = normalizeCandidateQuery(query)
      const where = sql.and([
        sql`batch_id = ${batchId}`,
        ...(q.result === undefined ? [] : [sql`result = ${q.result}`])
      ])
      const counted = yield* sql<{ readonly n: number | string }>`
        SELECT COUNT(*) AS n FROM batch_candidates WHERE ${where}`
      const rows = yield* sql<CandidateRow>`
        SELECT * FROM batch_candidates WHERE ${where}
        ORDER BY seq
        LIMIT ${q.limit} OFFSET ${q.offset}`
      return {
        items: rows.map(fromCandidateRow),
        total: Number(counted[0]?.n ?? 0),
        offset: q.offset,
        limit: q.limit
      }
    }).pipe(Effect.orDie)

  return EvaluationBatchRepository.of({
    plan,
    publish,
    recordResults,
    markIssued,
    findById,
    list,
    listPublished,
    listCandidates
  })
})

export const SqlEvaluationBatchRepository = {
  layer: Layer.effect(EvaluationBatchRepository, make)
}
