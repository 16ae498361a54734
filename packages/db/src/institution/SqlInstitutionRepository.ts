/**
 * InstitutionRepository on @effect/sql, for SQLite and PostgreSQL (54号·五 目录清单式动态管理). Every write is one
 * transaction: a change first bumps the institution's version (the row lock that serialises concurrent changes
 * on PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the write lock), then reads the current state, applies
 * the domain rule (`appendStatus`, `applyScope`) and writes — a refused change rolls back and leaves nothing.
 * The directory query filters in SQL: region containment by the denormalised city/province columns, status on a
 * date from the history, and one authorisation satisfying every authorisation filter together.
 */
import { SqlClient } from "@effect/sql"
import type { Fragment } from "@effect/sql/Statement"
import type { StatusEntry } from "@jineng/domain/institution/CatalogueStatus"
import { type Institution, numberingPrefixKey } from "@jineng/domain/institution/Institution"
import {
  InstitutionAlreadyExists,
  InstitutionNotFound,
  NumberingPrefixTaken
} from "@jineng/domain/institution/InstitutionErrors"
import {
  enclosingRegions,
  filtersAuthorisations,
  type InstitutionPage,
  type InstitutionQuery,
  type NormalizedInstitutionQuery,
  normalizeInstitutionQuery
} from "@jineng/domain/institution/InstitutionQuery"
import { InstitutionRepository, NO_ADMISSION } from "@jineng/domain/institution/InstitutionRepository"
import {
  applyScope,
  type InstitutionScope,
  type ScopeChange,
  type ScopeChangeRecord,
  scopeOf
} from "@jineng/domain/institution/InstitutionScope"
import { appendStatus, replayHistory } from "@jineng/domain/institution/StatusTransition"
import { Clock, Effect, Either, Layer, Option } from "effect"
import { CHUNK, chunks, regionColumns, withinRegion } from "../sql/SqlParts.js"
import {
  type AuthorisationRow,
  type AuthorisedLevelRow,
  type AuthorisedOccupationRow,
  fromRows,
  type InstitutionRow,
  type ScopeChangeRow,
  type StatusRow,
  scopeChangeOf,
  toAuthorisationRows,
  toRow,
  toScopeChangeRow,
  toStatusRow
} from "./InstitutionRow.js"

