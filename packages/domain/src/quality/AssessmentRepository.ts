/**
 * Port: the file of quality special assessments (54号·五 "高质量实施一年两次技能人才评价质量专项评估"): record one,
 * read an institution's history (newest first) and every assessment of a half-year (AssessmentSchedule's input).
 * Implemented by @jineng/db on SQLite and PostgreSQL; `layerTest` is in memory with the same contract.
 */
import { Context, Effect, Layer } from "effect"
import type { AssessmentPeriod } from "./AssessmentPeriod.js"
import type { RecordedAssessment } from "./QualityAssessment.js"

const descending = (a: string, b: string): number => (a === b ? 0 : a < b ? 1 : -1)
const ascending = (a: string, b: string): number => -descending(a, b)

/** An institution's history: assessment date, then period, then id — all descending. */
export const compareNewestFirst = (a: RecordedAssessment, b: RecordedAssessment): number =>
  descending(a.assessedOn, b.assessedOn) || descending(a.period, b.period) || descending(a.id, b.id)

/** A half-year's list: institution id, then assessment date, then id — all ascending. */
export const compareByInstitution = (a: RecordedAssessment, b: RecordedAssessment): number =>
  ascending(a.institutionId, b.institutionId) ||
  ascending(a.assessedOn, b.assessedOn) ||
  ascending(a.id, b.id)

export class AssessmentRepository extends Context.Tag("@jineng/domain/AssessmentRepository")<
  AssessmentRepository,
  {
    /**
     * Files an assessment. Idempotent on its id: recording an id already on file changes nothing (a retried
     * submission). An institution may have several assessments of one half-year (e.g. after 限期整改).
     */
    readonly record: (assessment: RecordedAssessment) => Effect.Effect<void>
    /** The institution's assessments, newest first. */
    readonly listByInstitution: (institutionId: string) => Effect.Effect<ReadonlyArray<RecordedAssessment>>
    /** Every assessment of the half-year, by institution id then date. */
    readonly listByPeriod: (period: AssessmentPeriod) => Effect.Effect<ReadonlyArray<RecordedAssessment>>
  }
>() {
  static readonly layerTest = (seed: ReadonlyArray<RecordedAssessment> = []) =>
    Layer.sync(this, () => {
      const byId = new Map<string, RecordedAssessment>(seed.map((a) => [a.id, a]))
      return {
        record: (assessment) =>
          Effect.sync(() => {
            if (!byId.has(assessment.id)) byId.set(assessment.id, assessment)
          }),
        listByInstitution: (institutionId) =>
          Effect.sync(() =>
            [...byId.values()].filter((a) => a.institutionId === institutionId).sort(compareNewestFirst)
          ),
        listByPeriod: (period) =>
          Effect.sync(() => [...byId.values()].filter((a) => a.period === period).sort(compareByInstitution))
      }
    })
}
