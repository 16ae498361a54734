/**
 * An institution's status in the published catalogue, with history (54号·五 "实行能进能出的目录清单式动态管理"):
 * admitted (准入), suspended (暂停), removed (移出). Allowed moves: (none)→admitted; admitted→suspended;
 * suspended→admitted (恢复); admitted/suspended→removed; removed→admitted (重新准入, a new admission).
 */
import type { LocalDate } from "../time/LocalDate.js"

export type CatalogueStatus = "admitted" | "suspended" | "removed"

export interface StatusEntry {
  readonly status: CatalogueStatus
  /** The day the status takes effect (it holds on that day). */
  readonly date: LocalDate
  /** Why (zh-CN), e.g. the decision's document number and grounds. */
  readonly reason: string
  /** Who recorded it (an administrator or department id). */
  readonly actor: string
}

const NAMES: Record<CatalogueStatus, string> = {
  admitted: "已纳入目录",
  suspended: "暂停评价",
  removed: "已移出目录"
}

export const catalogueStatusName = (status: CatalogueStatus): string => NAMES[status]

/** The status on `date`: the last entry dated on or before it (same day: the later entry); undefined before admission. */
export const statusOn = (
  history: ReadonlyArray<StatusEntry>,
  date: LocalDate
): CatalogueStatus | undefined => {
  let status: CatalogueStatus | undefined
  for (const e of history) {
    if (e.date <= date) status = e.status
    else break
  }
  return status
}

export const isAllowedTransition = (from: CatalogueStatus | undefined, to: CatalogueStatus): boolean =>
  from === undefined
    ? to === "admitted"
    : from === "admitted"
      ? to === "suspended" || to === "removed"
      : from === "suspended"
        ? to === "admitted" || to === "removed"
        : to === "admitted"

/** The name of a move, e.g. "恢复" for suspended→admitted. */
export const transitionName = (from: CatalogueStatus | undefined, to: CatalogueStatus): string =>
  to === "admitted"
    ? from === "suspended"
      ? "恢复"
      : from === "removed"
        ? "重新准入"
        : "准入"
    : to === "suspended"
      ? "暂停"
      : "移出"

export type HistoryProblem = "transition" | "date_order"

/** The first problem of a history (entries must be in date order and each move allowed), with its index. */
export const historyProblem = (
  history: ReadonlyArray<StatusEntry>
): { readonly index: number; readonly problem: HistoryProblem } | undefined => {
  let previous: StatusEntry | undefined
  for (let index = 0; index < history.length; index++) {
    const e = history[index] as StatusEntry
    if (previous !== undefined && e.date < previous.date) return { index, problem: "date_order" }
    if (!isAllowedTransition(previous?.status, e.status)) return { index, problem: "transition" }
    previous = e
  }
  return undefined
}
