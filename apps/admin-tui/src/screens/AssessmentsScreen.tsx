/**
 * 质量评估 (54号·五 "高质量实施一年两次技能人才评价质量专项评估"): the institutions of the region, one institution's
 * half-year schedule (due / overdue, GET /assessments/schedule) and its assessments (newest first), and recording
 * an assessment — the assessor is the key's organisation — checked with the domain's AssessmentSubmission schema
 * (the date not before the half-year, findings required unless 合格).
 */
import { periodName, periodOf } from "@jineng/domain/quality/AssessmentPeriod"
import type { RecordedAssessment } from "@jineng/domain/quality/QualityAssessment"
import { ASSESSMENT_RESULT_NAMES, AssessmentSubmission } from "@jineng/domain/quality/QualityAssessment"
import { Text } from "ink"
import { useEffect, useState } from "react"
import type { AssessmentSchedule, Page, PublicInstitution } from "../api/AdminClient.js"
import { checkRequest, issuesByField } from "../api/RequestCheck.js"
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
import { scheduleText } from "./ScheduleText.js"
import { may, type ScreenProps } from "./ScreenProps.js"

const PAGE = 10

export const ASSESSMENT_FIELDS: ReadonlyArray<FieldSpec> = [
  { kind: "text", name: "period", label: "评估期间", hint: "如 2025-H1" },
  { kind: "text", name: "assessedOn", label: "评估日期", hint: "YYYY-MM-DD" },
  {
    kind: "choice",
    name: "result",
    label: "评估结论",
    options: (["qualified", "rectification_required", "unqualified"] as const).map((r) => ({
      value: r,
      label: ASSESSMENT_RESULT_NAMES[r]
    }))
  },
  { kind: "text", name: "findings", label: "评估发现", hint: "结论为合格时可不填" }
]

const FIELD_OF = [
  ["period", "period"],
  ["assessedOn", "assessedOn"],
  ["result", "result"],
  ["findings", "findings"]
] as const

interface Selected {
  readonly id: string
  readonly name: string
  readonly schedule: AssessmentSchedule
  readonly history: Page<RecordedAssessment>
}

type Step =
  | { readonly kind: "list" }
  | { readonly kind: "institution"; readonly selected: Selected }
  | { readonly kind: "record"; readonly selected: Selected }

