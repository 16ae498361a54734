/**
 * Cumulative work in this or a related occupation, in full months ("累计从事本职业或相关职业工作N年(含)以上",
 * rules-research §3.1; 54号·一). A period includes its last day; overlapping or adjoining periods are merged so
 * no day counts twice; work after the application date, or before the date counting starts from (the prior
 * certificate's issue date), does not count. Each merged stretch counts its calendar months (as
 * time/LocalDate fullMonthsBetween); the odd days left by separate stretches are added up and every 30 of them
 * make one more month — a reading flagged provisional where it decides (WORK_MONTHS_CARRY_NOTE).
 * Arithmetic on day numbers only: no Date objects.
 */
import { Cite } from "../rule/Citation.js"
import type { ProvisionalNote } from "../rule/Decision.js"
import type { LocalDate } from "../time/LocalDate.js"
import { INFERRED, relationTo, UNRELATED } from "./OccupationRelation.js"

export interface WorkPeriodLike {
  readonly from: LocalDate
  readonly to: LocalDate
  readonly occupationCode: string
}

export interface WorkMonths {
  /** Full months, carried months included. */
  readonly months: number
  /** Months made up of the odd days of separate stretches (30 days each). */
  readonly carried: number
  /** true when a period counted only by the same-小类 inference (OccupationRelation). */
  readonly inferred: boolean
}

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export const dayNumberOf = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468
}

/** The day number of an ISO date string. */
export const dayNumber = (d: LocalDate): number =>
  dayNumberOf(
    digit(d, 0) * 1000 + digit(d, 1) * 100 + digit(d, 2) * 10 + digit(d, 3),
    digit(d, 5) * 10 + digit(d, 6),
    digit(d, 8) * 10 + digit(d, 9)
  )

/** A day number as y·10000 + m·100 + d (a number, so nothing is allocated). */
const civilOf = (n: number): number => {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return year * 10000 + month * 100 + day
}

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31

/** Full calendar months in [start, end) (day numbers) and the odd days after them, packed as months·32 + days. */
const monthsOfStretch = (start: number, end: number): number => {
  const s = civilOf(start)
  const e = civilOf(end)
  const sy = Math.floor(s / 10000)
  const sm = Math.floor(s / 100) % 100
  const sd = s % 100
  const ey = Math.floor(e / 10000)
  const em = Math.floor(e / 100) % 100
  const ed = e % 100
  let months = (ey - sy) * 12 + (em - sm)
  if (Math.min(sd, daysInMonth(ey, em)) > ed) months -= 1
  const total = sy * 12 + (sm - 1) + months
  const ay = Math.floor(total / 12)
  const am = (total % 12) + 1
  return months * 32 + (end - dayNumberOf(ay, am, Math.min(sd, daysInMonth(ay, am))))
}

const DAYS_PER_CARRIED_MONTH = 30

let starts = new Float64Array(8)
let ends = new Float64Array(8)

const ZERO: WorkMonths = { months: 0, carried: 0, inferred: false }

/**
 * Full months of work in `target` or a related occupation between `since` (inclusive; undefined = all) and
 * `until` (inclusive).
 */
export const workMonths = (
  periods: ReadonlyArray<WorkPeriodLike>,
  target: string,
  related: ReadonlyArray<string> | undefined,
  since: LocalDate | undefined,
  until: LocalDate
): WorkMonths => {
  const lo = since === undefined ? Number.NEGATIVE_INFINITY : dayNumber(since)
  const hi = dayNumber(until) + 1
  let inferred = false
  // Stretches as [start, end) day numbers, kept sorted by start (insertion sort: a handful of periods), in
  // module-level scratch arrays: the function is synchronous and not re-entrant, so nothing is allocated.
  if (starts.length < periods.length) {
    starts = new Float64Array(periods.length * 2)
    ends = new Float64Array(periods.length * 2)
  }
  let count = 0
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i] as WorkPeriodLike
    const relation = relationTo(p.occupationCode, target, related)
    if (relation === UNRELATED) continue
    const a = Math.max(dayNumber(p.from), lo)
    const b = Math.min(dayNumber(p.to) + 1, hi)
    if (b <= a) continue
    if (relation === INFERRED) inferred = true
    let j = count++
    while (j > 0 && (starts[j - 1] as number) > a) {
      starts[j] = starts[j - 1] as number
      ends[j] = ends[j - 1] as number
      j--
    }
    starts[j] = a
    ends[j] = b
  }
  if (count === 0) return ZERO
  let months = 0
  let odd = 0
  let stretches = 0
  let curStart = starts[0] as number
  let curEnd = ends[0] as number
  for (let i = 1; i <= count; i++) {
    const a = i < count ? (starts[i] as number) : Number.POSITIVE_INFINITY
    if (a <= curEnd) {
      curEnd = Math.max(curEnd, ends[i] as number)
      continue
    }
    const packed = monthsOfStretch(curStart, curEnd)
    months += Math.floor(packed / 32)
    odd += packed % 32
    stretches++
    if (i < count) {
      curStart = a
      curEnd = ends[i] as number
    }
  }
  const carried = stretches > 1 ? Math.floor(odd / DAYS_PER_CARRIED_MONTH) : 0
  return { months: months + carried, carried, inferred }
}

export const WORK_MONTHS_CARRY_RULE = "eligibility.work-months"

/** The note a decision carries when months made of odd days decided that a years requirement was met. */
export const WORK_MONTHS_CARRY_NOTE: ProvisionalNote = {
  rule: WORK_MONTHS_CARRY_RULE,
  reason: "多段不连续工作经历的零散天数累计，每30天折合1个月计入累计工作年限（规范未明确，按通行做法暂定）",
  citation: Cite.domainDecisions
}

/** "3年11个月" — months as years and months, for messages. */
export const formatMonths = (months: number): string => {
  const y = Math.floor(months / 12)
  const m = months % 12
  return y === 0 ? `${m}个月` : m === 0 ? `${y}年` : `${y}年${m}个月`
}
