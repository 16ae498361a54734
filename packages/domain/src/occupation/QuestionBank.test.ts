import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { bankCovers, QuestionBank } from "./QuestionBank.js"

describe("54号·三 question banks", () => {
  const bank = Schema.decodeUnknownSync(QuestionBank)({
    id: "bank-1",
    occupationCode: "6-18-01-01",
    levels: [5, 4],
    approvedOn: "2022-06-01",
    expiresOn: "2024-05-31"
  })
  it.each([
    ["2022-05-31", 5, undefined, false],
    ["2022-06-01", 5, undefined, true],
    ["2024-05-31", 4, undefined, true],
    ["2024-06-01", 4, undefined, false],
    ["2023-01-01", 3, undefined, false],
    ["2023-01-01", 5, "数控车工", true]
  ] as const)("on %s at level %s (工种 %s) covers: %s", (date, level, workType, covers) => {
    expect(bankCovers(bank, "6-18-01-01", workType, level, date)).toBe(covers)
  })
  it("a 工种 bank does not cover the occupation as a whole or another 工种", () => {
    const wt = { ...bank, workType: "数控车工" }
    expect(bankCovers(wt, "6-18-01-01", "数控车工", 5, "2023-01-01")).toBe(true)
    expect(bankCovers(wt, "6-18-01-01", undefined, 5, "2023-01-01")).toBe(false)
    expect(bankCovers(wt, "6-18-01-01", "普通车工", 5, "2023-01-01")).toBe(false)
  })
  it("refuses an expiry before the approval", () => {
    expect(() =>
      Schema.decodeUnknownSync(QuestionBank)({ ...bank, approvedOn: "2024-01-01", expiresOn: "2023-12-31" })
    ).toThrow("题库失效日期不得早于审定日期")
  })
})
