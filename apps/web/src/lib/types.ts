/**
 * The JSON bodies of the public list routes. The API answers them through `respond`, whose body the `hc` client
 * types as `never`, so they are named here from the domain's own Schemas (type-only imports: nothing of Effect
 * reaches the bundle). The catalogue's view is built in apps/api (publicInstitutionView), not in the domain, so it
 * is spelt out below, field for field.
 */
import type { CompetitionPlan } from "@jineng/domain/competition/CompetitionPlan"
import type { EvaluationBatchListing } from "@jineng/domain/quality/EvaluationBatchListing"
import type { HotlineDirectory as HotlineDirectorySchema } from "@jineng/domain/quality/Hotline"
import type { ReportStatusView } from "@jineng/domain/quality/Report"

export interface Page<T> {
  readonly items: ReadonlyArray<T>
  readonly total: number
  readonly limit: number
  readonly offset: number
}

export interface RegionView {
  readonly code: string
  readonly name: string
}

/** apps/api/src/routes/publicInstitutions.ts `PublicInstitution`. */
export interface PublicInstitution {
  readonly id: string
  readonly name: string
  readonly kind: string
  readonly kindName: string
  readonly uscc: string
  readonly region: RegionView
  readonly filedWith: "province" | "mohrss"
  readonly numberingPrefix: string | null
  readonly status: { readonly state: string; readonly name: string; readonly since: string }
  readonly statusHistory: ReadonlyArray<{
    readonly status: string
    readonly name: string
    readonly date: string
  }>
  readonly authorisations: ReadonlyArray<{
    readonly id: string
    readonly occupations: ReadonlyArray<{ readonly code: string; readonly workType: string | null }>
    readonly levels: ReadonlyArray<{ readonly code: number; readonly name: string }>
    readonly region: RegionView
    readonly validFrom: string
    readonly validUntil: string
  }>
}

/** apps/api/src/routes/publicBatches.ts `PublishedBatchView` (附件2). */
export interface PublishedBatch {
  readonly batchId: string
  readonly publishedOn: string
  readonly listing: typeof EvaluationBatchListing.Encoded
}

/** 附件3: a published competition plan. */
export type PublishedPlan = typeof CompetitionPlan.Encoded

export type HotlineDirectory = typeof HotlineDirectorySchema.Encoded

export type ReportStatus = typeof ReportStatusView.Encoded

/** apps/api/src/routes/publicReports.ts `SubmittedReportView`. */
export interface SubmittedReport {
  readonly trackingCode: string
  readonly displayCode: string
  readonly receivedOn: string
  readonly notice: string
}
