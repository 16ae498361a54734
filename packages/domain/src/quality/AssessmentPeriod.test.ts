import { FastCheck } from "effect"
import { describe, expect, it } from "vitest"
import { isLocalDate, makeDate } from "../time/LocalDate.js"
import {
  FIRST_ASSESSMENT_PERIOD,
  isAssessmentPeriod,
  nextPeriod,
  periodEnd,
  periodName,
  periodOf,
  periodStart,
  periodsBetween,
  previousPeriod
} from "./AssessmentPeriod.js"

describe("54号·五 assessment half-years", () => {
  it("splits the year into H1 (Jan–Jun) and H2 (Jul–Dec)", () => {
    expect(periodOf("2023-01-01")).toBe("2023-H1")
    expect(periodOf("2023-06-30")).toBe("2023-H1")
    expect(periodOf("2023-07-01")).toBe("2023-H2")
    expect(periodOf("2023-12-31")).toBe("2023-H2")
    expect(periodStart("2024-H1")).toBe("2024-01-01")
    expect(periodEnd("2024-H1")).toBe("2024-06-30")
    expect(periodStart("2024-H2")).toBe("2024-07-01")
    expect(periodEnd("2024-H2")).toBe("2024-12-31")
    expect(periodName("2024-H2")).toBe("2024年下半年")
  })

  it("starts with 2022-H1, the half-year holding 2022-05-01", () => {
    expect(FIRST_ASSESSMENT_PERIOD).toBe("2022-H1")
  })

  it("steps across years and lists ranges inclusively", () => {
    expect(nextPeriod("2022-H2")).toBe("2023-H1")
    expect(previousPeriod("2023-H1")).toBe("2022-H2")
    expect(periodsBetween("2022-H1", "2023-H2")).toEqual(["2022-H1", "2022-H2", "2023-H1", "2023-H2"])
    expect(periodsBetween("2023-H1", "2022-H2")).toEqual([])
  })

  it("recognises period keys", () => {
    expect(isAssessmentPeriod("2023-H1")).toBe(true)
    expect(isAssessmentPeriod("2023-H3")).toBe(false)
    expect(isAssessmentPeriod("2023H1")).toBe(false)
  })

  it("puts every date inside its own period (property)", () => {
    FastCheck.assert(
      FastCheck.property(
        FastCheck.integer({ min: 2022, max: 2099 }),
        FastCheck.integer({ min: 1, max: 12 }),
        FastCheck.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const date = makeDate(y, m, d)
          if (!isLocalDate(date)) return true
          const p = periodOf(date)
          return periodStart(p) <= date && date <= periodEnd(p) && previousPeriod(nextPeriod(p)) === p
        }
      )
    )
  })
})
