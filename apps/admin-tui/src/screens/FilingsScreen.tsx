/**
 * 竞赛备案 (54号·二, 附件1): the published competition plans (附件3, the only competition list the API offers),
 * filtered by region and dates; a filing opened by its number shows the 附件1 fields (主办单位, 竞赛名称, 申报类型,
 * 赛项设置, 涉及参赛地区), the out-of-region computation (counts, share, the filing it requires, the cross-region
 * route, citation), the opinions level by level and the co-signatures. This level records its opinion (同意 /
 * 不同意 + text) when it is the level due; the province records a cross-province co-signature.
 */
import type { CompetitionPlan } from "@jineng/domain/competition/CompetitionPlan"
import { CROSS_REGION_ROUTE_NAMES } from "@jineng/domain/competition/CrossRegionRoute"
import { OPINION_VERDICT_NAMES } from "@jineng/domain/competition/Filing"
import type { FilingLevel } from "@jineng/domain/competition/FilingLevel"
import { FILING_REQUIREMENT_NAMES } from "@jineng/domain/competition/FilingRequirement"
import { Text } from "ink"
import { useEffect, useState } from "react"
import type { FilingView, Page } from "../api/AdminClient.js"
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
import { failuresText, percent } from "./DecisionText.js"
import { regionFullName } from "./RegionName.js"
import { may, type ScreenProps } from "./ScreenProps.js"

const LEVEL_SHORT: Record<FilingLevel, string> = {
  district: "区(县)人社局",
  city: "设区市人社局",
  province: "省人社厅"
}

const STATUS_NAMES = {
  in_review: "逐级审核中",
  awaiting_co_signature: "待会签",
  completed: "备案完成",
  refused: "不予备案"
} as const

/** The opinion level a bureau's role fills on 附件1 (domain.md §4). */
export const levelOfRole = (role: string): FilingLevel | undefined =>
  role === "province" || role === "city" || role === "district" ? role : undefined

const PAGE = 10

