/**
 * ReportRepository on @effect/sql, for SQLite and PostgreSQL (举报, 54号·五 "严肃核实查处相关举报问题"). A report is
 * one row plus one row per history event; inserting and updating write both in one transaction. Tracking codes
 * are unique by index: a colliding insert answers TrackingCodeTaken and stores nothing (the use case draws
 * another code). A bureau's list covers its own region and the regions inside it (属地管理).
 *
 * Updates are optimistic: `UPDATE … WHERE id = ? AND revision = ?`, and no affected row means ReportChanged (or a
 * defect for an unknown id). On PostgreSQL the second of two concurrent writers waits for the first's row lock,
 * then re-checks the revision (READ COMMITTED) and finds it changed, so exactly one wins; on SQLite writers are
 * serialised.
 */
import { SqlClient } from "@effect/sql"
import { ReportChanged, TrackingCodeTaken } from "@jineng/domain/quality/QualityErrors"
import type { Report } from "@jineng/domain/quality/Report"
import {
  normalizeReportQuery,
  type ReportPage,
  type ReportQuery,
  ReportRepository
} from "@jineng/domain/quality/ReportRepository"
import { Effect, Layer, Option } from "effect"
import { withinRegion } from "../sql/SqlParts.js"
import {
  fromRows,
  type ReportEventRow,
  type ReportRow,
  stateColumns,
  toEventRows,
  toRow
} from "./ReportRow.js"

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  const insertEvents = (report: Report) => {
    const rows = toEventRows(report)
    return rows.length === 0 ? Effect.void : sql`INSERT INTO quality_report_events ${sql.insert(rows)}`
  }

  const insert = (report: Report) =>
    Effect.gen(function* () {
      const created = yield* sql`
        INSERT INTO quality_reports ${sql.insert(toRow(report))}
        ON CONFLICT (tracking_code) DO NOTHING
        RETURNING id`
      if (created.length === 0)
        return yield* new TrackingCodeTaken({ field: "trackingCode", trackingCode: report.trackingCode })
      yield* insertEvents(report)
    }).pipe(sql.withTransaction, Effect.catchTag("SqlError", Effect.die))

  /** The reports of `rows` with their histories, in the order of `rows`. */
  const withHistories = (rows: ReadonlyArray<ReportRow>) =>
    Effect.gen(function* () {
      if (rows.length === 0) return []
      const events = yield* sql<ReportEventRow>`
        SELECT * FROM quality_report_events WHERE ${sql.in(
          "report_id",
          rows.map((r) => r.id)
        )} ORDER BY report_id, seq`
      const byReport = new Map<string, Array<ReportEventRow>>()
      for (const e of events) {
        const list = byReport.get(e.report_id)
        if (list === undefined) byReport.set(e.report_id, [e])
        else list.push(e)
      }
      return rows.map((r) => fromRows(r, byReport.get(r.id) ?? []))
    })

  const findOne = (rows: ReadonlyArray<ReportRow>) =>
    Effect.map(withHistories(rows.slice(0, 1)), (reports) => Option.fromNullable(reports[0]))

  const findById = (id: string) =>
    sql<ReportRow>`SELECT * FROM quality_reports WHERE id = ${id}`.pipe(Effect.flatMap(findOne), Effect.orDie)

  const findByTrackingCode = (trackingCode: string) =>
    sql<ReportRow>`SELECT * FROM quality_reports WHERE tracking_code = ${trackingCode}`.pipe(
      Effect.flatMap(findOne),
      Effect.orDie
    )

  const update = (report: Report, expectedRevision: number): Effect.Effect<void, ReportChanged> =>
    Effect.gen(function* () {
      const updated = yield* sql`
        UPDATE quality_reports SET ${sql.update(stateColumns(report))}
        WHERE id = ${report.id} AND revision = ${expectedRevision}
        RETURNING id`
      if (updated.length === 0) {
        const current = yield* sql<{ readonly revision: number | string }>`
          SELECT revision FROM quality_reports WHERE id = ${report.id}`
        const stored = current[0]
        if (stored === undefined) return yield* Effect.dieMessage(`report ${report.id} is not on file`)
        return yield* new ReportChanged({
          field: "expectedRevision",
          reportId: report.id,
          expectedRevision,
          currentRevision: Number(stored.revision)
        })
      }
      yield* sql`DELETE FROM quality_report_events WHERE report_id = ${report.id}`
      yield* insertEvents(report)
    }).pipe(sql.withTransaction, Effect.catchTag("SqlError", Effect.die))

  const list = (query?: ReportQuery): Effect.Effect<ReportPage> =>
    Effect.gen(function* () {
      const q = normalizeReportQuery(query)
      const where = sql.and([
        ...(q.regionCode === undefined ? [] : [withinRegion(sql, q.regionCode)]),
        ...(q.state === undefined ? [] : [sql`state = ${q.state}`]),
        ...(q.receivedFrom === undefined ? [] : [sql`received_on >= ${q.receivedFrom}`]),
        ...(q.receivedUntil === undefined ? [] : [sql`received_on <= ${q.receivedUntil}`])
      ])
      const counted = yield* sql<{ readonly n: number | string }>`
        SELECT COUNT(*) AS n FROM quality_reports WHERE ${where}`
      const rows = yield* sql<ReportRow>`
        SELECT * FROM quality_reports WHERE ${where}
        ORDER BY received_on DESC, id DESC
        LIMIT ${q.limit} OFFSET ${q.offset}`
      return {
        items: yield* withHistories(rows),
        total: Number(counted[0]?.n ?? 0),
        offset: q.offset,
        limit: q.limit
      }
    }).pipe(Effect.orDie)

  return ReportRepository.of({ insert, findById, findByTrackingCode, update, list })
})

export const SqlReportRepository = {
  layer: Layer.effect(ReportRepository, make)
}
