/**
 * What the terminal asks of the API, as one interface: every call answers an ApiResult (the value, or the API's
 * problem+json with its zh-CN detail and code) and takes an AbortSignal, so a slow call can be cancelled with Esc.
 * HttpAdminClient implements it over the typed `hc` client; tests use a fake, so screens never see hono types.
 * Request bodies are the domain's own request types (`@jineng/domain`, type-only); answers are the API's views,
 * derived from the typed client (`@jineng/api/client`, type-only) so they cannot drift from what the API sends.
 */
import type { createApiClient } from "@jineng/api/client"
import type { CompetitionClass } from "@jineng/domain/competition/CompetitionClass"
import type { CoSignatureRequest, FilingOpinionRequest } from "@jineng/domain/competition/CompetitionRequests"
import type {
  AdmitInstitution,
  ScopeChangeRequest,
  StatusChange
} from "@jineng/domain/institution/CatalogueCommands"
import type { Institution } from "@jineng/domain/institution/Institution"
import type { EvaluationBatch } from "@jineng/domain/issuance/EvaluationBatch"
import type { IssueBatchRequest } from "@jineng/domain/issuance/IssueBatchRequest"
import type { AssessmentSubmission, RecordedAssessment } from "@jineng/domain/quality/QualityAssessment"
import type { Report } from "@jineng/domain/quality/Report"
import type {
  ReportAssignment,
  ReportResolution,
  ReportVerification
} from "@jineng/domain/quality/ReportLifecycle"
import type { RevocationRequest } from "@jineng/domain/revocation/RevocationOrder"
import type { InferResponseType } from "hono/client"

type Api = ReturnType<typeof createApiClient>["api"]

/** The JSON body of a client call's 2xx answer, as `hc` infers it from the API app. */
type Answer<F> = InferResponseType<F, 200 | 201>

/** An API refusal (RFC 9457 problem+json as the API writes it), or the terminal's own for network and cancel. */
export interface Problem {
  readonly status: number
  readonly code: string
  readonly title: string
  readonly detail: string
  readonly field?: string | undefined
  /** Every decode issue of a 400 InvalidRequest. */
  readonly errors?: ReadonlyArray<{ readonly field: string; readonly message: string }> | undefined
  /** BatchRefused: the refused rows (index into the submitted candidates) and, for JSON Lines, their lines. */
  readonly refused?:
    | ReadonlyArray<{
        readonly index: number
        readonly decision?: { readonly failures: ReadonlyArray<{ readonly message: string }> }
      }>
    | undefined
  readonly refusedLines?: ReadonlyArray<number> | undefined
  readonly refusedCount?: number | undefined
}

export type ApiResult<T> =
  | { readonly ok: true; readonly status: number; readonly value: T }
  | { readonly ok: false; readonly problem: Problem }

export interface CallOptions {
  readonly signal?: AbortSignal | undefined
}

export interface Page<T> {
  readonly items: ReadonlyArray<T>
  readonly total: number
  readonly limit: number
  readonly offset: number
}

export interface PageQuery {
  readonly limit: number
  readonly offset: number
}

/** GET /api/organisations/me: the key's organisation and the actions its role may perform. */
export type Me = Answer<Api["organisations"]["me"]["$get"]>

/** GET /api/filings/:filingId, every filing step, and the items of GET /api/filings/awaiting. */
export type FilingView = Answer<Api["filings"][":filingId"]["$get"]>

/** GET /api/filings/awaiting: the filings whose next 附件1 opinion is this bureau's (the province: and co-signatures). */
export type AwaitingFilings = Answer<Api["filings"]["awaiting"]["$get"]>

/**
 * An item of GET /api/competitions: the competition and its whole review (54号·二) — the out-of-region share with
 * its counts, the cross-region route, the filing required, each with its citations.
 */
export type CompetitionSummary = Answer<Api["competitions"]["$get"]>["items"][number]

