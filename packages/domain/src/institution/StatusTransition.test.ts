import { Either } from "effect"
import { describe, expect, it } from "vitest"
import type { StatusEntry } from "./CatalogueStatus.js"
import { appendStatus, replayHistory } from "./StatusTransition.js"

const admitted: StatusEntry = { status: "admitted", date: "2022-05-01", reason: "准入", actor: "hrss-320000" }

describe("54号·五 status transitions", () => {
  it("appends an allowed move", () => {
    const next = appendStatus([admitted], {
      ...admitted,
      status: "suspended",
      date: "2023-01-01",
      reason: "专项评估不合格"
    })
    expect(Either.isRight(next) && next.right.map((e) => e.status)).toEqual(["admitted", "suspended"])
  })

  it("refuses a move the catalogue does not allow with InvalidStatusTransition", () => {
    const removed = { ...admitted, status: "removed" as const, date: "2023-01-01" }
    const result = appendStatus([admitted, removed], { ...admitted, status: "suspended", date: "2023-02-01" })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left._tag).toBe("InvalidStatusTransition")
      expect(result.left).toMatchObject({
        field: "status",
        from: "removed",
        to: "suspended",
        date: "2023-02-01"
      })
      expect(result.left.message).toBe(
        "目录状态不能由“已移出目录”变更为“暂停评价”（能进能出：准入→暂停→恢复，准入或暂停→移出，移出→重新准入）"
      )
    }
  })

  it("refuses a first entry other than admission and an entry dated before the last", () => {
    const first = appendStatus([], { ...admitted, status: "removed" })
    expect(Either.isLeft(first) && first.left.from).toBeNull()
    const early = appendStatus([admitted], { ...admitted, status: "suspended", date: "2022-04-30" })
    expect(Either.isLeft(early) && early.left.message).toBe(
      "目录状态变更日期 2022-04-30 早于最近一次变更日期 2022-05-01"
    )
  })
})

describe("54号·五 replaying a status history", () => {
  const admitted: StatusEntry = {
    status: "admitted",
    date: "2022-05-01",
    reason: "准入",
    actor: "hrss-320000"
  }

  it("accepts a history of allowed moves in date order", () => {
    const history: ReadonlyArray<StatusEntry> = [
      admitted,
      { ...admitted, status: "removed", date: "2023-01-01" },
      { ...admitted, status: "admitted", date: "2024-01-01" }
    ]
    expect(replayHistory(history)).toEqual(Either.right(history))
  })

  it("refuses the first disallowed entry", () => {
    const result = replayHistory([admitted, { ...admitted, date: "2022-06-01" }])
    expect(Either.isLeft(result) && result.left).toMatchObject({ from: "admitted", to: "admitted" })
  })
})
