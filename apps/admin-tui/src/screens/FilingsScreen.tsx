/**
 * 竞赛备案 (54号·二, 附件1): the competitions (GET /api/competitions), filtered by region, class, occupation and
 * dates, each with the filing it requires; a competition opens with its review — the out-of-region computation
 * (counts, share, the cross-region route, the filing required, each with its citation) — and its filings; a filing
 * (chosen there, opened from 待办, or by its number) shows the 附件1 fields, the opinions level by level and the
 * co-signatures. This level records its opinion (同意 / 不同意 + text) when it is the level due; the province
 * records a cross-province co-signature.
 */

import type { CompetitionClass } from "@jineng/domain/competition/CompetitionClass"
import { COMPETITION_CLASSES, competitionClassName } from "@jineng/domain/competition/CompetitionClass"
import { OPINION_VERDICT_NAMES } from "@jineng/domain/competition/Filing"
import type { FilingLevel } from "@jineng/domain/competition/FilingLevel"
import { Text } from "ink"
import { useEffect, useState } from "react"
import type { CompetitionDetail, CompetitionSummary, FilingView, Page } from "../api/AdminClient.js"
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
import { CompetitionPanel } from "./CompetitionPanel.js"
import { percent } from "./DecisionText.js"
import { FilingDetail } from "./FilingDetail.js"
import { LEVEL_SHORT, levelOfRole, REQUIREMENT_SHORT } from "./FilingText.js"
import { regionFullName } from "./RegionName.js"
import { may, type ScreenProps } from "./ScreenProps.js"

const PAGE = 10

const FILTER_FIELDS: ReadonlyArray<FieldSpec> = [
  { kind: "text", name: "regionCode", label: "地区代码", hint: "含下辖地区，如 320100" },
  {
    kind: "choice",
    name: "class",
    label: "竞赛类别",
    options: [
      { value: "", label: "全部" },
      ...COMPETITION_CLASSES.map((c) => ({ value: c, label: competitionClassName(c) }))
    ]
  },
  { kind: "text", name: "occupationCode", label: "职业编码", hint: "如 6-18-02-04" },
  { kind: "text", name: "from", label: "举办时间不早于", hint: "YYYY-MM-DD" },
  { kind: "text", name: "until", label: "举办时间不晚于", hint: "YYYY-MM-DD" }
]

const OPEN_FIELDS: ReadonlyArray<FieldSpec> = [{ kind: "text", name: "filingId", label: "备案编号" }]

const OPINION_FIELDS: ReadonlyArray<FieldSpec> = [
  {
    kind: "choice",
    name: "verdict",
    label: "意见",
    options: [
      { value: "agree", label: OPINION_VERDICT_NAMES.agree },
      { value: "disagree", label: OPINION_VERDICT_NAMES.disagree }
    ]
  },
  { kind: "text", name: "text", label: "意见内容", hint: "如 同意备案" }
]

/** A filing on screen, and the competition it was chosen in (Esc goes back there), if any. */
interface OnFiling {
  readonly view: FilingView
  readonly from: string | undefined
}

type Step =
  | { readonly kind: "list" }
  | { readonly kind: "filter" }
  | { readonly kind: "competition"; readonly detail: CompetitionDetail }
  | { readonly kind: "open" }
  | ({ readonly kind: "filing" } & OnFiling)
  | ({ readonly kind: "opinion"; readonly level: FilingLevel } & OnFiling)
  | ({ readonly kind: "cosign"; readonly fields: ReadonlyArray<FieldSpec> } & OnFiling)

