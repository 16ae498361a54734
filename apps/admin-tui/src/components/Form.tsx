/**
 * A form drawn from FieldSpecs and a FormState (FormModel): one row per field — "› 标签  值▌" on the focused one,
 * choices as "[同意]  不同意 " (the chosen one in brackets) — each field's error under it, and the 〔提交〕 row last. Only `height` rows are
 * drawn, scrolled to keep the focused row in view. Pure: props in, Text out.
 */
import { Box, Text } from "ink"
import type { FieldSpec, FormState } from "./FormModel.js"
import { windowStart } from "./Table.js"
import { fitCells } from "./TextWidth.js"

export interface FormProps {
  readonly fields: ReadonlyArray<FieldSpec>
  readonly state: FormState
  readonly errors?: Readonly<Record<string, string>>
  readonly submitLabel?: string
  /** Rows available for fields (errors take a row each). */
  readonly height?: number
  readonly labelWidth?: number
}

const valueText = (field: FieldSpec, value: string, focused: boolean) => {
  if (field.kind === "choice")
    return field.options.map((o) => (o.value === value ? `[${o.label}]` : ` ${o.label} `)).join(" ")
  if (value === "" && !focused && field.hint !== undefined) return `（${field.hint}）`
  return `${value}${focused ? "▌" : ""}`
}

export const Form = ({
  fields,
  state,
  errors = {},
  submitLabel = "提交",
  height = 14,
  labelWidth = 16
}: FormProps) => {
  const rows = [
    ...fields.map((field, i) => {
      const focused = state.focus === i
      const error = errors[field.name]
      return (
        <Box key={field.name} flexDirection="column">
          <Text inverse={focused}>
            {`${focused ? "›" : " "} ${fitCells(field.label, labelWidth)} ${valueText(field, state.values[field.name] ?? "", focused)}`}
          </Text>
          {error === undefined ? null : <Text color="red">{`    ✗ ${error}`}</Text>}
        </Box>
      )
    }),
    <Text key="〔submit〕" inverse={state.focus === fields.length} bold>
      {`${state.focus === fields.length ? "›" : " "} 〔${submitLabel}〕（Enter）`}
    </Text>
  ]
  const start = windowStart(rows.length, state.focus, height)
  return (
    <Box flexDirection="column">
      {start > 0 ? <Text dimColor>{`  ↑ 上方还有 ${start} 项`}</Text> : null}
      {rows.slice(start, start + height)}
      {start + height < rows.length ? (
        <Text dimColor>{`  ↓ 下方还有 ${rows.length - start - height} 项`}</Text>
      ) : null}
    </Box>
  )
}
