/**
 * 举报处理 (54号·五 "严肃核实查处相关举报问题"): the bureau's queue (GET /reports, its region; filter by status with Tab,
 * PgUp/PgDn to page), one report with its handling record, and the three steps — assign a handler, record the
 * verification, resolve with an outcome — each sent with the revision it was prepared on (expectedRevision): when
 * someone else handled the report meanwhile the API answers 409 ReportChanged, shown with its code; r reloads.
 */
import {
  REPORT_OUTCOME_NAMES,
  REPORT_STATE_NAMES,
  type Report,
  type ReportOutcome
} from "@jineng/domain/quality/Report"
import { Text } from "ink"
import { useEffect, useState } from "react"
import type { Page, ReportQuery } from "../api/AdminClient.js"
import { Form } from "../components/Form.js"
import type { FieldSpec } from "../components/FormModel.js"
import { Frame } from "../components/Frame.js"
import { applyListMove, listKey } from "../components/ListModel.js"
import { Table } from "../components/Table.js"
import { clip } from "../components/TextWidth.js"
import { useForm } from "../hooks/useForm.js"
import { useKeys } from "../hooks/useKeys.js"
import { useStateRef } from "../hooks/useStateRef.js"
import { useTask } from "../hooks/useTask.js"
import { KEYMAP, matches } from "../keymap.js"
import { regionShortName } from "./RegionName.js"
import type { ScreenProps } from "./ScreenProps.js"

const PAGE = 10

const STATUSES: ReadonlyArray<ReportQuery["status"]> = [undefined, "received", "verifying", "resolved"]

const CHANNEL_NAMES: Record<string, string> = {
  hotline: "举报电话",
  online: "网上",
  letter: "信件",
  visit: "来访"
}

const ACTION_NAMES: Record<string, string> = {
  received: "受理",
  assigned: "指派",
  verification_recorded: "记录核实",
  resolved: "办结"
}

const ASSIGN_FIELDS: ReadonlyArray<FieldSpec> = [
  { kind: "text", name: "handlerId", label: "核实人员编号" },
  { kind: "text", name: "handlerName", label: "核实人员姓名" },
  { kind: "text", name: "note", label: "说明", hint: "可不填" }
]

const VERIFY_FIELDS: ReadonlyArray<FieldSpec> = [{ kind: "text", name: "note", label: "核实情况" }]

const resolveFields = (report: Report): ReadonlyArray<FieldSpec> => [
  {
    kind: "choice",
    name: "outcome",
    label: "办结结论",
    // 不予受理 only at intake; the verified outcomes after verification (ReportLifecycle).
    options: (report.state._tag === "received"
      ? (["not_accepted"] as const)
      : (["substantiated", "partly_substantiated", "unsubstantiated"] as const)
    ).map((o) => ({ value: o, label: REPORT_OUTCOME_NAMES[o] }))
  },
  { kind: "text", name: "note", label: "办结说明" }
]

type StepKind = "assign" | "verify" | "resolve"

type Step =
  | { readonly kind: "list" }
  | { readonly kind: "report"; readonly report: Report }
  | { readonly kind: StepKind; readonly report: Report; readonly fields: ReadonlyArray<FieldSpec> }

const stateText = (r: Report) =>
  r.state._tag === "verifying"
    ? `${REPORT_STATE_NAMES.verifying}（${r.state.handler.name}）`
    : r.state._tag === "resolved"
      ? `${REPORT_STATE_NAMES.resolved}：${REPORT_OUTCOME_NAMES[r.state.outcome]}`
      : REPORT_STATE_NAMES.received

