import { describe, expect, it } from "vitest"
import { Cite } from "../rule/Citation.js"
import type { CompetitionPlanDraft } from "./CompetitionPlanListing.js"
import type { EvaluationBatchDraft } from "./EvaluationBatchListing.js"
import { competitionPlanCompleteness, evaluationBatchCompleteness } from "./ListingCompleteness.js"

const BATCH: EvaluationBatchDraft = {
  institution: { id: "inst-1", name: "南京某职业技能评价有限公司" },
  occupation: { code: "6-18-01-01", name: "车工", workType: "数控车工" },
  level: 4,
  evaluationTime: { from: "2024-05-10", until: "2024-05-12" },
  contact: { name: "张老师", phone: "025-80000000" },
  regionCode: "320102"
}

const PLAN: CompetitionPlanDraft = {
  host: "南京市总工会",
  eventName: "车工",
  time: { from: "2024-09-01" },
  participationConditions: "在宁参加基本养老保险一年以上的企业职工",
  registrationPhone: "025-80000001"
}

const failures = (d: ReturnType<typeof evaluationBatchCompleteness>) =>
  d.failures.map((f) => [f.code, f.field, f.message])

describe("54号·附件2 evaluation batch listing completeness", () => {
  it("allows a complete record, citing 附件2 and 54号·五", () => {
    const d = evaluationBatchCompleteness(BATCH)
    expect(d.outcome).toBe("allowed")
    expect(d.rule).toBe("quality.evaluation-batch-listing")
    expect(d.citations).toEqual([Cite.annex2, Cite.quality])
  })

  it("allows a single evaluation day and an occupation without 工种", () => {
    const { workType: _, ...occupation } = BATCH.occupation ?? {}
    expect(
      evaluationBatchCompleteness({ ...BATCH, occupation, evaluationTime: { from: "2024-05-10" } }).outcome
    ).toBe("allowed")
  })

  it("lists every missing column", () => {
    const d = evaluationBatchCompleteness({})
    expect(d.outcome).toBe("refused")
    expect(d.failures.every((f) => f.code === "FieldMissing" && f.citation === Cite.annex2)).toBe(true)
    expect(d.failures.map((f) => f.field)).toEqual([
      "institution.id",
      "institution.name",
      "occupation.code",
      "occupation.name",
      "level",
      "evaluationTime.from",
      "contact.name",
      "contact.phone",
      "regionCode"
    ])
    expect(d.failures[6]?.message).toBe("缺少联系人")
  })

  it("treats blank text as missing", () => {
    expect(
      failures(evaluationBatchCompleteness({ ...BATCH, contact: { name: "  ", phone: "025-80000000" } }))
    ).toEqual([["FieldMissing", "contact.name", "缺少联系人"]])
  })

  it("flags malformed values with what was seen and what is required", () => {
    const d = evaluationBatchCompleteness({
      ...BATCH,
      occupation: { code: "61801", name: "车工" },
      level: 6,
      evaluationTime: { from: "2024-05-12", until: "2024-05-10" },
      contact: { name: "张老师", phone: "80000000" },
      regionCode: "320571"
    })
    expect(d.failures.map((f) => [f.code, f.field, f.seen])).toEqual([
      ["FieldMalformed", "occupation.code", "61801"],
      ["FieldMalformed", "level", 6],
      ["FieldMalformed", "evaluationTime.until", "2024-05-10"],
      ["FieldMalformed", "contact.phone", "80000000"],
      ["FieldMalformed", "regionCode", "320571"]
    ])
    expect(d.failures[0]?.message).toBe(
      "评价职业编码“61801”不符合要求：《国家职业分类大典》职业编码 N-NN-NN-NN"
    )
    expect(d.failures[2]?.message).toBe("评价时间的结束日期 2024-05-10 早于开始日期 2024-05-12")
  })

  it("refuses an impossible date", () => {
    expect(
      evaluationBatchCompleteness({ ...BATCH, evaluationTime: { from: "2024-02-30" } }).failures.map(
        (f) => f.field
      )
    ).toEqual(["evaluationTime.from"])
  })

  it("answers not in force for an evaluation starting 2022-04-30, and applies from 2022-05-01", () => {
    expect(evaluationBatchCompleteness({ ...BATCH, evaluationTime: { from: "2022-04-30" } }).outcome).toBe(
      "not_in_force"
    )
    expect(evaluationBatchCompleteness({ ...BATCH, evaluationTime: { from: "2022-05-01" } }).outcome).toBe(
      "allowed"
    )
  })
})

describe("54号·附件3 competition plan listing completeness", () => {
  it("allows a complete plan, citing 附件3 and 54号·五", () => {
    const d = competitionPlanCompleteness(PLAN)
    expect(d.outcome).toBe("allowed")
    expect(d.rule).toBe("quality.competition-plan-listing")
    expect(d.citations).toEqual([Cite.annex3, Cite.quality])
  })

  it("lists every missing column, with 附件3 as citation", () => {
    const d = competitionPlanCompleteness({})
    expect(d.failures.map((f) => [f.code, f.field, f.citation])).toEqual([
      ["FieldMissing", "host", Cite.annex3],
      ["FieldMissing", "eventName", Cite.annex3],
      ["FieldMissing", "time.from", Cite.annex3],
      ["FieldMissing", "participationConditions", Cite.annex3],
      ["FieldMissing", "registrationPhone", Cite.annex3]
    ])
    expect(d.failures[4]?.message).toBe("缺少报名电话")
  })

  it("checks the registration phone and an optional region", () => {
    const d = competitionPlanCompleteness({ ...PLAN, registrationPhone: "报名请咨询", regionCode: "999999" })
    expect(d.failures.map((f) => [f.code, f.field])).toEqual([
      ["FieldMalformed", "registrationPhone"],
      ["FieldMalformed", "regionCode"]
    ])
  })

  it("answers not in force for a competition held before 2022-05-01", () => {
    expect(competitionPlanCompleteness({ ...PLAN, time: { from: "2022-04-30" } }).outcome).toBe(
      "not_in_force"
    )
  })
})
