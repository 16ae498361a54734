/**
 * CompetitionRepository on @effect/sql, for SQLite and PostgreSQL (54号·二, 三, 四; plans 54号·五, 附件3). Saving a
 * competition is one transaction: the `competitions` row is upserted first (on PostgreSQL its row lock orders
 * concurrent saves of the same id), then its events, event occupations, fees and contestants are replaced in
 * multi-row INSERTs of at most CHUNK rows. Lists filter in SQL (region by its level column, class, an event's
 * occupation through EXISTS, date overlap) and count the same WHERE for the total. A competition's filer is one
 * `competition_filers` row; the first one recorded stays (ON CONFLICT DO NOTHING).
 */
import { SqlClient } from "@effect/sql"
import type { Fragment } from "@effect/sql/Statement"
import type { Competition } from "@jineng/domain/competition/Competition"
import type { CompetitionPlan } from "@jineng/domain/competition/CompetitionPlan"
import {
  type CompetitionFiler,
  type CompetitionPage,
  type CompetitionPlanQuery,
  type CompetitionQuery,
  CompetitionRepository,
  normalizeCompetitionPlanQuery,
  normalizeCompetitionQuery
} from "@jineng/domain/competition/CompetitionRepository"
import { Effect, Layer, Option } from "effect"
import { CHUNK, chunks, overlapping, withinRegion } from "../sql/SqlParts.js"
import {
  COMPETITION_COLUMNS,
  type CompetitionRow,
  type ContestantRow,
  type EventOccupationRow,
  type EventRow,
  type FeeRow,
  fromPlanRow,
  fromRows,
  PLAN_COLUMNS,
  type PlanRow,
  toPlanRow,
  toRows
} from "./CompetitionRow.js"

