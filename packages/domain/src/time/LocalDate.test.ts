import { FastCheck } from "effect"
import { describe, expect, it } from "vitest"
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  fullMonthsBetween,
  fullYearsBetween,
  isLocalDate,
  isRealDate,
  isWithin,
  makeDate
} from "./LocalDate.js"

const date = FastCheck.date({
  min: new Date("1950-01-01T00:00:00Z"),
  max: new Date("2080-12-31T00:00:00Z"),
  noInvalidDate: true
}).map((d) => d.toISOString().slice(0, 10))

describe("LocalDate (ISO calendar days)", () => {
  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2100, 2, 29, false],
    [2024, 4, 31, false],
    [2024, 12, 31, true],
    [2024, 13, 1, false],
    [2024, 1, 0, false],
    [999, 1, 1, false],
    [10000, 1, 1, false]
  ] as const)("isRealDate(%i, %i, %i) = %s", (y, m, d, expected) => {
    expect(isRealDate(y, m, d)).toBe(expected)
  })

  it("recognises YYYY-MM-DD strings of real dates only", () => {
    expect(isLocalDate("2024-02-29")).toBe(true)
    expect(isLocalDate("2023-02-29")).toBe(false)
    expect(isLocalDate("2024-2-29")).toBe(false)
    expect(isLocalDate("2024-02-29T00:00")).toBe(false)
    expect(makeDate(2024, 3, 5)).toBe("2024-03-05")
  })

  it("clamps addMonths to the end of a shorter month", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29")
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28")
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29")
    expect(addMonths("2024-05-31", 1)).toBe("2024-06-30")
    expect(addMonths("2024-12-15", 1)).toBe("2025-01-15")
    expect(addMonths("2024-01-15", -1)).toBe("2023-12-15")
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28")
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29")
  })

  it("counts full months: exactly 4 years is 48 months, one day short is 47", () => {
    expect(fullMonthsBetween("2020-05-01", "2024-05-01")).toBe(48)
    expect(fullMonthsBetween("2020-05-01", "2024-04-30")).toBe(47)
    expect(fullYearsBetween("2020-05-01", "2024-05-01")).toBe(4)
    expect(fullYearsBetween("2020-05-01", "2024-04-30")).toBe(3)
    expect(fullMonthsBetween("2023-05-01", "2024-05-01")).toBe(12)
    expect(fullMonthsBetween("2023-05-01", "2024-04-30")).toBe(11)
  })

  it("counts month ends with clamping and answers 0 for the same or an earlier day", () => {
    expect(fullMonthsBetween("2024-01-31", "2024-02-29")).toBe(1)
    expect(fullMonthsBetween("2024-01-31", "2024-02-28")).toBe(0)
    expect(fullMonthsBetween("2024-01-31", "2024-03-30")).toBe(1)
    expect(fullMonthsBetween("2024-05-01", "2024-05-01")).toBe(0)
    expect(fullMonthsBetween("2024-05-01", "2020-05-01")).toBe(0)
  })

  it("counts exactly n months to addMonths(d, n) (property)", () => {
    FastCheck.assert(
      FastCheck.property(
        date,
        FastCheck.integer({ min: 0, max: 240 }),
        (d, n) => fullMonthsBetween(d, addMonths(d, n)) === n
      )
    )
  })

  it("orders dates as strings and includes both ends of a period", () => {
    expect(compareDates("2024-01-01", "2024-01-02")).toBe(-1)
    expect(compareDates("2024-01-02", "2024-01-02")).toBe(0)
    expect(compareDates("2024-10-01", "2024-09-30")).toBe(1)
    expect(isWithin("2024-01-01", "2024-01-01", "2024-12-31")).toBe(true)
    expect(isWithin("2024-12-31", "2024-01-01", "2024-12-31")).toBe(true)
    expect(isWithin("2025-01-01", "2024-01-01", "2024-12-31")).toBe(false)
  })
})

describe("addDays and daysBetween", () => {
  it("crosses month, year and leap-day boundaries both ways", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29")
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01")
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01")
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29")
    expect(addDays("2026-11-26", 30)).toBe("2026-12-26")
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366)
    expect(daysBetween("2025-01-01", "2024-01-01")).toBe(-366)
    expect(daysBetween("2026-11-26", addDays("2026-11-26", 400))).toBe(400)
  })
})
