/**
 * The state of a form as plain data and one pure key handler, so the screen's single useInput drives it: text
 * fields take typed (and pasted) characters, choice fields cycle with ←→ or space, Tab/↓ and Shift-Tab/↑ move,
 * Enter moves on and, on the final 〔提交〕 row, submits; Esc cancels.
 */
import type { Key } from "ink"
import { KEYMAP, matches } from "../keymap.js"

export interface ChoiceOption {
  readonly value: string
  readonly label: string
}

export type FieldSpec =
  | {
      readonly kind: "text"
      readonly name: string
      readonly label: string
      /** Shown after an empty field, e.g. the expected format. */
      readonly hint?: string
    }
  | {
      readonly kind: "choice"
      readonly name: string
      readonly label: string
      readonly options: ReadonlyArray<ChoiceOption>
    }

export interface FormState {
  readonly values: Readonly<Record<string, string>>
  /** The focused row: a field's index, or `fields.length` for the submit row. */
  readonly focus: number
}

export type FormAction = "none" | "submit" | "cancel"

/** A form's first state: the given values, and each choice on its first option unless given. */
export const initialForm = (
  fields: ReadonlyArray<FieldSpec>,
  values: Readonly<Record<string, string>> = {}
): FormState => {
  const out: Record<string, string> = {}
  for (const f of fields)
    out[f.name] = values[f.name] ?? (f.kind === "choice" ? (f.options[0]?.value ?? "") : "")
  return { values: out, focus: 0 }
}

/** The input without control characters (C0 and DEL): a typed key or a paste is text only. */
const printable = (input: string) => [...input].filter((ch) => ch >= " " && ch !== "\u007f").join("")

const cycle = (options: ReadonlyArray<ChoiceOption>, value: string, step: number) => {
  const i = options.findIndex((o) => o.value === value)
  const next = (i + step + options.length) % options.length
  return options[next]?.value ?? value
}

/** The next state of the form for one key, and what the screen should do. */
export const handleFormKey = (
  fields: ReadonlyArray<FieldSpec>,
  state: FormState,
  input: string,
  key: Key
): { readonly state: FormState; readonly action: FormAction } => {
  const stay = (s: FormState) => ({ state: s, action: "none" as const })
  const focusTo = (focus: number) => stay({ ...state, focus: Math.max(0, Math.min(fields.length, focus)) })
  if (matches(KEYMAP.cancel, input, key)) return { state, action: "cancel" }
  if (matches(KEYMAP.previousField, input, key)) return focusTo(state.focus - 1)
  if (matches(KEYMAP.nextField, input, key)) return focusTo(state.focus + 1)
  if (matches(KEYMAP.confirmField, input, key))
    return state.focus >= fields.length ? { state, action: "submit" } : focusTo(state.focus + 1)
  const field = fields[state.focus]
  if (field === undefined) return stay(state)
  const value = state.values[field.name] ?? ""
  const set = (v: string) => stay({ ...state, values: { ...state.values, [field.name]: v } })
  if (field.kind === "choice") {
    if (key.leftArrow) return set(cycle(field.options, value, -1))
    if (key.rightArrow || input === " ") return set(cycle(field.options, value, 1))
    return stay(state)
  }
  if (key.backspace || key.delete) return set([...value].slice(0, -1).join(""))
  if (key.ctrl && input === "u") return set("")
  if (key.ctrl || key.meta) return stay(state)
  const typed = printable(input)
  return typed.length === 0 ? stay(state) : set(value + typed)
}