const CHILD_TABLES = [
  "competition_event_occupations",
  "competition_events",
  "competition_fees",
  "competition_contestants"
] as const

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  /** `col = excluded.col` for every column but the key: the upsert's SET list. */
  const setExcluded = (columns: ReadonlyArray<string>) =>
    sql.literal(
      columns
        .filter((c) => c !== "id")
        .map((c) => `${c} = excluded.${c}`)
        .join(", ")
    )

  const insertAll = <R extends object>(table: string, rows: ReadonlyArray<R>) =>
    Effect.forEach(
      chunks(rows, CHUNK),
      (chunk) => sql`INSERT INTO ${sql(table)} ${sql.insert(chunk as never)}`,
      {
        discard: true
      }
    )

  const save = (competition: Competition): Effect.Effect<void> =>
    Effect.gen(function* () {
      const rows = toRows(competition)
      yield* sql`
        INSERT INTO competitions ${sql.insert(rows.competition as never)}
        ON CONFLICT (id) DO UPDATE SET ${setExcluded(COMPETITION_COLUMNS)}`
      for (const table of CHILD_TABLES)
        yield* sql`DELETE FROM ${sql(table)} WHERE competition_id = ${competition.id}`
      yield* insertAll("competition_events", rows.events)
      yield* insertAll("competition_event_occupations", rows.occupations)
      yield* insertAll("competition_fees", rows.fees)
      yield* insertAll("competition_contestants", rows.contestants)
    }).pipe(sql.withTransaction, Effect.orDie)

  /** The competitions of `rows` with their children, in the order of `rows`. */
  const assemble = (rows: ReadonlyArray<CompetitionRow>) =>
    Effect.gen(function* () {
      if (rows.length === 0) return []
      const ids = rows.map((r) => r.id)
      const children = <R extends { readonly competition_id: string }>(table: string) =>
        Effect.map(sql<R>`SELECT * FROM ${sql(table)} WHERE ${sql.in("competition_id", ids)}`, (found) => {
          const byCompetition = new Map<string, Array<R>>()
          for (const row of found) {
            const list = byCompetition.get(row.competition_id)
            if (list === undefined) byCompetition.set(row.competition_id, [row])
            else list.push(row)
          }
          return byCompetition
        })
      const [events, occupations, fees, contestants] = yield* Effect.all([
        children<EventRow>("competition_events"),
        children<EventOccupationRow>("competition_event_occupations"),
        children<FeeRow>("competition_fees"),
        children<ContestantRow>("competition_contestants")
      ])
      return rows.map((competition) =>
        fromRows({
          competition,
          events: events.get(competition.id) ?? [],
          occupations: occupations.get(competition.id) ?? [],
          fees: fees.get(competition.id) ?? [],
          contestants: contestants.get(competition.id) ?? []
        })
      )
    })

  const findById = (id: string): Effect.Effect<Option.Option<Competition>> =>
    sql<CompetitionRow>`SELECT * FROM competitions WHERE id = ${id}`.pipe(
      Effect.flatMap(assemble),
      Effect.map((found) => Option.fromNullable(found[0])),
      Effect.orDie
    )

  const pageOf = <Row extends object, A>(
    table: string,
    where: Fragment,
    order: Fragment,
    q: { readonly offset: number; readonly limit: number },
    load: (rows: ReadonlyArray<Row>) => Effect.Effect<ReadonlyArray<A>, unknown>
  ) =>
    Effect.gen(function* () {
      const counted = yield* sql<{ readonly n: number | string }>`
        SELECT COUNT(*) AS n FROM ${sql(table)} WHERE ${where}`
      const rows = yield* sql<Row>`
        SELECT * FROM ${sql(table)} WHERE ${where} ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`
      return {
        items: yield* load(rows),
        total: Number(counted[0]?.n ?? 0),
        offset: q.offset,
        limit: q.limit
      }
    }).pipe(Effect.orDie)

  const list = (query?: CompetitionQuery): Effect.Effect<CompetitionPage<Competition>> => {
    const q = normalizeCompetitionQuery(query)
    const where = sql.and([
      ...(q.regionCode === undefined ? [] : [withinRegion(sql, q.regionCode)]),
      ...(q.class === undefined ? [] : [sql`class = ${q.class}`]),
      ...(q.occupationCode === undefined
        ? []
        : [
            sql`EXISTS (SELECT 1 FROM competition_event_occupations o
              WHERE o.competition_id = competitions.id AND o.code = ${q.occupationCode})`
          ]),
      ...overlapping(sql, { start: "starts_on", end: "ends_on" }, q.from, q.until)
    ])
    return pageOf("competitions", where, sql`starts_on DESC, id DESC`, q, assemble)
  }

  const publishPlan = (plan: CompetitionPlan): Effect.Effect<void> =>
    sql`
      INSERT INTO competition_plans ${sql.insert(toPlanRow(plan) as never)}
      ON CONFLICT (id) DO UPDATE SET ${setExcluded(PLAN_COLUMNS)}`.pipe(Effect.asVoid, Effect.orDie)

  const findPlanById = (id: string): Effect.Effect<Option.Option<CompetitionPlan>> =>
    sql<PlanRow>`SELECT * FROM competition_plans WHERE id = ${id}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), fromPlanRow)),
      Effect.orDie
    )

  const listPlans = (query?: CompetitionPlanQuery): Effect.Effect<CompetitionPage<CompetitionPlan>> => {
    const q = normalizeCompetitionPlanQuery(query)
    const where = sql.and([
      ...(q.regionCode === undefined ? [] : [withinRegion(sql, q.regionCode)]),
      ...(q.occupationCode === undefined ? [] : [sql`occupation_code = ${q.occupationCode}`]),
      ...overlapping(sql, { start: "time_from", end: "time_end" }, q.from, q.until)
    ])
    return pageOf(
      "competition_plans",
      where,
      sql`time_from DESC, id DESC`,
      q,
      (rows: ReadonlyArray<PlanRow>) => Effect.succeed(rows.map(fromPlanRow))
    )
  }

  const recordFiler = (competitionId: string, filer: CompetitionFiler): Effect.Effect<boolean> =>
    sql<{ readonly competition_id: string }>`
      INSERT INTO competition_filers ${sql.insert({
        competition_id: competitionId,
        organisation_id: filer.organisationId,
        filed_on: filer.filedOn
      })}
      ON CONFLICT (competition_id) DO NOTHING
      RETURNING competition_id`.pipe(
      Effect.map((rows) => rows.length === 1),
      Effect.orDie
    )

  const filerOf = (competitionId: string): Effect.Effect<Option.Option<CompetitionFiler>> =>
    sql<{ readonly organisation_id: string; readonly filed_on: string }>`
      SELECT organisation_id, filed_on FROM competition_filers WHERE competition_id = ${competitionId}`.pipe(
      Effect.map((rows) =>
        Option.map(Option.fromNullable(rows[0]), (r) => ({
          organisationId: r.organisation_id,
          filedOn: r.filed_on
        }))
      ),
      Effect.orDie
    )

  return CompetitionRepository.of({
    save,
    findById,
    list,
    publishPlan,
    findPlanById,
    listPlans,
    recordFiler,
    filerOf
  })
})

export const SqlCompetitionRepository = {
  layer: Layer.effect(CompetitionRepository, make)
}