/** GET /api/competitions/:competitionId: the review (incentives measured against its completed filing) and its filings. */
export type CompetitionDetail = Answer<Api["competitions"][":competitionId"]["$get"]>

/** GET /api/public/institutions/:institutionId: the catalogue's public record of an institution. */
export type PublicInstitution = Answer<Api["public"]["institutions"][":institutionId"]["$get"]>

export type RegionView = PublicInstitution["region"]

export interface InstitutionQuery extends PageQuery {
  /** Institutions whose name contains this text (the API trims it; 1–100 characters); `total` counts the matches. */
  readonly name?: string | undefined
  readonly regionCode?: string | undefined
  readonly status?: "admitted" | "suspended" | "removed" | undefined
  readonly occupationCode?: string | undefined
  readonly level?: string | undefined
  readonly validOn?: string | undefined
}

/** GET /api/institutions/:institutionId/history. */
export type InstitutionHistory = Answer<Api["institutions"][":institutionId"]["history"]["$get"]>

export type StatusMove = "suspension" | "removal" | "readmission"

export interface CompetitionQuery extends PageQuery {
  readonly regionCode?: string | undefined
  readonly class?: CompetitionClass | undefined
  readonly occupationCode?: string | undefined
  readonly from?: string | undefined
  readonly until?: string | undefined
}

/** POST /api/revocations/preview. */
export type RevocationPreview = Answer<Api["revocations"]["preview"]["$post"]>

/** POST /api/revocations. */
export type RevocationResult = Answer<Api["revocations"]["$post"]>

/** The public view of a certificate (ID number masked). */
export type CertificateView = Answer<Api["public"]["certificates"]["lookup"]["$get"]>["certificates"][number]

/** Two factors: certificate number + name, or ID number + name. */
export type LookupQuery =
  | { readonly name: string; readonly number: string }
  | { readonly name: string; readonly idNumber: string }

export interface ReportQuery extends PageQuery {
  readonly status?: "received" | "verifying" | "resolved" | undefined
  readonly regionCode?: string | undefined
}

/** POST /api/batches/:batchId/certificates: the issued batch (201, or 200 when it was already issued). */
export type IssuedBatch = Answer<Api["batches"][":batchId"]["certificates"]["$post"]>

export interface IssueOptions extends CallOptions {
  /** Rows handed to the connection so far, of `total` (the request streams as JSON Lines). */
  readonly onProgress?: ((sent: number, total: number) => void) | undefined
}

/** GET /api/assessments/schedule. */
export type AssessmentSchedule = Answer<Api["assessments"]["schedule"]["$get"]>

/** GET /api/assessments/due: on `date` (default today), which region's admitted institutions are due or overdue. */
export interface DueAssessmentsQuery {
  readonly regionCode?: string | undefined
  readonly date?: string | undefined
}

/** GET /api/assessments/due: each admitted institution whose semiannual assessment (54号·五 "一年两次") is due or overdue. */
export type DueAssessments = Answer<Api["assessments"]["due"]["$get"]>

/** Periods like "2026-H2". */
export type DueAssessment = DueAssessments["items"][number]

/**
 * GET /api/institutions/expiring: authorisations ending within `withinDays` (1–366) of today. The route defaults it
 * to 30, but hc types the query as decoded (default applied, so required): the terminal always sends it.
 */
export interface ExpiringQuery {
  readonly withinDays: number
  readonly regionCode?: string | undefined
}

/** Sorted by validUntil. */
export type ExpiringAuthorisations = Answer<Api["institutions"]["expiring"]["$get"]>

/** An authorisation ending soon (54号·五 有效期限), `daysLeft` counted from the answer's date. */
export type ExpiringAuthorisation = ExpiringAuthorisations["items"][number]

export interface AdminClient {
  readonly me: (options?: CallOptions) => Promise<ApiResult<Me>>

