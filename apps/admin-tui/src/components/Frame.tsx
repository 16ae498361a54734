/**
 * The frame of every screen (fits 80×24 with the App's header): the title, the body, one status line — a spinner
 * while a call runs, else the last problem as "错误：detail（code）", else a message — and the help footer drawn from
 * the key map.
 */
import { Box, Text } from "ink"
import type { ReactNode } from "react"
import type { Problem } from "../api/AdminClient.js"
import { type Command, helpLine } from "../keymap.js"
import { Spinner } from "./Spinner.js"

export interface FrameProps {
  readonly title: string
  readonly children?: ReactNode
  readonly busy?: string | undefined
  readonly problem?: Problem | undefined
  readonly message?: string | undefined
  readonly help: ReadonlyArray<Command>
}

/** "错误：…（Code）", with the offending field when the API names one. */
export const problemText = (p: Problem): string =>
  `错误：${p.detail}（${p.code}${p.field === undefined ? "" : `，字段 ${p.field}`}）`

/** The terminal's width: texts longer than a line wrap within it. */
export const WIDTH = 80

export const Frame = ({ title, children, busy, problem, message, help }: FrameProps) => (
  <Box flexDirection="column" width={WIDTH}>
    <Text bold underline>
      {title}
    </Text>
    <Box flexDirection="column">{children}</Box>
    {busy !== undefined ? (
      <Spinner label={busy} />
    ) : problem !== undefined ? (
      <Text color="red">{problemText(problem)}</Text>
    ) : message !== undefined ? (
      <Text color="green">{message}</Text>
    ) : (
      <Text> </Text>
    )}
    <Text dimColor>{helpLine(help)}</Text>
  </Box>
)
