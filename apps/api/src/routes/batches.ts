/**
 * 评价批次（附件2）与证书核发 for institutions and departments (API key; domain.md §4):
 * - POST /api/batches plans and publishes a batch (54号·五、附件2) — an institution for itself, a department in
 *   its region; the use case checks the 附件2 row, the institution's status and authorisation.
 * - GET /api/batches/:batchId shows a batch to its institution and the departments of its region.
 * - POST /api/batches/:batchId/certificates submits the candidates who passed and issues their certificates
 *   (54号·四 "谁评价、谁发证、谁负责"), all or nothing, idempotent by batch id: 201 when issued, 200 with the same
 *   certificates on a retry. The body is an IssueBatchRequest as JSON (its batchId must be the path's), or JSON
 *   Lines (application/x-ndjson) for large batches: the first line the request without `candidates`, then one
 *   BatchCandidate a line. A bad line is refused with its number (`field: "line 17: holder.idNumber"`); a row the
 *   registry refuses is named by its line too. Up to 100,000 rows (64 MiB, http/BodyLimit.ts). The answer is
 *   compact: number, holder name and masked ID of each certificate, never a full ID number.
 */
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { maskResidentId } from "@jineng/domain/codes/ResidentIdNumber"
import { EvaluationBatch, MAX_BATCH_CANDIDATES } from "@jineng/domain/issuance/EvaluationBatch"
import { EvaluationBatches } from "@jineng/domain/issuance/EvaluationBatches"
import { BatchCandidate, IssueBatchRequest } from "@jineng/domain/issuance/IssueBatchRequest"
import { PublishBatchRequest } from "@jineng/domain/issuance/PublishBatchRequest"
import { Id, required } from "@jineng/domain/shared/FieldSchema"
import { Effect, Either, Schema } from "effect"
import { type Context, Hono, type TypedResponse } from "hono"
import { authenticated, requireAction } from "../http/Actor.js"
import type { ApiEnv } from "../http/ApiEnv.js"
import { domainProblem, problem, TITLES } from "../http/Problem.js"
import { answers } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import {
  decodeOr400,
  type FieldIssue,
  invalidRequest,
  issuesOf,
  jsonBody,
  paramsOf
} from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

const BatchIdParam = Schema.Struct({ batchId: required(Id("批次编号"), "批次编号") })

const IssueRequest = IssueBatchRequest.annotations({ identifier: "IssueBatchRequest", title: "批次发证申请" })

/** The first line of a JSON Lines submission: the request without its candidates. */
const IssueHeader = IssueBatchRequest.omit("candidates").annotations({
  message: () => "第一行应为批次信息对象"
})

export const IssuedCertificateRow = Schema.Struct({
  number: Schema.String.annotations({ description: "证书编号" }),
  name: Schema.String.annotations({ description: "持证人姓名" }),
  idNumberMasked: Schema.String.annotations({ description: "证件号码（仅显示前6位和后4位）" })
}).annotations({ identifier: "IssuedCertificateRow", title: "已核发的证书" })

export const IssuedBatchView = Schema.Struct({
  batchId: Schema.String,
  institutionId: Schema.String,
  issuedOn: Schema.String,
  alreadyIssued: Schema.Boolean.annotations({ description: "true：此前已核发，本次未新增任何证书" }),
  count: Schema.Number,
  certificates: Schema.Array(IssuedCertificateRow)
}).annotations({ identifier: "IssuedBatch", title: "批次核发结果" })

const issuedView = (
  request: IssueBatchRequest,
  issued: { readonly certificates: ReadonlyArray<Certificate>; readonly alreadyIssued: boolean }
): typeof IssuedBatchView.Type => ({
  batchId: request.batchId,
  institutionId: request.institutionId,
  issuedOn: issued.certificates[0]?.issuedOn ?? request.issuedOn,
  alreadyIssued: issued.alreadyIssued,
  count: issued.certificates.length,
  certificates: issued.certificates.map((c) => ({
    number: c.number,
    name: c.holder.name,
    idNumberMasked: maskResidentId(c.holder.idNumber)
  }))
})

const JSON_TYPES = new Set(["application/json"])
const LINES_TYPES = new Set(["application/x-ndjson", "application/jsonl", "application/jsonlines"])
/** Line problems listed in one answer (the first names the field). */
const MAX_LINE_ISSUES = 100
/** Refused rows shown in full in a BatchRefused answer (the count says how many there are). */
const REFUSED_SHOWN = 100

/** A decoded submission; `lineOf[i]` is the line of candidate i for a JSON Lines body. */
interface Submission {
  readonly request: IssueBatchRequest
  readonly lines?: { readonly header: number; readonly lineOf: ReadonlyArray<number> }
}

/** A submission refused before the registry sees it, as problem(…) makes it: typed, so the client sees it. */
type Refused = Response & TypedResponse<string, 400 | 415, "body">

