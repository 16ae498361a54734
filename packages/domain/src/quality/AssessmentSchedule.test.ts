import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import type { CatalogueStatus, StatusEntry } from "../institution/CatalogueStatus.js"
import { Cite } from "../rule/Citation.js"
import { type AssessmentDone, assessmentSchedule, ListedInstitution } from "./AssessmentSchedule.js"

const entry = (status: CatalogueStatus, date: string): StatusEntry => ({
  status,
  date,
  reason: `${status} ${date}`,
  actor: "hrss-320000"
})
/** An institution with the status history given as [status, date] pairs. */
const listed = (...moves: ReadonlyArray<readonly [CatalogueStatus, string]>) => ({
  id: "inst-1",
  statusHistory: moves.map(([status, date]) => entry(status, date))
})

const INSTITUTION = listed(["admitted", "2022-03-01"])
const done = (period: string, assessedOn: string, institutionId = "inst-1"): AssessmentDone => ({
  institutionId,
  period,
  assessedOn
})

describe("54号·五 semiannual quality assessment schedule", () => {
  it("answers not in force before 2022-05-01 and applies from that day", () => {
    const before = assessmentSchedule(INSTITUTION, [], "2022-04-30")
    expect(before.decision.outcome).toBe("not_in_force")
    expect(before.due).toBeUndefined()
    const first = assessmentSchedule(INSTITUTION, [], "2022-05-01")
    expect(first.decision.outcome).toBe("due")
    expect(first.due).toBe("2022-H1")
    expect(first.overdue).toEqual([])
  })

  it("makes the current half-year due until it is assessed, with the deadline reading flagged provisional", () => {
    const s = assessmentSchedule(INSTITUTION, [done("2022-H1", "2022-06-15")], "2022-06-30")
    expect(s.decision.outcome).toBe("up_to_date")
    expect(s.due).toBeUndefined()
    expect(s.decision.rule).toBe("quality.assessment-schedule")
    expect(s.decision.citations).toEqual([Cite.quality])
    expect(s.decision.provisional.map((p) => p.citation)).toContain(Cite.quality)
    expect(s.decision.provisional[0]?.reason).toContain("最后一日前完成")
  })

  it("makes an unassessed half-year overdue the day after it ends", () => {
    const onLastDay = assessmentSchedule(INSTITUTION, [], "2022-06-30")
    expect(onLastDay.overdue).toEqual([])
    expect(onLastDay.due).toBe("2022-H1")
    const nextDay = assessmentSchedule(INSTITUTION, [], "2022-07-01")
    expect(nextDay.decision.outcome).toBe("overdue")
    expect(nextDay.overdue).toEqual(["2022-H1"])
    expect(nextDay.due).toBe("2022-H2")
    expect(nextDay.decision.failures.map((f) => [f.code, f.field, f.required, f.citation])).toEqual([
      ["AssessmentOverdue", "assessments", "2022-H1", Cite.quality]
    ])
    expect(nextDay.decision.failures[0]?.message).toBe(
      "2022年上半年（2022-01-01至2022-06-30）未开展技能人才评价质量专项评估，已逾期"
    )
  })

  it("lists every missed half-year since admission, oldest first", () => {
    const s = assessmentSchedule(INSTITUTION, [done("2022-H2", "2022-11-01")], "2024-03-01")
    expect(s.overdue).toEqual(["2022-H1", "2023-H1", "2023-H2"])
    expect(s.due).toBe("2024-H1")
  })

  it("counts a late assessment once it is recorded, and ignores records dated after the date asked about", () => {
    const late = [done("2022-H1", "2022-08-10")]
    expect(assessmentSchedule(INSTITUTION, late, "2022-08-09").overdue).toEqual(["2022-H1"])
    expect(assessmentSchedule(INSTITUTION, late, "2022-08-10").overdue).toEqual([])
  })

  it("ignores other institutions' assessments", () => {
    const s = assessmentSchedule(INSTITUTION, [done("2022-H1", "2022-06-01", "inst-2")], "2022-06-30")
    expect(s.due).toBe("2022-H1")
  })

  it("starts from the half-year of admission, flagging that reading", () => {
    const admitted = listed(["admitted", "2023-05-20"])
    expect(assessmentSchedule(admitted, [], "2023-05-19").decision.outcome).toBe("not_listed")
    const s = assessmentSchedule(admitted, [], "2024-01-02")
    expect(s.overdue).toEqual(["2023-H1", "2023-H2"])
    expect(s.decision.provisional).toHaveLength(2)
    expect(s.decision.provisional[1]?.reason).toContain("2023年上半年自 2023-05-20 起计入评估义务")
  })

  it("owes nothing new after removal, but keeps half-years missed while listed", () => {
    const removed = listed(["admitted", "2022-05-01"], ["removed", "2023-03-15"])
    const s = assessmentSchedule(removed, [done("2022-H1", "2022-06-01")], "2024-01-01")
    expect(s.overdue).toEqual(["2022-H2"])
    expect(s.due).toBeUndefined()
    const clean = assessmentSchedule(
      removed,
      [done("2022-H1", "2022-06-01"), done("2022-H2", "2022-12-01")],
      "2024-01-01"
    )
    expect(clean.decision.outcome).toBe("not_listed")
    expect(clean.overdue).toEqual([])
  })

  it("owes nothing for a half-year that ends in suspension, and nothing while suspended", () => {
    // Admitted 2022-05-01, suspended 2023-03-15 (暂停评价): 2023-H1 ends suspended.
    const suspended = listed(["admitted", "2022-05-01"], ["suspended", "2023-03-15"])
    const assessed = [done("2022-H1", "2022-06-01"), done("2022-H2", "2022-12-01")]
    const s = assessmentSchedule(suspended, assessed, "2023-10-01")
    expect(s.decision.outcome).toBe("suspended")
    expect(s.overdue).toEqual([])
    expect(s.due).toBeUndefined()
    expect(s.decision.failures).toEqual([])
    expect(s.decision.provisional.map((p) => p.reason).join()).toContain("暂停评价或已移出目录")
    // A half-year missed before the suspension stays overdue.
    const missed = assessmentSchedule(suspended, [done("2022-H1", "2022-06-01")], "2023-10-01")
    expect(missed.decision.outcome).toBe("overdue")
    expect(missed.overdue).toEqual(["2022-H2"])
  })

  it("starts owing again on re-admission (恢复): the half-year of the return is due, then overdue", () => {
    const history = listed(
      ["admitted", "2022-05-01"],
      ["suspended", "2023-03-15"],
      ["admitted", "2023-09-01"]
    )
    const assessed = [done("2022-H1", "2022-06-01"), done("2022-H2", "2022-12-01")]
    expect(assessmentSchedule(history, assessed, "2023-08-31").decision.outcome).toBe("suspended")
    const back = assessmentSchedule(history, assessed, "2023-09-01")
    expect(back.decision.outcome).toBe("due")
    expect(back.due).toBe("2023-H2")
    expect(back.overdue).toEqual([])
    expect(back.decision.provisional.map((p) => p.reason)).toContain(
      "2023年下半年自 2023-09-01 起计入评估义务（机构列入目录、恢复评价或通知施行的当半年即须评估），待业务主管部门确认"
    )
    const later = assessmentSchedule(history, assessed, "2024-01-02")
    expect(later.decision.outcome).toBe("overdue")
    expect(later.overdue).toEqual(["2023-H2"])
    expect(later.due).toBe("2024-H1")
    expect(later.decision.failures.map((f) => [f.code, f.required])).toEqual([
      ["AssessmentOverdue", "2023-H2"]
    ])
  })

  it("owes a half-year in which a suspension was lifted before its end", () => {
    const history = listed(
      ["admitted", "2022-05-01"],
      ["suspended", "2023-02-01"],
      ["admitted", "2023-04-01"]
    )
    const s = assessmentSchedule(
      history,
      [done("2022-H1", "2022-06-01"), done("2022-H2", "2022-12-01")],
      "2023-07-01"
    )
    expect(s.overdue).toEqual(["2023-H1"])
    expect(s.due).toBe("2023-H2")
  })

  it("starts owing again after removal and re-admission (重新准入)", () => {
    const history = listed(["admitted", "2022-05-01"], ["removed", "2022-10-01"], ["admitted", "2024-02-01"])
    const s = assessmentSchedule(history, [done("2022-H1", "2022-06-01")], "2024-08-01")
    expect(s.overdue).toEqual(["2024-H1"])
    expect(s.due).toBe("2024-H2")
  })

  it("answers not listed before the first admission or without any", () => {
    expect(assessmentSchedule(listed(), [], "2023-01-01").decision.outcome).toBe("not_listed")
    expect(assessmentSchedule(listed(["admitted", "2023-01-02"]), [], "2023-01-01").decision.outcome).toBe(
      "not_listed"
    )
  })

  it("takes an institution's catalogue record as decoded (ListedInstitution)", () => {
    const decoded = Schema.decodeUnknownSync(ListedInstitution)({
      id: "inst-1",
      statusHistory: [entry("admitted", "2022-05-01"), entry("suspended", "2022-08-01")]
    })
    expect(assessmentSchedule(decoded, [], "2022-09-01").overdue).toEqual(["2022-H1"])
    expect(() =>
      Schema.decodeUnknownSync(ListedInstitution)({
        id: "inst-1",
        statusHistory: [entry("suspended", "2022-05-01")]
      })
    ).toThrow("目录状态记录第1条的状态变更不允许")
  })
})
