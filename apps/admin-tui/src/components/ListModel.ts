/**
 * Moving through a paged list with the key map's keys, as plain data: ↑↓ select a row of the page shown,
 * PgUp/PgDn ask for the previous or next page when there is one. The screen applies the answer.
 */
import type { Key } from "ink"
import { KEYMAP, matches } from "../keymap.js"

export interface ListPosition {
  /** Rows on the page shown. */
  readonly count: number
  readonly selected: number
  /** The page's first row in the whole list, the list's length and the page size (absent: one page). */
  readonly offset?: number | undefined
  readonly total?: number | undefined
  readonly pageSize?: number | undefined
}

export type ListMove = { readonly select: number } | { readonly page: number } | undefined

export const listKey = (input: string, key: Key, p: ListPosition): ListMove => {
  if (matches(KEYMAP.up, input, key)) return { select: Math.max(0, p.selected - 1) }
  if (matches(KEYMAP.down, input, key)) return { select: Math.max(0, Math.min(p.count - 1, p.selected + 1)) }
  const { offset = 0, total = p.count, pageSize = p.count } = p
  if (matches(KEYMAP.pageDown, input, key) && offset + pageSize < total) return { page: offset + pageSize }
  if (matches(KEYMAP.pageUp, input, key) && offset > 0) return { page: Math.max(0, offset - pageSize) }
  return undefined
}

/** Applies a move: a row selected or a page asked for; true when the key was a list key. */
export const applyListMove = (
  move: ListMove,
  select: (index: number) => void,
  page: (offset: number) => void = () => undefined
): boolean => {
  if (move === undefined) return false
  if ("select" in move) select(move.select)
  else page(move.page)
  return true
}
