/**
 * The site's only way to the API: the typed `hc` client of @jineng/api (same origin), each call answered as an
 * `ApiResult` — the value, or the API's problem+json (zh-CN title and detail, the offending field, Retry-After
 * for 429). List reads are router queries (cached per arguments while a page shows them); lookups and the report
 * form are plain calls, never cached, so a holder's name or ID number does not stay in memory.
 */
import { createApiClient } from "@jineng/api/client"
import { query } from "@solidjs/router"
import type { InferResponseType } from "hono/client"
import type {
  CertificateProof,
  HotlineDirectory,
  Page,
  PublicInstitution,
  PublishedBatch,
  PublishedPlan,
  ReportStatus,
  SignedRecordAnswer,
  SubmittedReport,
  VerificationKeys
} from "./lib/types"

const client = createApiClient(typeof window === "undefined" ? "http://localhost" : window.location.origin)

export interface Problem {
  readonly code: string
  readonly title: string
  readonly detail: string
  readonly field?: string
}

export type ApiResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false
      readonly status: number
      readonly problem: Problem
      /** Seconds to wait, from a 429's Retry-After. */
      readonly retryAfter?: number
    }

const NETWORK_PROBLEM: Problem = {
  code: "NetworkError",
  title: "网络异常",
  detail: "无法连接查询服务，请检查网络后重试"
}

const isProblem = (x: unknown): x is Problem =>
  typeof x === "object" && x !== null && typeof (x as Problem).detail === "string"

/** The answer of a call: its JSON on `expected`, else the problem it carries. */
const resultOf = async <T>(call: () => Promise<Response>, expected: number): Promise<ApiResult<T>> => {
  let res: Response
  try {
    res = await call()
  } catch {
    return { ok: false, status: 0, problem: NETWORK_PROBLEM }
  }
  const body: unknown = await res.json().catch(() => undefined)
  if (res.status === expected) return { ok: true, value: body as T }
  const problem = isProblem(body)
    ? body
    : { code: "HttpError", title: "服务暂不可用", detail: `服务暂不可用（HTTP ${res.status}），请稍后重试` }
  const retry = Number(res.headers.get("retry-after"))
  return {
    ok: false,
    status: res.status,
    problem,
    ...(res.status === 429 && Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {})
  }
}

const lookupRoute = client.api.public.certificates.lookup

/** One certificate as the public lookup shows it (ID masked, status with revocation date and reason). */
export type CertificateView = InferResponseType<typeof lookupRoute.$get, 200>["certificates"][number]

export type LookupInput =
  | { readonly name: string; readonly number: string }
  | { readonly name: string; readonly idNumber: string }

/** 证书查询 (54号·四): two factors, certificate number + name or ID number + name (domain.md §2). */
export const lookupCertificates = (input: LookupInput) =>
  resultOf<{ certificates: ReadonlyArray<CertificateView> }>(() => lookupRoute.$get({ query: input }), 200)

/** One certificate by its number and the holder's name: the two factors of the signed-record and proof routes. */
export interface CertificateFactors {
  readonly number: string
  readonly name: string
}

/** The registry's published verification keys (issue #7), for checking signatures in the browser. */
export const getVerificationKeys = () =>
  resultOf<VerificationKeys>(() => client.api.public.verification.keys.$get(), 200)

/** A certificate's signed public record and the QR code's address (issue #7; same two factors as the lookup). */
export const getSignedRecord = (input: CertificateFactors) =>
  resultOf<SignedRecordAnswer>(
    () =>
      client.api.public.certificates["signed-record"].$get({
        query: { number: input.number, name: input.name }
      }),
    200
  )

/** A certificate's transparency-log entries with inclusion proofs, and its issuer's authority (issue #7). */
export const getCertificateProof = (input: CertificateFactors) =>
  resultOf<CertificateProof>(
    () => client.api.public.certificates.proof.$get({ query: { number: input.number, name: input.name } }),
    200
  )

/** Query parameters of the list pages: every value a string, as the URL carries it. */
export type ListParams = Readonly<Record<string, string>>

const pageQuery = (params: ListParams) => ({ limit: "20", offset: "0", ...params })

/** 评价机构目录 (54号·五: region, validity, levels). */
export const getInstitutions = query(
  (params: ListParams) =>
    resultOf<Page<PublicInstitution>>(
      () => client.api.public.institutions.$get({ query: pageQuery(params) as never }),
      200
    ),
  "institutions"
)

/** 评价批次公布目录 (54号·五, 附件2). */
export const getBatches = query(
  (params: ListParams) =>
    resultOf<Page<PublishedBatch>>(
      () => client.api.public.batches.$get({ query: pageQuery(params) as never }),
      200
    ),
  "batches"
)

/** 竞赛办赛计划公布 (54号·五, 附件3). */
export const getPlans = query(
  (params: ListParams) =>
    resultOf<Page<PublishedPlan>>(
      () => client.api.public["competition-plans"].$get({ query: pageQuery(params) as never }),
      200
    ),
  "competition-plans"
)

/** 职业证书发放监督举报电话 (54号·五). */
export const getHotlines = query(
  () => resultOf<HotlineDirectory>(() => client.api.public.hotlines.$get(), 200),
  "hotlines"
)

export interface ReportInput {
  readonly regionCode: string
  readonly subject: string
  readonly details: string
  readonly concerning?: string
  readonly certificateNumbers?: ReadonlyArray<string>
  readonly reporterContact?: string
}

/** 网上举报: answered with the tracking code. */
export const submitReport = (input: ReportInput) =>
  resultOf<SubmittedReport>(
    () =>
      client.api.public.reports.$post({
        json: input as Parameters<typeof client.api.public.reports.$post>[0]["json"]
      }),
    201
  )

/** 举报办理进度 by tracking code. */
export const getReportStatus = (trackingCode: string) =>
  resultOf<ReportStatus>(
    () => client.api.public.reports[":trackingCode"].$get({ param: { trackingCode } }),
    200
  )
