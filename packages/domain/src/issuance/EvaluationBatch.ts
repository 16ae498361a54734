/**
 * An evaluation batch (评价批次) of a level-evaluation institution (54号·五 "面向社会定期公布所属职业技能等级认定机构
 * 开展评价的评价职业、评价等级、评价时间、联系方式等信息（见附件2）"; 54号·四 "谁评价、谁发证、谁负责"): one occupation
 * (工种) and level, evaluated at a date or over a date range in a region, with a contact. Its status moves
 * planned → published (the 附件2 row goes public) → results_submitted (one row per candidate, resubmittable until
 * issued) → issued (the certificates of the passed candidates are in the registry); each step is dated, never
 * before the previous one, and results never before the evaluation starts. Pure functions: each step returns
 * the new batch or the TaggedError (EvaluationBatchErrors) that refuses it.
 */
import { Either, Schema } from "effect"
import { Holder } from "../certificate/Certificate.js"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { RegionCode } from "../codes/RegionSchema.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"
import { DateSpan } from "../quality/DateSpan.js"
import type { EvaluationBatchListing } from "../quality/EvaluationBatchListing.js"
import { PhoneNumber } from "../quality/PhoneNumberSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import {
  EvaluationBatchDateBeforePrevious,
  EvaluationBatchStatusConflict,
  EvaluationBatchTooLarge
} from "./EvaluationBatchErrors.js"
import type { BatchCandidate } from "./IssueBatchRequest.js"

/** The most candidates one batch holds (a JSON Lines submission of 100,000 rows). */
export const MAX_BATCH_CANDIDATES = 100_000

export const EvaluationBatchStatus = Schema.Literal(
  "planned",
  "published",
  "results_submitted",
  "issued"
).annotations({
  identifier: "EvaluationBatchStatus",
  description: "planned 已计划；published 已公布；results_submitted 已报送结果；issued 已发证",
  message: () => ({
    message:
      "批次状态应为 planned（已计划）、published（已公布）、results_submitted（已报送结果）或 issued（已发证）",
    override: true
  })
})
export type EvaluationBatchStatus = typeof EvaluationBatchStatus.Type

export const EVALUATION_BATCH_STATUS_NAMES: Record<EvaluationBatchStatus, string> = {
  planned: "已计划",
  published: "已公布",
  results_submitted: "已报送结果",
  issued: "已发证"
}

/** The statuses in which a batch is on the public 附件2 list (published and every later step). */
export const PUBLISHED_STATUSES: ReadonlyArray<EvaluationBatchStatus> = [
  "published",
  "results_submitted",
  "issued"
]

/** What an institution declares when it plans a batch. */
export const EvaluationBatchPlan = Schema.Struct({
  id: required(Id("批次编号"), "批次编号"),
  institution: required(
    Schema.Struct({
      id: required(Id("评价机构编号"), "评价机构编号"),
      name: required(Text("评价机构名称"), "评价机构名称")
    }).annotations({ message: () => "评价机构应为对象（编号、名称）" }),
    "评价机构"
  ),
  occupation: required(
    Schema.Struct({
      code: required(OccupationCode, "评价职业编码"),
      name: required(Text("评价职业名称"), "评价职业名称"),
      workType: Schema.optionalWith(Text("工种名称"), { exact: true })
    }).annotations({ message: () => "评价职业应为对象（职业编码、职业名称、工种）" }),
    "评价职业"
  ),
  level: required(
    SkillLevel.annotations({
      message: () => ({ message: "评价等级应为1至5（五级/初级工至一级/高级技师）", override: true })
    }),
    "评价等级"
  ),
  /** 评价时间: a day or a range of days. */
  evaluationTime: required(DateSpan, "评价时间"),
  contact: required(
    Schema.Struct({
      name: required(Text("联系人", 50), "联系人"),
      phone: required(PhoneNumber, "联系电话")
    }).annotations({ message: () => "联系方式应为对象（联系人、联系电话）" }),
    "联系方式"
  ),
  /** Where the evaluation takes place. */
  regionCode: required(RegionCode, "评价所在地区"),
  plannedOn: required(LocalDate, "计划日期")
}).annotations({ message: () => "评价批次计划应为对象" })
export type EvaluationBatchPlan = typeof EvaluationBatchPlan.Type

/** The counts of the results last submitted. */
export const BatchResults = Schema.Struct({
  candidates: Schema.Int.pipe(Schema.nonNegative()),
  passed: Schema.Int.pipe(Schema.nonNegative())
})
export type BatchResults = typeof BatchResults.Type

export const EvaluationBatch = Schema.Struct({
  ...EvaluationBatchPlan.fields,
  status: EvaluationBatchStatus,
  publishedOn: Schema.optionalWith(LocalDate, { exact: true }),
  resultsSubmittedOn: Schema.optionalWith(LocalDate, { exact: true }),
  issuedOn: Schema.optionalWith(LocalDate, { exact: true }),
  results: Schema.optionalWith(BatchResults, { exact: true })
}).annotations({
  identifier: "EvaluationBatch",
  description: "评价批次（附件2）",
  message: () => "评价批次应为对象"
})
export type EvaluationBatch = typeof EvaluationBatch.Type

/** 合格 / 不合格 / 缺考. */
export const CandidateResult = Schema.Literal("passed", "failed", "absent").annotations({
  identifier: "CandidateResult",
  description: "passed 合格；failed 不合格；absent 缺考",
  message: () => ({
    message: "评价结果应为 passed（合格）、failed（不合格）或 absent（缺考）",
    override: true
  })
})
export type CandidateResult = typeof CandidateResult.Type

