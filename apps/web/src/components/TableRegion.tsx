/**
 * A table inside a region that scrolls sideways on a narrow screen (360 px) instead of the page; the region is
 * named by the table's caption and takes the keyboard focus, so keyboard users can scroll it too.
 */
import type { JSX } from "solid-js"

export const TableRegion = (props: {
  readonly captionId: string
  readonly caption: JSX.Element
  readonly head: JSX.Element
  readonly children: JSX.Element
}) => (
  <section class="table-wrap" aria-labelledby={props.captionId} tabindex="0">
    <table>
      <caption id={props.captionId}>{props.caption}</caption>
      <thead>{props.head}</thead>
      <tbody>{props.children}</tbody>
    </table>
  </section>
)
