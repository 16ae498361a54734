/**
 * The registry: every port of the domain implemented on one database (54号·四 "全面纳入…统一管理"), plus the
 * domain's use cases over them. The edges (API, commands) build this once per process with the database
 * target read from their configuration.
 */

import { CompetitionCertificates } from "@jineng/domain/competition/CompetitionCertificates"
import { CompetitionFilings } from "@jineng/domain/competition/CompetitionFilings"
import { Competitions } from "@jineng/domain/competition/Competitions"
import { Filings } from "@jineng/domain/competition/Filings"
import { Eligibility } from "@jineng/domain/eligibility/Eligibility"
import { EmployerPromotionRules } from "@jineng/domain/eligibility/EmployerPromotionRules"
import { RuleTableVersions } from "@jineng/domain/eligibility/RuleTableVersions"
import { InstitutionCatalogue } from "@jineng/domain/institution/InstitutionCatalogue"
import { CertificateIssuance } from "@jineng/domain/issuance/CertificateIssuance"
import { EvaluationBatches } from "@jineng/domain/issuance/EvaluationBatches"
import { EnterpriseNormFilings } from "@jineng/domain/occupation/EnterpriseNormFilings"
import { TechnicalResources } from "@jineng/domain/occupation/TechnicalResources"
import { Assessments } from "@jineng/domain/quality/Assessments"
import { Reports } from "@jineng/domain/quality/Reports"
import { TrackingCodeGenerator } from "@jineng/domain/quality/TrackingCodeGenerator"
import { Revocations } from "@jineng/domain/revocation/Revocations"
import { IdGenerator } from "@jineng/domain/shared/IdGenerator"
import { Layer } from "effect"
import { SqlOrganisationRepository } from "./access/SqlOrganisationRepository.js"
import * as SqlAudit from "./audit/SqlAuditTrail.js"
import { SqlEvaluationBatchRepository } from "./batch/SqlEvaluationBatchRepository.js"
import { SqlEnterpriseNormFilingRepository } from "./catalogue/SqlEnterpriseNormFilingRepository.js"
import { SqlStandardRepository } from "./catalogue/SqlStandardRepository.js"
import { SqlCertificateRepository } from "./certificate/SqlCertificateRepository.js"
import { SqlRegionRepository } from "./codes/SqlRegionRepository.js"
import { SqlCompetitionRepository } from "./competition/SqlCompetitionRepository.js"
import { SqlFilingRepository } from "./competition/SqlFilingRepository.js"
import * as Database from "./Database.js"
import { SqlInstitutionRepository } from "./institution/SqlInstitutionRepository.js"
import { SqlAssessmentRepository } from "./quality/SqlAssessmentRepository.js"
import { SqlReportRepository } from "./quality/SqlReportRepository.js"
import { SqlBatchProfiles } from "./revocation/SqlBatchProfiles.js"
import { SqlRevocationOrderRepository } from "./revocation/SqlRevocationOrderRepository.js"
import { SqlEligibilityRuleTables } from "./ruletable/SqlEligibilityRuleTables.js"
import { SqlEmployerPromotionRuleRepository } from "./ruletable/SqlEmployerPromotionRuleRepository.js"
import * as SqlTransactional from "./SqlTransactional.js"
import { SqlTransparencyLogRepository } from "./transparency/SqlTransparencyLogRepository.js"

/** Every repository port, the audit trail and transactions, on the SqlClient in context. */
export const ports = Layer.mergeAll(
  SqlCertificateRepository.layer,
  SqlStandardRepository.layer,
  SqlInstitutionRepository.layer,
  SqlOrganisationRepository.layer,
  SqlCompetitionRepository.layer,
  SqlFilingRepository.layer,
  SqlEvaluationBatchRepository.layer,
  SqlRevocationOrderRepository.layer,
  SqlBatchProfiles.layer,
  SqlReportRepository.layer,
  SqlAssessmentRepository.layer,
  SqlEligibilityRuleTables.layer,
  SqlEnterpriseNormFilingRepository.layer,
  SqlEmployerPromotionRuleRepository.layer,
  SqlRegionRepository.layer,
  SqlTransparencyLogRepository.layer,
  SqlAudit.layer,
  SqlAudit.SqlAuditTrail.Default,
  SqlTransactional.layer,
  IdGenerator.layer,
  TrackingCodeGenerator.layer
)

/** The domain's use cases over the ports. */
export const useCases = Layer.mergeAll(
  CertificateIssuance.layer,
  EvaluationBatches.layer.pipe(Layer.provide(CertificateIssuance.layer)),
  Revocations.layer,
  Assessments.layer,
  InstitutionCatalogue.layer,
  Filings.layer,
  Competitions.layer,
  CompetitionFilings.layer.pipe(Layer.provide(Filings.layer)),
  CompetitionCertificates.layer,
  Reports.layer,
  Eligibility.layer,
  TechnicalResources.layer,
  EnterpriseNormFilings.layer,
  RuleTableVersions.layer,
  EmployerPromotionRules.layer
)

/** The whole registry on one database target (migrated at start-up). */
export const layer = (target: Database.DatabaseTarget) =>
  useCases.pipe(Layer.provideMerge(ports), Layer.provideMerge(Database.layer(target)))

export type Registry = Layer.Layer.Success<ReturnType<typeof layer>>