const badRequest = (c: Context, code: string, detail: string, field: string) =>
  problem(c, 400, { code, title: TITLES.badRequest, detail, field })

const tooManyRows = (c: Context, field: string) =>
  badRequest(
    c,
    "TooManyCandidates",
    `一次最多提交 ${MAX_BATCH_CANDIDATES} 名考生（每行一名），请分批提交`,
    field
  )

const pathMismatch = (c: Context, seen: string, path: string, field: string) =>
  badRequest(c, "BatchIdMismatch", `请求中的批次编号 ${seen} 与接口路径中的批次编号 ${path} 不一致`, field)

const readJson = async (c: Context, batchId: string): Promise<Submission | Refused> => {
  let value: unknown
  try {
    value = JSON.parse(await c.req.text())
  } catch {
    return badRequest(
      c,
      "MalformedBody",
      "请求体不是有效的 JSON（请以 Content-Type: application/json 提交）",
      "body"
    )
  }
  const request = decodeOr400(c, IssueRequest, value)
  if (request instanceof Response) return request
  if (request.batchId !== batchId) return pathMismatch(c, request.batchId, batchId, "batchId")
  if (request.candidates.length > MAX_BATCH_CANDIDATES) return tooManyRows(c, "candidates")
  return { request }
}

const DECODE = { errors: "all", onExcessProperty: "error" } as const
const decodeHeader = Schema.decodeUnknownEither(IssueHeader, DECODE)
const decodeRow = Schema.decodeUnknownEither(BatchCandidate, DECODE)

/** An issue of line `n`: "line 17: holder.idNumber", "第17行：…". */
const onLine = (n: number, issue: FieldIssue): FieldIssue => ({
  field: issue.field === "body" ? `line ${n}` : `line ${n}: ${issue.field}`,
  message: `第${n}行：${issue.message}`
})

const readJsonLines = (c: Context, batchId: string, text: string): Submission | Refused => {
  const issues: Array<FieldIssue> = []
  const candidates: Array<BatchCandidate> = []
  const lineOf: Array<number> = []
  let header: { readonly n: number; readonly value: typeof IssueHeader.Type } | undefined
  let headerSeen = false
  let start = 0
  for (let n = 1; start <= text.length && issues.length < MAX_LINE_ISSUES; n++) {
    const end = text.indexOf("\n", start)
    const raw = text.slice(start, end === -1 ? text.length : end).trim()
    start = end === -1 ? text.length + 1 : end + 1
    if (raw === "") continue
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch {
      issues.push({ field: `line ${n}`, message: `第${n}行不是有效的 JSON` })
      headerSeen = true
      continue
    }
    if (!headerSeen) {
      headerSeen = true
      const decoded = decodeHeader(value)
      if (Either.isLeft(decoded)) issues.push(...issuesOf(decoded.left).map((i) => onLine(n, i)))
      else if (decoded.right.batchId !== batchId)
        return pathMismatch(c, decoded.right.batchId, batchId, `line ${n}: batchId`)
      else header = { n, value: decoded.right }
      continue
    }
    if (candidates.length + issues.length >= MAX_BATCH_CANDIDATES) return tooManyRows(c, `line ${n}`)
    const row = decodeRow(value)
    if (Either.isLeft(row)) issues.push(...issuesOf(row.left).map((i) => onLine(n, i)))
    else {
      candidates.push(row.right)
      lineOf.push(n)
    }
  }
  if (!headerSeen)
    issues.push({
      field: "line 1",
      message: "第1行应为批次信息（批次编号、评价机构、发证日期、评价所在地区）"
    })
  if (issues.length > 0 || header === undefined) return invalidRequest(c, issues)
  return { request: { ...header.value, candidates }, lines: { header: header.n, lineOf } }
}

const readSubmission = async (c: Context, batchId: string): Promise<Submission | Refused> => {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? ""
  if (JSON_TYPES.has(type)) return readJson(c, batchId)
  if (LINES_TYPES.has(type)) return readJsonLines(c, batchId, await c.req.text())
  return problem(c, 415, {
    code: "UnsupportedMediaType",
    title: TITLES.unsupported,
    detail: "请以 application/json（IssueBatchRequest）或 application/x-ndjson（JSON Lines）提交",
    field: "content-type"
  })
}

const HEADER_FIELD = /^(batchId|institutionId|issuedOn|evaluationRegion|face)(\.|$)/
const ROW_FIELD = /^candidates\.(\d+)(?:\.(.+))?$/

/** A domain error's field as the submitter wrote it: a JSON Lines body names the line. */
const fieldIn = (submission: Submission, field: string): string => {
  const { lines } = submission
  if (lines === undefined) return field
  if (HEADER_FIELD.test(field)) return `line ${lines.header}: ${field}`
  const row = ROW_FIELD.exec(field)
  const line = row === null ? undefined : lines.lineOf[Number(row[1])]
  if (line === undefined) return field
  return row?.[2] === undefined ? `line ${line}` : `line ${line}: ${row[2]}`
}

