import { Either, ParseResult, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { EvaluationBatchListing } from "./EvaluationBatchListing.js"

const issues = (schema: Schema.Schema.AnyNoContext, input: unknown) => {
  const r = Schema.decodeUnknownEither(schema, { errors: "all" })(input)
  return Either.isLeft(r)
    ? ParseResult.ArrayFormatter.formatErrorSync(r.left).map((i) => [i.path.join("."), i.message])
    : []
}

const BATCH = {
  institution: { id: "inst-1", name: "南京某职业技能评价有限公司" },
  occupation: { code: "6-18-01-01", name: "车工", workType: "数控车工" },
  level: 4,
  evaluationTime: { from: "2024-05-10", until: "2024-05-12" },
  contact: { name: "张老师", phone: "025-80000000" },
  regionCode: "320102"
}

describe("54号·附件2 evaluation batch listing schema", () => {
  it("decodes a complete row", () => {
    expect(issues(EvaluationBatchListing, BATCH)).toEqual([])
  })

  it("names each missing or malformed field in Chinese", () => {
    expect(issues(EvaluationBatchListing, {})).toEqual([
      ["institution", "缺少评价机构"],
      ["occupation", "缺少评价职业"],
      ["level", "缺少评价等级"],
      ["evaluationTime", "缺少评价时间"],
      ["contact", "缺少联系方式"],
      ["regionCode", "缺少所在地区"]
    ])
    expect(
      issues(EvaluationBatchListing, {
        ...BATCH,
        occupation: { code: "6-18", name: "" },
        level: 0,
        evaluationTime: { from: "2024-05-12", until: "2024-05-10" },
        contact: { name: "张老师", phone: "x" }
      })
    ).toEqual([
      ["occupation.code", "职业编码应为 N-NN-NN-NN 格式，如 6-18-01-01"],
      ["occupation.name", "评价职业名称不能为空"],
      ["level", "评价等级应为1至5（五级/初级工至一级/高级技师）"],
      ["evaluationTime.until", "结束日期 2024-05-10 早于开始日期 2024-05-12"],
      ["contact.phone", "电话号码应为带区号的固定电话（如 025-83271773）、11位手机号码或5位服务号码"]
    ])
  })
})
