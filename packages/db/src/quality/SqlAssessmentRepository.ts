/**
 * AssessmentRepository on @effect/sql, for SQLite and PostgreSQL: the twice-yearly quality special assessments
 * (54号·五 "一年两次技能人才评价质量专项评估"). Recording is idempotent on the id (INSERT … ON CONFLICT DO NOTHING);
 * an institution's history and a half-year's list are served by the indexes of migration 0008.
 */
import { SqlClient } from "@effect/sql"
import { AssessmentRepository } from "@jineng/domain/quality/AssessmentRepository"
import type { RecordedAssessment } from "@jineng/domain/quality/QualityAssessment"
import { Effect, Layer } from "effect"
import { type AssessmentRow, fromRow, toRow } from "./AssessmentRow.js"

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  const record = (assessment: RecordedAssessment) =>
    sql`INSERT INTO quality_assessments ${sql.insert(toRow(assessment))} ON CONFLICT (id) DO NOTHING`.pipe(
      Effect.orDie,
      Effect.asVoid
    )

  const listByInstitution = (institutionId: string) =>
    sql<AssessmentRow>`
      SELECT * FROM quality_assessments WHERE institution_id = ${institutionId}
      ORDER BY assessed_on DESC, period DESC, id DESC`.pipe(
      Effect.map((rows) => rows.map(fromRow)),
      Effect.orDie
    )

  const listByPeriod = (period: string) =>
    sql<AssessmentRow>`
      SELECT * FROM quality_assessments WHERE period = ${period}
      ORDER BY institution_id, assessed_on, id`.pipe(
      Effect.map((rows) => rows.map(fromRow)),
      Effect.orDie
    )

  return AssessmentRepository.of({ record, listByInstitution, listByPeriod })
})

export const SqlAssessmentRepository = {
  layer: Layer.effect(AssessmentRepository, make)
}