export const ReportsScreen = ({ client, isActive, route, onBack }: ScreenProps) => {
  const task = useTask()
  const [step, setStep, stepRef] = useStateRef<Step>({ kind: "list" })
  const [page, setPage] = useState<Page<Report> | undefined>(undefined)
  const [status, setStatus] = useState(0)
  const [selected, setSelected] = useState(0)
  const [message, setMessage] = useState<string | undefined>(undefined)
  const form = useForm(ASSIGN_FIELDS)

  const load = async (statusIndex: number, offset: number) => {
    const answer = await task.run("读取举报", (signal) =>
      client.reports({ limit: PAGE, offset, status: STATUSES[statusIndex] }, { signal })
    )
    if (answer?.ok) {
      setPage(answer.value)
      setSelected(0)
    }
  }

  const openReport = async (reportId: string) => {
    const answer = await task.run(`读取举报 ${reportId}`, (signal) => client.report(reportId, { signal }))
    if (answer?.ok) setStep({ kind: "report", report: answer.value })
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: first load only
  useEffect(() => {
    if (route.reportId !== undefined) void openReport(route.reportId)
    else void load(0, 0)
  }, [])

  const submit = async (kind: StepKind, report: Report, fields: ReadonlyArray<FieldSpec>) => {
    const expectedRevision = report.revision
    const note = form.value("note").trim()
    if (kind !== "assign" && note === "") {
      form.setErrors({ note: "请填写说明" }, fields)
      return
    }
    if (
      kind === "assign" &&
      (form.value("handlerId").trim() === "" || form.value("handlerName").trim() === "")
    ) {
      form.setErrors({ handlerId: "请填写核实人员编号和姓名" }, fields)
      return
    }
    const answer = await task.run("办理举报", (signal) =>
      kind === "assign"
        ? client.assignReport(
            report.id,
            {
              expectedRevision,
              handler: { id: form.value("handlerId").trim(), name: form.value("handlerName").trim() },
              note
            },
            { signal }
          )
        : kind === "verify"
          ? client.verifyReport(report.id, { expectedRevision, note }, { signal })
          : client.resolveReport(
              report.id,
              { expectedRevision, outcome: form.value("outcome") as ReportOutcome, note },
              { signal }
            )
    )
    if (answer?.ok) {
      setStep({ kind: "report", report: answer.value })
      setMessage(
        `已${kind === "assign" ? "指派" : kind === "verify" ? "记录核实情况" : "办结"}（版本 ${answer.value.revision}）`
      )
    }
  }

  useKeys(
    (input, key) => {
      const step = stepRef.current
      if (task.holds(input, key)) return
      if (step.kind === "list") {
        const items = page?.items ?? []
        const position = {
          count: items.length,
          selected,
          offset: page?.offset,
          total: page?.total,
          pageSize: PAGE
        }
        if (applyListMove(listKey(input, key, position), setSelected, (offset) => void load(status, offset)))
          return
        if (matches(KEYMAP.back, input, key)) onBack()
        else if (matches(KEYMAP.cycleStatus, input, key)) {
          const next = (status + 1) % STATUSES.length
          setStatus(next)
          void load(next, 0)
        } else if (matches(KEYMAP.refresh, input, key)) void load(status, page?.offset ?? 0)
        else if (matches(KEYMAP.open, input, key)) {
          const report = items[selected]
          if (report !== undefined) {
            setMessage(undefined)
            setStep({ kind: "report", report })
          }
        }
        return
      }
      if (step.kind === "report") {
        const { report } = step
        const begin = (kind: StepKind, fields: ReadonlyArray<FieldSpec>) => {
          form.reset(fields)
          setMessage(undefined)
          setStep({ kind, report, fields })
        }
        const pending = report.state._tag !== "resolved"
        if (matches(KEYMAP.back, input, key)) {
          setStep({ kind: "list" })
          void load(status, page?.offset ?? 0)
        } else if (matches(KEYMAP.refresh, input, key)) void openReport(report.id)
        else if (matches(KEYMAP.assign, input, key) && pending) begin("assign", ASSIGN_FIELDS)
        else if (matches(KEYMAP.verify, input, key) && report.state._tag === "verifying")
          begin("verify", VERIFY_FIELDS)
        else if (matches(KEYMAP.resolve, input, key) && pending) begin("resolve", resolveFields(report))
        return
      }
      const action = form.handle(step.fields, input, key)
      if (action === "cancel") setStep({ kind: "report", report: step.report })
      else if (action === "submit") void submit(step.kind, step.report, step.fields)
    },
    { isActive }
  )

  const frame = { busy: task.busy ? task.label : undefined, problem: task.problem, message }

  if (step.kind === "list") {
    const statusName =
      STATUSES[status] === undefined ? "全部" : REPORT_STATE_NAMES[STATUSES[status] as "received"]
    return (
      <Frame
        title="举报处理 · 本辖区举报"
        {...frame}
        help={["move", "open", "cycleStatus", "page", "refresh", "back"]}
      >
        <Text dimColor>{`状态：${statusName}   共 ${page?.total ?? 0} 件（最新受理的在前）`}</Text>
        <Table
          columns={[
            { title: "受理日期", width: 10 },
            { title: "地区", width: 10 },
            { title: "举报事项", width: 22 },
            { title: "渠道", width: 8 },
            { title: "状态", width: 20 }
          ]}
          rows={(page?.items ?? []).map((r) => [
            r.receivedOn,
            regionShortName(r.regionCode),
            r.subject,
            CHANNEL_NAMES[r.channel] ?? r.channel,
            stateText(r)
          ])}
          selected={selected}
          height={PAGE}
        />
      </Frame>
    )
  }

  const { report } = step
  const detail = (
    <>
      <Text bold>
        {clip(`举报 ${report.id}  查询码 ${report.trackingCode}  版本 ${report.revision}`, 78)}
      </Text>
      <Text>
        {clip(
          `${report.receivedOn} 受理 · ${CHANNEL_NAMES[report.channel] ?? report.channel} · ${regionShortName(report.regionCode)} · ${stateText(report)}`,
          78
        )}
      </Text>
      <Text>
        {clip(
          `事项：${report.subject}${report.concerning === undefined ? "" : `（被举报单位：${report.concerning}）`}`,
          78
        )}
      </Text>
      <Text>{clip(`内容：${report.details}`, 156)}</Text>
      {report.certificateNumbers === undefined ? null : (
        <Text>{clip(`涉及证书：${report.certificateNumbers.join("、")}`, 78)}</Text>
      )}
    </>
  )

  if (step.kind === "report") {
    const open = report.state._tag !== "resolved"
    return (
      <Frame
        title="举报处理 · 举报详情"
        {...frame}
        help={[
          ...(open ? (["assign"] as const) : []),
          ...(report.state._tag === "verifying" ? (["verify"] as const) : []),
          ...(open ? (["resolve"] as const) : []),
          "refresh",
          "back"
        ]}
      >
        {detail}
        <Text bold>办理记录：</Text>
        <Table
          columns={[
            { title: "日期", width: 10 },
            { title: "环节", width: 8 },
            { title: "操作人", width: 14 },
            { title: "说明", width: 40 }
          ]}
          rows={report.history.map((e) => [
            e.on,
            ACTION_NAMES[e.action] ?? e.action,
            e.actor.name,
            [
              e.handler === undefined ? "" : `核实人员：${e.handler.name}`,
              e.outcome === undefined ? "" : `结论：${REPORT_OUTCOME_NAMES[e.outcome]}`,
              e.note
            ]
              .filter((s) => s !== "")
              .join("；")
          ])}
          height={6}
        />
      </Frame>
    )
  }

  const titles: Record<StepKind, string> = { assign: "指派核实人员", verify: "记录核实情况", resolve: "办结" }
  return (
    <Frame
      title={`举报处理 · ${titles[step.kind]}`}
      {...frame}
      help={["nextField", "choose", "confirmField", "cancel"]}
    >
      {detail}
      <Form
        fields={step.fields}
        state={form.state}
        errors={form.errors}
        submitLabel={titles[step.kind]}
        height={6}
      />
    </Frame>
  )
}
