import { Either, ParseResult, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { CompetitionPlanListing } from "./CompetitionPlanListing.js"

const issues = (input: unknown) => {
  const r = Schema.decodeUnknownEither(CompetitionPlanListing, { errors: "all" })(input)
  return Either.isLeft(r)
    ? ParseResult.ArrayFormatter.formatErrorSync(r.left).map((i) => [i.path.join("."), i.message])
    : []
}

describe("54号·附件3 competition plan listing schema", () => {
  const PLAN = {
    host: "南京市总工会",
    eventName: "车工",
    time: { from: "2024-09-01", until: "2024-09-03" },
    participationConditions: "在宁参加基本养老保险一年以上的企业职工",
    registrationPhone: "025-80000001"
  }
  it("decodes a complete row, with or without a region", () => {
    expect(issues(PLAN)).toEqual([])
    expect(issues({ ...PLAN, regionCode: "320100" })).toEqual([])
  })
  it("names each missing field in Chinese", () => {
    expect(issues({})).toEqual([
      ["host", "缺少主办单位"],
      ["eventName", "缺少赛项名称"],
      ["time", "缺少举办时间"],
      ["participationConditions", "缺少参赛条件"],
      ["registrationPhone", "缺少报名电话"]
    ])
  })
})
