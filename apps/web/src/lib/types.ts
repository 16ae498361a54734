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
import type { Decision } from "@jineng/domain/rule/Decision"
import type { CertificateEvent } from "@jineng/domain/verification/LogEvent"
import type { VerificationKey } from "@jineng/domain/verification/Signature"
import type { SignedRecord } from "@jineng/domain/verification/SignedRecord"
import type { SignedTreeHead } from "@jineng/domain/verification/SignedTreeHead"

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

/** The registry's published Ed25519 verification keys (GET /api/public/verification/keys). */
export type VerificationKeyJson = typeof VerificationKey.Encoded

export interface VerificationKeys {
  readonly keys: ReadonlyArray<VerificationKeyJson>
}

/** A certificate's signed public record and the address its printed QR code carries (issue #7). */
export interface SignedRecordAnswer {
  readonly signed: typeof SignedRecord.Encoded
  /** CompactRecord.encodeCompactRecord of `signed`: `r1.<base64url>`. */
  readonly compact: string
  /** `<base>/verify/<number>?name=<name>#r=<compact>`. */
  readonly verificationUrl: string
  readonly statusList: {
    readonly type: string
    readonly statusPurpose: string
    readonly statusListIndex: string
    readonly statusListCredential: string
  }
}

/** One of the certificate's transparency-log events with its inclusion proof against the answer's tree head. */
export interface ProofEntry {
  readonly leafIndex: number
  readonly event: typeof CertificateEvent.Encoded
  readonly appendedAt: string
  /** The audit path, deepest sibling first, each hash base64url. */
  readonly proof: ReadonlyArray<string>
}

/** GET /api/public/certificates/proof: the signed tree head, the certificate's log entries, the issuer's authority. */
export interface CertificateProof {
  readonly treeHead: typeof SignedTreeHead.Encoded
  readonly entries: ReadonlyArray<ProofEntry>
  /** IssuanceAuthority's decision for the issuer, occupation and level on the issue date. */
  readonly issuerAuthority: Decision<string>
}
