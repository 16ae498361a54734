/**
 * 机构目录 (54号·五 "实行能进能出的目录清单式动态管理"; "明确…地域范围、有效期限和认定等级"): search the catalogue (the
 * public list, searched by the API over the whole catalogue: name containing the text, region with sub-regions,
 * status, occupation, level; paged, with the count of matches), an
 * institution with its authorisations, its status and scope history, and — for the roles that may — admit one,
 * change its region and authorisations, suspend, remove or readmit it with a reason. Each request is checked with
 * the domain's command schemas (CatalogueCommands) first; the API then checks the region scope (属地管理).
 */

import {
  AdmitInstitution,
  ScopeChangeRequest,
  StatusChange
} from "@jineng/domain/institution/CatalogueCommands"
import { catalogueStatusName } from "@jineng/domain/institution/CatalogueStatus"
import { INSTITUTION_KINDS } from "@jineng/domain/institution/InstitutionKind"
import { Text } from "ink"
import { useEffect, useState } from "react"
import type { InstitutionHistory, Page, PublicInstitution, StatusMove } from "../api/AdminClient.js"
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
import { type AuthorisationText, authorisationOf, prefixOf, textOf } from "./AuthorisationText.js"
import { regionShortName } from "./RegionName.js"
import { may, type ScreenProps } from "./ScreenProps.js"

const PAGE = 10
/** The longest name text the catalogue search takes (GET /api/public/institutions `name`, 1–100 characters). */
const NAME_MAX = 100

const KIND_SHORT: Record<string, string> = {
  employer: "用人单位",
  third_party: "第三方",
  city_appraisal_centre: "市鉴定机构",
  provincial_appraisal_centre: "省鉴定中心"
}

/** The latest last day of the institution's authorisations. */
export const validUntilOf = (i: PublicInstitution): string =>
  i.authorisations
    .map((a) => a.validUntil)
    .sort()
    .at(-1) ?? ""

const FILTER_FIELDS: ReadonlyArray<FieldSpec> = [
  { kind: "text", name: "name", label: "名称含", hint: "在全部目录中查找，1–100字" },
  { kind: "text", name: "regionCode", label: "所在地代码", hint: "含下级，如 320100" },
  {
    kind: "choice",
    name: "status",
    label: "目录状态",
    options: [
      { value: "", label: "全部" },
      { value: "admitted", label: "已纳入" },
      { value: "suspended", label: "暂停" },
      { value: "removed", label: "已移出" }
    ]
  },
  { kind: "text", name: "occupationCode", label: "职业编码", hint: "如 6-18-01-01" },
  { kind: "text", name: "level", label: "等级", hint: "1–5" }
]

const authorisationFields = (prefix: string, title: string): ReadonlyArray<FieldSpec> => [
  { kind: "text", name: `${prefix}occupations`, label: `${title}职业`, hint: "编码[/工种]，逗号分隔" },
  { kind: "text", name: `${prefix}levels`, label: `${title}等级`, hint: "如 5,4,3" },
  { kind: "text", name: `${prefix}region`, label: `${title}地域`, hint: "行政区划代码" },
  { kind: "text", name: `${prefix}validFrom`, label: `${title}有效期起`, hint: "YYYY-MM-DD" },
  { kind: "text", name: `${prefix}validUntil`, label: `${title}有效期止`, hint: "YYYY-MM-DD" }
]

const DATE_AND_REASON = (reason: string): ReadonlyArray<FieldSpec> => [
  { kind: "text", name: "date", label: "生效日期", hint: "YYYY-MM-DD，缺省为今天" },
  { kind: "text", name: "reason", label: reason, hint: "如 决定文号" }
]

export const ADMIT_FIELDS: ReadonlyArray<FieldSpec> = [
  { kind: "text", name: "name", label: "机构名称" },
  {
    kind: "choice",
    name: "kind",
    label: "机构类别",
    options: INSTITUTION_KINDS.map((k) => ({ value: k, label: KIND_SHORT[k] ?? k }))
  },
  { kind: "text", name: "uscc", label: "统一社会信用代码" },
  { kind: "text", name: "region", label: "所在地代码" },
  {
    kind: "choice",
    name: "filedWith",
    label: "备案层级",
    options: [
      { value: "province", label: "省级备案" },
      { value: "mohrss", label: "人社部备案" }
    ]
  },
  { kind: "text", name: "prefix", label: "证书编号前缀", hint: "13位，如 S000032000123；鉴定机构不填" },
  { kind: "text", name: "responsible", label: "负责人" },
  { kind: "text", name: "sealId", label: "印章编号" },
  { kind: "text", name: "sealName", label: "印章名称" },
  ...authorisationFields("a0.", "授权"),
  ...DATE_AND_REASON("准入理由")
]

