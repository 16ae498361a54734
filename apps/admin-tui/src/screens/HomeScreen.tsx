/**
 * 主菜单: who the key acts for (organisation, role, region — GET /organisations/me) and the screens its role can
 * use, opened with ↑↓ Enter or their number. While /me loads a spinner shows; if it fails (a bad key: 401
 * ApiKeyRejected) the problem stays on screen with r to retry and q to quit.
 */
import { Box, Text } from "ink"
import { useState } from "react"
import type { Me } from "../api/AdminClient.js"
import { Frame } from "../components/Frame.js"
import { clip } from "../components/TextWidth.js"
import { useKeys } from "../hooks/useKeys.js"
import type { Task } from "../hooks/useTask.js"
import { KEYMAP, matches } from "../keymap.js"
import type { ScreenId } from "./ScreenProps.js"
import { visibleScreens } from "./Screens.js"

export interface HomeScreenProps {
  readonly me: Me | undefined
  readonly task: Task
  readonly isActive: boolean
  readonly onOpen: (screen: ScreenId) => void
  readonly onRetry: () => void
  readonly onQuit: () => void
}

export const HomeScreen = ({ me, task, isActive, onOpen, onRetry, onQuit }: HomeScreenProps) => {
  const [selected, setSelected] = useState(0)
  const screens = me === undefined ? [] : visibleScreens(me)

  useKeys(
    (input, key) => {
      if (task.busy && matches(KEYMAP.cancel, input, key)) return task.cancel()
      if (matches(KEYMAP.quit, input, key)) return onQuit()
      if (me === undefined) {
        if (matches(KEYMAP.refresh, input, key)) onRetry()
        return
      }
      if (matches(KEYMAP.up, input, key)) setSelected((s) => Math.max(0, s - 1))
      else if (matches(KEYMAP.down, input, key)) setSelected((s) => Math.min(screens.length - 1, s + 1))
      else if (matches(KEYMAP.open, input, key)) {
        const entry = screens[selected]
        if (entry !== undefined) onOpen(entry.id)
      } else {
        const n = Number(input)
        const entry = Number.isInteger(n) && n >= 1 ? screens[n - 1] : undefined
        if (entry !== undefined) onOpen(entry.id)
      }
    },
    { isActive }
  )

  if (me === undefined)
    return (
      <Frame
        title="主菜单"
        busy={task.busy ? task.label : undefined}
        problem={task.problem}
        help={task.busy ? ["cancel", "quit"] : ["refresh", "quit"]}
      >
        <Text>{task.busy ? "正在核验 API 密钥…" : "未能读取本单位信息。"}</Text>
      </Frame>
    )

  const actions = me.actions.map((a) => a.name).join("、")
  return (
    <Frame title="主菜单" problem={task.problem} help={["move", "open", "quit"]}>
      <Text>{clip(`本单位可执行：${actions}`, 158)}</Text>
      <Text> </Text>
      {screens.length === 0 ? <Text>本单位的角色没有可在终端办理的事项。</Text> : null}
      <Box flexDirection="column">
        {screens.map((s, i) => (
          <Box key={s.id} flexDirection="column">
            <Text inverse={i === selected} bold={i === selected}>
              {`${i === selected ? "›" : " "} ${i + 1}. ${s.title}`}
            </Text>
            <Text dimColor>{`     ${clip(s.summary, 74)}`}</Text>
          </Box>
        ))}
      </Box>
    </Frame>
  )
}
