/**
 * The half-years of the quality special assessment, 54号·五 "高质量实施一年两次技能人才评价质量专项评估": H1 is
 * January–June, H2 July–December, written "2022-H1". Keys compare correctly as strings. The first period is
 * 2022-H1, counted from the notice's effective date 2022-05-01.
 */

import { NOTICE_EFFECTIVE_FROM } from "../time/InForce.js"
import type { LocalDate } from "../time/LocalDate.js"
import { makeDate, yearOf } from "../time/LocalDate.js"

/** "YYYY-H1" or "YYYY-H2". */
export type AssessmentPeriod = string

const KEY = /^(\d{4})-H([12])$/

export const isAssessmentPeriod = (s: string): boolean => KEY.test(s)

export const periodOf = (date: LocalDate): AssessmentPeriod =>
  `${date.slice(0, 4)}-H${date.slice(5, 7) <= "06" ? 1 : 2}`

/** The first half-year with a duty to assess: the one holding 2022-05-01. */
export const FIRST_ASSESSMENT_PERIOD: AssessmentPeriod = periodOf(NOTICE_EFFECTIVE_FROM)

const halfOf = (p: AssessmentPeriod): 1 | 2 => (p.endsWith("1") ? 1 : 2)

export const periodStart = (p: AssessmentPeriod): LocalDate => makeDate(yearOf(p), halfOf(p) === 1 ? 1 : 7, 1)

export const periodEnd = (p: AssessmentPeriod): LocalDate =>
  halfOf(p) === 1 ? makeDate(yearOf(p), 6, 30) : makeDate(yearOf(p), 12, 31)

export const nextPeriod = (p: AssessmentPeriod): AssessmentPeriod =>
  halfOf(p) === 1 ? `${p.slice(0, 4)}-H2` : `${yearOf(p) + 1}-H1`

export const previousPeriod = (p: AssessmentPeriod): AssessmentPeriod =>
  halfOf(p) === 2 ? `${p.slice(0, 4)}-H1` : `${yearOf(p) - 1}-H2`

/** Every period from `first` to `last`, both included; empty when last is before first. */
export const periodsBetween = (
  first: AssessmentPeriod,
  last: AssessmentPeriod
): ReadonlyArray<AssessmentPeriod> => {
  const out: Array<AssessmentPeriod> = []
  for (let p = first; p <= last; p = nextPeriod(p)) out.push(p)
  return out
}

/** "2022年上半年" / "2022年下半年". */
export const periodName = (p: AssessmentPeriod): string =>
  `${p.slice(0, 4)}年${halfOf(p) === 1 ? "上" : "下"}半年`