export const FilingsScreen = ({ client, me, isActive, route, onBack }: ScreenProps) => {
  const task = useTask()
  const [step, setStep, stepRef] = useStateRef<Step>(
    route.filingId === undefined ? { kind: "list" } : { kind: "open" }
  )
  const [list, setList] = useState<Page<CompetitionSummary> | undefined>(undefined)
  const [offset, setOffset] = useState(0)
  const [selected, setSelected] = useState(0)
  const [filingSelected, setFilingSelected] = useState(0)
  const [message, setMessage] = useState<string | undefined>(undefined)
  const filter = useForm(FILTER_FIELDS, {
    regionCode: me.organisation.regionCode === "320000" ? "" : me.organisation.regionCode
  })
  const opener = useForm(OPEN_FIELDS, { filingId: route.filingId ?? "" })
  const opinion = useForm(OPINION_FIELDS)
  const cosign = useForm([])
  const myLevel = levelOfRole(me.organisation.role)

  const loadList = async (at: number) => {
    const chosen = filter.value("class")
    const answer = await task.run("读取竞赛列表", (signal) =>
      client.competitions(
        {
          limit: PAGE,
          offset: at,
          regionCode: filter.value("regionCode").trim(),
          class: chosen === "" ? undefined : (chosen as CompetitionClass),
          occupationCode: filter.value("occupationCode").trim(),
          from: filter.value("from").trim(),
          until: filter.value("until").trim()
        },
        { signal }
      )
    )
    if (answer?.ok) {
      setList(answer.value)
      setOffset(at)
      setSelected(0)
    }
  }

  /** Back to the list, read the first time it is shown (after a filing opened from 待办 or by number). */
  const toList = () => {
    setMessage(undefined)
    setStep({ kind: "list" })
    if (list === undefined) void loadList(0)
  }

  /** Opens a competition with its filings, the filing `filingId` chosen when it is one of them. */
  const openCompetition = async (competitionId: string, filingId?: string) => {
    const answer = await task.run(`读取竞赛 ${competitionId}`, (signal) =>
      client.competition(competitionId, { signal })
    )
    if (answer?.ok) {
      setStep({ kind: "competition", detail: answer.value })
      setFilingSelected(
        Math.max(
          0,
          answer.value.filings.findIndex((f) => f.filing.id === filingId)
        )
      )
    }
  }

  const openFiling = async (filingId: string, from: string | undefined) => {
    setMessage(undefined)
    const answer = await task.run(`读取备案 ${filingId}`, (signal) => client.filing(filingId, { signal }))
    if (answer?.ok) setStep({ kind: "filing", view: answer.value, from })
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: first load only
  useEffect(() => {
    if (route.filingId !== undefined) void openFiling(route.filingId, undefined)
    else void loadList(0)
  }, [])

  const submitOpinion = async (at: OnFiling, level: FilingLevel) => {
    const text = opinion.value("text").trim()
    if (text === "") {
      opinion.setErrors({ text: "请填写意见内容" }, OPINION_FIELDS)
      return
    }
    const verdict = opinion.value("verdict") as "agree" | "disagree"
    const answer = await task.run("记录备案意见", (signal) =>
      client.recordOpinion(at.view.filing.id, { level, verdict, text }, { signal })
    )
    if (answer?.ok) {
      setStep({ kind: "filing", view: answer.value, from: at.from })
      setMessage(`已记录${LEVEL_SHORT[level]}意见：${OPINION_VERDICT_NAMES[verdict]}`)
    }
  }

  const submitCoSign = async (at: OnFiling) => {
    const province = cosign.value("province")
    const answer = await task.run("记录会签", (signal) =>
      client.coSign(at.view.filing.id, { province }, { signal })
    )
    if (answer?.ok) {
      setStep({ kind: "filing", view: answer.value, from: at.from })
      setMessage(`已记录${regionFullName(province)}会签`)
    }
  }

  /** The filters set, as the list's heading says them ("全部" when none is). */
  const filterText = () => {
    const v = (name: string) => filter.value(name).trim()
    const chosen = v("class")
    const parts = [
      v("regionCode") === "" ? "" : `地区 ${v("regionCode")}`,
      chosen === "" ? "" : `类别 ${competitionClassName(chosen as CompetitionClass)}`,
      v("occupationCode") === "" ? "" : `职业 ${v("occupationCode")}`,
      v("from") === "" && v("until") === "" ? "" : `时间 ${v("from") || "…"} 至 ${v("until") || "…"}`
    ].filter((p) => p !== "")
    return parts.length === 0 ? "全部" : parts.join("  ")
  }

  const opinionDue = (view: FilingView) =>
    may(me, "filing.opinion") && myLevel !== undefined && view.nextLevel === myLevel
  const unsigned = (view: FilingView) =>
    view.filing.status === "completed" || view.filing.status === "refused"
      ? []
      : view.filing.coSignatures.filter((c) => c.signed === undefined)
  const coSignable = (view: FilingView) => may(me, "filing.cosign") && unsigned(view).length > 0

  useKeys(
    (input, key) => {
      const step = stepRef.current
      if (task.holds(input, key)) return
      switch (step.kind) {
        case "list": {
          const items = list?.items ?? []
          const position = { count: items.length, selected, offset, total: list?.total, pageSize: PAGE }
          if (applyListMove(listKey(input, key, position), setSelected, (at) => void loadList(at))) return
          if (matches(KEYMAP.back, input, key)) onBack()
          else if (matches(KEYMAP.refresh, input, key)) void loadList(offset)
          else if (matches(KEYMAP.filter, input, key)) setStep({ kind: "filter" })
          else if (matches(KEYMAP.openFiling, input, key)) setStep({ kind: "open" })
          else if (matches(KEYMAP.open, input, key)) {
            const item = items[selected]
            if (item !== undefined) void openCompetition(item.competition.id)
          }
          return
        }
        case "filter": {
          const action = filter.handle(FILTER_FIELDS, input, key)
          if (action === "cancel") setStep({ kind: "list" })
          else if (action === "submit") {
            setStep({ kind: "list" })
            void loadList(0)
          }
          return
        }
        case "competition": {
          const { filings, competition } = step.detail
          if (
            applyListMove(
              listKey(input, key, { count: filings.length, selected: filingSelected }),
              setFilingSelected
            )
          )
            return
          if (matches(KEYMAP.back, input, key)) toList()
          else if (matches(KEYMAP.refresh, input, key))
            void openCompetition(competition.id, filings[filingSelected]?.filing.id)
          else if (matches(KEYMAP.openFiling, input, key)) setStep({ kind: "open" })
          else if (matches(KEYMAP.open, input, key)) {
            const chosen = filings[filingSelected]
            if (chosen !== undefined) {
              setMessage(undefined)
              setStep({ kind: "filing", view: chosen, from: competition.id })
            }
          }
          return
        }
        case "open": {
          const action = opener.handle(OPEN_FIELDS, input, key)
          if (action === "cancel") toList()
          else if (action === "submit" && opener.value("filingId").trim() !== "")
            void openFiling(opener.value("filingId").trim(), undefined)
          return
        }
        case "filing": {
          const { view, from } = step
          if (matches(KEYMAP.back, input, key)) {
            setMessage(undefined)
            if (from === undefined) toList()
            else void openCompetition(from, view.filing.id)
          } else if (matches(KEYMAP.refresh, input, key)) void openFiling(view.filing.id, from)
          else if (matches(KEYMAP.openFiling, input, key)) setStep({ kind: "open" })
          else if (matches(KEYMAP.opinion, input, key) && myLevel !== undefined && opinionDue(view)) {
            opinion.reset(OPINION_FIELDS)
            setMessage(undefined)
            setStep({ kind: "opinion", view, from, level: myLevel })
          } else if (matches(KEYMAP.coSign, input, key) && coSignable(view)) {
            const fields: ReadonlyArray<FieldSpec> = [
              {
                kind: "choice",
                name: "province",
                label: "会签省份",
                options: unsigned(view).map((c) => ({ value: c.province, label: regionFullName(c.province) }))
              }
            ]
            cosign.reset(fields)
            setMessage(undefined)
            setStep({ kind: "cosign", view, from, fields })
          }
          return
        }
        case "opinion": {
          const action = opinion.handle(OPINION_FIELDS, input, key)
          if (action === "cancel") setStep({ kind: "filing", view: step.view, from: step.from })
          else if (action === "submit") void submitOpinion(step, step.level)
          return
        }
        case "cosign": {
          const action = cosign.handle(step.fields, input, key)
          if (action === "cancel") setStep({ kind: "filing", view: step.view, from: step.from })
          else if (action === "submit") void submitCoSign(step)
          return
        }
      }
    },
    { isActive }
  )

  const busy = task.busy ? task.label : undefined
  const frame = { busy, problem: task.problem, message }

  switch (step.kind) {
    case "list":
    case "filter": {
      const items = list?.items ?? []
      return (
        <Frame
          title="竞赛备案 · 竞赛列表"
          {...frame}
          help={
            step.kind === "filter"
              ? ["nextField", "choose", "confirmField", "cancel"]
              : ["move", "open", "page", "filter", "openFiling", "back"]
          }
        >
          {step.kind === "filter" ? (
            <Form fields={FILTER_FIELDS} state={filter.state} submitLabel="查询" height={6} />
          ) : (
            <Text dimColor>{clip(`共 ${list?.total ?? 0} 项  筛选：${filterText()}`, 78)}</Text>
          )}
          <Table
            columns={[
              { title: "开始日期", width: 10 },
              { title: "竞赛名称", width: 27 },
              { title: "类别", width: 8 },
              { title: "外地占比", width: 8, align: "right" },
              { title: "应备案", width: 8 },
              { title: "竞赛编号", width: 12 }
            ]}
            rows={items.map(({ competition: c, review }) => [
              c.startsOn,
              c.name,
              competitionClassName(c.class),
              percent(review.share.seen.outOfRegion, review.share.seen.total),
              REQUIREMENT_SHORT[review.requiredFiling.outcome],
              c.id
            ])}
            selected={step.kind === "list" ? selected : undefined}
            height={PAGE}
            empty={list === undefined ? "正在读取…" : "没有符合条件的竞赛"}
          />
        </Frame>
      )
    }
    case "competition":
      return (
        <Frame
          title="竞赛备案 · 竞赛详情（54号·二）"
          {...frame}
          help={["move", "open", "refresh", "openFiling", "back"]}
        >
          <CompetitionPanel detail={step.detail} selected={filingSelected} />
        </Frame>
      )
    case "open":
      return (
        <Frame title="竞赛备案 · 打开备案" {...frame} help={["confirmField", "cancel"]}>
          <Form fields={OPEN_FIELDS} state={opener.state} submitLabel="打开" height={3} />
        </Frame>
      )
    case "filing":
      return (
        <Frame
          title="竞赛备案 · 备案详情（附件1）"
          {...frame}
          help={[
            ...(opinionDue(step.view) ? (["opinion"] as const) : []),
            ...(coSignable(step.view) ? (["coSign"] as const) : []),
            "refresh",
            "openFiling",
            "back"
          ]}
        >
          <FilingDetail view={step.view} myLevel={myLevel} />
        </Frame>
      )
    case "opinion":
      return (
        <Frame
          title={`竞赛备案 · ${LEVEL_SHORT[step.level]}意见`}
          {...frame}
          help={["choose", "nextField", "confirmField", "cancel"]}
        >
          <Text>{clip(`备案 ${step.view.filing.id}：${step.view.filing.form.competitionName}`, 78)}</Text>
          <Form
            fields={OPINION_FIELDS}
            state={opinion.state}
            errors={opinion.errors}
            submitLabel="记录意见"
            height={5}
          />
          <Text dimColor>不同意即不予备案（附件1），记录后不能更改。</Text>
        </Frame>
      )
    case "cosign":
      return (
        <Frame title="竞赛备案 · 跨省会签" {...frame} help={["choose", "confirmField", "cancel"]}>
          <Text>{clip(`备案 ${step.view.filing.id}：${step.view.filing.form.competitionName}`, 78)}</Text>
          <Form fields={step.fields} state={cosign.state} submitLabel="记录会签" height={3} />
        </Frame>
      )
  }
}
