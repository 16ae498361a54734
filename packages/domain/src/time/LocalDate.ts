/**
 * Calendar dates as ISO strings `YYYY-MM-DD` (no time zone: the notice's dates are Beijing calendar days).
 * ISO strings compare correctly as strings, which keeps date checks in rules allocation-free.
 */

export type LocalDate = string

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31

/** true for a real Gregorian date (y, m, d), year 1000–9999. */
export const isRealDate = (year: number, month: number, day: number): boolean =>
  Number.isInteger(year) &&
  Number.isInteger(month) &&
  Number.isInteger(day) &&
  year >= 1000 &&
  year <= 9999 &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= daysInMonth(year, month)

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export const isLocalDate = (s: string): boolean => {
  const m = DATE.exec(s)
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

export const makeDate = (year: number, month: number, day: number): LocalDate =>
  `${year}-${pad2(month)}-${pad2(day)}`

export const yearOf = (d: LocalDate): number => Number(d.slice(0, 4))
export const monthOf = (d: LocalDate): number => Number(d.slice(5, 7))
export const dayOf = (d: LocalDate): number => Number(d.slice(8, 10))

/** Negative, zero or positive as a is before, on or after b. */
export const compareDates = (a: LocalDate, b: LocalDate): number => (a < b ? -1 : a > b ? 1 : 0)

/** from ≤ d ≤ until, both ends inclusive (a validity period includes its last day). */
export const isWithin = (d: LocalDate, from: LocalDate, until: LocalDate): boolean => d >= from && d <= until

/** Adds whole months; a day past the end of the target month is clamped (2024-01-31 + 1 month = 2024-02-29). */
export const addMonths = (d: LocalDate, months: number): LocalDate => {
  const total = yearOf(d) * 12 + (monthOf(d) - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  return makeDate(year, month, Math.min(dayOf(d), daysInMonth(year, month)))
}

export const addYears = (d: LocalDate, years: number): LocalDate => addMonths(d, years * 12)

/** Whole months completed from `from` to `to` (0 when `to` is before `from`). */
export const fullMonthsBetween = (from: LocalDate, to: LocalDate): number => {
  if (to <= from) return 0
  let months = (yearOf(to) - yearOf(from)) * 12 + (monthOf(to) - monthOf(from))
  if (addMonths(from, months) > to) months -= 1
  return Math.max(0, months)
}

export const fullYearsBetween = (from: LocalDate, to: LocalDate): number =>
  Math.floor(fullMonthsBetween(from, to) / 12)

const DAY_MS = 86_400_000
const epochDay = (d: LocalDate): number => Date.UTC(yearOf(d), monthOf(d) - 1, dayOf(d)) / DAY_MS

/** Adds whole days (negative to go back). */
export const addDays = (d: LocalDate, days: number): LocalDate => {
  const t = new Date((epochDay(d) + days) * DAY_MS)
  return makeDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: LocalDate, to: LocalDate): number => epochDay(to) - epochDay(from)
