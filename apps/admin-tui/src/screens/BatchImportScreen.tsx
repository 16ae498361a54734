/**
 * 批次导入 (54号·四 "谁评价、谁发证、谁负责"; 附件2 批次): an institution imports the results of an evaluation batch from
 * .csv or .xlsx (Ctrl+T exports the template, both formats), every row is checked with the domain's rules
 * (batch/BatchSheet) with a progress bar, the failing rows are listed in a table, and the passing rows are
 * submitted as JSON Lines with a progress bar. Nothing is issued while any row fails unless the operator excludes
 * the failing rows explicitly (x), and submission asks to be confirmed. The API issues all or nothing: rows it
 * refuses come back by line and join the table. The certificates issued are saved beside the file (.issued.csv).
 */
import { readFileSync, writeFileSync } from "node:fs"
import { extname, isAbsolute, join } from "node:path"
import type { EvaluationBatch } from "@jineng/domain/issuance/EvaluationBatch"
import type { BatchCandidate } from "@jineng/domain/issuance/IssueBatchRequest"
import { Text } from "ink"
import { useRef, useState } from "react"
import type { IssuedBatch, Problem } from "../api/AdminClient.js"
import { issuesByField } from "../api/RequestCheck.js"
import {
  type CheckedRow,
  checkHeader,
  checkSheet,
  problemText,
  readSheet,
  type SheetRow,
  templateRows
} from "../batch/BatchSheet.js"
import { decodeCsvBytes, parseCsv, type Rows, writeCsv } from "../batch/Csv.js"
import { readXlsx, writeXlsx } from "../batch/Xlsx.js"
import { Form } from "../components/Form.js"
import type { FieldSpec } from "../components/FormModel.js"
import { Frame } from "../components/Frame.js"
import { ProgressBar } from "../components/ProgressBar.js"
import { Table } from "../components/Table.js"
import { clip } from "../components/TextWidth.js"
import { useForm } from "../hooks/useForm.js"
import { useKeys } from "../hooks/useKeys.js"
import { useStateRef } from "../hooks/useStateRef.js"
import { useTask } from "../hooks/useTask.js"
import { KEYMAP, matches } from "../keymap.js"
import type { ScreenProps } from "./ScreenProps.js"

export const IMPORT_FIELDS: ReadonlyArray<FieldSpec> = [
  { kind: "text", name: "file", label: "结果文件", hint: ".csv 或 .xlsx 的路径" },
  { kind: "text", name: "batchId", label: "批次编号" },
  { kind: "text", name: "institutionId", label: "评价机构编号" },
  { kind: "text", name: "issuedOn", label: "发证日期", hint: "YYYY-MM-DD" },
  { kind: "text", name: "evaluationRegion", label: "评价所在地区", hint: "缺省取批次的地区" }
]

const HEADER_FIELD_OF = [
  ["batchId", "batchId"],
  ["institutionId", "institutionId"],
  ["issuedOn", "issuedOn"],
  ["evaluationRegion", "evaluationRegion"]
] as const

/** The file's rows: .xlsx (first sheet) or .csv (UTF-8 or GB18030). */
export const readRows = (path: string): Rows => {
  const bytes = new Uint8Array(readFileSync(path))
  const ext = extname(path).toLowerCase()
  if (ext === ".xlsx") return readXlsx(bytes)
  if (ext === ".csv" || ext === ".txt") return parseCsv(decodeCsvBytes(bytes))
  throw new Error("只能导入 .csv 或 .xlsx 文件")
}

const localProblem = (code: string, detail: string): Problem => ({ status: 0, code, title: detail, detail })

interface Checked {
  readonly header: {
    readonly batchId: string
    readonly institutionId: string
    readonly issuedOn: string
    readonly evaluationRegion: string
  }
  readonly path: string
  readonly rows: ReadonlyArray<CheckedRow>
  readonly fileProblems: ReadonlyArray<string>
}

