import { describe, expect, it } from "vitest"
import { fullMonthsBetween } from "../time/LocalDate.js"
import { dayNumber, formatMonths, workMonths } from "./WorkMonths.js"

const OCC = "6-18-01-01"
const SAME_MINOR = "6-18-01-02"
const OTHER = "4-07-05-01"
const p = (from: string, to: string, occupationCode = OCC) => ({ from, to, occupationCode })

describe("54号·一 cumulative work in full months (累计从事…N年(含)以上)", () => {
  it.each([
    ["exactly 4 years (a period includes its last day)", [p("2018-05-01", "2022-04-30")], 48],
    ["3 years 11 months", [p("2018-06-01", "2022-04-30")], 47],
    ["3 years 11 months and 30 days", [p("2018-05-02", "2022-04-30")], 47],
    ["a single day", [p("2022-01-10", "2022-01-10")], 0],
    ["January 31 through February 27 of a leap year is not yet a month", [p("2024-01-31", "2024-02-27")], 0],
    [
      "January 31 through February 28 of a leap year is one month (month-end clamping)",
      [p("2024-01-31", "2024-02-28")],
      1
    ],
    [
      "overlapping periods are not counted twice",
      [p("2018-05-01", "2020-04-30"), p("2019-05-01", "2022-04-30")],
      48
    ],
    [
      "a period inside another adds nothing",
      [p("2018-05-01", "2022-04-30"), p("2019-01-01", "2019-12-31")],
      48
    ],
    [
      "adjoining periods join into one stretch",
      [p("2018-05-01", "2019-05-15"), p("2019-05-16", "2022-04-30")],
      48
    ],
    ["periods listed out of order", [p("2020-05-01", "2022-04-30"), p("2018-05-01", "2020-04-30")], 48]
  ])("%s", (_name, periods, months) => {
    expect(workMonths(periods, OCC, undefined, undefined, "2030-01-01").months).toBe(months)
  })

  it("counts only up to the application date (inclusive)", () => {
    const w = workMonths([p("2018-05-01", "2030-12-31")], OCC, undefined, undefined, "2022-04-30")
    expect(w.months).toBe(48)
    expect(workMonths([p("2018-05-01", "2030-12-31")], OCC, undefined, undefined, "2022-04-29").months).toBe(
      47
    )
  })

  it("counts only from the start date when one is given (取得证书后)", () => {
    const w = workMonths([p("2010-01-01", "2022-04-30")], OCC, undefined, "2018-05-01", "2022-06-01")
    expect(w.months).toBe(48)
  })

  it("counts related occupations: listed by the standard, or the same 小类 when none are listed (flagged)", () => {
    const periods = [p("2018-05-01", "2020-04-30", SAME_MINOR), p("2020-05-01", "2022-04-30")]
    const inferred = workMonths(periods, OCC, undefined, undefined, "2022-05-01")
    expect(inferred).toEqual({ months: 48, carried: 0, inferred: true })
    expect(workMonths(periods, OCC, [SAME_MINOR], undefined, "2022-05-01")).toEqual({
      months: 48,
      carried: 0,
      inferred: false
    })
    expect(workMonths(periods, OCC, [], undefined, "2022-05-01").months).toBe(24)
    expect(
      workMonths([p("2018-05-01", "2022-04-30", OTHER)], OCC, undefined, undefined, "2022-05-01").months
    ).toBe(0)
  })

  it("adds up the odd days of separate stretches, 30 days to a month", () => {
    // 5 months 20 days + 5 months 20 days with a gap = 10 months + 40 days → 11 months, 1 of them carried
    const w = workMonths(
      [p("2020-01-01", "2020-06-20"), p("2021-01-01", "2021-06-20")],
      OCC,
      undefined,
      undefined,
      "2022-01-01"
    )
    expect(w).toEqual({ months: 11, carried: 1, inferred: false })
  })

  it("agrees with LocalDate.fullMonthsBetween for a single stretch", () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ["2019-03-31", "2019-04-30"],
      ["2020-02-29", "2021-02-28"],
      ["2016-08-15", "2024-11-03"],
      ["2023-12-31", "2024-02-29"]
    ]
    for (const [from, endExclusive] of cases) {
      const to = new Date(
        Date.UTC(+endExclusive.slice(0, 4), +endExclusive.slice(5, 7) - 1, +endExclusive.slice(8, 10) - 1)
      )
        .toISOString()
        .slice(0, 10)
      expect(workMonths([p(from, to)], OCC, undefined, undefined, "2030-01-01").months).toBe(
        fullMonthsBetween(from, endExclusive)
      )
    }
  })

  it("numbers days like the calendar", () => {
    expect(dayNumber("1970-01-01")).toBe(0)
    expect(dayNumber("2000-03-01") - dayNumber("2000-02-28")).toBe(2)
    expect(dayNumber("2022-05-01") - dayNumber("2021-05-01")).toBe(365)
    expect(formatMonths(47)).toBe("3年11个月")
    expect(formatMonths(48)).toBe("4年")
    expect(formatMonths(5)).toBe("5个月")
  })
})
