/**
 * 证书注销 (54号·五 "一律注销相关人员或批次的证书，并启动信用核查联动机制"): the order — a whole batch, listed
 * certificate numbers, or a person's certificates found by ID number + name (public lookup) — with its reason,
 * basis document, credit-check referral and date; checked with the domain's RevocationRequest schema, then a dry
 * run (POST /revocations/preview: counts and a sample, nothing changes). Executing needs the operator to type the
 * number of certificates the dry run will revoke; a spinner runs while the order executes (one transaction on the
 * server), and a summary closes it.
 */

import { RevocationRequest } from "@jineng/domain/revocation/RevocationOrder"
import { REVOCATION_REASONS, revocationReasonName } from "@jineng/domain/revocation/RevocationReason"
import { Box, Text } from "ink"
import { useState } from "react"
import type { RevocationPreview, RevocationResult } from "../api/AdminClient.js"
import { checkRequest, issuesByField } from "../api/RequestCheck.js"
import { Form } from "../components/Form.js"
import type { FieldSpec } from "../components/FormModel.js"
import { Frame } from "../components/Frame.js"
import { Table } from "../components/Table.js"
import { clip } from "../components/TextWidth.js"
import { useForm } from "../hooks/useForm.js"
import { useKeys } from "../hooks/useKeys.js"
import { useStateRef } from "../hooks/useStateRef.js"
import { useTask } from "../hooks/useTask.js"
import { KEYMAP, matches } from "../keymap.js"
import { failuresText } from "./DecisionText.js"
import { may, type ScreenProps } from "./ScreenProps.js"

type ScopeKind = "batch" | "numbers" | "person"

const TARGET_LABEL: Record<ScopeKind, string> = {
  batch: "批次编号",
  numbers: "证书编号（空格分隔）",
  person: "身份证号"
}

export const revocationFields = (kind: ScopeKind): ReadonlyArray<FieldSpec> => [
  {
    kind: "choice",
    name: "scope",
    label: "注销范围",
    options: [
      { value: "batch", label: "整个批次" },
      { value: "numbers", label: "列明证书" },
      { value: "person", label: "身份证号+姓名" }
    ]
  },
  { kind: "text", name: "target", label: TARGET_LABEL[kind] },
  ...(kind === "person" ? [{ kind: "text", name: "holderName", label: "持证人姓名" } as const] : []),
  {
    kind: "choice",
    name: "reason",
    label: "注销原因",
    options: REVOCATION_REASONS.map((r) => ({ value: r, label: revocationReasonName(r) }))
  },
  { kind: "text", name: "documentNumber", label: "依据文件文号", hint: "如 苏人社督〔2025〕3号" },
  { kind: "text", name: "documentTitle", label: "依据文件标题" },
  {
    kind: "choice",
    name: "referred",
    label: "信用核查联动",
    options: [
      { value: "yes", label: "启动" },
      { value: "no", label: "不启动" }
    ]
  },
  { kind: "text", name: "note", label: "联动说明", hint: "可不填" },
  { kind: "text", name: "orderedOn", label: "决定日期", hint: "YYYY-MM-DD" }
]

/** Where the schema's issues go in the form. */
const FIELD_OF = [
  ["scope", "target"],
  ["reason", "reason"],
  ["basis.documentNumber", "documentNumber"],
  ["basis.title", "documentTitle"],
  ["basis", "documentNumber"],
  ["creditCheck", "referred"],
  ["orderedOn", "orderedOn"]
] as const

/** Certificate numbers as typed: separated by spaces, commas or 、; upper-cased. */
export const parseNumbers = (text: string): ReadonlyArray<string> =>
  text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s.length > 0)

type Step =
  | { readonly kind: "form" }
  | {
      readonly kind: "preview"
      readonly request: RevocationRequest
      readonly preview: RevocationPreview
      readonly typed: string
    }
  | { readonly kind: "done"; readonly result: RevocationResult; readonly expected: number }

const EFFECT_NAMES = { revoke: "将注销", already_revoked: "此前已注销", not_found: "证书库中不存在" } as const

