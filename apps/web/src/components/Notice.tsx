/** A boxed message: information, success, a polite wait (429) or an error. */
import { type JSX, Show } from "solid-js"

export type NoticeTone = "info" | "ok" | "wait" | "error"

export const Notice = (props: {
  readonly tone?: NoticeTone
  readonly title?: string
  readonly children?: JSX.Element
}) => (
  <div class={`notice notice--${props.tone ?? "info"}`}>
    <Show when={props.title}>
      <p class="notice__title">{props.title}</p>
    </Show>
    {props.children}
  </div>
)
