/**
 * A list page's state in its address: the filters and the offset are search parameters (shareable, kept by the
 * back button); the page reads the list for them through a router query. The filter form edits a copy of the
 * filters, checks them with the page's rules and only then changes the address (back to the first page).
 */
import { createAsync, useLocation, useSearchParams } from "@solidjs/router"
import { createMemo, createSignal } from "solid-js"
import { createStore } from "solid-js/store"
import type { ApiResult, ListParams } from "../api"
import type { Page } from "./types"

export const useListing = <T, K extends string>(
  fetch: (params: ListParams) => Promise<ApiResult<Page<T>>>,
  keys: ReadonlyArray<K>,
  validate: (filters: Readonly<Record<K, string>>) => Partial<Record<K, string | undefined>> = () => ({})
) => {
  const [search, setSearch] = useSearchParams()
  const location = useLocation()
  const params = createMemo<ListParams>(() => {
    const out: Record<string, string> = {}
    for (const key of [...keys, "offset"]) {
      const value = search[key]
      if (typeof value === "string" && value !== "") out[key] = value
    }
    return out
  })
  const result = createAsync(() => fetch(params()))

  const hrefAt = (offset: number) => {
    const query = new URLSearchParams({ ...params(), offset: String(offset) })
    if (offset === 0) query.delete("offset")
    const text = query.toString()
    return text === "" ? location.pathname : `${location.pathname}?${text}`
  }

  const blank = Object.fromEntries(keys.map((k) => [k, ""])) as Record<K, string>
  const [form, setForm] = createStore<Record<K, string>>({ ...blank, ...params() })
  const [errors, setErrors] = createSignal<Partial<Record<K, string | undefined>>>({})

  /** The props of a filter field bound to the form: id, value, onValue, error. */
  const field = (key: K) => ({
    id: key,
    get value() {
      return form[key]
    },
    onValue: (value: string) => setForm((current) => ({ ...current, [key]: value })),
    get error() {
      return errors()[key]
    }
  })

  const go = (filters: Readonly<Record<string, string>>) =>
    setSearch(
      Object.fromEntries([...keys.map((k) => [k, filters[k]?.trim() || undefined]), ["offset", undefined]])
    )

  const apply = () => {
    const found = validate(form)
    setErrors(() => found)
    const first = keys.find((k) => found[k] !== undefined)
    if (first === undefined) go(form)
    else document.getElementById(first)?.focus()
  }

  const clear = () => {
    setForm(blank)
    setErrors({})
    go({})
  }

  return { params, result, hrefAt, field, apply, clear }
}
