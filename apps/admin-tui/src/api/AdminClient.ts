/**
 * What the terminal asks of the API, as one interface: every call answers an ApiResult (the value, or the API's
 * problem+json with its zh-CN detail and code) and takes an AbortSignal, so a slow call can be cancelled with Esc.
 * HttpAdminClient implements it over the typed `hc` client; tests use a fake, so screens never see hono types.
 * Request bodies are the domain's own request types (`@jineng/domain`, type-only); answers are the API's views.
 */
import type { Organisation } from "@jineng/domain/access/Organisation"
import type { Competition } from "@jineng/domain/competition/Competition"
import type { CompetitionClass } from "@jineng/domain/competition/CompetitionClass"
import type { CoSignatureRequest, FilingOpinionRequest } from "@jineng/domain/competition/CompetitionRequests"
import type { Filing } from "@jineng/domain/competition/Filing"
import type { FilingLevel } from "@jineng/domain/competition/FilingLevel"
import type { CompetitionReview } from "@jineng/domain/competition/ReviewCompetition"
import type {
  AdmitInstitution,
  ScopeChangeRequest,
  StatusChange
} from "@jineng/domain/institution/CatalogueCommands"
import type { StatusEntry } from "@jineng/domain/institution/CatalogueStatus"
import type { Institution } from "@jineng/domain/institution/Institution"
import type { ScopeChangeRecord } from "@jineng/domain/institution/InstitutionScope"
import type { EvaluationBatch } from "@jineng/domain/issuance/EvaluationBatch"
import type { IssueBatchRequest } from "@jineng/domain/issuance/IssueBatchRequest"
import type { InstitutionSchedule } from "@jineng/domain/quality/Assessments"
import type { AssessmentSubmission, RecordedAssessment } from "@jineng/domain/quality/QualityAssessment"
import type { Report } from "@jineng/domain/quality/Report"
import type {
  ReportAssignment,
  ReportResolution,
  ReportVerification
} from "@jineng/domain/quality/ReportLifecycle"
import type { RevocationOrder, RevocationRequest } from "@jineng/domain/revocation/RevocationOrder"
import type { Decision, VerdictDecision } from "@jineng/domain/rule/Decision"

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
export interface Me {
  readonly organisation: Organisation
  readonly roleName: string
  readonly actions: ReadonlyArray<{
    readonly action: string
    readonly name: string
    readonly citation: string
  }>
}

/** GET /api/filings/:filingId, every filing step, and the items of GET /api/filings/awaiting. */
export interface FilingView {
  readonly filing: Filing
  readonly nextLevel: FilingLevel | null
  readonly incentives: Decision<"available" | "lost">
}

/** GET /api/filings/awaiting: the filings whose next 附件1 opinion is this bureau's (the province: and co-signatures). */
export interface AwaitingFilings {
  readonly items: ReadonlyArray<FilingView>
}

/**
 * An item of GET /api/competitions: the competition and its whole review (54号·二) — the out-of-region share with
 * its counts, the cross-region route, the filing required, each with its citations.
 */
export interface CompetitionSummary {
  readonly competition: Competition
  readonly review: CompetitionReview
}

/** GET /api/competitions/:competitionId: the review (incentives measured against its completed filing) and its filings. */
export interface CompetitionDetail extends CompetitionSummary {
  readonly filings: ReadonlyArray<FilingView>
}

export interface RegionView {
  readonly code: string
  readonly name: string
}

/** GET /api/public/institutions: the catalogue's public record of an institution. */
export interface PublicInstitution {
  readonly id: string
  readonly name: string
  readonly kind: string
  readonly kindName: string
  readonly uscc: string
  readonly region: RegionView
  readonly filedWith: "province" | "mohrss"
  readonly numberingPrefix: string | null
  readonly status: {
    readonly state: "admitted" | "suspended" | "removed"
    readonly name: string
    readonly since: string
  }
  readonly statusHistory: ReadonlyArray<{
    readonly status: string
    readonly name: string
    readonly date: string
  }>
  readonly authorisations: ReadonlyArray<{
    readonly id: string
    readonly occupations: ReadonlyArray<{ readonly code: string; readonly workType: string | null }>
    readonly levels: ReadonlyArray<{ readonly code: 1 | 2 | 3 | 4 | 5; readonly name: string }>
    readonly region: RegionView
    readonly validFrom: string
    readonly validUntil: string
  }>
}

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
export interface InstitutionHistory {
  readonly institutionId: string
  readonly name: string
  readonly status: "admitted" | "suspended" | "removed"
  readonly statusHistory: ReadonlyArray<StatusEntry>
  readonly scopeChanges: ReadonlyArray<ScopeChangeRecord>
}

