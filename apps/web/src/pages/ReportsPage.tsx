/**
 * 监督举报 (54号·五 "主动向社会公布职业证书发放监督举报电话，严肃核实查处相关举报问题"): the hotlines (the province's
 * from the notice, each city's as on file, or the province's with a notice saying so), an online report that
 * returns a tracking code, and the report's progress by that code (state and outcome only).
 */
import {
  displayTrackingCode,
  isTrackingCode,
  normaliseTrackingCode
} from "@jineng/domain/quality/TrackingCode"
import { createAsync } from "@solidjs/router"
import { createSignal, For, Show } from "solid-js"
import { createStore } from "solid-js/store"
import { type ApiResult, getHotlines, getReportStatus, type ReportInput, submitReport } from "../api"
import { SelectField, TextAreaField, TextField } from "../components/Field"
import { Notice } from "../components/Notice"
import { PageHeading } from "../components/PageHeading"
import { ProblemNotice } from "../components/ProblemNotice"
import { RegionOptions } from "../components/RegionOptions"
import { TableRegion } from "../components/TableRegion"
import { failureOf, successOf } from "../lib/result"
import { PROVINCIAL_HOTLINE } from "../lib/site"
import type { HotlineDirectory, ReportStatus, SubmittedReport } from "../lib/types"

type HotlineEntry = HotlineDirectory["cities"][number]

const HotlineRow = (props: { readonly entry: HotlineEntry }) => (
  <tr>
    <th scope="row">{props.entry.regionName}</th>
    <td>
      <For each={props.entry.hotlines}>
        {(h) => (
          <a class="nowrap" href={`tel:${h.phone}`}>
            {h.phone}
          </a>
        )}
      </For>
    </td>
    <td>{props.entry.published ? "本地区登记的举报电话" : (props.entry.notice ?? "")}</td>
  </tr>
)

const Hotlines = () => {
  const directory = createAsync(() => getHotlines())
  return (
    <section aria-labelledby="hotlines-heading">
      <h2 id="hotlines-heading">举报电话</h2>
      <p>
        省人力资源社会保障厅职业证书发放监督举报电话：
        <a class="hotline" href={`tel:${PROVINCIAL_HOTLINE}`}>
          {PROVINCIAL_HOTLINE}
        </a>
      </p>
      <Show when={failureOf(directory())}>{(failed) => <ProblemNotice failure={failed()} />}</Show>
      <Show when={successOf(directory())}>
        {(d) => (
          <TableRegion
            captionId="hotlines-caption"
            caption="各设区市职业证书发放监督举报电话"
            head={
              <tr>
                <th scope="col">地区</th>
                <th scope="col">举报电话</th>
                <th scope="col">说明</th>
              </tr>
            }
          >
            <For each={[...d().cities, ...d().districts]}>{(entry) => <HotlineRow entry={entry} />}</For>
          </TableRegion>
        )}
      </Show>
    </section>
  )
}

const REPORT_FIELDS = [
  "regionCode",
  "subject",
  "details",
  "concerning",
  "certificateNumbers",
  "reporterContact"
] as const
type ReportField = (typeof REPORT_FIELDS)[number]

/** Several certificate numbers typed with spaces, commas or line breaks between them. */
const splitNumbers = (text: string) =>
  text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== "")

const checkReport = (form: Readonly<Record<ReportField, string>>): Partial<Record<ReportField, string>> => {
  const errors: Partial<Record<ReportField, string>> = {}
  if (form.regionCode === "") errors.regionCode = "请选择举报事项所在地区"
  if (form.subject.trim() === "") errors.subject = "请填写举报事项"
  if (form.details.trim() === "") errors.details = "请填写举报内容"
  const numbers = splitNumbers(form.certificateNumbers)
  if (numbers.length > 100) errors.certificateNumbers = "涉及证书编号不能超过100个"
  else if (numbers.some((n) => n.length > 40)) errors.certificateNumbers = "每个证书编号不能超过40个字符"
  return errors
}

const toInput = (form: Readonly<Record<ReportField, string>>): ReportInput => {
  const optional = (key: "concerning" | "reporterContact") =>
    form[key].trim() === "" ? {} : { [key]: form[key].trim() }
  const numbers = splitNumbers(form.certificateNumbers)
  return {
    regionCode: form.regionCode,
    subject: form.subject.trim(),
    details: form.details.trim(),
    ...optional("concerning"),
    ...optional("reporterContact"),
    ...(numbers.length === 0 ? {} : { certificateNumbers: numbers })
  }
}