const AUTH_FIELD_OF = (index: number, prefix: string) =>
  [
    [`authorisations.${index}.occupations`, `${prefix}occupations`],
    [`authorisations.${index}.levels`, `${prefix}levels`],
    [`authorisations.${index}.region`, `${prefix}region`],
    [`authorisations.${index}.validFrom`, `${prefix}validFrom`],
    [`authorisations.${index}.validUntil`, `${prefix}validUntil`],
    [`authorisations.${index}`, `${prefix}validUntil`]
  ] as const

const ADMIT_FIELD_OF = [
  ["name", "name"],
  ["kind", "kind"],
  ["uscc", "uscc"],
  ["region", "region"],
  ["filedWith", "filedWith"],
  ["numberingPrefix", "prefix"],
  ["responsiblePerson", "responsible"],
  ["seal.id", "sealId"],
  ["seal", "sealName"],
  ...AUTH_FIELD_OF(0, "a0."),
  ["authorisations", "a0.occupations"],
  ["date", "date"],
  ["reason", "reason"]
] as const

const authText = (
  values: Readonly<Record<string, string>>,
  prefix: string,
  id: string
): AuthorisationText => ({
  id,
  occupations: values[`${prefix}occupations`] ?? "",
  levels: values[`${prefix}levels`] ?? "",
  region: values[`${prefix}region`] ?? "",
  validFrom: values[`${prefix}validFrom`] ?? "",
  validUntil: values[`${prefix}validUntil`] ?? ""
})

const dated = (values: Readonly<Record<string, string>>) => {
  const date = (values.date ?? "").trim()
  return { ...(date === "" ? {} : { date }), reason: (values.reason ?? "").trim() }
}

/** The admission request from the form (unchecked: AdmitInstitution decides). */
export const admissionOf = (values: Readonly<Record<string, string>>, authorisationId: string) => {
  const prefix = prefixOf(values.prefix ?? "")
  return {
    name: (values.name ?? "").trim(),
    kind: values.kind,
    uscc: (values.uscc ?? "").trim().toUpperCase(),
    region: (values.region ?? "").trim(),
    filedWith: values.filedWith,
    ...(prefix === undefined ? {} : { numberingPrefix: prefix }),
    responsiblePerson: { name: (values.responsible ?? "").trim() },
    seal: { id: (values.sealId ?? "").trim(), name: (values.sealName ?? "").trim() },
    authorisations: [authorisationOf(authText(values, "a0.", authorisationId))],
    ...dated(values)
  }
}

/** The scope form: the region, each authorisation (clear its occupations to drop it) and one new one. */
const scopeFields = (count: number): ReadonlyArray<FieldSpec> => [
  { kind: "text", name: "region", label: "所在地代码" },
  ...Array.from({ length: count }, (_, i) => authorisationFields(`a${i}.`, `授权${i + 1}`)).flat(),
  ...authorisationFields("new.", "新增授权"),
  ...DATE_AND_REASON("变更理由")
]

const MOVES: Record<StatusMove, { readonly title: string; readonly done: string }> = {
  suspension: { title: "暂停评价", done: "已暂停评价" },
  removal: { title: "移出目录", done: "已移出目录" },
  readmission: { title: "恢复评价 / 重新准入", done: "已恢复（已纳入目录）" }
}

const MOVE_FIELDS = DATE_AND_REASON("变更理由")

type FormKind = "filter" | "admit" | "scope" | StatusMove

type Step =
  | { readonly kind: "list" }
  | { readonly kind: "detail"; readonly institution: PublicInstitution }
  | {
      readonly kind: "history"
      readonly institution: PublicInstitution
      readonly history: InstitutionHistory
    }
  | {
      readonly kind: "form"
      readonly form: FormKind
      readonly fields: ReadonlyArray<FieldSpec>
      readonly institution?: PublicInstitution
    }

