/**
 * Labelled form fields: the label, an optional hint and the zh-CN error sit above the control and are tied to it
 * (`for`, `aria-describedby`, `aria-invalid`), so a screen reader reads the error with the field.
 */
import { type JSX, Show, splitProps } from "solid-js"

interface FieldFrame {
  readonly id: string
  readonly label: string
  readonly hint?: string | undefined
  readonly error?: string | undefined
  /** Shown as "（选填）" after the label when false. */
  readonly required?: boolean
}

const describedBy = (p: FieldFrame) =>
  [p.hint === undefined ? undefined : `${p.id}-hint`, p.error === undefined ? undefined : `${p.id}-error`]
    .filter((x) => x !== undefined)
    .join(" ") || undefined

/** The control's ties to its hint and error, and its required and invalid states. */
const ariaOf = (p: FieldFrame) => ({
  "aria-describedby": describedBy(p),
  "aria-invalid": p.error === undefined ? undefined : ("true" as const),
  "aria-required": p.required === true ? ("true" as const) : undefined
})

const Frame = (props: FieldFrame & { readonly children: JSX.Element }) => (
  <div class="field" classList={{ "field--error": props.error !== undefined }}>
    <label for={props.id}>
      {props.label}
      <Show when={props.required === false}>
        <span class="optional">（选填）</span>
      </Show>
    </label>
    <Show when={props.hint}>
      <p class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
    </Show>
    <Show when={props.error}>
      <p class="error-message" id={`${props.id}-error`}>
        <span class="visually-hidden">错误：</span>
        {props.error}
      </p>
    </Show>
    {props.children}
  </div>
)

type InputAttributes = Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  "id" | "value" | "onInput" | "aria-describedby" | "aria-invalid"
>

export const TextField = (
  props: FieldFrame &
    InputAttributes & {
      readonly value: string
      readonly onValue: (value: string) => void
    }
) => {
  const [frame, rest] = splitProps(props, ["id", "label", "hint", "error", "required", "value", "onValue"])
  return (
    <Frame {...frame}>
      <input
        type="text"
        {...rest}
        id={frame.id}
        value={frame.value}
        onInput={(e) => frame.onValue(e.currentTarget.value)}
        {...ariaOf(frame)}
      />
    </Frame>
  )
}

export const TextAreaField = (
  props: FieldFrame & {
    readonly value: string
    readonly onValue: (value: string) => void
    readonly maxLength?: number
    readonly rows?: number
  }
) => (
  <Frame {...props}>
    <textarea
      id={props.id}
      name={props.id}
      value={props.value}
      rows={props.rows ?? 6}
      maxLength={props.maxLength}
      onInput={(e) => props.onValue(e.currentTarget.value)}
      {...ariaOf(props)}
    />
  </Frame>
)

export const SelectField = (
  props: FieldFrame & {
    readonly value: string
    readonly onValue: (value: string) => void
    readonly children: JSX.Element
  }
) => (
  <Frame {...props}>
    <select
      id={props.id}
      name={props.id}
      value={props.value}
      onChange={(e) => props.onValue(e.currentTarget.value)}
      // Not spread: a spread would set `value` before the options exist.
      aria-describedby={describedBy(props)}
      aria-invalid={props.error === undefined ? undefined : "true"}
      aria-required={props.required === true ? "true" : undefined}
    >
      {props.children}
    </select>
  </Frame>
)
