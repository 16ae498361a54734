import { describe, expect, it } from "vitest"
import {
  type CatalogueStatus,
  historyProblem,
  isAllowedTransition,
  type StatusEntry,
  statusOn,
  transitionName
} from "./CatalogueStatus.js"

const entry = (status: CatalogueStatus, date: string): StatusEntry => ({
  status,
  date,
  reason: "原因",
  actor: "hrss-320000"
})

const history = [
  entry("admitted", "2022-05-01"),
  entry("suspended", "2023-03-01"),
  entry("admitted", "2023-06-01"),
  entry("removed", "2024-01-01"),
  entry("admitted", "2024-09-01")
]

describe("54号·五 catalogue status with history (能进能出)", () => {
  it.each([
    ["2022-04-30", undefined],
    ["2022-05-01", "admitted"],
    ["2023-02-28", "admitted"],
    ["2023-03-01", "suspended"],
    ["2023-05-31", "suspended"],
    ["2023-06-01", "admitted"],
    ["2024-01-01", "removed"],
    ["2024-08-31", "removed"],
    ["2024-09-01", "admitted"]
  ] as const)("on %s the status is %s", (date, status) => {
    expect(statusOn(history, date)).toBe(status)
  })

  it("takes the later of two entries on the same day", () => {
    expect(statusOn([entry("admitted", "2023-01-01"), entry("suspended", "2023-01-01")], "2023-01-01")).toBe(
      "suspended"
    )
  })

  it.each([
    [undefined, "admitted", true, "准入"],
    [undefined, "suspended", false, "暂停"],
    [undefined, "removed", false, "移出"],
    ["admitted", "admitted", false, "准入"],
    ["admitted", "suspended", true, "暂停"],
    ["admitted", "removed", true, "移出"],
    ["suspended", "admitted", true, "恢复"],
    ["suspended", "suspended", false, "暂停"],
    ["suspended", "removed", true, "移出"],
    ["removed", "admitted", true, "重新准入"],
    ["removed", "suspended", false, "暂停"],
    ["removed", "removed", false, "移出"]
  ] as const)("%s → %s allowed: %s (%s)", (from, to, allowed, name) => {
    expect(isAllowedTransition(from, to)).toBe(allowed)
    expect(transitionName(from, to)).toBe(name)
  })

  it("finds the first problem of a history", () => {
    expect(historyProblem(history)).toBeUndefined()
    expect(historyProblem([entry("suspended", "2022-05-01")])).toEqual({ index: 0, problem: "transition" })
    expect(historyProblem([entry("admitted", "2023-01-01"), entry("suspended", "2022-12-31")])).toEqual({
      index: 1,
      problem: "date_order"
    })
  })
})