export const RevocationScreen = ({ client, me, today, isActive, onBack }: ScreenProps) => {
  const task = useTask()
  const form = useForm(revocationFields("batch"), { orderedOn: today })
  const [step, setStep, stepRef] = useStateRef<Step>({ kind: "form" })
  const [confirmProblem, setConfirmProblem] = useState<string | undefined>(undefined)
  const kind = form.value("scope") as ScopeKind
  const fields = revocationFields(kind)
  const mayExecute = may(me, "revocation.execute")

  const scopeOf = async (): Promise<RevocationRequest["scope"] | "invalid" | undefined> => {
    const target = form.value("target").trim()
    if (kind === "batch") return { _tag: "batch", batchId: target }
    if (kind === "numbers") return { _tag: "certificates", numbers: parseNumbers(target) as never }
    const name = form.value("holderName").trim()
    if (target === "" || name === "") {
      form.setErrors({ [target === "" ? "target" : "holderName"]: "按身份证号查找须同时填写身份证号和姓名" })
      return "invalid"
    }
    const found = await task.run("按身份证号与姓名查找证书", (signal) =>
      client.lookupCertificates({ idNumber: target, name }, { signal })
    )
    if (found === undefined || !found.ok) return undefined
    return { _tag: "certificates", numbers: found.value.certificates.map((c) => c.number) as never }
  }

  const runPreview = async () => {
    form.setErrors({})
    const scope = await scopeOf()
    if (scope === undefined || scope === "invalid") return
    const note = form.value("note").trim()
    const checked = checkRequest(RevocationRequest, {
      scope,
      reason: form.value("reason"),
      basis: {
        documentNumber: form.value("documentNumber").trim(),
        title: form.value("documentTitle").trim()
      },
      creditCheck: { referred: form.value("referred") === "yes", ...(note === "" ? {} : { note }) },
      orderedOn: form.value("orderedOn").trim()
    })
    if (!checked.ok) {
      form.setErrors(issuesByField(checked.issues, FIELD_OF), fields)
      return
    }
    const request = checked.value
    const answer = await task.run("预演注销（不作任何改动）", (signal) =>
      client.previewRevocation(request, { signal })
    )
    if (answer?.ok) {
      setConfirmProblem(undefined)
      setStep({ kind: "preview", request, preview: answer.value, typed: "" })
    }
  }

  const execute = async (request: RevocationRequest, expected: number) => {
    const answer = await task.run(`正在注销 ${expected} 本证书`, (signal) =>
      client.executeRevocation(request, { signal })
    )
    if (answer?.ok) setStep({ kind: "done", result: answer.value, expected })
  }

  useKeys(
    (input, key) => {
      const step = stepRef.current
      if (task.holds(input, key)) return
      if (step.kind === "form") {
        const action = form.handle(fields, input, key)
        if (action === "cancel") onBack()
        else if (action === "submit") void runPreview()
        return
      }
      if (step.kind === "preview") {
        if (matches(KEYMAP.cancel, input, key)) {
          setStep({ kind: "form" })
          return
        }
        if (matches(KEYMAP.confirmField, input, key)) {
          const expected = step.preview.toRevoke
          if (!mayExecute) setConfirmProblem("本单位只能预演，不能执行注销")
          else if (expected === 0) setConfirmProblem("没有可注销的证书")
          else if (step.typed.trim() !== String(expected))
            setConfirmProblem(`输入的数量与预演不符：应输入 ${expected}`)
          else void execute(step.request, expected)
          return
        }
        const type = (edit: (typed: string) => string) =>
          setStep((s) => (s.kind === "preview" ? { ...s, typed: edit(s.typed) } : s))
        if (key.backspace || key.delete) type((t) => t.slice(0, -1))
        else if (/^\d+$/.test(input)) type((t) => t + input)
        return
      }
      if (matches(KEYMAP.back, input, key)) onBack()
      else if (matches(KEYMAP.open, input, key)) {
        form.reset(revocationFields("batch"), { orderedOn: today })
        setStep({ kind: "form" })
      }
    },
    { isActive }
  )

  const busy = task.busy ? task.label : undefined
  if (step.kind === "form")
    return (
      <Frame
        title="证书注销 · 注销决定"
        busy={busy}
        problem={task.problem}
        help={task.busy ? ["cancel"] : ["nextField", "previousField", "choose", "preview", "back"]}
      >
        <Text dimColor>决定机关为本单位（{me.organisation.name}）；先预演，确认后执行。</Text>
        <Form fields={fields} state={form.state} errors={form.errors} submitLabel="预演" height={13} />
        {form.errors[""] === undefined ? null : <Text color="red">{`✗ ${form.errors[""]}`}</Text>}
      </Frame>
    )

  if (step.kind === "preview") {
    const { preview, request } = step
    const refusals = [preview.authority, preview.order]
      .filter((d) => d.outcome !== "allowed")
      .map(failuresText)
    const scopeText =
      request.scope._tag === "batch"
        ? `批次 ${request.scope.batchId}`
        : `列明证书 ${request.scope.numbers.length} 本`
    return (
      <Frame
        title="证书注销 · 预演结果（未作任何改动）"
        busy={busy}
        problem={task.problem}
        help={task.busy ? ["cancel"] : ["confirmExecute", "cancel"]}
      >
        <Text>
          {clip(
            `范围：${scopeText}  原因：${revocationReasonName(request.reason)}  决定日期：${request.orderedOn}`,
            78
          )}
        </Text>
        <Text>{clip(`依据：${request.basis.documentNumber}《${request.basis.title}》`, 78)}</Text>
        <Text>{`信用核查联动：${request.creditCheck.referred ? "启动" : "不启动"}`}</Text>
        <Text bold>
          {`将注销 ${preview.toRevoke} 本   此前已注销 ${preview.alreadyRevoked} 本   不存在 ${preview.notFound} 本   超出辖区 ${preview.outsideRegion} 本`}
        </Text>
        {refusals.map((r) => (
          <Text key={r} color="red">
            {clip(`不予注销：${r}`, 158)}
          </Text>
        ))}
        <Table
          columns={[
            { title: "证书编号", width: 24 },
            { title: "持证人", width: 12 },
            { title: "效果", width: 16 }
          ]}
          rows={preview.sample.map((s) => [s.number, s.holderName ?? "—", EFFECT_NAMES[s.effect]])}
          height={6}
        />
        {confirmProblem === undefined ? null : <Text color="red">{`✗ ${confirmProblem}`}</Text>}
        <Box>
          <Text bold>{`请输入将注销的证书数以确认（${preview.toRevoke}）：`}</Text>
          <Text inverse>{`${step.typed}▌`}</Text>
        </Box>
      </Frame>
    )
  }

  const { result, expected } = step
  return (
    <Frame title="证书注销 · 已执行" problem={task.problem} help={["open", "back"]}>
      <Text bold>{`注销决定 ${result.order.id} 已执行`}</Text>
      <Text>{`本次注销 ${result.revoked} 本；范围内此前已注销 ${result.alreadyRevoked} 本（保留首次注销）`}</Text>
      {result.revoked === expected ? null : (
        <Text color="yellow">{`注意：预演为 ${expected} 本，实际注销 ${result.revoked} 本（期间有变动）`}</Text>
      )}
      <Text>{`信用核查联动：${result.creditCheckReferred ? "已启动" : "未启动"}`}</Text>
      <Text>{clip(`依据：${result.order.basis.documentNumber}《${result.order.basis.title}》`, 78)}</Text>
      <Text>{`决定日期：${result.order.orderedOn}`}</Text>
      {result.alreadyRevokedSample.length === 0 ? null : (
        <Table
          columns={[
            { title: "此前已注销", width: 24 },
            { title: "注销日期", width: 10 },
            { title: "决定编号", width: 30 }
          ]}
          rows={result.alreadyRevokedSample.map((a) => [a.number, a.revokedOn, a.orderId])}
          height={5}
        />
      )}
      <Text dimColor>Enter 开始新的注销决定</Text>
    </Frame>
  )
}