type Step =
  | { readonly kind: "form" }
  | { readonly kind: "checking"; readonly done: number; readonly total: number }
  | {
      readonly kind: "checked"
      readonly checked: Checked
      readonly exclude: boolean
      readonly confirming: boolean
    }
  | { readonly kind: "sending"; readonly checked: Checked; readonly sent: number; readonly total: number }
  | { readonly kind: "issued"; readonly issued: IssuedBatch; readonly savedTo: string | undefined }

/** One line of the error table per problem. */
const errorRows = (rows: ReadonlyArray<CheckedRow>) =>
  rows.flatMap((r) => r.problems.map((p) => [String(r.line), r.name, problemText(p)]))

export const BatchImportScreen = ({
  client,
  me,
  today,
  isActive,
  onBack,
  workDir = process.cwd()
}: ScreenProps & { readonly workDir?: string }) => {
  const task = useTask()
  const form = useForm(IMPORT_FIELDS, { institutionId: me.organisation.institutionId ?? "", issuedOn: today })
  const [step, setStep, stepRef] = useStateRef<Step>({ kind: "form" })
  const [scroll, setScroll] = useState(0)
  const [message, setMessage] = useState<string | undefined>(undefined)
  const checking = useRef<AbortController | undefined>(undefined)

  const resolvePath = (p: string) => (isAbsolute(p) ? p : join(workDir, p))

  const exportTemplate = () => {
    const batchId = form.value("batchId").trim()
    const base = join(
      workDir,
      `jineng-batch-${batchId === "" ? "template" : `${batchId.replace(/[^\w.-]/g, "_")}-template`}`
    )
    try {
      writeFileSync(`${base}.csv`, writeCsv(templateRows()))
      writeFileSync(`${base}.xlsx`, writeXlsx(templateRows(), "评价结果"))
      setMessage(`已导出模板：${base}.csv、${base}.xlsx`)
    } catch (error) {
      task.fail(
        localProblem(
          "TemplateNotWritten",
          `模板未能保存：${error instanceof Error ? error.message : String(error)}`
        )
      )
    }
  }

  /** Reads the file and the batch, checks the request and every row. */
  const check = async () => {
    setMessage(undefined)
    task.clear()
    form.setErrors({})
    const v = form.state.values
    const path = (v.file ?? "").trim()
    if (path === "") return form.setErrors({ file: "请填写结果文件的路径" }, IMPORT_FIELDS)
    const batchId = (v.batchId ?? "").trim()
    let batch: EvaluationBatch | undefined
    if (batchId !== "") {
      const answer = await task.run(`读取评价批次 ${batchId}`, (signal) => client.batch(batchId, { signal }))
      if (answer === undefined || !answer.ok) return
      batch = answer.value
    }
    const header = {
      batchId,
      institutionId: (v.institutionId ?? "").trim() || (batch?.institution.id ?? ""),
      issuedOn: (v.issuedOn ?? "").trim(),
      evaluationRegion: (v.evaluationRegion ?? "").trim() || (batch?.regionCode ?? "")
    }
    const headerChecked = checkHeader(header, batch)
    if (!headerChecked.ok)
      return form.setErrors(issuesByField(headerChecked.issues, HEADER_FIELD_OF), IMPORT_FIELDS)
    let sheet: ReturnType<typeof readSheet>
    try {
      sheet = readSheet(readRows(resolvePath(path)))
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return form.setErrors(
        { file: /ENOENT/.test(reason) ? `找不到文件：${resolvePath(path)}` : reason },
        IMPORT_FIELDS
      )
    }
    const controller = new AbortController()
    checking.current = controller
    setStep({ kind: "checking", done: 0, total: sheet.rows.length })
    const rows = await checkSheet(sheet.rows as ReadonlyArray<SheetRow>, batch, {
      signal: controller.signal,
      onProgress: (done) => setStep({ kind: "checking", done, total: sheet.rows.length })
    })
    checking.current = undefined
    if (rows === undefined) {
      setStep({ kind: "form" })
      task.fail(localProblem("Cancelled", "已取消校验"))
      return
    }
    setScroll(0)
    setStep({
      kind: "checked",
      checked: { header, path: resolvePath(path), rows, fileProblems: sheet.problems },
      exclude: false,
      confirming: false
    })
  }

  const submit = async (checked: Checked) => {
    const passing = checked.rows.filter((r) => r.candidate !== undefined)
    const candidates = passing.map((r) => r.candidate as BatchCandidate)
    setStep({ kind: "sending", checked, sent: 0, total: candidates.length })
    const answer = await task.run(`核发 ${candidates.length} 本证书`, (signal) =>
      client.issueBatch(
        { ...checked.header, candidates },
        { signal, onProgress: (sent, total) => setStep({ kind: "sending", checked, sent, total }) }
      )
    )
    if (answer?.ok) {
      const savedTo = `${checked.path}.issued.csv`
      let saved: string | undefined = savedTo
      try {
        writeFileSync(
          savedTo,
          writeCsv([
            ["证书编号", "姓名", "证件号码（脱敏）"],
            ...answer.value.certificates.map((c) => [c.number, c.name, c.idNumberMasked])
          ])
        )
      } catch {
        saved = undefined
      }
      setStep({ kind: "issued", issued: answer.value, savedTo: saved })
      return
    }
    // Refused rows (BatchRefused): by index into the submitted rows, shown on their lines.
    const refused = answer === undefined || answer.ok ? undefined : answer.problem.refused
    const byLine = new Map<number, string>()
    for (const r of refused ?? []) {
      const row = passing[r.index]
      if (row !== undefined)
        byLine.set(row.line, r.decision?.failures.map((f) => f.message).join("；") ?? "服务器拒绝核发此行")
    }
    const rows = checked.rows.map((r) => {
      const why = byLine.get(r.line)
      return why === undefined
        ? r
        : { ...r, candidate: undefined, problems: [{ column: undefined, message: `服务器拒绝：${why}` }] }
    })
    setStep({ kind: "checked", checked: { ...checked, rows }, exclude: false, confirming: false })
  }

  useKeys(
    (input, key) => {
      const step = stepRef.current
      if (step.kind === "checking") {
        if (matches(KEYMAP.cancel, input, key)) checking.current?.abort()
        return
      }
      if (task.holds(input, key)) return
      if (step.kind === "form") {
        if (matches(KEYMAP.template, input, key)) return exportTemplate()
        const action = form.handle(IMPORT_FIELDS, input, key)
        if (action === "cancel") onBack()
        else if (action === "submit") void check()
        return
      }
      if (step.kind === "checked") {
        const failing = step.checked.rows.filter((r) => r.candidate === undefined).length
        const passing = step.checked.rows.length - failing
        const errors = errorRows(step.checked.rows).length
        if (matches(KEYMAP.cancel, input, key)) {
          if (step.confirming) setStep({ ...step, confirming: false })
          else setStep({ kind: "form" })
        } else if (matches(KEYMAP.up, input, key)) setScroll((s) => Math.max(0, s - 1))
        else if (matches(KEYMAP.down, input, key)) setScroll((s) => Math.min(Math.max(0, errors - 1), s + 1))
        else if (matches(KEYMAP.recheck, input, key)) void check()
        else if (matches(KEYMAP.excludeFailing, input, key) && failing > 0)
          setStep({ ...step, exclude: !step.exclude, confirming: false })
        else if (matches(KEYMAP.submit, input, key)) {
          if (step.checked.fileProblems.length > 0)
            task.fail(localProblem("SheetRefused", step.checked.fileProblems.join("；")))
          else if (passing === 0) task.fail(localProblem("NothingToIssue", "没有可核发的行"))
          else if (failing > 0 && !step.exclude)
            task.fail(
              localProblem(
                "RowsFailing",
                `有 ${failing} 行有误：请修改文件后重新读取（r），或按 x 明确排除有误的行`
              )
            )
          else if (!step.confirming) setStep({ ...step, confirming: true })
          else void submit(step.checked)
        }
        return
      }
      if (step.kind === "issued") {
        if (matches(KEYMAP.back, input, key)) onBack()
        else if (matches(KEYMAP.open, input, key)) setStep({ kind: "form" })
      }
    },
    { isActive }
  )

  const frame = {
    busy: task.busy && step.kind !== "sending" ? task.label : undefined,
    problem: task.problem,
    message
  }

  if (step.kind === "form")
    return (
      <Frame title="批次导入 · 评价结果" {...frame} help={["nextField", "confirmField", "template", "back"]}>
        <Text dimColor>
          一行一名合格人员；列：姓名、证件类型、证件号码、职业编码、工种、证书等级、用人单位统一社会信用代码。
        </Text>
        <Form
          fields={IMPORT_FIELDS}
          state={form.state}
          errors={form.errors}
          submitLabel="读取并校验"
          height={12}
        />
      </Frame>
    )

  if (step.kind === "checking")
    return (
      <Frame title="批次导入 · 校验中" {...frame} help={["cancel"]}>
        <ProgressBar label="逐行校验" done={step.done} total={step.total} />
      </Frame>
    )

  if (step.kind === "sending") {
    const uploaded = step.sent >= step.total
    return (
      <Frame
        title="批次导入 · 提交核发"
        busy={uploaded ? "已送出全部行，等待服务器核发" : undefined}
        problem={undefined}
        help={["cancel"]}
      >
        <Text>{clip(`批次 ${step.checked.header.batchId}，共 ${step.total} 人`, 78)}</Text>
        <ProgressBar label="送出" done={step.sent} total={step.total} />
      </Frame>
    )
  }

  if (step.kind === "issued") {
    const { issued, savedTo } = step
    return (
      <Frame title="批次导入 · 核发完成" {...frame} help={["open", "back"]}>
        <Text bold>
          {issued.alreadyIssued
            ? `批次 ${issued.batchId} 此前已核发：共 ${issued.count} 本，本次未新增`
            : `批次 ${issued.batchId} 已核发 ${issued.count} 本证书（发证日期 ${issued.issuedOn}）`}
        </Text>
        <Text>
          {savedTo === undefined ? "证书清单未能保存到文件" : clip(`证书清单已保存：${savedTo}`, 78)}
        </Text>
        <Table
          columns={[
            { title: "证书编号", width: 24 },
            { title: "姓名", width: 12 },
            { title: "证件号码", width: 20 }
          ]}
          rows={issued.certificates.map((c) => [c.number, c.name, c.idNumberMasked])}
          height={10}
        />
        <Text dimColor>Enter 导入下一批</Text>
      </Frame>
    )
  }

  const { checked, exclude, confirming } = step
  const failing = checked.rows.filter((r) => r.candidate === undefined).length
  const passing = checked.rows.length - failing
  const errors = errorRows(checked.rows)
  return (
    <Frame
      title="批次导入 · 校验结果"
      {...frame}
      help={["move", ...(failing > 0 ? (["excludeFailing"] as const) : []), "submit", "recheck", "cancel"]}
    >
      <Text>{clip(`${checked.path}`, 78)}</Text>
      <Text bold>
        {`共 ${checked.rows.length} 行：${passing} 行可核发，${failing} 行有误${failing > 0 ? (exclude ? "（已排除有误的行）" : "（未排除）") : ""}`}
      </Text>
      {checked.fileProblems.map((p) => (
        <Text key={p} color="red">
          {clip(`✗ ${p}`, 156)}
        </Text>
      ))}
      <Table
        columns={[
          { title: "行号", width: 6, align: "right" },
          { title: "姓名", width: 8 },
          { title: "问题", width: 60 }
        ]}
        rows={errors}
        selected={errors.length === 0 ? undefined : scroll}
        height={9}
        empty="全部行校验通过"
      />
      {errors[scroll] === undefined ? null : (
        <Text>{clip(`第 ${errors[scroll]?.[0]} 行：${errors[scroll]?.[2]}`, 156)}</Text>
      )}
      {confirming ? (
        <Text bold inverse>
          {`将为 ${passing} 人核发证书${failing > 0 ? `（排除有误的 ${failing} 行）` : ""}：再按 y 确认提交，Esc 取消`}
        </Text>
      ) : null}
    </Frame>
  )
}