  readonly filing: (filingId: string, options?: CallOptions) => Promise<ApiResult<FilingView>>
  readonly recordOpinion: (
    filingId: string,
    body: FilingOpinionRequest,
    options?: CallOptions
  ) => Promise<ApiResult<FilingView>>
  readonly coSign: (
    filingId: string,
    body: CoSignatureRequest,
    options?: CallOptions
  ) => Promise<ApiResult<FilingView>>
  readonly awaitingFilings: (options?: CallOptions) => Promise<ApiResult<AwaitingFilings>>
  readonly competitions: (
    query: CompetitionQuery,
    options?: CallOptions
  ) => Promise<ApiResult<Page<CompetitionSummary>>>
  readonly competition: (
    competitionId: string,
    options?: CallOptions
  ) => Promise<ApiResult<CompetitionDetail>>

  readonly institutions: (
    query: InstitutionQuery,
    options?: CallOptions
  ) => Promise<ApiResult<Page<PublicInstitution>>>
  readonly institution: (
    institutionId: string,
    options?: CallOptions
  ) => Promise<ApiResult<PublicInstitution>>
  readonly institutionHistory: (
    institutionId: string,
    options?: CallOptions
  ) => Promise<ApiResult<InstitutionHistory>>
  readonly expiringAuthorisations: (
    query: ExpiringQuery,
    options?: CallOptions
  ) => Promise<ApiResult<ExpiringAuthorisations>>
  readonly admitInstitution: (
    body: AdmitInstitution,
    options?: CallOptions
  ) => Promise<ApiResult<Institution>>
  readonly changeScope: (
    institutionId: string,
    body: ScopeChangeRequest,
    options?: CallOptions
  ) => Promise<ApiResult<Institution>>
  readonly changeStatus: (
    institutionId: string,
    move: StatusMove,
    body: StatusChange,
    options?: CallOptions
  ) => Promise<ApiResult<Institution>>

  readonly previewRevocation: (
    body: RevocationRequest,
    options?: CallOptions
  ) => Promise<ApiResult<RevocationPreview>>
  readonly executeRevocation: (
    body: RevocationRequest,
    options?: CallOptions
  ) => Promise<ApiResult<RevocationResult>>
  readonly lookupCertificates: (
    query: LookupQuery,
    options?: CallOptions
  ) => Promise<ApiResult<{ readonly certificates: ReadonlyArray<CertificateView> }>>

  readonly reports: (query: ReportQuery, options?: CallOptions) => Promise<ApiResult<Page<Report>>>
  readonly report: (reportId: string, options?: CallOptions) => Promise<ApiResult<Report>>
  readonly assignReport: (
    reportId: string,
    body: ReportAssignment,
    options?: CallOptions
  ) => Promise<ApiResult<Report>>
  readonly verifyReport: (
    reportId: string,
    body: ReportVerification,
    options?: CallOptions
  ) => Promise<ApiResult<Report>>
  readonly resolveReport: (
    reportId: string,
    body: ReportResolution,
    options?: CallOptions
  ) => Promise<ApiResult<Report>>

  readonly assessments: (
    institutionId: string,
    page: PageQuery,
    options?: CallOptions
  ) => Promise<ApiResult<Page<RecordedAssessment>>>
  readonly assessmentSchedule: (
    institutionId: string,
    date: string | undefined,
    options?: CallOptions
  ) => Promise<ApiResult<AssessmentSchedule>>
  readonly assessmentsDue: (
    query: DueAssessmentsQuery,
    options?: CallOptions
  ) => Promise<ApiResult<DueAssessments>>
  readonly recordAssessment: (
    body: AssessmentSubmission,
    options?: CallOptions
  ) => Promise<ApiResult<RecordedAssessment>>

  readonly batch: (batchId: string, options?: CallOptions) => Promise<ApiResult<EvaluationBatch>>
  readonly issueBatch: (request: IssueBatchRequest, options?: IssueOptions) => Promise<ApiResult<IssuedBatch>>
}
