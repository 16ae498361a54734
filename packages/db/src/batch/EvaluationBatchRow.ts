/**
 * The `evaluation_batches` and `batch_candidates` rows (附件2 评价批次; 54号·五) and their mapping to the domain's
 * EvaluationBatch and EvaluationCandidate: the batch's 附件2 columns, region columns, status, step dates and
 * result counts in one row; one row per candidate with its position (seq) in the submission.
 */
import type { EvaluationBatch, EvaluationCandidate } from "@jineng/domain/issuance/EvaluationBatch"
import { type RegionColumns, regionColumns } from "../sql/SqlParts.js"

export type EvaluationBatchRow = RegionColumns & {
  readonly id: string
  readonly institution_id: string
  readonly institution_name: string
  readonly occupation_code: string
  readonly occupation_name: string
  readonly work_type: string | null
  readonly level: number
  readonly time_from: string
  readonly time_until: string | null
  /** time_until, or time_from for a one-day evaluation: the end of the span the date filter compares. */
  readonly time_end: string
  readonly contact_name: string
  readonly contact_phone: string
  readonly status: string
  readonly planned_on: string
  readonly published_on: string | null
  readonly results_submitted_on: string | null
  readonly issued_on: string | null
  readonly candidate_count: number | null
  readonly passed_count: number | null
}

export type CandidateRow = {
  readonly batch_id: string
  readonly seq: number
  readonly holder_name: string
  readonly holder_id_type: string
  readonly holder_id_number: string
  readonly employer_uscc: string | null
  readonly result: string
  readonly score: number | null
}

export const toRow = (b: EvaluationBatch): EvaluationBatchRow => ({
  id: b.id,
  institution_id: b.institution.id,
  institution_name: b.institution.name,
  occupation_code: b.occupation.code,
  occupation_name: b.occupation.name,
  work_type: b.occupation.workType ?? null,
  level: b.level,
  time_from: b.evaluationTime.from,
  time_until: b.evaluationTime.until ?? null,
  time_end: b.evaluationTime.until ?? b.evaluationTime.from,
  contact_name: b.contact.name,
  contact_phone: b.contact.phone,
  ...regionColumns(b.regionCode),
  status: b.status,
  planned_on: b.plannedOn,
  published_on: b.publishedOn ?? null,
  results_submitted_on: b.resultsSubmittedOn ?? null,
  issued_on: b.issuedOn ?? null,
  candidate_count: b.results?.candidates ?? null,
  passed_count: b.results?.passed ?? null
})

/** Rows come only from our own writes, which the domain validated: no re-validation on the read path. */
export const fromRow = (r: EvaluationBatchRow): EvaluationBatch =>
  ({
    id: r.id,
    institution: { id: r.institution_id, name: r.institution_name },
    occupation:
      r.work_type === null
        ? { code: r.occupation_code, name: r.occupation_name }
        : { code: r.occupation_code, name: r.occupation_name, workType: r.work_type },
    level: Number(r.level),
    evaluationTime:
      r.time_until === null ? { from: r.time_from } : { from: r.time_from, until: r.time_until },
    contact: { name: r.contact_name, phone: r.contact_phone },
    regionCode: r.region_code,
    plannedOn: r.planned_on,
    status: r.status,
    ...(r.published_on === null ? {} : { publishedOn: r.published_on }),
    ...(r.results_submitted_on === null ? {} : { resultsSubmittedOn: r.results_submitted_on }),
    ...(r.issued_on === null ? {} : { issuedOn: r.issued_on }),
    ...(r.candidate_count === null
      ? {}
      : { results: { candidates: Number(r.candidate_count), passed: Number(r.passed_count ?? 0) } })
  }) as unknown as EvaluationBatch

export const toCandidateRow = (batchId: string, c: EvaluationCandidate, seq: number): CandidateRow => ({
  batch_id: batchId,
  seq,
  // A malformed row (the port's defect case) must reach the table's NOT NULL checks as NULL, not undefined.
  holder_name: (c.holder?.name ?? null) as string,
  holder_id_type: (c.holder?.idType ?? null) as string,
  holder_id_number: (c.holder?.idNumber ?? null) as string,
  employer_uscc: c.employerUscc ?? null,
  result: (c.result ?? null) as string,
  score: c.score ?? null
})

export const fromCandidateRow = (r: CandidateRow): EvaluationCandidate =>
  ({
    holder: { name: r.holder_name, idType: r.holder_id_type, idNumber: r.holder_id_number },
    ...(r.employer_uscc === null ? {} : { employerUscc: r.employer_uscc }),
    result: r.result,
    ...(r.score === null ? {} : { score: Number(r.score) })
  }) as unknown as EvaluationCandidate
