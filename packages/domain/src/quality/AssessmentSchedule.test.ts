import { describe, expect, it } from "vitest"
import { Cite } from "../rule/Citation.js"
import { type AssessmentDone, assessmentSchedule } from "./AssessmentSchedule.js"

const INSTITUTION = { institutionId: "inst-1", admittedOn: "2022-03-01" }
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
    const admitted = { institutionId: "inst-1", admittedOn: "2023-05-20" }
    expect(assessmentSchedule(admitted, [], "2023-05-19").decision.outcome).toBe("not_listed")
    const s = assessmentSchedule(admitted, [], "2024-01-02")
    expect(s.overdue).toEqual(["2023-H1", "2023-H2"])
    expect(s.decision.provisional).toHaveLength(2)
    expect(s.decision.provisional[1]?.reason).toContain("2023年上半年自 2023-05-20 起计入评估义务")
  })

  it("owes nothing new after removal, but keeps half-years missed while listed", () => {
    const removed = { institutionId: "inst-1", admittedOn: "2022-05-01", removedOn: "2023-03-15" }
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
})