const groupBy = <R extends { readonly institution_id: string }>(rows: ReadonlyArray<R>) => {
  const map = new Map<string, Array<R>>()
  for (const r of rows) {
    const list = map.get(r.institution_id)
    if (list === undefined) map.set(r.institution_id, [r])
    else list.push(r)
  }
  return map
}

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  const now = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())

  const insertAll = <R extends object>(table: string, rows: ReadonlyArray<R>) =>
    Effect.forEach(
      chunks(rows, CHUNK),
      (chunk) => sql`INSERT INTO ${sql(table)} ${sql.insert(chunk as Array<R> as never)}`,
      { discard: true }
    )

  const writeAuthorisations = (institution: Pick<Institution, "id" | "authorisations">) => {
    const rows = toAuthorisationRows(institution.id, institution.authorisations)
    return Effect.all(
      [
        insertAll("institution_authorisations", rows.authorisations),
        insertAll("institution_authorised_occupations", rows.occupations),
        insertAll("institution_authorised_levels", rows.levels)
      ],
      { discard: true }
    )
  }

  /** The institutions of `rows` with their authorisations and histories, in the order of `rows`. */
  const withChildren = (rows: ReadonlyArray<InstitutionRow>) =>
    Effect.gen(function* () {
      if (rows.length === 0) return []
      const ids = rows.map((r) => r.id)
      const [authorisations, occupations, levels, history] = yield* Effect.all([
        sql<AuthorisationRow>`SELECT * FROM institution_authorisations WHERE ${sql.in("institution_id", ids)}`,
        sql<AuthorisedOccupationRow>`
          SELECT * FROM institution_authorised_occupations WHERE ${sql.in("institution_id", ids)}`,
        sql<AuthorisedLevelRow>`SELECT * FROM institution_authorised_levels WHERE ${sql.in("institution_id", ids)}`,
        sql<StatusRow>`SELECT * FROM institution_status_history WHERE ${sql.in("institution_id", ids)}`
      ])
      const a = groupBy(authorisations)
      const o = groupBy(occupations)
      const l = groupBy(levels)
      const h = groupBy(history)
      return rows.map((r) =>
        fromRows(r, {
          authorisations: a.get(r.id) ?? [],
          occupations: o.get(r.id) ?? [],
          levels: l.get(r.id) ?? [],
          history: h.get(r.id) ?? []
        })
      )
    })

  const load = (id: string) =>
    sql<InstitutionRow>`SELECT * FROM institutions WHERE id = ${id}`.pipe(
      Effect.flatMap(withChildren),
      Effect.map((found) => Option.fromNullable(found[0]))
    )

  const findById = (id: string) => Effect.orDie(load(id))

  const insert = (institution: Institution) =>
    Effect.gen(function* () {
      if (institution.statusHistory.length === 0) return yield* Effect.dieMessage(NO_ADMISSION)
      const history = replayHistory(institution.statusHistory)
      if (Either.isLeft(history)) return yield* history.left
      const created = yield* sql`
        INSERT INTO institutions ${sql.insert(toRow(institution, 1))}
        ON CONFLICT DO NOTHING
        RETURNING id`
      if (created.length === 0) {
        const sameId = yield* sql`SELECT id FROM institutions WHERE id = ${institution.id}`
        if (sameId.length > 0 || institution.numberingPrefix === undefined)
          return yield* new InstitutionAlreadyExists({ field: "id", institutionId: institution.id })
        const prefix = numberingPrefixKey(institution.numberingPrefix)
        const holder = yield* sql<{ readonly id: string }>`
          SELECT id FROM institutions WHERE numbering_prefix = ${prefix}`
        return yield* new NumberingPrefixTaken({
          field: "numberingPrefix",
          prefix,
          heldBy: holder[0]?.id ?? ""
        })
      }
      const recordedAt = yield* now
      yield* writeAuthorisations(institution)
      yield* insertAll(
        "institution_status_history",
        institution.statusHistory.map((e, seq) => toStatusRow(institution.id, seq, e, recordedAt))
      )
    }).pipe(sql.withTransaction, Effect.catchTag("SqlError", Effect.die))

  /** Inside a change's transaction: bumps the version (locking the row) and loads the institution. */
  const lockAndLoad = (id: string) =>
    Effect.gen(function* () {
      const locked = yield* sql`UPDATE institutions SET version = version + 1 WHERE id = ${id} RETURNING id`
      if (locked.length === 0)
        return yield* new InstitutionNotFound({ field: "institutionId", institutionId: id })
      const found = yield* load(id)
      if (Option.isNone(found))
        return yield* Effect.dieMessage(`institution ${id} vanished inside its transaction`)
      return found.value
    })

  const appendStatusEntry = (id: string, entry: StatusEntry) =>
    Effect.gen(function* () {
      const institution = yield* lockAndLoad(id)
      const history = appendStatus(institution.statusHistory, entry)
      if (Either.isLeft(history)) return yield* history.left
      const seq = institution.statusHistory.length
      yield* sql`INSERT INTO institution_status_history ${sql.insert(toStatusRow(id, seq, entry, yield* now))}`
      return { ...institution, statusHistory: history.right } as Institution
    }).pipe(sql.withTransaction, Effect.catchTag("SqlError", Effect.die))

  const updateScope = (id: string, scope: InstitutionScope, change: ScopeChange) =>
    Effect.gen(function* () {
      const institution = yield* lockAndLoad(id)
      const applied = applyScope(institution, scope)
      if (Either.isLeft(applied)) return yield* applied.left
      const next = applied.right
      const counted = yield* sql<{ readonly n: number | string }>`
        SELECT COUNT(*) AS n FROM institution_scope_changes WHERE institution_id = ${id}`
      const record: ScopeChangeRecord = { ...change, before: scopeOf(institution), after: scopeOf(next) }
      yield* sql`UPDATE institutions SET ${sql.update(regionColumns(next.region))} WHERE id = ${id}`
      yield* sql`DELETE FROM institution_authorised_occupations WHERE institution_id = ${id}`
      yield* sql`DELETE FROM institution_authorised_levels WHERE institution_id = ${id}`
      yield* sql`DELETE FROM institution_authorisations WHERE institution_id = ${id}`
      yield* writeAuthorisations(next)
      yield* sql`INSERT INTO institution_scope_changes ${sql.insert(
        toScopeChangeRow(id, Number(counted[0]?.n ?? 0), record, yield* now)
      )}`
      return next
    }).pipe(sql.withTransaction, Effect.catchTag("SqlError", Effect.die))

  const scopeChanges = (id: string) =>
    sql<ScopeChangeRow>`SELECT * FROM institution_scope_changes WHERE institution_id = ${id} ORDER BY seq`.pipe(
      Effect.map((rows) => rows.map(scopeChangeOf)),
      Effect.orDie
    )

  /** The status filter: the entry with the highest seq (on or before the day, when asked) has the status. */
  const statusFilter = (q: NormalizedInstitutionQuery): ReadonlyArray<Fragment> =>
    q.status === undefined
      ? []
      : [
          sql`EXISTS (
            SELECT 1 FROM institution_status_history h
            WHERE h.institution_id = institutions.id AND h.status = ${q.status}
              AND h.seq = (
                SELECT MAX(h2.seq) FROM institution_status_history h2
                WHERE h2.institution_id = institutions.id${
                  q.statusOn === undefined ? sql`` : sql` AND h2.effective_on <= ${q.statusOn}`
                }))`
        ]

  /** One authorisation satisfying every authorisation filter together. */
  const authorisationFilter = (q: NormalizedInstitutionQuery): ReadonlyArray<Fragment> => {
    if (!filtersAuthorisations(q)) return []
    const conditions: Array<Fragment> = [sql`a.institution_id = institutions.id`]
    if (q.validOn !== undefined)
      conditions.push(sql`a.valid_from <= ${q.validOn} AND a.valid_until >= ${q.validOn}`)
    if (q.servesRegion !== undefined)
      conditions.push(sql.in("a.region_code", enclosingRegions(q.servesRegion)))
    if (q.occupationCode !== undefined)
      conditions.push(sql`EXISTS (
        SELECT 1 FROM institution_authorised_occupations o
        WHERE o.institution_id = a.institution_id AND o.position = a.position
          AND o.occupation_code = ${q.occupationCode}${
            q.workType === undefined ? sql`` : sql` AND (o.work_type IS NULL OR o.work_type = ${q.workType})`
          })`)
    if (q.level !== undefined)
      conditions.push(sql`EXISTS (
        SELECT 1 FROM institution_authorised_levels l
        WHERE l.institution_id = a.institution_id AND l.position = a.position AND l.level = ${q.level})`)
    return [sql`EXISTS (SELECT 1 FROM institution_authorisations a WHERE ${sql.and(conditions)})`]
  }

  /** `text` as a literal inside a LIKE pattern (with ESCAPE '\\'). */
  const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

  const list = (query?: InstitutionQuery): Effect.Effect<InstitutionPage> =>
    Effect.gen(function* () {
      const q = normalizeInstitutionQuery(query)
      const where = sql.and([
        ...(q.regionCode === undefined ? [] : [withinRegion(sql, q.regionCode)]),
        ...(q.kind === undefined ? [] : [sql`kind = ${q.kind}`]),
        ...(q.nameContains === undefined
          ? []
          : [sql`LOWER(name) LIKE ${`%${likeEscaped(q.nameContains.toLowerCase())}%`} ESCAPE '\\'`]),
        ...statusFilter(q),
        ...authorisationFilter(q)
      ])
      const counted = yield* sql<{ readonly n: number | string }>`
        SELECT COUNT(*) AS n FROM institutions WHERE ${where}`
      const rows = yield* sql<InstitutionRow>`
        SELECT * FROM institutions WHERE ${where}
        ORDER BY region_code, name, id
        LIMIT ${q.limit} OFFSET ${q.offset}`
      return {
        items: yield* withChildren(rows),
        total: Number(counted[0]?.n ?? 0),
        offset: q.offset,
        limit: q.limit
      }
    }).pipe(Effect.orDie)

  return InstitutionRepository.of({
    insert,
    findById,
    list,
    appendStatus: appendStatusEntry,
    updateScope,
    scopeChanges
  })
})

export const SqlInstitutionRepository = {
  layer: Layer.effect(InstitutionRepository, make)
}