const FILTER_FIELDS: ReadonlyArray<FieldSpec> = [
  { kind: "text", name: "regionCode", label: "地区代码", hint: "含下辖地区，如 320100" },
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

type Step =
  | { readonly kind: "plans" }
  | { readonly kind: "filter" }
  | { readonly kind: "plan"; readonly plan: CompetitionPlan }
  | { readonly kind: "open" }
  | { readonly kind: "filing"; readonly view: FilingView }
  | { readonly kind: "opinion"; readonly view: FilingView; readonly level: FilingLevel }
  | { readonly kind: "cosign"; readonly view: FilingView; readonly fields: ReadonlyArray<FieldSpec> }

export const FilingsScreen = ({ client, me, isActive, route, onBack }: ScreenProps) => {
  const task = useTask()
  const [step, setStep, stepRef] = useStateRef<Step>(
    route.filingId === undefined ? { kind: "plans" } : { kind: "open" }
  )
  const [plans, setPlans] = useState<Page<CompetitionPlan> | undefined>(undefined)
  const [offset, setOffset] = useState(0)
  const [selected, setSelected] = useState(0)
  const [message, setMessage] = useState<string | undefined>(undefined)
  const filter = useForm(FILTER_FIELDS, {
    regionCode: me.organisation.regionCode === "320000" ? "" : me.organisation.regionCode
  })
  const opener = useForm(OPEN_FIELDS, { filingId: route.filingId ?? "" })
  const opinion = useForm(OPINION_FIELDS)
  const cosign = useForm([])
  const myLevel = levelOfRole(me.organisation.role)

  const loadPlans = async (at: number) => {
    const answer = await task.run("读取办赛计划", (signal) =>
      client.competitionPlans(
        {
          limit: PAGE,
          offset: at,
          regionCode: filter.value("regionCode").trim(),
          from: filter.value("from").trim(),
          until: filter.value("until").trim()
        },
        { signal }
      )
    )
    if (answer?.ok) {
      setPlans(answer.value)
      setOffset(at)
      setSelected(0)
    }
  }

  const openFiling = async (filingId: string) => {
    setMessage(undefined)
    const answer = await task.run(`读取备案 ${filingId}`, (signal) => client.filing(filingId, { signal }))
    if (answer?.ok) setStep({ kind: "filing", view: answer.value })
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: first load only
  useEffect(() => {
    if (route.filingId !== undefined) void openFiling(route.filingId)
    else void loadPlans(0)
  }, [])

  const submitOpinion = async (view: FilingView, level: FilingLevel) => {
    const text = opinion.value("text").trim()
    if (text === "") {
      opinion.setErrors({ text: "请填写意见内容" }, OPINION_FIELDS)
      return
    }
    const verdict = opinion.value("verdict") as "agree" | "disagree"
    const answer = await task.run("记录备案意见", (signal) =>
      client.recordOpinion(view.filing.id, { level, verdict, text }, { signal })
    )
    if (answer?.ok) {
      setStep({ kind: "filing", view: answer.value })
      setMessage(`已记录${LEVEL_SHORT[level]}意见：${OPINION_VERDICT_NAMES[verdict]}`)
    }
  }

  const submitCoSign = async (view: FilingView) => {
    const province = cosign.value("province")
    const answer = await task.run("记录会签", (signal) =>
      client.coSign(view.filing.id, { province }, { signal })
    )
    if (answer?.ok) {
      setStep({ kind: "filing", view: answer.value })
      setMessage(`已记录${regionFullName(province)}会签`)
    }
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
        case "plans": {
          const items = plans?.items ?? []
          const position = { count: items.length, selected, offset, total: plans?.total, pageSize: PAGE }
          if (applyListMove(listKey(input, key, position), setSelected, (at) => void loadPlans(at))) return
          if (matches(KEYMAP.back, input, key)) onBack()
          else if (matches(KEYMAP.refresh, input, key)) void loadPlans(offset)
          else if (matches(KEYMAP.filter, input, key)) setStep({ kind: "filter" })
          else if (matches(KEYMAP.openFiling, input, key)) setStep({ kind: "open" })
          else if (matches(KEYMAP.open, input, key)) {
            const plan = items[selected]
            if (plan !== undefined) setStep({ kind: "plan", plan })
          }
          return
        }
        case "filter": {
          const action = filter.handle(FILTER_FIELDS, input, key)
          if (action === "cancel") setStep({ kind: "plans" })
          else if (action === "submit") {
            setStep({ kind: "plans" })
            void loadPlans(0)
          }
          return
        }
        case "plan":
          if (matches(KEYMAP.back, input, key)) setStep({ kind: "plans" })
          else if (matches(KEYMAP.openFiling, input, key)) setStep({ kind: "open" })
          return
        case "open": {
          const action = opener.handle(OPEN_FIELDS, input, key)
          if (action === "cancel") setStep({ kind: "plans" })
          else if (action === "submit" && opener.value("filingId").trim() !== "")
            void openFiling(opener.value("filingId").trim())
          return
        }
        case "filing": {
          const { view } = step
          if (matches(KEYMAP.back, input, key)) {
            setMessage(undefined)
            setStep({ kind: "plans" })
          } else if (matches(KEYMAP.refresh, input, key)) void openFiling(view.filing.id)
          else if (matches(KEYMAP.openFiling, input, key)) setStep({ kind: "open" })
          else if (matches(KEYMAP.opinion, input, key) && myLevel !== undefined && opinionDue(view)) {
            opinion.reset(OPINION_FIELDS)
            setMessage(undefined)
            setStep({ kind: "opinion", view, level: myLevel })
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
            setStep({ kind: "cosign", view, fields })
          }
          return
        }
        case "opinion": {
          const action = opinion.handle(OPINION_FIELDS, input, key)
          if (action === "cancel") setStep({ kind: "filing", view: step.view })
          else if (action === "submit") void submitOpinion(step.view, step.level)
          return
        }
        case "cosign": {
          const action = cosign.handle(step.fields, input, key)
          if (action === "cancel") setStep({ kind: "filing", view: step.view })
          else if (action === "submit") void submitCoSign(step.view)
          return
        }
      }
    },
    { isActive }
  )

  const busy = task.busy ? task.label : undefined
  const frame = { busy, problem: task.problem, message }

  switch (step.kind) {
    case "plans":
    case "filter": {
      const items = plans?.items ?? []
      return (
        <Frame
          title="竞赛备案 · 办赛计划（附件3）"
          {...frame}
          help={
            step.kind === "filter"
              ? ["nextField", "confirmField", "cancel"]
              : ["move", "open", "page", "filter", "openFiling", "back"]
          }
        >
          {step.kind === "filter" ? (
            <Form fields={FILTER_FIELDS} state={filter.state} submitLabel="查询" height={5} />
          ) : (
            <Text dimColor>
              {clip(
                `筛选：地区 ${filter.value("regionCode") || "全部"}  时间 ${filter.value("from") || "…"} 至 ${filter.value("until") || "…"}  共 ${plans?.total ?? 0} 项`,
                78
              )}
            </Text>
          )}
          <Table
            columns={[
              { title: "举办时间", width: 10 },
              { title: "赛项", width: 28 },
              { title: "主办单位", width: 20 },
              { title: "竞赛编号", width: 14 }
            ]}
            rows={items.map((p) => [
              p.listing.time.from,
              p.listing.eventName,
              p.listing.host,
              p.competitionId ?? "—"
            ])}
            selected={step.kind === "plans" ? selected : undefined}
            height={PAGE}
          />
        </Frame>
      )
    }
    case "plan": {
      const { plan } = step
      return (
        <Frame title="竞赛备案 · 办赛计划" {...frame} help={["openFiling", "back"]}>
          <Text>{clip(`赛项名称：${plan.listing.eventName}`, 78)}</Text>
          <Text>{clip(`主办单位：${plan.listing.host}`, 78)}</Text>
          <Text>{`举办时间：${plan.listing.time.from} 至 ${plan.listing.time.until}`}</Text>
          <Text>{`所在地区：${plan.listing.regionCode === undefined ? "—" : regionFullName(plan.listing.regionCode)}`}</Text>
          <Text>{`报名电话：${plan.listing.registrationPhone}`}</Text>
          <Text>{clip(`参赛条件：${plan.listing.participationConditions}`, 156)}</Text>
          <Text>{`竞赛编号：${plan.competitionId ?? "—"}   计划编号：${plan.id}   公布日期：${plan.publishedOn}`}</Text>
          <Text dimColor>备案须按备案编号打开（f）。</Text>
        </Frame>
      )
    }
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

const FilingDetail = ({
  view,
  myLevel
}: {
  readonly view: FilingView
  readonly myLevel: FilingLevel | undefined
}) => {
  const { filing, nextLevel, incentives } = view
  const pending = filing.levels.slice(filing.opinions.length)
  const lost = incentives.outcome === "lost"
  return (
    <>
      <Text bold>{clip(`备案 ${filing.id}（竞赛 ${filing.competitionId}）`, 78)}</Text>
      <Text bold>
        {`状态：${STATUS_NAMES[filing.status]}  待出具意见：${nextLevel === null ? "—" : LEVEL_SHORT[nextLevel]}${nextLevel !== null && nextLevel === myLevel ? "（本级）" : ""}`}
      </Text>
      <Text>{clip(`主办单位：${filing.form.host}`, 78)}</Text>
      <Text>{clip(`竞赛名称：${filing.form.competitionName}`, 78)}</Text>
      <Text>{`申报类型：${filing.form.declarationType}  竞赛开始：${filing.competitionStartsOn}  提交：${filing.submittedOn}`}</Text>
      <Text>{clip(`赛项设置：${filing.form.events.join("；")}`, 78)}</Text>
      <Text>{clip(`涉及参赛地区：${filing.form.regions.map((r) => r.name).join("、")}`, 78)}</Text>
      <Text>
        {clip(
          `外地选手 ${filing.share.outOfRegion}/${filing.share.total} 人（${percent(filing.share.outOfRegion, filing.share.total)}）→ ${FILING_REQUIREMENT_NAMES[filing.shareRequirement]}（54号·二）`,
          78
        )}
      </Text>
      <Text>{clip(`跨区域办赛：${CROSS_REGION_ROUTE_NAMES[filing.route]}`, 78)}</Text>
      <Text>
        {clip(
          `应备案层级：${filing.required === "province" ? "省人社厅" : "设区市人社局"}；意见层级：${filing.levels.map((l) => LEVEL_SHORT[l]).join(" → ")}`,
          78
        )}
      </Text>
      <Text>{clip(`支持激励政策：${lost ? `失去（${failuresText(incentives)}）` : "保留"}`, 78)}</Text>
      <Text bold>意见（附件1）：</Text>
      {filing.opinions.map((o) => (
        <Text key={o.level}>
          {clip(`  ${LEVEL_SHORT[o.level]}  ${OPINION_VERDICT_NAMES[o.verdict]}  ${o.date}  ${o.text}`, 78)}
        </Text>
      ))}
      {filing.status === "in_review"
        ? pending.map((l) => <Text key={l}>{`  ${LEVEL_SHORT[l]}  （待填写）`}</Text>)
        : null}
      {filing.coSignatures.length === 0 ? null : (
        <Text>
          {clip(
            `会签：${filing.coSignatures.map((c) => `${regionFullName(c.province)}${c.signed === undefined ? "未会签" : `已会签 ${c.signed.date}`}`).join("；")}`,
            78
          )}
        </Text>
      )}
      {filing.provisional.length === 0 ? null : (
        <Text dimColor>
          {clip(
            `待确认的解释：${filing.provisional[0]?.reason ?? ""}（共 ${filing.provisional.length} 条）`,
            78
          )}
        </Text>
      )}
    </>
  )
}
