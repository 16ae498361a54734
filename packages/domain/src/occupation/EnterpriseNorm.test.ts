import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { EnterpriseNorm, normCovers } from "./EnterpriseNorm.js"

const EMPLOYER = "91320100MA0000015Q"
const OTHER = "91320500MA00000313"

describe("54号·三 enterprise evaluation norms (own staff only, filed)", () => {
  const norm = Schema.decodeUnknownSync(EnterpriseNorm)({
    id: "norm-1",
    title: "某公司企业评价规范",
    employerUscc: EMPLOYER,
    occupationCode: "6-31-01-10",
    levels: [5, 4, 3],
    filedWith: "centre-320100",
    filedOn: "2023-03-01"
  })
  it.each([
    [EMPLOYER, "2023-02-28", 4, false],
    [EMPLOYER, "2023-03-01", 4, true],
    [EMPLOYER, "2023-03-01", 2, false],
    [OTHER, "2023-03-01", 4, false]
  ] as const)("employer %s on %s at level %s: %s", (uscc, date, level, covers) => {
    expect(normCovers(norm, uscc, "6-31-01-10", undefined, level, date)).toBe(covers)
  })
})