export const AssessmentsScreen = ({ client, me, today, isActive, route, onBack }: ScreenProps) => {
  const task = useTask()
  const [step, setStep, stepRef] = useStateRef<Step>({ kind: "list" })
  const [page, setPage] = useState<Page<PublicInstitution> | undefined>(undefined)
  const [cursor, setCursor] = useState(0)
  const [message, setMessage] = useState<string | undefined>(undefined)
  const form = useForm(ASSESSMENT_FIELDS)
  const region = me.organisation.regionCode === "320000" ? undefined : me.organisation.regionCode

  const load = async (offset: number) => {
    const answer = await task.run("读取本辖区评价机构", (signal) =>
      client.institutions({ limit: PAGE, offset, regionCode: region }, { signal })
    )
    if (answer?.ok) {
      setPage(answer.value)
      setCursor(0)
    }
  }

  const open = async (id: string, name: string) => {
    const answer = await task.run(`读取 ${name} 的专项评估`, async (signal) => {
      const schedule = await client.assessmentSchedule(id, today, { signal })
      if (!schedule.ok) return schedule
      const history = await client.assessments(id, { limit: 8, offset: 0 }, { signal })
      return history.ok
        ? {
            ok: true as const,
            status: 200,
            value: { id, name, schedule: schedule.value, history: history.value }
          }
        : history
    })
    if (answer?.ok) setStep({ kind: "institution", selected: answer.value })
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: first load only
  useEffect(() => {
    if (route.institutionId !== undefined) void open(route.institutionId, route.institutionId)
    else void load(0)
  }, [])

  const submit = async (selected: Selected) => {
    const findings = form.value("findings").trim()
    const checked = checkRequest(AssessmentSubmission, {
      institutionId: selected.id,
      period: form.value("period").trim(),
      assessedOn: form.value("assessedOn").trim(),
      result: form.value("result"),
      ...(findings === "" ? {} : { findings })
    })
    if (!checked.ok) return form.setErrors(issuesByField(checked.issues, FIELD_OF), ASSESSMENT_FIELDS)
    const answer = await task.run("登记专项评估", (signal) =>
      client.recordAssessment(checked.value, { signal })
    )
    if (answer?.ok) {
      setMessage(
        `已登记 ${periodName(answer.value.period)} 专项评估：${ASSESSMENT_RESULT_NAMES[answer.value.result]}`
      )
      void open(selected.id, selected.name)
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
          selected: cursor,
          offset: page?.offset,
          total: page?.total,
          pageSize: PAGE
        }
        if (applyListMove(listKey(input, key, position), setCursor, (offset) => void load(offset))) return
        if (matches(KEYMAP.back, input, key)) onBack()
        else if (matches(KEYMAP.open, input, key)) {
          const institution = items[cursor]
          if (institution !== undefined) {
            setMessage(undefined)
            void open(institution.id, institution.name)
          }
        }
        return
      }
      if (step.kind === "institution") {
        const { selected } = step
        if (matches(KEYMAP.back, input, key)) {
          setStep({ kind: "list" })
          if (page === undefined) void load(0)
        } else if (matches(KEYMAP.refresh, input, key)) void open(selected.id, selected.name)
        else if (matches(KEYMAP.record, input, key) && may(me, "assessment.record")) {
          const s = selected.schedule
          form.reset(ASSESSMENT_FIELDS, {
            period: s.due ?? s.overdue[0] ?? periodOf(today),
            assessedOn: today
          })
          setMessage(undefined)
          setStep({ kind: "record", selected })
        }
        return
      }
      const action = form.handle(ASSESSMENT_FIELDS, input, key)
      if (action === "cancel") setStep({ kind: "institution", selected: step.selected })
      else if (action === "submit") void submit(step.selected)
    },
    { isActive }
  )

  const frame = { busy: task.busy ? task.label : undefined, problem: task.problem, message }

  if (step.kind === "list")
    return (
      <Frame title="质量评估 · 本辖区评价机构" {...frame} help={["move", "open", "page", "back"]}>
        <Text dimColor>{`共 ${page?.total ?? 0} 家（选择机构查看评估安排与记录）`}</Text>
        <Table
          columns={[
            { title: "机构名称", width: 40 },
            { title: "所在地", width: 12 },
            { title: "目录状态", width: 10 }
          ]}
          rows={(page?.items ?? []).map((i) => [i.name, i.region.name, i.status.name])}
          selected={cursor}
          height={PAGE}
        />
      </Frame>
    )

  const { selected } = step
  const header = (
    <>
      <Text bold>{clip(`${selected.name}（${selected.id}）`, 78)}</Text>
      <Text>{clip(`评估安排（${selected.schedule.date}）：${scheduleText(selected.schedule)}`, 156)}</Text>
    </>
  )
  if (step.kind === "institution")
    return (
      <Frame
        title="质量评估 · 评估安排与记录"
        {...frame}
        help={[...(may(me, "assessment.record") ? (["record"] as const) : []), "refresh", "back"]}
      >
        {header}
        <Text bold>{`专项评估记录（共 ${selected.history.total} 次，由新到旧）：`}</Text>
        <Table
          columns={[
            { title: "期间", width: 12 },
            { title: "评估日期", width: 10 },
            { title: "结论", width: 8 },
            { title: "评估单位", width: 20 },
            { title: "评估发现", width: 22 }
          ]}
          rows={selected.history.items.map((a) => [
            periodName(a.period),
            a.assessedOn,
            ASSESSMENT_RESULT_NAMES[a.result],
            a.assessor.name,
            a.findings === "" ? "—" : a.findings
          ])}
          height={8}
        />
      </Frame>
    )
  return (
    <Frame
      title="质量评估 · 登记专项评估"
      {...frame}
      help={["nextField", "choose", "confirmField", "cancel"]}
    >
      {header}
      <Text dimColor>{`评估单位：${me.organisation.name}`}</Text>
      <Form
        fields={ASSESSMENT_FIELDS}
        state={form.state}
        errors={form.errors}
        submitLabel="登记"
        height={9}
      />
    </Frame>
  )
}
