import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { EvaluationBatchListing } from "../quality/EvaluationBatchListing.js"
import {
  type EvaluationBatch,
  EvaluationBatchPlan,
  type EvaluationCandidate,
  earliestFor,
  issueCandidatesOf,
  listingOf,
  MAX_BATCH_CANDIDATES,
  markBatchIssued,
  planBatch,
  publishBatch,
  submitResults
} from "./EvaluationBatch.js"

const ok = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw new Error(`expected success, got ${JSON.stringify(e.left)}`)
  return e.right
}
const fail = <A, E>(e: Either.Either<A, E>): E => {
  if (Either.isRight(e)) throw new Error("expected an error")
  return e.left
}

const planned = (over: Record<string, unknown> = {}): EvaluationBatch =>
  planBatch(
    Schema.decodeUnknownSync(EvaluationBatchPlan)({
      id: "eb_1",
      institution: { id: "inst_1", name: "江苏省某职业技能评价中心" },
      occupation: { code: "6-18-01-01", name: "车工", workType: "数控车工" },
      level: 3,
      evaluationTime: { from: "2024-05-10", until: "2024-05-12" },
      contact: { name: "王老师", phone: "025-83271773" },
      regionCode: "320102",
      plannedOn: "2024-04-01",
      ...over
    })
  )

const person = (n: number, result: EvaluationCandidate["result"]): EvaluationCandidate =>
  ({
    holder: { name: `考生${n}`, idType: "passport", idNumber: `E${n}` },
    ...(n === 1 ? { employerUscc: "91350100M000100Y43" } : {}),
    result
  }) as EvaluationCandidate

describe("EvaluationBatch (附件2 评价批次, 54号·五)", () => {
  it("moves planned → published → results_submitted → issued, dating each step", () => {
    const published = ok(publishBatch(planned(), "2024-04-02"))
    expect(published).toMatchObject({ status: "published", publishedOn: "2024-04-02" })
    const results = ok(submitResults(published, [person(1, "passed"), person(2, "failed")], "2024-05-12"))
    expect(results).toMatchObject({ status: "results_submitted", results: { candidates: 2, passed: 1 } })
    const again = ok(submitResults(results, [person(1, "passed")], "2024-05-13"))
    expect(again.results).toEqual({ candidates: 1, passed: 1 })
    expect(ok(markBatchIssued(again, "2024-05-20"))).toMatchObject({
      status: "issued",
      issuedOn: "2024-05-20"
    })
  })

  it("refuses a step from the wrong status", () => {
    expect(fail(markBatchIssued(planned(), "2024-05-20"))).toMatchObject({
      _tag: "EvaluationBatchStatusConflict",
      status: "planned",
      action: "mark_issued"
    })
    const published = ok(publishBatch(planned(), "2024-04-02"))
    const error = fail(publishBatch(published, "2024-04-03"))
    expect(error._tag).toBe("EvaluationBatchStatusConflict")
    expect(error.message).toBe("评价批次 eb_1 当前状态为“已公布”，不能公布")
  })

  it("refuses a step dated before the previous one, and results before the evaluation starts", () => {
    expect(fail(publishBatch(planned(), "2024-03-31"))).toMatchObject({
      _tag: "EvaluationBatchDateBeforePrevious",
      earliest: "2024-04-01"
    })
    const published = ok(publishBatch(planned(), "2024-04-02"))
    expect(earliestFor(published, "record_results")).toBe("2024-05-10")
    expect(fail(submitResults(published, [], "2024-05-09"))).toMatchObject({ earliest: "2024-05-10" })
    // A batch published after its evaluation: the publication date bounds the results.
    const late = ok(publishBatch(planned(), "2024-06-01"))
    expect(earliestFor(late, "record_results")).toBe("2024-06-01")
  })

  it(`refuses more than ${MAX_BATCH_CANDIDATES} candidates`, () => {
    const published = ok(publishBatch(planned(), "2024-04-02"))
    const many = Array.from({ length: MAX_BATCH_CANDIDATES + 1 }, (_, i) => person(i, "passed"))
    expect(fail(submitResults(published, many, "2024-05-12"))).toMatchObject({
      _tag: "EvaluationBatchTooLarge",
      count: MAX_BATCH_CANDIDATES + 1
    })
  })

  it("derives a well-formed 附件2 row, without the absent 工种 or end date", () => {
    const listing = listingOf(planned())
    expect(Schema.decodeUnknownSync(EvaluationBatchListing)(listing)).toEqual(listing)
    const oneDay = listingOf(
      planned({ evaluationTime: { from: "2024-05-10" }, occupation: { code: "6-18-01-01", name: "车工" } })
    )
    expect(oneDay.evaluationTime).toEqual({ from: "2024-05-10" })
    expect("workType" in oneDay.occupation).toBe(false)
  })

  it("turns the passed candidates into issuance rows of the batch's occupation and level", () => {
    const rows = issueCandidatesOf(planned(), [person(1, "passed"), person(2, "failed"), person(3, "absent")])
    expect(rows).toEqual([
      {
        holder: person(1, "passed").holder,
        employerUscc: "91350100M000100Y43",
        occupationCode: "6-18-01-01",
        workType: "数控车工",
        level: 3
      }
    ])
  })
})