const ReportForm = () => {
  const blank = Object.fromEntries(REPORT_FIELDS.map((k) => [k, ""])) as Record<ReportField, string>
  const [form, setForm] = createStore<Record<ReportField, string>>({ ...blank })
  const [errors, setErrors] = createSignal<Partial<Record<ReportField, string>>>({})
  const [sending, setSending] = createSignal(false)
  const [answer, setAnswer] = createSignal<ApiResult<SubmittedReport>>()
  let receipt: HTMLHeadingElement | undefined

  const field = (key: ReportField) => ({
    id: `report-${key}`,
    get value() {
      return form[key]
    },
    onValue: (value: string) => setForm(key, value),
    get error() {
      return errors()[key]
    }
  })

  const showErrors = (found: Partial<Record<ReportField, string>>) => {
    setErrors(found)
    const first = REPORT_FIELDS.find((k) => found[k] !== undefined)
    if (first !== undefined) document.getElementById(`report-${first}`)?.focus()
  }

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const found = checkReport(form)
    if (Object.keys(found).length > 0) return showErrors(found)
    setErrors({})
    setSending(true)
    const result = await submitReport(toInput(form))
    setSending(false)
    setAnswer(result)
    if (result.ok) {
      setForm(blank)
      queueMicrotask(() => receipt?.focus())
      return
    }
    const known = REPORT_FIELDS.find((k) => result.problem.field?.split(".")[0] === k)
    if (result.status === 400 && known !== undefined) showErrors({ [known]: result.problem.detail })
  }

  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">网上举报</h2>
      <p>
        可匿名举报；联系方式选填。提交后将得到查询码，凭查询码可查询办理进度。属地人力资源社会保障部门将依法核实查处。
      </p>
      <Show when={successOf(answer())}>
        {(done) => (
          <div class="notice notice--ok">
            <h3 ref={receipt} tabindex="-1">
              举报已受理
            </h3>
            <p>
              您的查询码：<span class="tracking-code">{done().displayCode}</span>
            </p>
            <p>受理日期：{done().receivedOn}</p>
            <p>{done().notice}</p>
          </div>
        )}
      </Show>
      <Show when={failureOf(answer())}>{(failed) => <ProblemNotice failure={failed()} />}</Show>
      <form onSubmit={submit} novalidate>
        <SelectField label="举报事项所在地区" required {...field("regionCode")}>
          <RegionOptions anyLabel="请选择地区" />
        </SelectField>
        <TextField
          label="举报事项"
          hint="如：证书核发、评价考务、竞赛收费、资格审核"
          required
          maxLength={200}
          {...field("subject")}
        />
        <TextAreaField
          label="举报内容"
          hint="请写明时间、地点、经过（不超过5000字）"
          required
          maxLength={5000}
          {...field("details")}
        />
        <TextField label="被举报单位" required={false} maxLength={200} {...field("concerning")} />
        <TextAreaField
          label="涉及证书编号"
          hint="多个编号用空格、逗号或换行分隔"
          required={false}
          rows={3}
          {...field("certificateNumbers")}
        />
        <TextField
          label="联系方式"
          hint="留下电话或邮箱便于核实情况；不填即为匿名举报"
          required={false}
          maxLength={100}
          autocomplete="tel"
          {...field("reporterContact")}
        />
        <div class="actions">
          <button class="button" type="submit" disabled={sending()}>
            提交举报
          </button>
        </div>
        <p role="status" class="hint">
          {sending()
            ? "正在提交，请稍候……"
            : Object.keys(errors()).length > 0
              ? `请更正上面 ${Object.keys(errors()).length} 处填写错误后再提交。`
              : ""}
        </p>
      </form>
    </section>
  )
}

const STATUS_CODE_MESSAGE =
  "查询码应为 JB 加10位字母或数字（如 JB-23456-789AB；不含 0、O、1、I），请核对后重新输入"

const ReportStatusForm = () => {
  const [code, setCode] = createSignal("")
  const [error, setError] = createSignal<string>()
  const [loading, setLoading] = createSignal(false)
  const [answer, setAnswer] = createSignal<ApiResult<ReportStatus>>()
  let input: HTMLInputElement | undefined

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const normalised = normaliseTrackingCode(code())
    if (!isTrackingCode(normalised)) {
      setError(normalised === "" ? "请填写查询码" : STATUS_CODE_MESSAGE)
      setAnswer(undefined)
      input?.focus()
      return
    }
    setError(undefined)
    setLoading(true)
    setAnswer(await getReportStatus(normalised))
    setLoading(false)
  }

  const status = () => successOf(answer())

  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">查询办理进度</h2>
      <form onSubmit={submit} novalidate>
        <TextField
          id="tracking-code"
          label="查询码"
          hint="提交举报时得到的查询码，如 JB-23456-789AB（不区分大小写）"
          required
          autocomplete="off"
          spellcheck={false}
          maxLength={20}
          value={code()}
          onValue={setCode}
          error={error()}
          ref={(el: HTMLInputElement) => {
            input = el
          }}
        />
        <div class="actions">
          <button class="button" type="submit" disabled={loading()}>
            查询进度
          </button>
        </div>
      </form>
      <p role="status">
        {loading()
          ? "正在查询，请稍候……"
          : status() !== undefined
            ? `办理状态：${status()?.stateName}`
            : (failureOf(answer())?.problem.title ?? "")}
      </p>
      <Show when={failureOf(answer())}>{(failed) => <ProblemNotice failure={failed()} />}</Show>
      <Show when={status()}>
        {(s) => (
          <div class="card">
            <dl class="fields">
              <dt>查询码</dt>
              <dd>{displayTrackingCode(s().trackingCode)}</dd>
              <dt>办理状态</dt>
              <dd>{s().stateName}</dd>
              <Show when={s().outcomeName}>
                <dt>办结结论</dt>
                <dd>{s().outcomeName}</dd>
              </Show>
              <dt>受理日期</dt>
              <dd>{s().receivedOn}</dd>
              <dt>最近更新</dt>
              <dd>{s().updatedOn}</dd>
            </dl>
          </div>
        )}
      </Show>
    </section>
  )
}

export default function ReportsPage() {
  return (
    <>
      <PageHeading title="监督举报" />
      <p class="lead">
        发现违规评价、违规发放证书、竞赛收费等问题，可拨打举报电话或在网上举报（苏人社办函〔2022〕54号·五）。
      </p>
      <Notice title="举报须知">
        <p>请如实反映问题。举报内容和举报人信息仅供办理部门核实使用，查询办理进度时只显示办理状态和结论。</p>
      </Notice>
      <Hotlines />
      <ReportForm />
      <ReportStatusForm />
    </>
  )
}
