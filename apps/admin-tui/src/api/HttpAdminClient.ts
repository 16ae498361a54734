/**
 * AdminClient over the API's typed `hc` client (`@jineng/api/client`): the key travels as `Authorization: Bearer`,
 * each call is cancellable through its AbortSignal, and every answer becomes an ApiResult — the JSON value, or
 * the problem+json body (zh-CN detail and code); a network failure or a cancelled call is a problem of its own.
 * The batch issuance streams JSON Lines (the API's second body form), so the terminal can show how far it got.
 */
import { createApiClient } from "@jineng/api/client"
import type { AdminClient, ApiResult, CallOptions, IssueOptions, Problem } from "./AdminClient.js"

/** What the adapter needs of an answer: hc's ClientResponse and a plain Response both fit. */
interface Answer {
  readonly ok: boolean
  readonly status: number
  readonly text: () => Promise<string>
}

export const CANCELLED: Problem = {
  status: 0,
  code: "Cancelled",
  title: "已取消",
  detail: "已取消（请求可能已送达服务器，请刷新后核对）"
}

const isAbort = (error: unknown) =>
  error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")

const parse = (text: string): unknown => {
  if (text.length === 0) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** The problem an error answer carries; a body that is not problem+json still yields a zh-CN detail. */
export const problemOf = (status: number, body: unknown): Problem => {
  const b = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {}
  const text = (k: string) => (typeof b[k] === "string" ? (b[k] as string) : undefined)
  return {
    status,
    code: text("code") ?? `HTTP${status}`,
    title: text("title") ?? "请求失败",
    detail:
      text("detail") ?? (typeof body === "string" && body.length > 0 ? body : `服务器答复 HTTP ${status}`),
    field: text("field"),
    errors: Array.isArray(b.errors) ? (b.errors as Problem["errors"]) : undefined,
    refused: Array.isArray(b.refused) ? (b.refused as Problem["refused"]) : undefined,
    refusedLines: Array.isArray(b.refusedLines) ? (b.refusedLines as Problem["refusedLines"]) : undefined,
    refusedCount: typeof b.refusedCount === "number" ? b.refusedCount : undefined
  }
}

/**
 * Awaits an answer as an ApiResult: the value is the answer's JSON, of the type AdminClient declares (ApiAnswers
 * checks at compile time that each route's typed answer fits it).
 */
export const resultOf = async <T>(answer: Promise<Answer>): Promise<ApiResult<T>> => {
  try {
    const response = await answer
    const body = parse(await response.text())
    return response.ok
      ? { ok: true, status: response.status, value: body as T }
      : { ok: false, problem: problemOf(response.status, body) }
  } catch (error) {
    if (isAbort(error)) return { ok: false, problem: CANCELLED }
    const reason =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : ""
    return {
      ok: false,
      problem: {
        status: 0,
        code: "NetworkError",
        title: "无法连接服务器",
        detail: `无法连接服务器${reason === "" ? "" : `：${reason}`}（请检查 JINENG_API_URL 与网络）`
      }
    }
  }
}

const withSignal = (options?: CallOptions) =>
  options?.signal === undefined ? undefined : { init: { signal: options.signal } }

type AsParam<V> = V extends number ? string : V

/** Query parameters as the API reads them: strings, and only those that are set. */
const query = <Q extends object>(q: Q) => {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== "") out[k] = String(v)
  return out as { [K in keyof Q]: AsParam<Q[K]> }
}

/** Rows per chunk of the JSON Lines stream (each chunk is one progress step). */
const CHUNK_ROWS = 500

