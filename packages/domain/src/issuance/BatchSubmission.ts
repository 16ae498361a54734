/**
 * A batch's results as submitted for issuance (54号·四 "谁评价、谁发证、谁负责"; 附件2 评价批次): the rows are the
 * candidates who passed, each to receive a certificate. Pure checks before anything is stored: the submission
 * belongs to its evaluation batch (same institution, evaluation region, occupation, 工种 and level — the batch
 * evaluated one occupation at one level), and no person is listed twice (one certificate per person a batch).
 */
import { levelName } from "../codes/SkillLevel.js"
import type { EvaluationBatch, EvaluationCandidate } from "./EvaluationBatch.js"
import { BatchSubmissionMismatch, CandidateListedTwice } from "./EvaluationBatchErrors.js"
import type { BatchCandidate, IssueBatchRequest } from "./IssueBatchRequest.js"

/** The first row naming a person listed in an earlier row, as the error that refuses the submission. */
export const duplicateCandidate = (request: IssueBatchRequest): CandidateListedTwice | undefined => {
  const seen = new Map<string, number>()
  for (let index = 0; index < request.candidates.length; index++) {
    const holder = (request.candidates[index] as BatchCandidate).holder
    const key = `${holder.idType}|${holder.idNumber}`
    const firstIndex = seen.get(key)
    if (firstIndex !== undefined)
      return new CandidateListedTwice({
        field: `candidates.${index}.holder.idNumber`,
        batchId: request.batchId,
        index,
        firstIndex
      })
    seen.set(key, index)
  }
  return undefined
}

const NONE = "（无）"

/** Where the submission differs from its evaluation batch (the first difference, with the count), if anywhere. */
export const submissionMismatch = (
  batch: EvaluationBatch,
  request: IssueBatchRequest
): BatchSubmissionMismatch | undefined => {
  const header = (field: string, subject: string, expected: string, seen: string) =>
    new BatchSubmissionMismatch({ field, batchId: batch.id, subject, expected, seen, count: 1 })
  if (request.institutionId !== batch.institution.id)
    return header("institutionId", "评价机构", batch.institution.id, request.institutionId)
  if (request.evaluationRegion !== batch.regionCode)
    return header("evaluationRegion", "评价所在地区", batch.regionCode, request.evaluationRegion)
  let first: Omit<ConstructorParameters<typeof BatchSubmissionMismatch>[0], "count"> | undefined
  let count = 0
  const { code, workType } = batch.occupation
  for (let i = 0; i < request.candidates.length; i++) {
    const row = request.candidates[i] as BatchCandidate
    const differs =
      row.occupationCode !== code
        ? (["occupationCode", "职业编码", code, row.occupationCode] as const)
        : row.workType !== workType
          ? (["workType", "工种", workType ?? NONE, row.workType ?? NONE] as const)
          : row.level !== batch.level
            ? (["level", "证书等级", levelName(batch.level), levelName(row.level)] as const)
            : undefined
    if (differs === undefined) continue
    count++
    first ??= {
      field: `candidates.${i}.${differs[0]}`,
      batchId: batch.id,
      subject: `第${i + 1}名考生的${differs[1]}`,
      expected: differs[2],
      seen: differs[3]
    }
  }
  return first === undefined ? undefined : new BatchSubmissionMismatch({ ...first, count })
}

/** The submitted rows as the batch's results: every one passed (the certificates issued are theirs). */
export const passedCandidatesOf = (request: IssueBatchRequest): Array<EvaluationCandidate> =>
  request.candidates.map((c) =>
    c.employerUscc === undefined
      ? { holder: c.holder, result: "passed" as const }
      : { holder: c.holder, employerUscc: c.employerUscc, result: "passed" as const }
  )
