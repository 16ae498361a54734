/** Checks of the list pages' filters, with the domain's rules, before the address changes. */
import { isOccupationCode } from "@jineng/domain/codes/OccupationCode"
import { levelName, SKILL_LEVELS } from "@jineng/domain/codes/SkillLevel"

export const occupationCodeError = (raw: string): string | undefined =>
  raw.trim() === "" || isOccupationCode(raw.trim())
    ? undefined
    : "职业编码应为“大类-中类-小类-细类”格式，如 6-18-01-01"

export const dateRangeError = (from: string, until: string): string | undefined =>
  from !== "" && until !== "" && until < from ? `结束日期 ${until} 早于开始日期 ${from}` : undefined

/** 5 五级/初级工 … 1 一级/高级技师, as select options. */
export const LEVEL_OPTIONS: ReadonlyArray<{ readonly value: string; readonly label: string }> =
  SKILL_LEVELS.map((level) => ({ value: String(level), label: levelName(level) }))

/** "2024-05-01" or "2024-05-01 至 2024-05-03". */
export const spanText = (span: { readonly from: string; readonly until?: string | undefined }) =>
  span.until === undefined || span.until === span.from ? span.from : `${span.from} 至 ${span.until}`