/** One candidate of a batch and the result: the evaluated person, the employer when an employer evaluates. */
export const EvaluationCandidate = Schema.Struct({
  holder: required(Holder, "持证人"),
  employerUscc: Schema.optionalWith(SocialCreditCode, { exact: true }),
  result: required(CandidateResult, "评价结果"),
  score: Schema.optionalWith(
    Schema.Number.pipe(Schema.finite(), Schema.nonNegative()).annotations({
      message: () => ({ message: "成绩应为不小于0的数", override: true })
    }),
    { exact: true }
  )
}).annotations({ message: () => "考生评价结果应为对象（持证人、评价结果）" })
export type EvaluationCandidate = typeof EvaluationCandidate.Type

export type EvaluationBatchAction = "publish" | "record_results" | "mark_issued"

const FROM: Record<EvaluationBatchAction, ReadonlyArray<EvaluationBatchStatus>> = {
  publish: ["planned"],
  record_results: ["published", "results_submitted"],
  mark_issued: ["results_submitted"]
}

/** The statuses a step may start from. */
export const allowedFrom = (action: EvaluationBatchAction): ReadonlyArray<EvaluationBatchStatus> =>
  FROM[action]

export const planBatch = (plan: EvaluationBatchPlan): EvaluationBatch => ({ ...plan, status: "planned" })

/** The date of the batch's latest step; a new step may not be earlier. */
export const latestStepOn = (batch: EvaluationBatch): string =>
  batch.resultsSubmittedOn ?? batch.publishedOn ?? batch.plannedOn

/** The earliest date a step may carry: the latest step, and for results also the evaluation's first day. */
export const earliestFor = (batch: EvaluationBatch, action: EvaluationBatchAction): string => {
  const latest = latestStepOn(batch)
  return action === "record_results" && batch.evaluationTime.from > latest
    ? batch.evaluationTime.from
    : latest
}

export type StepError = EvaluationBatchStatusConflict | EvaluationBatchDateBeforePrevious

/** Whether `action` may be taken on `batch` on `on`; the error that refuses it otherwise. */
export const checkStep = (
  batch: EvaluationBatch,
  action: EvaluationBatchAction,
  on: string
): Either.Either<void, StepError> => {
  if (!FROM[action].includes(batch.status))
    return Either.left(
      new EvaluationBatchStatusConflict({ field: "status", batchId: batch.id, status: batch.status, action })
    )
  const earliest = earliestFor(batch, action)
  if (on < earliest)
    return Either.left(
      new EvaluationBatchDateBeforePrevious({ field: "date", batchId: batch.id, date: on, earliest })
    )
  return Either.void
}

export const publishBatch = (batch: EvaluationBatch, on: string): Either.Either<EvaluationBatch, StepError> =>
  Either.map(checkStep(batch, "publish", on), () => ({
    ...batch,
    status: "published" as const,
    publishedOn: on
  }))

export const resultsOf = (candidates: ReadonlyArray<EvaluationCandidate>): BatchResults => ({
  candidates: candidates.length,
  passed: candidates.reduce((n, c) => (c.result === "passed" ? n + 1 : n), 0)
})

export const submitResults = (
  batch: EvaluationBatch,
  candidates: ReadonlyArray<EvaluationCandidate>,
  on: string
): Either.Either<EvaluationBatch, StepError | EvaluationBatchTooLarge> => {
  if (candidates.length > MAX_BATCH_CANDIDATES)
    return Either.left(
      new EvaluationBatchTooLarge({
        field: "candidates",
        batchId: batch.id,
        count: candidates.length,
        max: MAX_BATCH_CANDIDATES
      })
    )
  return Either.map(checkStep(batch, "record_results", on), () => ({
    ...batch,
    status: "results_submitted" as const,
    resultsSubmittedOn: on,
    results: resultsOf(candidates)
  }))
}

export const markBatchIssued = (
  batch: EvaluationBatch,
  on: string
): Either.Either<EvaluationBatch, StepError> =>
  Either.map(checkStep(batch, "mark_issued", on), () => ({
    ...batch,
    status: "issued" as const,
    issuedOn: on
  }))

export const isPublished = (batch: Pick<EvaluationBatch, "status">): boolean =>
  PUBLISHED_STATUSES.includes(batch.status)

/** The batch's row of the public 附件2 list. */
export const listingOf = (batch: EvaluationBatch): EvaluationBatchListing => ({
  institution: { id: batch.institution.id, name: batch.institution.name },
  occupation:
    batch.occupation.workType === undefined
      ? { code: batch.occupation.code, name: batch.occupation.name }
      : { code: batch.occupation.code, name: batch.occupation.name, workType: batch.occupation.workType },
  level: batch.level,
  evaluationTime:
    batch.evaluationTime.until === undefined
      ? { from: batch.evaluationTime.from }
      : { from: batch.evaluationTime.from, until: batch.evaluationTime.until },
  contact: { name: batch.contact.name, phone: batch.contact.phone },
  regionCode: batch.regionCode
})

/** The passed candidates as rows of an issuance request (IssueBatchRequest) for the batch's occupation and level. */
export const issueCandidatesOf = (
  batch: EvaluationBatch,
  candidates: ReadonlyArray<EvaluationCandidate>
): Array<BatchCandidate> =>
  candidates
    .filter((c) => c.result === "passed")
    .map((c) => ({
      holder: c.holder,
      ...(c.employerUscc === undefined ? {} : { employerUscc: c.employerUscc }),
      occupationCode: batch.occupation.code,
      ...(batch.occupation.workType === undefined ? {} : { workType: batch.occupation.workType }),
      level: batch.level
    }))
