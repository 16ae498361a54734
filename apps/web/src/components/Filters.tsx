/** The filter fields the published lists share: region, occupation code, level and dates. */
import { For } from "solid-js"
import { LEVEL_OPTIONS } from "../lib/filters"
import { SelectField, TextField } from "./Field"
import { RegionOptions } from "./RegionOptions"

/** A field bound to a list's filters (useListing's `field(key)`). */
export interface FilterBinding {
  readonly id: string
  readonly value: string
  readonly onValue: (value: string) => void
  readonly error: string | undefined
}

export const RegionFilter = (props: {
  readonly label: string
  readonly anyLabel?: string
  readonly field: FilterBinding
}) => (
  <SelectField label={props.label} required={false} {...props.field}>
    <RegionOptions anyLabel={props.anyLabel ?? "全省（不限）"} />
  </SelectField>
)

export const OccupationCodeFilter = (props: { readonly field: FilterBinding }) => (
  <TextField label="职业编码" hint="如 6-18-01-01" required={false} autocomplete="off" {...props.field} />
)

export const LevelFilter = (props: { readonly label: string; readonly field: FilterBinding }) => (
  <SelectField label={props.label} required={false} {...props.field}>
    <option value="">不限</option>
    <For each={LEVEL_OPTIONS}>{(l) => <option value={l.value}>{l.label}</option>}</For>
  </SelectField>
)

export const DateFilter = (props: {
  readonly label: string
  readonly hint?: string
  readonly field: FilterBinding
}) => <TextField label={props.label} hint={props.hint} required={false} type="date" {...props.field} />
