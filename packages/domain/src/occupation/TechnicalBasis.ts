/**
 * The technical resources on file for one occupation (54号·三 规范技术标准): national standards, question
 * banks, filed enterprise norms and 《江苏省技术资源发布目录》 entries — what mayEvaluate weighs.
 */
import type { EnterpriseNorm } from "./EnterpriseNorm.js"
import type { NationalStandard } from "./NationalStandard.js"
import type { ProvincialCatalogueEntry } from "./ProvincialCatalogueEntry.js"
import type { QuestionBank } from "./QuestionBank.js"

export interface TechnicalBasis {
  readonly standards: ReadonlyArray<NationalStandard>
  readonly questionBanks: ReadonlyArray<QuestionBank>
  readonly enterpriseNorms: ReadonlyArray<EnterpriseNorm>
  readonly provincialEntries: ReadonlyArray<ProvincialCatalogueEntry>
}

export const EMPTY_BASIS: TechnicalBasis = {
  standards: [],
  questionBanks: [],
  enterpriseNorms: [],
  provincialEntries: []
}
