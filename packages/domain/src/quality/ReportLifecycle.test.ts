import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import type { Report, ReportSubmission } from "./Report.js"
import { statusView } from "./Report.js"
import {
  allowedCommands,
  assignReport,
  openReport,
  ReportAssignment,
  ReportResolution,
  ReportVerification,
  recordVerification,
  resolveReport
} from "./ReportLifecycle.js"

const CLERK = { id: "staff-1", name: "王受理" }
const HANDLER = { id: "staff-2", name: "李核查" }
const CHIEF = { id: "staff-3", name: "赵科长" }

const SUBMISSION: ReportSubmission = {
  regionCode: "320100",
  channel: "hotline",
  subject: "某机构违规发放证书",
  details: "未参加考试即取得四级证书",
  receivedBy: CLERK
}

const opened = openReport("rpt_1", "JB2222222223", SUBMISSION, "2024-03-01")

const right = (r: Either.Either<Report, unknown>): Report => {
  if (Either.isLeft(r)) throw new Error(`unexpected ${String(r.left)}`)
  return r.right
}
const left = <E>(r: Either.Either<Report, E>): E => {
  if (Either.isRight(r)) throw new Error("expected a refusal")
  return r.left
}

const verifying = right(
  assignReport(opened, { actor: CHIEF, handler: HANDLER, note: "请核实" }, "2024-03-02")
)

