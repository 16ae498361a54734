import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { checkCharacter } from "../codes/ResidentIdNumber.js"
import { duplicateCandidate, passedCandidatesOf, submissionMismatch } from "./BatchSubmission.js"
import { EvaluationBatchPlan, planBatch } from "./EvaluationBatch.js"
import { IssueBatchRequest } from "./IssueBatchRequest.js"

const batch = planBatch(
  Schema.decodeUnknownSync(EvaluationBatchPlan)({
    id: "eb_1",
    institution: { id: "inst_1", name: "江苏省某职业技能评价中心" },
    occupation: { code: "6-18-01-01", name: "车工", workType: "数控车工" },
    level: 3,
    evaluationTime: { from: "2024-05-10" },
    contact: { name: "王老师", phone: "025-83271773" },
    regionCode: "320102",
    plannedOn: "2024-04-01"
  })
)

const id = (n: number) => {
  const first17 = `32010219900101${String(n).padStart(3, "0")}`
  return first17 + checkCharacter(first17)
}

/** A row; a field given as undefined is left out. */
const row = (n: number, over: Record<string, unknown> = {}) =>
  Object.fromEntries(
    Object.entries({
      holder: { name: `考生${n}`, idType: "resident_id", idNumber: id(n) },
      occupationCode: "6-18-01-01",
      workType: "数控车工",
      level: 3,
      ...over
    }).filter(([, v]) => v !== undefined)
  )

const request = (candidates: ReadonlyArray<unknown>, over: Record<string, unknown> = {}) =>
  Schema.decodeUnknownSync(IssueBatchRequest)({
    batchId: "eb_1",
    institutionId: "inst_1",
    issuedOn: "2024-05-20",
    evaluationRegion: "320102",
    candidates,
    ...over
  })

describe("BatchSubmission (54号·四 谁评价、谁发证; 附件2)", () => {
  it("accepts rows of the batch's occupation, 工种 and level from its institution and region", () => {
    expect(submissionMismatch(batch, request([row(1), row(2)]))).toBeUndefined()
  })

  it.each([
    [{ institutionId: "inst_2" }, "institutionId", "评价机构", "inst_1", "inst_2"],
    [{ evaluationRegion: "320105" }, "evaluationRegion", "评价所在地区", "320102", "320105"]
  ])("refuses a header of another batch %j", (over, field, subject, expected, seen) => {
    expect(submissionMismatch(batch, request([row(1)], over))).toMatchObject({
      _tag: "BatchSubmissionMismatch",
      field,
      subject,
      expected,
      seen,
      count: 1
    })
  })

  it("names the first row of another occupation, 工种 or level and counts them all", () => {
    const mismatch = submissionMismatch(
      batch,
      request([
        row(1),
        row(2, { level: 4 }),
        row(3, { workType: undefined }),
        row(4, { occupationCode: "6-18-01-02" })
      ])
    )
    expect(mismatch).toMatchObject({
      field: "candidates.1.level",
      subject: "第2名考生的证书等级",
      expected: "三级/高级工",
      seen: "四级/中级工",
      count: 3
    })
    expect(mismatch?.message).toContain("共 3 处不符")
    expect(submissionMismatch(batch, request([row(1, { workType: undefined })]))).toMatchObject({
      field: "candidates.0.workType",
      expected: "数控车工",
      seen: "（无）"
    })
  })

  it("finds a person listed twice (same ID type and number), naming both rows", () => {
    expect(duplicateCandidate(request([row(1), row(2)]))).toBeUndefined()
    const twice = duplicateCandidate(
      request([
        row(1),
        row(2),
        row(3),
        row(2, { holder: { name: "别名", idType: "resident_id", idNumber: id(2) } })
      ])
    )
    expect(twice).toMatchObject({ field: "candidates.3.holder.idNumber", index: 3, firstIndex: 1 })
    expect(twice?.message).toContain("第4名考生与第2名为同一人")
    const passport = { name: "外籍", idType: "passport", idNumber: id(1) }
    expect(duplicateCandidate(request([row(1), row(5, { holder: passport })]))).toBeUndefined()
  })

  it("records every submitted row as passed, keeping the employer", () => {
    const rows = passedCandidatesOf(request([row(1), row(2, { employerUscc: "91350100M000100Y43" })]))
    expect(rows.map((r) => r.result)).toEqual(["passed", "passed"])
    expect(rows[1]?.employerUscc).toBe("91350100M000100Y43")
    expect("employerUscc" in (rows[0] ?? {})).toBe(false)
  })
})
