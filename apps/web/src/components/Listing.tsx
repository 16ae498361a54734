/**
 * The shared frame of the published lists: the filter form (role="search"), the result count in a live region,
 * the table in a keyboard-scrollable region with its caption, and the pagination.
 */
import { A } from "@solidjs/router"
import { For, type JSX, Show } from "solid-js"
import type { ApiResult } from "../api"
import { failureOf, successOf } from "../lib/result"
import type { Page } from "../lib/types"
import { Notice } from "./Notice"
import { ProblemNotice } from "./ProblemNotice"
import { TableRegion } from "./TableRegion"

export const FilterForm = (props: {
  readonly label: string
  readonly onApply: () => void
  readonly onClear: () => void
  readonly children: JSX.Element
}) => (
  // biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet known to every browser and screen reader in use
  <form
    class="filters"
    role="search"
    aria-label={props.label}
    novalidate
    onSubmit={(event) => {
      event.preventDefault()
      props.onApply()
    }}
  >
    {props.children}
    <div class="actions">
      <button class="button" type="submit">
        筛选
      </button>
      <button class="button button--secondary" type="button" onClick={() => props.onClear()}>
        清除筛选
      </button>
    </div>
  </form>
)

export const ListingResults = <T,>(props: {
  readonly result: ApiResult<Page<T>> | undefined
  /** e.g. "家评价机构" */
  readonly unit: string
  readonly caption: string
  readonly hrefAt: (offset: number) => string
  readonly head: JSX.Element
  readonly row: (item: T) => JSX.Element
}) => {
  const page = () => successOf(props.result)
  const failure = () => failureOf(props.result)
  const last = () => {
    const p = page()
    return p === undefined ? 0 : Math.min(p.offset + p.items.length, p.total)
  }
  const statusLine = () => {
    const p = page()
    if (p !== undefined)
      return p.total === 0
        ? "没有符合条件的记录。"
        : `共 ${p.total} ${props.unit}，当前显示第 ${p.offset + 1}–${last()} 条。`
    return failure()?.problem.title ?? "正在加载……"
  }
  return (
    <section aria-label={`${props.caption}查询结果`}>
      <p role="status">{statusLine()}</p>
      <Show when={failure()}>{(f) => <ProblemNotice failure={f()} />}</Show>
      <Show when={page()}>
        {(p) => (
          <Show
            when={p().items.length > 0}
            fallback={
              <Notice title="没有符合条件的记录">
                <p>请调整或清除筛选条件后再试。</p>
              </Notice>
            }
          >
            <TableRegion
              captionId="listing-caption"
              caption={`${props.caption}（第 ${Math.floor(p().offset / p().limit) + 1} 页）`}
              head={props.head}
            >
              <For each={p().items}>{(item) => props.row(item)}</For>
            </TableRegion>
            <nav class="pagination" aria-label="分页">
              <Show when={p().offset > 0}>
                <A href={props.hrefAt(Math.max(0, p().offset - p().limit))}>上一页</A>
              </Show>
              <span>
                第 {Math.floor(p().offset / p().limit) + 1} 页，共{" "}
                {Math.max(1, Math.ceil(p().total / p().limit))} 页
              </span>
              <Show when={p().offset + p().limit < p().total}>
                <A href={props.hrefAt(p().offset + p().limit)}>下一页</A>
              </Show>
            </nav>
          </Show>
        )}
      </Show>
    </section>
  )
}