describe("54号·五 report lifecycle", () => {
  it("opens a report as received, recording who took it in", () => {
    expect(opened.state).toEqual({ _tag: "received" })
    expect(opened.history).toEqual([{ action: "received", actor: CLERK, on: "2024-03-01", note: "" }])
    expect(opened).not.toHaveProperty("receivedBy")
    const { receivedBy: _clerk, ...unreceived } = SUBMISSION
    const online = openReport("rpt_2", "JB2222222224", { ...unreceived, channel: "online" }, "2024-03-01")
    expect(online.history[0]?.actor).toEqual({ id: "public", name: "举报人" })
  })

  it("moves received → verifying on assignment, recording actor, date, note and handler", () => {
    expect(verifying.state).toEqual({ _tag: "verifying", handler: HANDLER })
    expect(verifying.history[1]).toEqual({
      action: "assigned",
      actor: CHIEF,
      on: "2024-03-02",
      note: "请核实",
      handler: HANDLER
    })
    expect(opened.state._tag).toBe("received")
  })

  it("allows reassignment while verifying", () => {
    const other = { id: "staff-4", name: "周核查" }
    const r = right(assignReport(verifying, { actor: CHIEF, handler: other, note: "" }, "2024-03-03"))
    expect(r.state).toEqual({ _tag: "verifying", handler: other })
  })

  it("records verification notes only while verifying, and requires the note", () => {
    const r = right(recordVerification(verifying, { actor: HANDLER, note: "调取考务记录" }, "2024-03-05"))
    expect(r.state).toEqual(verifying.state)
    expect(r.history.at(-1)).toEqual({
      action: "verification_recorded",
      actor: HANDLER,
      on: "2024-03-05",
      note: "调取考务记录"
    })
    const early = left(recordVerification(opened, { actor: HANDLER, note: "x" }, "2024-03-05"))
    expect(early._tag).toBe("ReportTransitionInvalid")
    expect(early.field).toBe("state")
    expect(early.message).toBe("举报 rpt_1 当前状态为“已受理待核实”，不能记录核实情况")
    const blank = left(recordVerification(verifying, { actor: HANDLER, note: " " }, "2024-03-05"))
    expect(blank._tag).toBe("ReportNoteMissing")
    expect(blank.field).toBe("note")
    expect(blank.message).toBe("记录核实情况时应填写说明")
  })

  it.each(["substantiated", "partly_substantiated", "unsubstantiated"] as const)(
    "resolves a verified report as %s, and then it is closed",
    (outcome) => {
      const r = right(resolveReport(verifying, { actor: CHIEF, outcome, note: "已处理" }, "2024-03-10"))
      expect(r.state).toEqual({ _tag: "resolved", outcome, resolvedOn: "2024-03-10" })
      expect(r.history.at(-1)).toEqual({
        action: "resolved",
        actor: CHIEF,
        on: "2024-03-10",
        note: "已处理",
        outcome
      })
      expect(allowedCommands(r)).toEqual([])
      expect(left(assignReport(r, { actor: CHIEF, handler: HANDLER, note: "" }, "2024-03-11"))._tag).toBe(
        "ReportTransitionInvalid"
      )
      expect(left(resolveReport(r, { actor: CHIEF, outcome, note: "再次" }, "2024-03-11"))._tag).toBe(
        "ReportTransitionInvalid"
      )
    }
  )

  it("refuses a verified outcome before verification, and 不予受理 after it", () => {
    const unverified = left(
      resolveReport(opened, { actor: CHIEF, outcome: "substantiated", note: "x" }, "2024-03-02")
    )
    expect(unverified._tag).toBe("ReportTransitionInvalid")
    expect(unverified.message).toBe("举报 rpt_1 当前状态为“已受理待核实”，不能办结")
    const late = left(
      resolveReport(verifying, { actor: CHIEF, outcome: "not_accepted", note: "x" }, "2024-03-03")
    )
    expect(late._tag).toBe("ReportTransitionInvalid")
    expect(late.message).toBe("举报 rpt_1 当前状态为“核实中”，不能作出不予受理决定")
  })

  it("allows 不予受理 at intake, with a reason", () => {
    const r = right(
      resolveReport(
        opened,
        { actor: CHIEF, outcome: "not_accepted", note: "不属于证书发放事项" },
        "2024-03-01"
      )
    )
    expect(r.state).toEqual({ _tag: "resolved", outcome: "not_accepted", resolvedOn: "2024-03-01" })
    expect(
      left(resolveReport(opened, { actor: CHIEF, outcome: "not_accepted", note: "" }, "2024-03-01"))._tag
    ).toBe("ReportNoteMissing")
  })

  it("refuses a step dated before the previous one", () => {
    const e = left(assignReport(verifying, { actor: CHIEF, handler: HANDLER, note: "" }, "2024-03-01"))
    expect(e._tag).toBe("ReportEventOutOfOrder")
    expect(e.field).toBe("on")
    expect(e.message).toBe("记录日期 2024-03-01 早于举报 rpt_1 上一次记录的日期 2024-03-02")
  })

  it("starts at revision 1 and raises it by one with each step, never on a refused one", () => {
    expect(opened.revision).toBe(1)
    expect(verifying.revision).toBe(2)
    const verified = right(recordVerification(verifying, { actor: HANDLER, note: "已核实" }, "2024-03-03"))
    expect(verified.revision).toBe(3)
    const resolved = right(
      resolveReport(verified, { actor: CHIEF, outcome: "unsubstantiated", note: "不属实" }, "2024-03-04")
    )
    expect(resolved.revision).toBe(4)
    expect(Either.isLeft(recordVerification(verifying, { actor: HANDLER, note: "" }, "2024-03-03"))).toBe(
      true
    )
    expect(verifying.revision).toBe(2)
  })

  it("decodes the handling requests with their expected revision, refusing bad ones with zh-CN messages", () => {
    const decode = <A, I>(schema: Schema.Schema<A, I>, value: unknown) =>
      Either.mapLeft(Schema.decodeUnknownEither(schema)(value), (e) => e.message)
    expect(decode(ReportAssignment, { expectedRevision: 1, handler: HANDLER })).toEqual(
      Either.right({ expectedRevision: 1, handler: HANDLER, note: "" })
    )
    expect(decode(ReportVerification, { expectedRevision: 2, note: "核实" })).toEqual(
      Either.right({ expectedRevision: 2, note: "核实" })
    )
    const refused = (schema: Schema.Schema.AnyNoContext, value: unknown, text: string) => {
      const r = decode(schema as Schema.Schema<unknown, unknown>, value)
      expect(Either.isLeft(r) ? r.left : "").toContain(text)
    }
    refused(ReportAssignment, { handler: HANDLER }, "缺少版本号")
    refused(ReportAssignment, { expectedRevision: 0, handler: HANDLER }, "版本号应为不小于1的整数")
    refused(ReportAssignment, { expectedRevision: 1.5, handler: HANDLER }, "版本号应为不小于1的整数")
    refused(ReportAssignment, { expectedRevision: "1", handler: HANDLER }, "版本号应为不小于1的整数")
    refused(ReportAssignment, { expectedRevision: 1 }, "缺少核实人员")
    refused(ReportVerification, { expectedRevision: 1, note: "x".repeat(2001) }, "说明不能超过2000个字符")
    refused(ReportResolution, { expectedRevision: 1, outcome: "closed", note: "x" }, "办结结论应为")
    refused(ReportResolution, { expectedRevision: 1, outcome: "unsubstantiated" }, "缺少办结说明")
  })

  it("lists the commands each state admits", () => {
    expect(allowedCommands(opened)).toEqual(["assign", "resolve_not_accepted"])
    expect(allowedCommands(verifying)).toEqual(["assign", "record_verification", "resolve"])
  })

  it("shows the reporter the state and outcome, never handlers or notes", () => {
    const resolved = right(
      resolveReport(verifying, { actor: CHIEF, outcome: "partly_substantiated", note: "内部" }, "2024-03-09")
    )
    expect(statusView(opened)).toEqual({
      trackingCode: "JB2222222223",
      state: "received",
      stateName: "已受理待核实",
      receivedOn: "2024-03-01",
      updatedOn: "2024-03-01"
    })
    expect(statusView(resolved)).toEqual({
      trackingCode: "JB2222222223",
      state: "resolved",
      stateName: "已办结",
      outcome: "partly_substantiated",
      outcomeName: "部分属实",
      receivedOn: "2024-03-01",
      updatedOn: "2024-03-09"
    })
  })
})
