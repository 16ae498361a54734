/**
 * The terminal's one component tree: a header naming who the key acts for, and the current screen (the menu, or
 * one of the screens the role may use). App holds the route and the organisation (GET /organisations/me); each
 * screen owns its keys. Quit goes through useApp().exit().
 */
import { Box, Text, useApp } from "ink"
import { useCallback, useEffect, useState } from "react"
import type { AdminClient, Me } from "./api/AdminClient.js"
import { todayInBeijing } from "./BeijingDate.js"
import { WIDTH } from "./components/Frame.js"
import { clip } from "./components/TextWidth.js"
import { useTask } from "./hooks/useTask.js"
import { AssessmentsScreen } from "./screens/AssessmentsScreen.js"
import { BatchImportScreen } from "./screens/BatchImportScreen.js"
import { FilingsScreen } from "./screens/FilingsScreen.js"
import { HomeScreen } from "./screens/HomeScreen.js"
import { InstitutionsScreen } from "./screens/InstitutionsScreen.js"
import { ReportsScreen } from "./screens/ReportsScreen.js"
import { RevocationScreen } from "./screens/RevocationScreen.js"
import type { Route, ScreenProps } from "./screens/ScreenProps.js"
import { SCREENS } from "./screens/Screens.js"
import { TodoScreen } from "./screens/TodoScreen.js"

export interface AppProps {
  readonly client: AdminClient
  /** The clock (tests pass a fixed one). */
  readonly now?: () => number
  /** Where the batch import writes templates and results (default: the working directory). */
  readonly workDir?: string
}

const SCREEN_COMPONENTS = {
  todo: TodoScreen,
  filings: FilingsScreen,
  institutions: InstitutionsScreen,
  revocations: RevocationScreen,
  reports: ReportsScreen,
  assessments: AssessmentsScreen,
  batches: BatchImportScreen
} as const

const header = (me: Me | undefined, title: string) =>
  clip(`技能人才评价 │ ${title}${me === undefined ? "" : ` │ ${me.organisation.name}（${me.roleName}）`}`, 79)

export const App = ({ client, now = Date.now, workDir = process.cwd() }: AppProps) => {
  const { exit } = useApp()
  const task = useTask()
  const [me, setMe] = useState<Me | undefined>(undefined)
  const [route, setRoute] = useState<Route>({ screen: "home" })

  const load = useCallback(() => {
    void task
      .run("读取本单位信息", (signal) => client.me({ signal }))
      .then((answer) => {
        if (answer?.ok) setMe(answer.value)
      })
  }, [client, task.run])

  useEffect(() => load(), [load])

  const onBack = useCallback(() => setRoute({ screen: "home" }), [])
  const entry = SCREENS.find((s) => s.id === route.screen)
  const visible = me !== undefined && entry?.visible(me) === true

  const screen = () => {
    if (route.screen === "home" || me === undefined || !visible) return undefined
    const Screen = SCREEN_COMPONENTS[route.screen]
    const props: ScreenProps & { readonly workDir: string } = {
      client,
      me,
      today: todayInBeijing(now()),
      isActive: true,
      route,
      navigate: setRoute,
      onBack,
      workDir
    }
    return <Screen key={route.screen} {...props} />
  }

  return (
    <Box flexDirection="column" width={WIDTH}>
      <Text inverse>{header(me, entry?.title ?? "主菜单")}</Text>
      {screen() ?? (
        <HomeScreen
          me={me}
          task={task}
          isActive
          onOpen={(id) => setRoute({ screen: id })}
          onRetry={load}
          onQuit={() => exit()}
        />
      )}
    </Box>
  )
}
