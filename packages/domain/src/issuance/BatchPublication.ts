/**
 * May this evaluation batch be published (54号·五 "面向社会定期公布所属职业技能等级认定机构开展评价的评价职业、评价等级、
 * 评价时间、联系方式等信息（见附件2）"; domain.md §4 "第三方评价机构: publish evaluation batches … within its
 * authorisation")? Every failed condition is reported:
 * - the 附件2 row is complete and well-formed (ListingCompleteness.ts; an evaluation before 2022-05-01 is
 *   "not in force");
 * - the institution is in the catalogue and neither suspended nor removed on the publication day (54号·五);
 * - it may evaluate the occupation (工种) and level in the evaluation's region on the first and on the last day
 *   of the evaluation (MayEvaluate.ts: kind, technical basis, authorisation incl. validity and region).
 */
import { isSkillLevel } from "../codes/SkillLevel.js"
import type { StatusEntry } from "../institution/CatalogueStatus.js"
import { catalogueStatusName, statusOn } from "../institution/CatalogueStatus.js"
import type { EvaluatingInstitution } from "../occupation/MayEvaluate.js"
import { mayEvaluate } from "../occupation/MayEvaluate.js"
import type { CatalogueLookup } from "../occupation/OccupationCatalogue.js"
import type { TechnicalBasis } from "../occupation/TechnicalBasis.js"
import type { EvaluationBatchDraft } from "../quality/EvaluationBatchListing.js"
import { evaluationBatchCompleteness } from "../quality/ListingCompleteness.js"
import { Cite } from "../rule/Citation.js"
import type { Failure, ProvisionalNote, VerdictDecision } from "../rule/Decision.js"
import { verdict } from "../rule/Decision.js"
import type { LocalDate } from "../time/LocalDate.js"

export const BATCH_PUBLICATION_RULE = "issuance.batch-publication"

const CITATIONS = [Cite.annex2, Cite.quality, Cite.standards]

export interface BatchPublicationFacts {
  /** The 附件2 row as it would be published (names from the catalogue; absent when unknown). */
  readonly listing: EvaluationBatchDraft
  readonly publishedOn: LocalDate
  readonly institution: EvaluatingInstitution & {
    readonly statusHistory: ReadonlyArray<StatusEntry>
  }
  readonly catalogue: CatalogueLookup
  readonly basis: TechnicalBasis
}

const statusFailure = (f: BatchPublicationFacts): Failure | undefined => {
  const status = statusOn(f.institution.statusHistory, f.publishedOn)
  if (status === "admitted") return undefined
  const seen = status === undefined ? "未纳入目录" : catalogueStatusName(status)
  return {
    code:
      status === undefined
        ? "InstitutionNotAdmitted"
        : status === "suspended"
          ? "InstitutionSuspended"
          : "InstitutionRemoved",
    rule: BATCH_PUBLICATION_RULE,
    field: "institutionId",
    message: `${f.institution.name} 在 ${f.publishedOn} 的目录状态为“${seen}”，不得公布评价批次（须为已纳入目录且未暂停、未移出）`,
    seen: status ?? null,
    required: "admitted",
    citation: Cite.quality
  }
}

/** mayEvaluate names its facts; the failures name the fields of the batch being published. */
const FIELD_OF_FACT: Readonly<Record<string, string>> = {
  occupationCode: "occupation.code",
  workType: "occupation.workType",
  region: "regionCode",
  date: "evaluationTime.from",
  authorisations: "institutionId",
  "institution.kind": "institutionId"
}

export const batchPublication = (f: BatchPublicationFacts): VerdictDecision => {
  // The occupation's name is the catalogue's: a code outside the catalogue fails below (not as a missing name).
  const named = f.listing.occupation?.name === undefined && f.listing.occupation?.code !== undefined
  const complete = evaluationBatchCompleteness(
    named
      ? { ...f.listing, occupation: { ...f.listing.occupation, name: f.listing.occupation?.code } }
      : f.listing
  )
  if (complete.outcome === "not_in_force") return complete
  const failures: Array<Failure> = [...complete.failures]
  const provisional: Array<ProvisionalNote> = []
  const status = statusFailure(f)
  if (status !== undefined) failures.push(status)
  const { occupation, level, evaluationTime, regionCode } = f.listing
  const code = occupation?.code
  if (code !== undefined && isSkillLevel(level) && evaluationTime?.from !== undefined) {
    const on = (date: LocalDate) =>
      mayEvaluate({
        catalogue: f.catalogue,
        basis: f.basis,
        institution: f.institution,
        occupationCode: code,
        workType: occupation?.workType,
        level,
        date,
        region: regionCode
      })
    const first = on(evaluationTime.from)
    // The authorisation must hold on every day of the evaluation: its last day too, once the first passes.
    const last =
      first.outcome === "allowed" &&
      evaluationTime.until !== undefined &&
      evaluationTime.until !== evaluationTime.from
        ? on(evaluationTime.until)
        : undefined
    for (const d of last === undefined ? [first] : [first, last]) {
      for (const failure of d.failures)
        failures.push({ ...failure, field: FIELD_OF_FACT[failure.field] ?? failure.field })
      provisional.push(...d.provisional)
    }
  }
  return verdict(BATCH_PUBLICATION_RULE, CITATIONS, failures, { provisional })
}
