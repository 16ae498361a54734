/**
 * The evaluation results sheet an institution fills (附件2 批次 → 54号·四 核发): one row per candidate who passed,
 * with the columns of the template below; read from .csv or .xlsx, each row checked with the domain's own rules —
 * the BatchCandidate schema (name, 证件类型, GB 11643 ID number, occupation code, level 1–5, USCC), one row per
 * person (BatchSubmission.duplicateCandidate's key: 证件类型 + 证件号码), and, when the batch is known, the
 * batch's occupation, 工种 and level (BatchSubmission.submissionMismatch). Checking yields to the event loop every
 * CHECK_CHUNK rows, so the screen can draw its progress bar and Esc can stop it.
 */
import { normaliseResidentId } from "@jineng/domain/codes/ResidentIdNumber"
import { parseSkillLevel } from "@jineng/domain/codes/SkillLevel"
import { submissionMismatch } from "@jineng/domain/issuance/BatchSubmission"
import type { EvaluationBatch } from "@jineng/domain/issuance/EvaluationBatch"
import { MAX_BATCH_CANDIDATES } from "@jineng/domain/issuance/EvaluationBatch"
import { BatchCandidate, IssueBatchRequest } from "@jineng/domain/issuance/IssueBatchRequest"
import { checkRequest, type Issue } from "../api/RequestCheck.js"
import type { Rows } from "./Csv.js"

export type Column = "name" | "idType" | "idNumber" | "occupationCode" | "workType" | "level" | "employerUscc"

/** The template's columns, in order: header text and the other headers accepted for it. */
export const COLUMNS: ReadonlyArray<{
  readonly column: Column
  readonly header: string
  readonly aliases: ReadonlyArray<string>
  readonly required: boolean
}> = [
  { column: "name", header: "姓名", aliases: ["持证人姓名", "考生姓名"], required: true },
  { column: "idType", header: "证件类型", aliases: [], required: false },
  { column: "idNumber", header: "证件号码", aliases: ["身份证号", "身份证号码", "证件号"], required: true },
  { column: "occupationCode", header: "职业编码", aliases: ["职业代码"], required: true },
  { column: "workType", header: "工种", aliases: ["工种名称"], required: false },
  { column: "level", header: "证书等级", aliases: ["等级", "认定等级"], required: true },
  {
    column: "employerUscc",
    header: "用人单位统一社会信用代码",
    aliases: ["统一社会信用代码"],
    required: false
  }
]

const HEADER_OF: Record<Column, string> = Object.fromEntries(
  COLUMNS.map((c) => [c.column, c.header])
) as Record<Column, string>

/** The template: the header row (and, given a batch, nothing else: its occupation and level go in every row). */
export const templateRows = (): Rows => [COLUMNS.map((c) => c.header)]

const ID_TYPES: Record<string, string> = {
  "": "resident_id",
  居民身份证: "resident_id",
  身份证: "resident_id",
  港澳居民来往内地通行证: "hk_macao_permit",
  台湾居民来往大陆通行证: "taiwan_permit",
  护照: "passport"
}

export interface SheetRow {
  /** The row's number in the file (1 = the header row). */
  readonly line: number
  readonly cells: Readonly<Record<Column, string>>
}

export interface Sheet {
  readonly rows: ReadonlyArray<SheetRow>
  /** Problems of the file itself (a missing column, too many rows). */
  readonly problems: ReadonlyArray<string>
}

const normaliseHeader = (s: string) => s.replace(/[（(].*?[)）]/g, "").replace(/\s|\*/g, "")

/** The sheet's data rows by column, found through the first non-empty row (the header); blank rows skipped. */
export const readSheet = (rows: Rows): Sheet => {
  const headerIndex = rows.findIndex((r) => r.some((c) => c.trim() !== ""))
  if (headerIndex === -1) return { rows: [], problems: ["文件是空的"] }
  const header = (rows[headerIndex] ?? []).map(normaliseHeader)
  const at = new Map<Column, number>()
  for (const c of COLUMNS) {
    const index = header.findIndex((h) => h === c.header || c.aliases.includes(h))
    if (index !== -1) at.set(c.column, index)
  }
  const missing = COLUMNS.filter((c) => c.required && !at.has(c.column)).map((c) => c.header)
  if (missing.length > 0)
    return {
      rows: [],
      problems: [
        `缺少列：${missing.join("、")}（请使用导出的模板：${COLUMNS.map((c) => c.header).join("、")}）`
      ]
    }
  const out: Array<SheetRow> = []
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const r = rows[i] ?? []
    if (!r.some((c) => c.trim() !== "")) continue
    const cells = Object.fromEntries(
      COLUMNS.map((c) => {
        const index = at.get(c.column)
        return [c.column, index === undefined ? "" : (r[index] ?? "").trim()]
      })
    ) as Record<Column, string>
    out.push({ line: i + 1, cells })
  }
  const problems =
    out.length > MAX_BATCH_CANDIDATES
      ? [`一次最多提交 ${MAX_BATCH_CANDIDATES} 名考生，文件有 ${out.length} 行`]
      : []
  return { rows: out, problems }
}

