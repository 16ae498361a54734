import { Either, ParseResult, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { ASSESSMENT_RESULT_NAMES, QualityAssessment } from "./QualityAssessment.js"

const VALID = {
  institutionId: "inst-1",
  period: "2023-H1",
  assessedOn: "2023-06-10",
  assessor: { _tag: "provincial_appraisal_centre", name: "江苏省职业技能鉴定中心" },
  result: "qualified",
  findings: ""
}

const issues = (input: unknown) => {
  const r = Schema.decodeUnknownEither(QualityAssessment, { errors: "all" })(input)
  return Either.isLeft(r)
    ? ParseResult.ArrayFormatter.formatErrorSync(r.left).map((i) => [i.path.join("."), i.message])
    : []
}

describe("54号·五 quality assessment record", () => {
  it("accepts an assessment by the provincial centre or by a bureau", () => {
    expect(issues(VALID)).toEqual([])
    expect(
      issues({
        ...VALID,
        assessor: { _tag: "bureau", level: "city", regionCode: "320100", name: "南京市人力资源和社会保障局" },
        result: "rectification_required",
        findings: "考务记录不全"
      })
    ).toEqual([])
  })

  it("names the three results 合格 / 限期整改 / 不合格", () => {
    expect(ASSESSMENT_RESULT_NAMES).toEqual({
      qualified: "合格",
      rectification_required: "限期整改",
      unqualified: "不合格"
    })
    expect(issues({ ...VALID, result: "good" })).toEqual([
      ["result", "评估结论应为 qualified（合格）、rectification_required（限期整改）或 unqualified（不合格）"]
    ])
  })

  it("requires findings unless the result is 合格", () => {
    expect(issues({ ...VALID, result: "unqualified", findings: " " })).toEqual([
      ["findings", "评估结论为“不合格”时应写明评估发现的问题"]
    ])
  })

  it("refuses an assessment dated before its half-year or before 2022-05-01, and periods before 2022-H1", () => {
    expect(issues({ ...VALID, assessedOn: "2022-12-31" })[0]?.[0]).toBe("assessedOn")
    expect(issues({ ...VALID, period: "2022-H1", assessedOn: "2022-04-30" })[0]?.[0]).toBe("assessedOn")
    expect(issues({ ...VALID, period: "2021-H2" })[0]?.[0]).toBe("period")
  })

  it("says in Chinese which field is missing", () => {
    const { institutionId: _, ...rest } = VALID
    expect(issues(rest)).toEqual([["institutionId", "缺少机构编号"]])
  })
})
