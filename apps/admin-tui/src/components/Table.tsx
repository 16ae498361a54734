/**
 * A table that fits the terminal: fixed column widths in cells, a header, a window of rows around the selected one,
 * and the selected row marked with "›" and inverse video (readable without colour). Pure: props in, Text out.
 */
import { Box, Text } from "ink"
import { fitCells } from "./TextWidth.js"

export interface Column {
  readonly title: string
  readonly width: number
  readonly align?: "left" | "right"
}

export interface TableProps {
  readonly columns: ReadonlyArray<Column>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
  /** The selected row, or undefined for a table without selection. */
  readonly selected?: number | undefined
  /** How many rows fit (the window scrolls to keep the selected one visible). */
  readonly height: number
  /** Shown instead of rows when there are none. */
  readonly empty?: string
}

const line = (columns: ReadonlyArray<Column>, cells: ReadonlyArray<string>) =>
  columns.map((c, i) => fitCells(cells[i] ?? "", c.width, c.align)).join(" ")

/** The first row of the window that keeps `selected` in view. */
export const windowStart = (count: number, selected: number | undefined, height: number): number => {
  if (selected === undefined || count <= height) return 0
  return Math.min(Math.max(0, selected - Math.floor(height / 2)), count - height)
}

export const Table = ({ columns, rows, selected, height, empty = "（无记录）" }: TableProps) => {
  const start = windowStart(rows.length, selected, height)
  const shown = rows.slice(start, start + height)
  return (
    <Box flexDirection="column">
      <Text bold>{`  ${line(
        columns,
        columns.map((c) => c.title)
      )}`}</Text>
      {rows.length === 0 ? <Text>{`  ${empty}`}</Text> : null}
      {shown.map((row, i) => {
        const index = start + i
        const isSelected = index === selected
        return (
          <Text key={index} inverse={isSelected}>
            {`${isSelected ? "›" : " "} ${line(columns, row)}`}
          </Text>
        )
      })}
      {rows.length > height ? (
        <Text dimColor>{`  第 ${start + 1}–${start + shown.length} 行，共 ${rows.length} 行`}</Text>
      ) : null}
    </Box>
  )
}