/** The row as the BatchCandidate the API takes (unchecked): ID type names and level names understood. */
export const candidateOf = (cells: Readonly<Record<Column, string>>) => {
  const idType = ID_TYPES[cells.idType] ?? cells.idType
  const level = parseSkillLevel(cells.level)
  return {
    holder: {
      name: cells.name,
      idType,
      // 54号·四 unified data: a trailing lower-case x and a 15-digit number are normalised (codes/ResidentIdNumber).
      idNumber: idType === "resident_id" ? normaliseResidentId(cells.idNumber) : cells.idNumber
    },
    ...(cells.employerUscc === "" ? {} : { employerUscc: cells.employerUscc.toUpperCase() }),
    occupationCode: cells.occupationCode,
    ...(cells.workType === "" ? {} : { workType: cells.workType }),
    level: level ?? (cells.level === "" ? undefined : cells.level)
  }
}

const COLUMN_OF_PATH: ReadonlyArray<readonly [string, Column]> = [
  ["holder.name", "name"],
  ["holder.idType", "idType"],
  ["holder.idNumber", "idNumber"],
  ["holder", "idNumber"],
  ["employerUscc", "employerUscc"],
  ["occupationCode", "occupationCode"],
  ["workType", "workType"],
  ["level", "level"]
]

const columnOf = (issue: Issue): Column | undefined =>
  COLUMN_OF_PATH.find(([p]) => issue.path === p || issue.path.startsWith(`${p}.`))?.[1]

export interface RowProblem {
  readonly column: Column | undefined
  readonly message: string
}

export interface CheckedRow {
  readonly line: number
  readonly name: string
  readonly candidate: BatchCandidate | undefined
  readonly problems: ReadonlyArray<RowProblem>
}

/** A problem's text as the error table shows it: "证件号码：…". */
export const problemText = (p: RowProblem): string =>
  p.column === undefined ? p.message : `${HEADER_OF[p.column]}：${p.message}`

const NUMERIC_ID = /^\d(\.\d+)?E\+\d+$/i

/** One row checked alone (schema, and the batch's occupation, 工种 and level). */
export const checkRow = (row: SheetRow, batch: EvaluationBatch | undefined): CheckedRow => {
  const checked = checkRequest(BatchCandidate, candidateOf(row.cells))
  const name = row.cells.name
  if (!checked.ok) {
    const problems = checked.issues.map((issue) => ({ column: columnOf(issue), message: issue.message }))
    if (NUMERIC_ID.test(row.cells.idNumber))
      problems.push({
        column: "idNumber",
        message: "证件号码被保存成了数字（末几位已丢失），请将该列设为文本后重新填写"
      })
    return { line: row.line, name, candidate: undefined, problems }
  }
  if (batch !== undefined) {
    const mismatch = submissionMismatch(batch, {
      batchId: batch.id,
      institutionId: batch.institution.id,
      issuedOn: batch.evaluationTime.from,
      evaluationRegion: batch.regionCode,
      candidates: [checked.value]
    })
    if (mismatch !== undefined) {
      const column = (mismatch.field.split(".").pop() ?? "") as Column
      return {
        line: row.line,
        name,
        candidate: undefined,
        problems: [{ column, message: `与评价批次不符：应为“${mismatch.expected}”，实为“${mismatch.seen}”` }]
      }
    }
  }
  return { line: row.line, name, candidate: checked.value, problems: [] }
}

/** Rows checked per slice before yielding. */
export const CHECK_CHUNK = 2_000

/**
 * Every row checked, then the repeated persons marked (the later rows; the first stays). `onProgress` is told the
 * rows done; a set `signal` stops the check (undefined is returned).
 */
export const checkSheet = async (
  rows: ReadonlyArray<SheetRow>,
  batch: EvaluationBatch | undefined,
  options: { readonly onProgress?: (done: number) => void; readonly signal?: AbortSignal } = {}
): Promise<ReadonlyArray<CheckedRow> | undefined> => {
  const out: Array<CheckedRow> = []
  for (let i = 0; i < rows.length; i += CHECK_CHUNK) {
    if (options.signal?.aborted) return undefined
    for (const row of rows.slice(i, i + CHECK_CHUNK)) out.push(checkRow(row, batch))
    options.onProgress?.(Math.min(rows.length, i + CHECK_CHUNK))
    await new Promise((resolve) => setImmediate(resolve))
  }
  // One certificate per person a batch: the key of BatchSubmission.duplicateCandidate (证件类型 + 证件号码).
  const firstLine = new Map<string, number>()
  return out.map((row) => {
    if (row.candidate === undefined) return row
    const key = `${row.candidate.holder.idType}|${row.candidate.holder.idNumber}`
    const first = firstLine.get(key)
    if (first === undefined) {
      firstLine.set(key, row.line)
      return row
    }
    return {
      ...row,
      candidate: undefined,
      problems: [
        {
          column: "idNumber" as const,
          message: `与第 ${first} 行为同一人（证件号码相同），同一人在一个批次中只能出现一次`
        }
      ]
    }
  })
}

export interface BatchHeader {
  readonly batchId: string
  readonly institutionId: string
  readonly issuedOn: string
  readonly evaluationRegion: string
}

/** The request's own fields checked with IssueBatchRequest, and against the batch (institution, region). */
export const checkHeader = (
  header: BatchHeader,
  batch: EvaluationBatch | undefined
):
  | { readonly ok: true; readonly header: IssueBatchRequest }
  | { readonly ok: false; readonly issues: ReadonlyArray<Issue> } => {
  const checked = checkRequest(IssueBatchRequest, { ...header, candidates: [] })
  if (!checked.ok) return { ok: false, issues: checked.issues }
  const mismatch = batch === undefined ? undefined : submissionMismatch(batch, checked.value)
  return mismatch === undefined
    ? { ok: true, header: checked.value }
    : { ok: false, issues: [{ path: mismatch.field, message: mismatch.message }] }
}