export const makeHttpAdminClient = (baseUrl: string, apiKey: string): AdminClient => {
  const api = createApiClient(baseUrl, { headers: { authorization: `Bearer ${apiKey}` } }).api
  return {
    me: (o) => resultOf(api.organisations.me.$get(undefined, withSignal(o))),

    filing: (filingId, o) => resultOf(api.filings[":filingId"].$get({ param: { filingId } }, withSignal(o))),
    recordOpinion: (filingId, json, o) =>
      resultOf(api.filings[":filingId"].opinions.$post({ param: { filingId }, json }, withSignal(o))),
    coSign: (filingId, json, o) =>
      resultOf(api.filings[":filingId"].cosignature.$post({ param: { filingId }, json }, withSignal(o))),
    awaitingFilings: (o) => resultOf(api.filings.awaiting.$get(undefined, withSignal(o))),
    competitions: (q, o) => resultOf(api.competitions.$get({ query: query(q) }, withSignal(o))),
    competition: (competitionId, o) =>
      resultOf(api.competitions[":competitionId"].$get({ param: { competitionId } }, withSignal(o))),

    // The route's query type is its decoded form (level 1–5, exact optionals); on the wire every value is a string.
    institutions: (q, o) =>
      resultOf(api.public.institutions.$get({ query: query(q) as never }, withSignal(o))),
    institution: (institutionId, o) =>
      resultOf(api.public.institutions[":institutionId"].$get({ param: { institutionId } }, withSignal(o))),
    institutionHistory: (institutionId, o) =>
      resultOf(api.institutions[":institutionId"].history.$get({ param: { institutionId } }, withSignal(o))),
    expiringAuthorisations: (q, o) =>
      resultOf(api.institutions.expiring.$get({ query: query(q) }, withSignal(o))),
    admitInstitution: (json, o) => resultOf(api.institutions.$post({ json }, withSignal(o))),
    changeScope: (institutionId, json, o) =>
      resultOf(
        api.institutions[":institutionId"].scope.$put({ param: { institutionId }, json }, withSignal(o))
      ),
    changeStatus: (institutionId, move, json, o) =>
      resultOf(
        api.institutions[":institutionId"][move].$post({ param: { institutionId }, json }, withSignal(o))
      ),

    previewRevocation: (json, o) => resultOf(api.revocations.preview.$post({ json }, withSignal(o))),
    executeRevocation: (json, o) => resultOf(api.revocations.$post({ json }, withSignal(o))),
    lookupCertificates: (q, o) => resultOf(api.public.certificates.lookup.$get({ query: q }, withSignal(o))),

    reports: (q, o) => resultOf(api.reports.$get({ query: query(q) }, withSignal(o))),
    report: (reportId, o) => resultOf(api.reports[":reportId"].$get({ param: { reportId } }, withSignal(o))),
    assignReport: (reportId, json, o) =>
      resultOf(api.reports[":reportId"].assignment.$post({ param: { reportId }, json }, withSignal(o))),
    verifyReport: (reportId, json, o) =>
      resultOf(api.reports[":reportId"].verification.$post({ param: { reportId }, json }, withSignal(o))),
    resolveReport: (reportId, json, o) =>
      resultOf(api.reports[":reportId"].resolution.$post({ param: { reportId }, json }, withSignal(o))),

    assessments: (institutionId, page, o) =>
      resultOf(api.assessments.$get({ query: query({ institutionId, ...page }) }, withSignal(o))),
    assessmentSchedule: (institutionId, date, o) =>
      resultOf(
        api.assessments.schedule.$get(
          { query: date === undefined ? { institutionId } : { institutionId, date } },
          withSignal(o)
        )
      ),
    assessmentsDue: (q, o) => resultOf(api.assessments.due.$get({ query: query(q) }, withSignal(o))),
    recordAssessment: (json, o) => resultOf(api.assessments.$post({ json }, withSignal(o))),

    batch: (batchId, o) => resultOf(api.batches[":batchId"].$get({ param: { batchId } }, withSignal(o))),
    issueBatch: (request, o?: IssueOptions) => {
      const { candidates, ...header } = request
      const total = candidates.length
      const encoder = new TextEncoder()
      let sent = 0
      let headerSent = false
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (!headerSent) {
            headerSent = true
            controller.enqueue(encoder.encode(`${JSON.stringify(header)}\n`))
            o?.onProgress?.(0, total)
            return
          }
          if (sent >= total) {
            controller.close()
            return
          }
          const chunk = candidates.slice(sent, sent + CHUNK_ROWS)
          controller.enqueue(encoder.encode(`${chunk.map((c) => JSON.stringify(c)).join("\n")}\n`))
          sent += chunk.length
          o?.onProgress?.(sent, total)
        }
      })
      const init: RequestInit & { duplex: "half" } = {
        body,
        duplex: "half",
        ...(o?.signal === undefined ? {} : { signal: o.signal })
      }
      return resultOf(
        api.batches[":batchId"].certificates.$post(
          { param: { batchId: request.batchId } },
          { headers: { "content-type": "application/x-ndjson" }, init }
        )
      )
    }
  }
}
