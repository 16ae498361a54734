/**
 * The HTTP status of each expected domain failure, by its tag (domain errors carry no HTTP, architecture §4).
 * Unknown records → 404; refused authorisation → 403; a state that forbids the change, a taken id or a stale
 * revision → 409; any other refusal by a rule (the request is well-formed, the law says no) → 422.
 */
const BY_TAG: Readonly<Record<string, 401 | 403 | 404 | 409 | 503>> = {
  ApiKeyRejected: 401,
  ActionRefused: 403,
  RevocationNotAuthorised: 403,
  CoSignatureActorNotPermitted: 403,
  OpinionActorWrongLevel: 403,
  OpinionActorWrongRegion: 403,
  RevocationBatchNotFound: 404,
  RevocationCertificatesNotFound: 404,
  TrackingCodeUnknown: 404,
  BatchIdConflict: 409,
  BatchIdTakenByAnotherIssuer: 409,
  CoSignatureAlreadyRecorded: 409,
  CompetitionIdTaken: 409,
  CompetitionPlanIdTaken: 409,
  EnterpriseNormFilingDecided: 409,
  EvaluationBatchIdTaken: 409,
  EvaluationBatchStatusConflict: 409,
  FilingAlreadySubmitted: 409,
  FilingChanged: 409,
  FilingClosed: 409,
  InstitutionAlreadyExists: 409,
  InstitutionRemoved: 409,
  InvalidStatusTransition: 409,
  NumberingPrefixTaken: 409,
  OpinionAlreadyRecorded: 409,
  OpinionOutOfOrder: 409,
  OrganisationAlreadyExists: 409,
  PromotionRuleAlreadyRegistered: 409,
  ReportChanged: 409,
  ReportEventOutOfOrder: 409,
  ReportTransitionInvalid: 409,
  RuleVersionAlreadyExists: 409,
  TechnicalRecordIdTaken: 409,
  /** The operator must act (no signing key in force, log backfill pending); the request is fine. */
  VerificationUnavailable: 503
}

export type ErrorStatus = 401 | 403 | 404 | 409 | 422 | 503

export const statusOfTag = (tag: string): ErrorStatus => BY_TAG[tag] ?? (tag.endsWith("NotFound") ? 404 : 422)