interface IssueFailure {
  readonly _tag: string
  readonly message: string
  readonly field: string
}

/**
 * The problem for a refused submission. A BatchRefused answer shows at most REFUSED_SHOWN rows in full, counts
 * them all, and for a JSON Lines body lists the line of every refused row.
 */
const issueProblem = (c: Context, submission: Submission, error: IssueFailure) => {
  const shown = {
    ...error,
    _tag: error._tag,
    message: error.message,
    field: fieldIn(submission, error.field)
  }
  const refused = "refused" in error && Array.isArray(error.refused) ? error.refused : undefined
  if (refused === undefined) return domainProblem(c, shown)
  const lines = submission.lines
  const rows = refused as ReadonlyArray<{ readonly index: number }>
  const compact = {
    ...shown,
    ...(rows.length <= REFUSED_SHOWN
      ? {}
      : {
          message: `${error.message
            .split("\n")
            .slice(0, REFUSED_SHOWN + 1)
            .join("\n")}\n……（共 ${rows.length} 行）`,
          refused: rows.slice(0, REFUSED_SHOWN)
        }),
    refusedCount: rows.length,
    ...(lines === undefined ? {} : { refusedLines: rows.map((r) => lines.lineOf[r.index]) })
  }
  return domainProblem(c, compact)
}

export const batchesDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "post",
    path: "/api/batches",
    summary: "公布评价批次（附件2）",
    description:
      "评价机构公布本机构的评价批次，或人力资源社会保障部门公布本地区的评价批次：评价职业（工种）、等级、评价时间、联系方式和评价所在地区。机构名称和职业名称取自目录；须完整、机构在目录内且未暂停，评价职业、等级、地区和时间在其认定范围和有效期内。批次编号已被使用时答 409。",
    tag: "评价批次",
    action: "batch.publish",
    body: PublishBatchRequest,
    success: { status: 201, description: "已公布的评价批次", schema: EvaluationBatch },
    errors: [404, 409, 422]
  },
  {
    method: "get",
    path: "/api/batches/:batchId",
    summary: "查看评价批次（本机构或所在地区的人社部门）",
    tag: "评价批次",
    authenticated: true,
    params: BatchIdParam,
    success: { status: 200, description: "评价批次及其状态、各环节日期和结果人数", schema: EvaluationBatch },
    errors: [404]
  },
  {
    method: "post",
    path: "/api/batches/:batchId/certificates",
    summary: "报送评价结果并核发职业技能等级证书",
    description:
      "提交本批次合格人员名单，逐人核验发证权限，全部符合才核发（任一行不符则整批不核发，BatchRefused 列出各行原因）。同一批次号重复提交不重复发证：首次 201，重复提交 200 并返回已核发的证书。请求体为 IssueBatchRequest（application/json，batchId 须与路径一致），或 JSON Lines（application/x-ndjson）：第一行为不含 candidates 的批次信息，其后每行一名人员（BatchCandidate）；有误的行以 “line 行号: 字段” 指出。每次最多 100000 人、64 MiB。",
    tag: "评价批次",
    action: "batch.issue",
    params: BatchIdParam,
    body: IssueRequest,
    bodyMediaTypes: ["application/x-ndjson"],
    success: { status: 201, description: "已核发的证书（重复提交时为 200）", schema: IssuedBatchView },
    errors: [404, 409, 415, 422]
  }
]

export const batches = ({ runtime }: RouteDeps) => {
  const { ok, created } = answers(runtime)
  return new Hono<ApiEnv>()
    .post("/", requireAction(runtime, "batch.publish"), jsonBody(PublishBatchRequest), (c) =>
      created(c, EvaluationBatches, (b) => b.publish(c.req.valid("json"), c.get("actor")))
    )
    .get("/:batchId", authenticated(runtime), paramsOf(BatchIdParam), (c) =>
      ok(c, EvaluationBatches, (b) => b.get(c.req.valid("param").batchId, c.get("actor")))
    )
    .post(
      "/:batchId/certificates",
      requireAction(runtime, "batch.issue"),
      paramsOf(BatchIdParam),
      async (c) => {
        const submission = await readSubmission(c, c.req.valid("param").batchId)
        if (submission instanceof Response) return submission
        const result = await runtime.runPromise(
          Effect.either(Effect.flatMap(EvaluationBatches, (b) => b.issue(submission.request, c.get("actor"))))
        )
        if (Either.isLeft(result)) return issueProblem(c, submission, result.left)
        const view = issuedView(submission.request, result.right)
        return result.right.alreadyIssued ? c.json(view, 200) : c.json(view, 201)
      }
    )
}