export type StatusMove = "suspension" | "removal" | "readmission"

export interface CompetitionQuery extends PageQuery {
  readonly regionCode?: string | undefined
  readonly class?: CompetitionClass | undefined
  readonly occupationCode?: string | undefined
  readonly from?: string | undefined
  readonly until?: string | undefined
}

/** POST /api/revocations/preview. */
export interface RevocationPreview {
  readonly toRevoke: number
  readonly alreadyRevoked: number
  readonly notFound: number
  readonly outsideRegion: number
  readonly sample: ReadonlyArray<{
    readonly number: string
    readonly effect: "revoke" | "already_revoked" | "not_found"
    readonly holderName: string | null
    readonly issuerRegionCode: string | null
  }>
  readonly authority: VerdictDecision
  readonly order: VerdictDecision
}

/** POST /api/revocations. */
export interface RevocationResult {
  readonly order: RevocationOrder
  readonly revoked: number
  readonly alreadyRevoked: number
  readonly alreadyRevokedSample: ReadonlyArray<{
    readonly number: string
    readonly revokedOn: string
    readonly reason: string
    readonly orderId: string
  }>
  readonly creditCheckReferred: boolean
  readonly authority: VerdictDecision
  readonly check: VerdictDecision
}

/** The public view of a certificate (ID number masked). */
export interface CertificateView {
  readonly number: string
  readonly kind: string
  readonly holder: {
    readonly name: string
    readonly idType: string
    readonly idTypeName: string
    readonly idNumberMasked: string
  }
  readonly occupation: { readonly code: string; readonly name: string; readonly workType: string | null }
  readonly level: { readonly code: number; readonly name: string }
  readonly issuer: { readonly name: string }
  readonly issuedOn: string
  readonly status:
    | { readonly state: "valid"; readonly name: string }
    | {
        readonly state: "revoked"
        readonly name: string
        readonly revokedOn: string
        readonly reason: string
        readonly reasonName: string
      }
  readonly verificationUrl: string
}

/** Two factors: certificate number + name, or ID number + name. */
export type LookupQuery =
  | { readonly name: string; readonly number: string }
  | { readonly name: string; readonly idNumber: string }

export interface ReportQuery extends PageQuery {
  readonly status?: "received" | "verifying" | "resolved" | undefined
  readonly regionCode?: string | undefined
}

/** GET /api/batches/:batchId/… issuance answer. */
export interface IssuedBatch {
  readonly batchId: string
  readonly institutionId: string
  readonly issuedOn: string
  readonly alreadyIssued: boolean
  readonly count: number
  readonly certificates: ReadonlyArray<{
    readonly number: string
    readonly name: string
    readonly idNumberMasked: string
  }>
}

export interface IssueOptions extends CallOptions {
  /** Rows handed to the connection so far, of `total` (the request streams as JSON Lines). */
  readonly onProgress?: ((sent: number, total: number) => void) | undefined
}

export type AssessmentSchedule = InstitutionSchedule

/** GET /api/assessments/due: on `date` (default today), which region's admitted institutions are due or overdue. */
export interface DueAssessmentsQuery {
  readonly regionCode?: string | undefined
  readonly date?: string | undefined
}

/** An admitted institution whose semiannual assessment (54号·五 "一年两次") is due or overdue; periods like "2026-H2". */
export interface DueAssessment {
  readonly institutionId: string
  readonly name: string
  readonly regionCode: string
  readonly outcome: "due" | "overdue"
  readonly due: string | null
  readonly overdue: ReadonlyArray<string>
}

export interface DueAssessments {
  readonly date: string
  readonly items: ReadonlyArray<DueAssessment>
}

/**
 * GET /api/institutions/expiring: authorisations ending within `withinDays` (1–366) of today. The route defaults it
 * to 30, but hc types the query as decoded (default applied, so required): the terminal always sends it.
 */
export interface ExpiringQuery {
  readonly withinDays: number
  readonly regionCode?: string | undefined
}

/** An authorisation ending soon (54号·五 有效期限), `daysLeft` counted from the answer's date. */
export interface ExpiringAuthorisation {
  readonly institutionId: string
  readonly name: string
  readonly regionCode: string
  readonly authorisationId: string
  readonly validUntil: string
  readonly daysLeft: number
}

/** Sorted by validUntil. */
export interface ExpiringAuthorisations {
  readonly date: string
  readonly items: ReadonlyArray<ExpiringAuthorisation>
}

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
