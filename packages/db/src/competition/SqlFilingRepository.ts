/**
 * FilingRepository on @effect/sql, for SQLite and PostgreSQL (54号·二, 附件1). A filing is one row plus its
 * opinion and co-signature rows, written together in one transaction.
 *
 * - One open or completed filing per competition is enforced by the partial unique index
 *   `competition_filings_one_open`: the INSERT is `ON CONFLICT DO NOTHING`, and a row not inserted is
 *   answered FilingAlreadySubmitted (or a defect for a reused filing id). Two racing submissions therefore store
 *   one filing on both dialects.
 * - Updates are optimistic: `UPDATE … WHERE id = ? AND revision = ?`, and no affected row means FilingChanged.
 *   On PostgreSQL the second of two concurrent writers waits for the first's row lock, then re-checks the
 *   revision (READ COMMITTED) and finds it changed, so exactly one wins; on SQLite writers are serialised.
 */
import { SqlClient } from "@effect/sql"
import { FilingAlreadySubmitted, FilingChanged } from "@jineng/domain/competition/CompetitionErrors"
import type { Filing } from "@jineng/domain/competition/Filing"
import { FilingRepository, OPEN_FILING_STATUSES } from "@jineng/domain/competition/FilingRepository"
import { Effect, Layer, Option } from "effect"
import {
  type CoSignatureRow,
  type FilingRow,
  fromRows,
  type OpinionRow,
  stateColumns,
  toCoSignatureRows,
  toOpinionRows,
  toRow
} from "./FilingRow.js"

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  const insertChildren = (filing: Filing) =>
    Effect.gen(function* () {
      const opinions = toOpinionRows(filing)
      if (opinions.length > 0) yield* sql`INSERT INTO competition_filing_opinions ${sql.insert(opinions)}`
      const coSignatures = toCoSignatureRows(filing)
      if (coSignatures.length > 0)
        yield* sql`INSERT INTO competition_filing_cosignatures ${sql.insert(coSignatures)}`
    })

  /** The filings of `rows` with their opinions and co-signatures, in the order of `rows`. */
  const assemble = (rows: ReadonlyArray<FilingRow>) =>
    Effect.gen(function* () {
      if (rows.length === 0) return []
      const ids = rows.map((r) => r.id)
      const [opinions, coSignatures] = yield* Effect.all([
        sql<OpinionRow>`SELECT * FROM competition_filing_opinions WHERE ${sql.in("filing_id", ids)}`,
        sql<CoSignatureRow>`SELECT * FROM competition_filing_cosignatures WHERE ${sql.in("filing_id", ids)}`
      ])
      return rows.map((r) =>
        fromRows(
          r,
          opinions.filter((o) => o.filing_id === r.id),
          coSignatures.filter((c) => c.filing_id === r.id)
        )
      )
    })

  const findById = (id: string): Effect.Effect<Option.Option<Filing>> =>
    sql<FilingRow>`SELECT * FROM competition_filings WHERE id = ${id}`.pipe(
      Effect.flatMap(assemble),
      Effect.map((found) => Option.fromNullable(found[0])),
      Effect.orDie
    )

  const listOpen = (): Effect.Effect<ReadonlyArray<Filing>> =>
    sql<FilingRow>`
      SELECT * FROM competition_filings WHERE status IN ('in_review', 'awaiting_co_signature')
      ORDER BY submitted_on, id`.pipe(Effect.flatMap(assemble), Effect.orDie)

  const listByCompetition = (competitionId: string): Effect.Effect<ReadonlyArray<Filing>> =>
    sql<FilingRow>`
      SELECT * FROM competition_filings WHERE competition_id = ${competitionId}
      ORDER BY submitted_on, id`.pipe(Effect.flatMap(assemble), Effect.orDie)

  const insert = (filing: Filing): Effect.Effect<void, FilingAlreadySubmitted> =>
    Effect.gen(function* () {
      const created = yield* sql`
        INSERT INTO competition_filings ${sql.insert(toRow(filing))}
        ON CONFLICT DO NOTHING
        RETURNING id`
      if (created.length === 0) {
        const clashing = yield* sql<{ readonly id: string }>`
          SELECT id FROM competition_filings
          WHERE id = ${filing.id}
             OR (competition_id = ${filing.competitionId} AND ${sql.in("status", OPEN_FILING_STATUSES)})
          ORDER BY CASE WHEN id = ${filing.id} THEN 0 ELSE 1 END`
        const first = clashing[0]
        if (first === undefined || first.id === filing.id)
          return yield* Effect.dieMessage(`duplicate filing id ${filing.id}`)
        return yield* new FilingAlreadySubmitted({
          field: "competition",
          competitionId: filing.competitionId,
          filingId: first.id
        })
      }
      yield* insertChildren(filing)
    }).pipe(sql.withTransaction, Effect.catchTag("SqlError", Effect.die))

  const update = (filing: Filing, expectedRevision: number): Effect.Effect<void, FilingChanged> =>
    Effect.gen(function* () {
      const updated = yield* sql`
        UPDATE competition_filings SET ${sql.update(stateColumns(filing))}
        WHERE id = ${filing.id} AND revision = ${expectedRevision}
        RETURNING id`
      if (updated.length === 0)
        return yield* new FilingChanged({ field: "revision", filingId: filing.id, expectedRevision })
      yield* sql`DELETE FROM competition_filing_opinions WHERE filing_id = ${filing.id}`
      yield* sql`DELETE FROM competition_filing_cosignatures WHERE filing_id = ${filing.id}`
      yield* insertChildren(filing)
    }).pipe(sql.withTransaction, Effect.catchTag("SqlError", Effect.die))

  return FilingRepository.of({ findById, listByCompetition, listOpen, insert, update })
})

export const SqlFilingRepository = {
  layer: Layer.effect(FilingRepository, make)
}
