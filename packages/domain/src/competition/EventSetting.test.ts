import { describe, expect, it } from "vitest"
import type { CompetitionEvent, EventOccupation } from "./Competition.js"
import { eventSetting } from "./EventSetting.js"

const welder: EventOccupation = { code: "6-18-02-04", name: "焊工" }
const electrician: EventOccupation = { code: "6-31-01-03", name: "电工" }
const event = (over: Partial<CompetitionEvent> = {}): CompetitionEvent => ({
  name: "焊工赛项",
  occupations: [welder],
  scope: "whole",
  ...over
})

describe("54号·三 以单个职业（工种）为单位设置赛项", () => {
  it("allows one whole occupation, or one 工种 of it, per event", () => {
    for (const events of [
      [event()],
      [event({ occupations: [{ ...welder, workType: "电焊工", inCatalogue: true }] })]
    ]) {
      const d = eventSetting(events)
      expect(d.outcome).toBe("allowed")
      expect(d.rule).toBe("competition.event-setting")
      expect(d.citations).toEqual(["54号·三", "54号·四"])
      expect(d.failures).toEqual([])
    }
  })

  it("refuses an event naming two occupations", () => {
    const d = eventSetting([event({ name: "综合赛项", occupations: [welder, electrician] })])
    expect(d.outcome).toBe("refused")
    expect(d.failures).toEqual([
      expect.objectContaining({
        code: "EventSpansSeveralOccupations",
        field: "events[0].occupations",
        seen: ["6-18-02-04", "6-31-01-03"],
        required: 1,
        citation: "54号·三"
      })
    ])
    expect(d.failures[0]?.message).toContain("涉及 2 个职业（工种）")
  })

  it("refuses an event naming two 工种 of one occupation", () => {
    const d = eventSetting([
      event({
        occupations: [
          { ...welder, workType: "电焊工" },
          { ...welder, workType: "气焊工" }
        ]
      })
    ])
    expect(d.failures.map((f) => [f.code, f.seen])).toEqual([
      ["EventSpansSeveralOccupations", ["6-18-02-04·电焊工", "6-18-02-04·气焊工"]]
    ])
  })

  it("refuses an event without an occupation, and a competition without events", () => {
    expect(eventSetting([event({ occupations: [] })]).failures.map((f) => [f.code, f.field, f.seen])).toEqual(
      [["EventWithoutOccupation", "events[0].occupations", 0]]
    )
    expect(eventSetting([]).failures.map((f) => f.code)).toEqual(["CompetitionWithoutEvents"])
  })
})

describe("54号·四 严禁以职业（工种）部分工作内容作为竞赛赛项", () => {
  it("refuses an event that declares only part of an occupation's content", () => {
    const d = eventSetting([event({ scope: "partial" })])
    expect(d.outcome).toBe("refused")
    expect(d.failures).toEqual([
      expect.objectContaining({
        code: "EventPartialOccupation",
        field: "events[0].scope",
        seen: "partial",
        required: "whole",
        citation: "54号·四"
      })
    ])
  })
})

describe("54号·三 大典 major categories 3–6", () => {
  const cases: ReadonlyArray<readonly [string, boolean]> = [
    ["1-01-00-01", false],
    ["2-02-07-01", false],
    ["3-01-01-01", true],
    ["4-01-01-01", true],
    ["5-01-01-01", true],
    ["6-18-02-04", true],
    ["7-01-00-00", false],
    ["8-00-00-00", false]
  ]
  it.each(cases)("occupation %s certifiable: %s", (code, ok) => {
    const d = eventSetting([event({ occupations: [{ code, name: "某职业" }] })])
    expect(d.outcome).toBe(ok ? "allowed" : "refused")
    if (!ok)
      expect(d.failures).toEqual([
        expect.objectContaining({
          code: "OccupationNotCertifiable",
          field: "events[0].occupations[0].code",
          seen: code,
          required: ["3", "4", "5", "6"],
          citation: "54号·三"
        })
      ])
  })

  it("refuses a category-2 (professional) occupation with a message naming the category", () => {
    const d = eventSetting([event({ occupations: [{ code: "2-02-07-01", name: "软件工程技术人员" }] })])
    expect(d.failures[0]?.message).toContain("第2大类")
  })

  it("refuses a malformed code", () => {
    expect(eventSetting([event({ occupations: [{ code: "6-18", name: "焊工" }] })]).failures).toEqual([
      expect.objectContaining({ code: "OccupationCodeInvalid", field: "events[0].occupations[0].code" })
    ])
  })

  it("never trusts a client's inCatalogue flag: the catalogue check is occupation/Certifiable's", () => {
    for (const inCatalogue of [true, false])
      expect(eventSetting([event({ occupations: [{ ...welder, inCatalogue }] })]).failures).toEqual([])
    const notCertifiable = eventSetting([
      event({ occupations: [{ code: "2-02-07-01", name: "软件工程技术人员", inCatalogue: true }] })
    ])
    expect(notCertifiable.failures.map((f) => f.code)).toEqual(["OccupationNotCertifiable"])
  })

  it("lists every failure of every event", () => {
    const d = eventSetting([
      event(),
      event({
        name: "拼盘赛项",
        scope: "partial",
        occupations: [welder, { code: "2-02-07-01", name: "软件" }]
      })
    ])
    expect(d.failures.map((f) => [f.code, f.field])).toEqual([
      ["EventSpansSeveralOccupations", "events[1].occupations"],
      ["EventPartialOccupation", "events[1].scope"],
      ["OccupationNotCertifiable", "events[1].occupations[1].code"]
    ])
  })
})
