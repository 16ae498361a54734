/**
 * 待办: what waits for this organisation, by what its role may do — the competition filings whose next 附件1 opinion
 * is this bureau's, and for the province those awaiting co-signature (GET /api/filings/awaiting; 54号·二), dated by
 * the competition's first day, before which the filing must be completed; reports to handle (received,
 * verifying); the institutions of its region whose semiannual assessment is due or overdue (54号·五 "一年两次";
 * GET /api/assessments/due), and the authorisations ending within 30 days (54号·五 "有效期限"; GET
 * /api/institutions/expiring, soonest first). Enter opens the item on its screen.
 */
import { REPORT_STATE_NAMES } from "@jineng/domain/quality/Report"
import { Text } from "ink"
import { useEffect, useState } from "react"
import type { AdminClient, ApiResult, Me } from "../api/AdminClient.js"
import { Frame } from "../components/Frame.js"
import { applyListMove, listKey } from "../components/ListModel.js"
import { Table } from "../components/Table.js"
import { useKeys } from "../hooks/useKeys.js"
import { useTask } from "../hooks/useTask.js"
import { KEYMAP, matches } from "../keymap.js"
import { regionShortName } from "./RegionName.js"
import { SCHEDULE_OUTCOME_NAMES } from "./ScheduleText.js"
import { may, type Route, type ScreenProps } from "./ScreenProps.js"

/** Reports listed per status. */
const REPORTS_SHOWN = 5
/** Authorisations ending within this many days are listed (54号·五 有效期限). */
export const EXPIRY_DAYS = 30

export interface TodoItem {
  readonly kind: string
  readonly text: string
  readonly date: string
  readonly route: Route
}

export interface Todo {
  readonly items: ReadonlyArray<TodoItem>
  readonly notes: ReadonlyArray<string>
}

/** Everything 待办 shows for `me` on `today`. */
export const loadTodo = async (
  client: AdminClient,
  me: Me,
  today: string,
  signal: AbortSignal
): Promise<ApiResult<Todo>> => {
  const items: Array<TodoItem> = []
  const notes: Array<string> = []
  if (may(me, "filing.opinion")) {
    const awaiting = await client.awaitingFilings({ signal })
    if (!awaiting.ok) return awaiting
    for (const { filing } of awaiting.value.items)
      items.push({
        kind: filing.status === "awaiting_co_signature" ? "备案·待会签" : "备案·待出具意见",
        text: `${regionShortName(filing.hostRegionCode)} ${filing.form.competitionName}`,
        date: filing.competitionStartsOn,
        route: { screen: "filings", filingId: filing.id }
      })
  }
  if (may(me, "report.handle"))
    for (const status of ["received", "verifying"] as const) {
      const page = await client.reports({ limit: REPORTS_SHOWN, offset: 0, status }, { signal })
      if (!page.ok) return page
      for (const r of page.value.items)
        items.push({
          kind: status === "received" ? "举报·待核实" : "举报·核实中",
          text: `${regionShortName(r.regionCode)} ${r.subject}`,
          date: r.receivedOn,
          route: { screen: "reports", reportId: r.id }
        })
      if (page.value.total > page.value.items.length)
        notes.push(
          `${REPORT_STATE_NAMES[status]}的举报共 ${page.value.total} 件，此处列出最新 ${page.value.items.length} 件。`
        )
    }
  // Both lists cover the key's own region (the province: all of Jiangsu), computed by the API in one call each.
  if (may(me, "assessment.record")) {
    const due = await client.assessmentsDue({ date: today }, { signal })
    if (!due.ok) return due
    for (const a of due.value.items)
      items.push({
        kind: a.outcome === "overdue" ? "评估·逾期" : "评估·待评估",
        text: `${a.name}：${SCHEDULE_OUTCOME_NAMES[a.outcome]}`,
        date: a.overdue[0] ?? a.due ?? "",
        route: { screen: "assessments", institutionId: a.institutionId }
      })
  }
  if (may(me, "institution.change")) {
    const expiring = await client.expiringAuthorisations({ withinDays: EXPIRY_DAYS }, { signal })
    if (!expiring.ok) return expiring
    for (const a of expiring.value.items)
      items.push({
        kind: "授权到期",
        text: `${a.name}：授权还剩 ${a.daysLeft} 天`,
        date: a.validUntil,
        route: { screen: "institutions", institutionId: a.institutionId }
      })
  }
  return { ok: true, status: 200, value: { items, notes } }
}

export const TodoScreen = ({ client, me, today, isActive, navigate, onBack }: ScreenProps) => {
  const task = useTask()
  const [todo, setTodo] = useState<Todo | undefined>(undefined)
  const [selected, setSelected] = useState(0)

  const load = async () => {
    const answer = await task.run("汇总待办", (signal) => loadTodo(client, me, today, signal))
    if (answer?.ok) {
      setTodo(answer.value)
      setSelected(0)
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: first load only
  useEffect(() => {
    void load()
  }, [])

  useKeys(
    (input, key) => {
      if (task.holds(input, key)) return
      const items = todo?.items ?? []
      if (applyListMove(listKey(input, key, { count: items.length, selected }), setSelected)) return
      if (matches(KEYMAP.back, input, key)) onBack()
      else if (matches(KEYMAP.refresh, input, key)) void load()
      else if (matches(KEYMAP.open, input, key)) {
        const item = items[selected]
        if (item !== undefined) navigate(item.route)
      }
    },
    { isActive }
  )

  return (
    <Frame
      title={`待办（${today}）`}
      busy={task.busy ? task.label : undefined}
      problem={task.problem}
      help={task.busy ? ["cancel"] : ["move", "open", "refresh", "back"]}
    >
      {(todo?.notes ?? []).map((n) => (
        <Text key={n} dimColor>
          {n}
        </Text>
      ))}
      <Table
        columns={[
          { title: "类别", width: 16 },
          { title: "事项", width: 48 },
          { title: "日期/期间", width: 10 }
        ]}
        rows={(todo?.items ?? []).map((i) => [i.kind, i.text, i.date])}
        selected={todo === undefined ? undefined : selected}
        height={12}
        empty={todo === undefined ? "正在汇总…" : "暂无待办事项"}
      />
    </Frame>
  )
}
