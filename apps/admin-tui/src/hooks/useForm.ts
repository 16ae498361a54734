/**
 * A form's state (FormModel) held in React state, with its per-field errors, for a screen's useInput to drive.
 * Keys are applied to the latest state (a ref), not the last rendered one, so keys that arrive faster than the
 * screen redraws (a paste, a script typing; see useKeys) all land — in the field they were meant for.
 */
import type { Key } from "ink"
import { useCallback, useRef, useState } from "react"
import {
  type FieldSpec,
  type FormAction,
  type FormState,
  handleFormKey,
  initialForm
} from "../components/FormModel.js"

export interface FormHandle {
  readonly state: FormState
  readonly errors: Readonly<Record<string, string>>
  readonly value: (name: string) => string
  /** Applies a key to the form; the screen acts on "submit" and "cancel". */
  readonly handle: (fields: ReadonlyArray<FieldSpec>, input: string, key: Key) => FormAction
  /** Shows the errors; given the fields, focuses the first field that has one (so it is on screen). */
  readonly setErrors: (errors: Readonly<Record<string, string>>, fields?: ReadonlyArray<FieldSpec>) => void
  readonly reset: (fields: ReadonlyArray<FieldSpec>, values?: Readonly<Record<string, string>>) => void
}

export const useForm = (
  fields: ReadonlyArray<FieldSpec>,
  values?: Readonly<Record<string, string>>
): FormHandle => {
  const latest = useRef<FormState | undefined>(undefined)
  latest.current ??= initialForm(fields, values)
  const [state, setState] = useState<FormState>(latest.current)
  const [errors, setErrorState] = useState<Readonly<Record<string, string>>>({})
  const setErrors = useCallback(
    (next: Readonly<Record<string, string>>, fields?: ReadonlyArray<FieldSpec>) => {
      setErrorState(next)
      const first = fields?.findIndex((f) => next[f.name] !== undefined) ?? -1
      if (first !== -1 && latest.current !== undefined) {
        latest.current = { ...latest.current, focus: first }
        setState(latest.current)
      }
    },
    []
  )
  const handle = useCallback((current: ReadonlyArray<FieldSpec>, input: string, key: Key) => {
    const before = latest.current as FormState
    const next = handleFormKey(current, before, input, key)
    if (next.state !== before) {
      latest.current = next.state
      setState(next.state)
    }
    return next.action
  }, [])
  const reset = useCallback((f: ReadonlyArray<FieldSpec>, v?: Readonly<Record<string, string>>) => {
    latest.current = initialForm(f, v)
    setState(latest.current)
    setErrorState({})
  }, [])
  const value = useCallback((name: string) => latest.current?.values[name] ?? "", [])
  return { state, errors, value, handle, setErrors, reset }
}