export const InstitutionsScreen = ({ client, me, today, isActive, route, onBack }: ScreenProps) => {
  const task = useTask()
  const [step, setStep, stepRef] = useStateRef<Step>({ kind: "list" })
  const [page, setPage] = useState<Page<PublicInstitution> | undefined>(undefined)
  const [selected, setSelected] = useState(0)
  const [message, setMessage] = useState<string | undefined>(undefined)
  const filter = useForm(FILTER_FIELDS, {
    regionCode: me.organisation.regionCode === "320000" ? "" : me.organisation.regionCode
  })
  // The filter of the list shown: paging keeps it, and a cancelled filter form goes back to it.
  const [applied, setApplied] = useState(filter.state.values)
  const form = useForm([])

  const load = async (offset: number, v: Readonly<Record<string, string>> = applied) => {
    const answer = await task.run("查询机构目录", (signal) =>
      client.institutions(
        {
          limit: PAGE,
          offset,
          name: v.name?.trim(),
          regionCode: v.regionCode?.trim(),
          status: (v.status || undefined) as "admitted" | undefined,
          occupationCode: v.occupationCode?.trim(),
          level: v.level?.trim()
        },
        { signal }
      )
    )
    if (answer?.ok) {
      setPage(answer.value)
      setSelected(0)
    }
  }

  const openInstitution = async (institutionId: string) => {
    const answer = await task.run(`读取机构 ${institutionId}`, (signal) =>
      client.institution(institutionId, { signal })
    )
    if (answer?.ok) setStep({ kind: "detail", institution: answer.value })
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: first load only
  useEffect(() => {
    if (route.institutionId !== undefined) void openInstitution(route.institutionId)
    else void load(0)
  }, [])

  const nameFilter = (applied.name ?? "").trim()
  const items = page?.items ?? []

  const beginForm = (
    kind: FormKind,
    fields: ReadonlyArray<FieldSpec>,
    values: Record<string, string>,
    institution?: PublicInstitution
  ) => {
    form.reset(fields, values)
    setMessage(undefined)
    setStep({ kind: "form", form: kind, fields, ...(institution === undefined ? {} : { institution }) })
  }

  const beginScope = (institution: PublicInstitution) => {
    const values: Record<string, string> = { region: institution.region.code }
    institution.authorisations.forEach((a, i) => {
      const t = textOf(a)
      for (const k of ["occupations", "levels", "region", "validFrom", "validUntil"] as const)
        values[`a${i}.${k}`] = t[k]
    })
    beginForm("scope", scopeFields(institution.authorisations.length), values, institution)
  }

  const done = (institution: PublicInstitution, text: string) => {
    setMessage(text)
    void openInstitution(institution.id)
  }

  const submitForm = async (kind: FormKind, institution: PublicInstitution | undefined) => {
    const values = form.state.values
    if (kind === "admit") {
      const checked = checkRequest(AdmitInstitution, admissionOf(values, `auth-${Date.now().toString(36)}`))
      if (!checked.ok) return form.setErrors(issuesByField(checked.issues, ADMIT_FIELD_OF), ADMIT_FIELDS)
      const answer = await task.run("准入评价机构", (signal) =>
        client.admitInstitution(checked.value, { signal })
      )
      if (answer?.ok) {
        setMessage(`已准入：${answer.value.name}（${answer.value.id}）`)
        void openInstitution(answer.value.id)
      }
      return
    }
    if (institution === undefined) return
    if (kind === "scope") {
      const kept = institution.authorisations
        .map((a, i) => authText(values, `a${i}.`, a.id))
        .filter((t) => t.occupations.trim() !== "")
      const added = authText(
        values,
        "new.",
        `${institution.id}-auth-${institution.authorisations.length + 1}`
      )
      const texts = added.occupations.trim() === "" ? kept : [...kept, added]
      const checked = checkRequest(ScopeChangeRequest, {
        region: (values.region ?? "").trim(),
        authorisations: texts.map(authorisationOf),
        ...dated(values)
      })
      if (!checked.ok) {
        const fieldOf = [
          ["region", "region"] as const,
          ...texts.flatMap((t, i) => {
            const original = institution.authorisations.findIndex((a) => a.id === t.id)
            return AUTH_FIELD_OF(i, original === -1 ? "new." : `a${original}.`)
          }),
          ["date", "date"] as const,
          ["reason", "reason"] as const
        ]
        return form.setErrors(
          issuesByField(checked.issues, fieldOf),
          scopeFields(institution.authorisations.length)
        )
      }
      const answer = await task.run("变更评价范围", (signal) =>
        client.changeScope(institution.id, checked.value, { signal })
      )
      if (answer?.ok) done(institution, "已变更评价范围（变更前后内容已记入变更记录）")
      return
    }
    const checked = checkRequest(StatusChange, dated(values))
    if (!checked.ok)
      return form.setErrors(
        issuesByField(checked.issues, [
          ["date", "date"],
          ["reason", "reason"]
        ]),
        MOVE_FIELDS
      )
    if (kind === "filter") return
    const move = kind
    const answer = await task.run(MOVES[move].title, (signal) =>
      client.changeStatus(institution.id, move, checked.value, { signal })
    )
    if (answer?.ok) done(institution, MOVES[move].done)
  }

  useKeys(
    (input, key) => {
      const step = stepRef.current
      if (task.holds(input, key)) return
      if (step.kind === "list") {
        const position = {
          count: items.length,
          selected,
          offset: page?.offset,
          total: page?.total,
          pageSize: PAGE
        }
        if (applyListMove(listKey(input, key, position), setSelected, (offset) => void load(offset))) return
        if (matches(KEYMAP.back, input, key)) onBack()
        else if (matches(KEYMAP.refresh, input, key)) void load(page?.offset ?? 0)
        else if (matches(KEYMAP.filter, input, key))
          setStep({ kind: "form", form: "filter", fields: FILTER_FIELDS })
        else if (matches(KEYMAP.admit, input, key) && may(me, "institution.admit"))
          beginForm("admit", ADMIT_FIELDS, {
            region: me.organisation.regionCode,
            "a0.region": me.organisation.regionCode,
            "a0.validFrom": today
          })
        else if (matches(KEYMAP.open, input, key)) {
          const institution = items[selected]
          if (institution !== undefined) {
            setMessage(undefined)
            setStep({ kind: "detail", institution })
          }
        }
        return
      }
      if (step.kind === "detail") {
        const { institution } = step
        const state = institution.status.state
        if (matches(KEYMAP.back, input, key)) {
          setStep({ kind: "list" })
          if (page === undefined) void load(0)
        } else if (matches(KEYMAP.refresh, input, key)) void openInstitution(institution.id)
        else if (matches(KEYMAP.history, input, key))
          void task
            .run("读取目录记录", (signal) => client.institutionHistory(institution.id, { signal }))
            .then((answer) => {
              if (answer?.ok) setStep({ kind: "history", institution, history: answer.value })
            })
        else if (
          matches(KEYMAP.editScope, input, key) &&
          may(me, "institution.change") &&
          state !== "removed"
        )
          beginScope(institution)
        else if (
          matches(KEYMAP.suspend, input, key) &&
          may(me, "institution.suspend") &&
          state === "admitted"
        )
          beginForm("suspension", MOVE_FIELDS, {}, institution)
        else if (matches(KEYMAP.remove, input, key) && may(me, "institution.remove") && state !== "removed")
          beginForm("removal", MOVE_FIELDS, {}, institution)
        else if (matches(KEYMAP.readmit, input, key) && may(me, "institution.admit") && state !== "admitted")
          beginForm("readmission", MOVE_FIELDS, {}, institution)
        return
      }
      if (step.kind === "history") {
        if (matches(KEYMAP.back, input, key)) setStep({ kind: "detail", institution: step.institution })
        return
      }
      if (step.form === "filter") {
        const action = filter.handle(FILTER_FIELDS, input, key)
        if (action === "cancel") {
          filter.reset(FILTER_FIELDS, applied)
          setStep({ kind: "list" })
        } else if (action === "submit") {
          const values = filter.state.values
          if ((values.name ?? "").trim().length > NAME_MAX)
            return filter.setErrors({ name: `名称不超过${NAME_MAX}字` }, FILTER_FIELDS)
          filter.setErrors({})
          setApplied(values)
          setStep({ kind: "list" })
          void load(0, values)
        }
        return
      }
      const action = form.handle(step.fields, input, key)
      if (action === "cancel")
        setStep(
          step.institution === undefined
            ? { kind: "list" }
            : { kind: "detail", institution: step.institution }
        )
      else if (action === "submit") void submitForm(step.form, step.institution)
    },
    { isActive }
  )

  const frame = { busy: task.busy ? task.label : undefined, problem: task.problem, message }

  if (step.kind === "list" || (step.kind === "form" && step.form === "filter"))
    return (
      <Frame
        title="机构目录"
        {...frame}
        help={
          step.kind === "form"
            ? ["nextField", "choose", "confirmField", "cancel"]
            : [
                "move",
                "open",
                "filter",
                "page",
                ...(may(me, "institution.admit") ? (["admit"] as const) : []),
                "back"
              ]
        }
      >
        {step.kind === "form" ? (
          <Form
            fields={FILTER_FIELDS}
            state={filter.state}
            errors={filter.errors}
            submitLabel="查询"
            height={6}
          />
        ) : (
          <Text dimColor>
            {clip(
              `所在地 ${applied.regionCode || "全省"}  状态 ${applied.status ? catalogueStatusName(applied.status as "admitted") : "全部"}${nameFilter === "" ? "" : `  名称含“${nameFilter}”`}  共 ${page?.total ?? 0} 家`,
              78
            )}
          </Text>
        )}
        <Table
          columns={[
            { title: "机构名称", width: 30 },
            { title: "所在地", width: 10 },
            { title: "类别", width: 10 },
            { title: "状态", width: 10 },
            { title: "授权至", width: 10 }
          ]}
          rows={items.map((i) => [
            i.name,
            regionShortName(i.region.code),
            KIND_SHORT[i.kind] ?? i.kindName,
            i.status.name,
            validUntilOf(i)
          ])}
          selected={step.kind === "list" ? selected : undefined}
          height={PAGE}
        />
      </Frame>
    )

  if (step.kind === "detail") {
    const { institution: i } = step
    const state = i.status.state
    return (
      <Frame
        title="机构目录 · 机构详情"
        {...frame}
        help={[
          "history",
          ...(may(me, "institution.change") && state !== "removed" ? (["editScope"] as const) : []),
          ...(may(me, "institution.suspend") && state === "admitted" ? (["suspend"] as const) : []),
          ...(may(me, "institution.remove") && state !== "removed" ? (["remove"] as const) : []),
          ...(may(me, "institution.admit") && state !== "admitted" ? (["readmit"] as const) : []),
          "back"
        ]}
      >
        <Text bold>{clip(`${i.name}（${i.id}）`, 78)}</Text>
        <Text>{clip(`${i.kindName} · 统一社会信用代码 ${i.uscc}`, 78)}</Text>
        <Text>
          {clip(
            `所在地：${i.region.name}  备案：${i.filedWith === "province" ? "省级" : "人社部"}  证书编号前缀：${i.numberingPrefix ?? "—"}`,
            78
          )}
        </Text>
        <Text>{`目录状态：${i.status.name}（${i.status.since} 起）`}</Text>
        <Text bold>评价授权（职业 × 等级 × 地域 × 有效期）：</Text>
        <Table
          columns={[
            { title: "职业（工种）", width: 26 },
            { title: "等级", width: 10 },
            { title: "地域", width: 10 },
            { title: "有效期", width: 23 }
          ]}
          rows={i.authorisations.map((a) => [
            a.occupations.map((o) => (o.workType === null ? o.code : `${o.code}/${o.workType}`)).join(","),
            a.levels.map((l) => l.code).join(","),
            regionShortName(a.region.code),
            `${a.validFrom}至${a.validUntil}`
          ])}
          height={6}
        />
      </Frame>
    )
  }

  if (step.kind === "history") {
    const { history } = step
    return (
      <Frame title={clip(`机构目录 · ${history.name} 的记录`, 60)} {...frame} help={["back"]}>
        <Text bold>目录状态记录：</Text>
        <Table
          columns={[
            { title: "日期", width: 10 },
            { title: "状态", width: 10 },
            { title: "理由", width: 34 },
            { title: "记录人", width: 18 }
          ]}
          rows={history.statusHistory.map((e) => [e.date, catalogueStatusName(e.status), e.reason, e.actor])}
          height={6}
        />
        <Text bold>评价范围变更记录：</Text>
        <Table
          columns={[
            { title: "日期", width: 10 },
            { title: "理由", width: 24 },
            { title: "记录人", width: 14 },
            { title: "变更", width: 24 }
          ]}
          rows={history.scopeChanges.map((c) => [
            c.date,
            c.reason,
            c.actor,
            `所在地 ${c.before.region}→${c.after.region}，授权 ${c.before.authorisations.length}→${c.after.authorisations.length} 项`
          ])}
          height={5}
        />
      </Frame>
    )
  }

  const title =
    step.form === "admit"
      ? "机构目录 · 准入评价机构"
      : step.form === "scope"
        ? "机构目录 · 变更评价范围"
        : `机构目录 · ${MOVES[step.form as StatusMove].title}`
  return (
    <Frame title={title} {...frame} help={["nextField", "previousField", "choose", "confirmField", "cancel"]}>
      {step.institution === undefined ? null : (
        <Text>{clip(`${step.institution.name}（${step.institution.status.name}）`, 78)}</Text>
      )}
      {step.form === "scope" ? <Text dimColor>清空某项授权的职业即删除该项授权。</Text> : null}
      <Form fields={step.fields} state={form.state} errors={form.errors} submitLabel="提交" height={13} />
      {form.errors[""] === undefined ? null : <Text color="red">{`✗ ${form.errors[""]}`}</Text>}
    </Frame>
  )
}
