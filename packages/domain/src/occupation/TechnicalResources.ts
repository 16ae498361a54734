/**
 * Use cases of the technical resources (54号·三 规范技术标准), each for an acting organisation, scope-checked
 * (Authorise.ts) and audited in the same transaction as the write:
 * - record a national standard edition or a question bank (standard.manage). They hold for the whole province,
 *   so only a department or centre whose region is the province records them (属地管理: a city centre's region
 *   does not cover them);
 * - approve an entry of 《江苏省技术资源发布目录》 (catalogue-entry.approve, the provincial appraisal centre): its
 *   question bank must be on file, for the same occupation (工种), covering every level of the entry on the
 *   listing date ("提请开发…评价规范以及相应评价题库，经省职业技能鉴定机构审定通过，纳入…目录");
 * - read the catalogue, and an occupation with everything on file and whether it (or a given institution) may
 *   be evaluated.
 * Records are kept as filed: the same record sent again is answered as already recorded (nothing written, no
 * second audit entry); a different record under a taken id is refused — a new edition takes a new id.
 */
import { Context, Effect, Layer, Option } from "effect"
import { requireAuthorised } from "../access/Authorise.js"
import type { Organisation } from "../access/Organisation.js"
import type { Action } from "../access/Permissions.js"
import { isCertifiableMajor } from "../codes/OccupationCode.js"
import { JIANGSU, type RegionCode } from "../codes/Region.js"
import type { SkillLevel } from "../codes/SkillLevel.js"
import { levelName } from "../codes/SkillLevel.js"
import { InstitutionNotFound } from "../institution/InstitutionErrors.js"
import { InstitutionRepository } from "../institution/InstitutionRepository.js"
import { AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import type { LocalDate } from "../time/LocalDate.js"
import { todayInBeijing } from "../time/Today.js"
import { cataloguedOccupation } from "./CataloguedOccupation.js"
import type { NationalStandard } from "./NationalStandard.js"
import { nameOn } from "./OccupationCatalogue.js"
import {
  OccupationNotFound,
  QuestionBankDoesNotCover,
  QuestionBankNotFound,
  TechnicalRecordIdTaken,
  type TechnicalRecordKind
} from "./OccupationErrors.js"
import { occupationOverview } from "./OccupationOverview.js"
import type { CatalogueEntryApproval, ProvincialCatalogueEntry } from "./ProvincialCatalogueEntry.js"
import type { QuestionBank } from "./QuestionBank.js"
import { sameRecord } from "./SameRecord.js"
import { type OccupationQuery, StandardRepository } from "./StandardRepository.js"

/** What a recording use case answers: the record on file, and whether it was there already (a retry). */
export interface Recorded<A> {
  readonly record: A
  readonly alreadyRecorded: boolean
}

/** One line of the catalogue list (54号·三: names of 大类 3–6 may be evaluated). */
export interface OccupationSummary {
  readonly code: string
  /** The name today (renames by MOHRSS notices applied). */
  readonly name: string
  readonly listedFrom: LocalDate
  readonly source: string
  readonly certifiableMajor: boolean
}

export interface OccupationQuestion {
  /** Default: today in Beijing. */
  readonly date?: LocalDate | undefined
  readonly workType?: string | undefined
  /** Ask whether this institution may evaluate the occupation at this level (MayEvaluate.ts). */
  readonly evaluation?:
    | { readonly institutionId: string; readonly level: SkillLevel; readonly region?: RegionCode | undefined }
    | undefined
}

/** The problems of `bank` as the bank of `entry` (empty when it fits). */
export const bankProblems = (bank: QuestionBank, entry: CatalogueEntryApproval): ReadonlyArray<string> => {
  const problems: Array<string> = []
  if (bank.occupationCode !== entry.occupationCode)
    problems.push(`题库属于职业 ${bank.occupationCode}，目录条目为职业 ${entry.occupationCode}`)
  if (bank.workType !== undefined && bank.workType !== entry.workType)
    problems.push(
      `题库仅适用于工种「${bank.workType}」，目录条目为${entry.workType === undefined ? "整个职业" : `工种「${entry.workType}」`}`
    )
  const missing = entry.levels.filter((l) => !bank.levels.includes(l))
  if (missing.length > 0) problems.push(`题库未覆盖${missing.map(levelName).join("、")}`)
  if (bank.approvedOn > entry.listedOn)
    problems.push(`题库审定日期 ${bank.approvedOn} 晚于纳入目录日期 ${entry.listedOn}`)
  if (bank.expiresOn !== undefined && bank.expiresOn < entry.listedOn)
    problems.push(`题库已于 ${bank.expiresOn} 失效，早于纳入目录日期 ${entry.listedOn}`)
  return problems
}

const make = Effect.gen(function* () {
  const standards = yield* StandardRepository
  const institutions = yield* InstitutionRepository
  const audit = yield* AuditTrail
  const transactional = yield* Transactional

  /** The record's occupation is a catalogue occupation of 大类 3–6 (CataloguedOccupation.ts). */
  const requireOccupation = (code: string) =>
    Effect.flatMap(standards.forOccupation(code), (file) => cataloguedOccupation(file))

  /**
   * Writes `record` and its audit entry in one transaction, unless the same record is on file under its id (a
   * retry: nothing written); another record under the id is refused.
   */
  const recordOnce = <A extends { readonly id: string }>(
    org: Organisation,
    action: string,
    kind: TechnicalRecordKind,
    record: A,
    io: {
      readonly find: (id: string) => Effect.Effect<Option.Option<A>>
      readonly save: (record: A) => Effect.Effect<void>
    },
    details: Readonly<Record<string, unknown>>
  ) =>
    transactional.run(
      Effect.gen(function* () {
        const found = yield* io.find(record.id)
        if (Option.isSome(found)) {
          if (sameRecord(found.value, record)) return { record: found.value, alreadyRecorded: true }
          return yield* new TechnicalRecordIdTaken({ field: "id", kind, id: record.id })
        }
        yield* io.save(record)
        yield* audit.record({
          actor: org.id,
          action,
          subject: record.id,
          reason: "规范技术标准（54号·三）",
          details
        })
        return { record, alreadyRecorded: false } satisfies Recorded<A>
      })
    )

  /** National standards, banks and catalogue entries hold for the whole province (属地管理 at province level). */
  const requireProvince = (org: Organisation, action: Action) => requireAuthorised(org, action, JIANGSU)

  const recordStandard = Effect.fn("TechnicalResources.recordStandard")(function* (
    standard: NationalStandard,
    org: Organisation
  ) {
    yield* requireProvince(org, "standard.manage")
    yield* requireOccupation(standard.occupationCode)
    return yield* recordOnce(
      org,
      "standard.record",
      "national_standard",
      standard,
      { find: standards.findStandard, save: standards.saveStandard },
      {
        occupationCode: standard.occupationCode,
        edition: standard.edition,
        effectiveFrom: standard.effectiveFrom,
        levels: standard.levels
      }
    )
  })

  const recordQuestionBank = Effect.fn("TechnicalResources.recordQuestionBank")(function* (
    bank: QuestionBank,
    org: Organisation
  ) {
    yield* requireProvince(org, "standard.manage")
    yield* requireOccupation(bank.occupationCode)
    return yield* recordOnce(
      org,
      "question-bank.record",
      "question_bank",
      bank,
      { find: standards.findQuestionBank, save: standards.saveQuestionBank },
      {
        occupationCode: bank.occupationCode,
        workType: bank.workType ?? null,
        levels: bank.levels,
        approvedOn: bank.approvedOn
      }
    )
  })

  const approveCatalogueEntry = Effect.fn("TechnicalResources.approveCatalogueEntry")(function* (
    approval: CatalogueEntryApproval,
    org: Organisation
  ) {
    yield* requireProvince(org, "catalogue-entry.approve")
    yield* requireOccupation(approval.occupationCode)
    const bank = yield* standards.findQuestionBank(approval.questionBankId)
    if (Option.isNone(bank))
      return yield* new QuestionBankNotFound({
        field: "questionBankId",
        questionBankId: approval.questionBankId
      })
    const problems = bankProblems(bank.value, approval)
    if (problems.length > 0)
      return yield* new QuestionBankDoesNotCover({
        field: "questionBankId",
        questionBankId: approval.questionBankId,
        problem: problems.join("；")
      })
    const entry: ProvincialCatalogueEntry = { ...approval, approvedBy: org.institutionId ?? org.id }
    return yield* recordOnce(
      org,
      "catalogue-entry.approve",
      "provincial_entry",
      entry,
      { find: standards.findProvincialEntry, save: standards.saveProvincialEntry },
      {
        occupationCode: entry.occupationCode,
        workType: entry.workType ?? null,
        levels: entry.levels,
        questionBankId: entry.questionBankId,
        listedOn: entry.listedOn
      }
    )
  })

  const occupation = Effect.fn("TechnicalResources.occupation")(function* (
    code: string,
    question: OccupationQuestion = {}
  ) {
    const file = yield* standards.forOccupation(code)
    if (file.entry === undefined)
      return yield* new OccupationNotFound({ field: "code", occupationCode: code })
    const date = question.date ?? (yield* todayInBeijing)
    const asked = question.evaluation
    let evaluation: Parameters<typeof occupationOverview>[4]
    if (asked !== undefined) {
      const institution = yield* institutions.findById(asked.institutionId)
      if (Option.isNone(institution))
        return yield* new InstitutionNotFound({ field: "institutionId", institutionId: asked.institutionId })
      evaluation = { institution: institution.value, level: asked.level, region: asked.region }
    }
    return occupationOverview(file.entry, file.basis, date, question.workType, evaluation)
  })

  /** A page of the catalogue with each occupation's name today and whether its 大类 is open to certification. */
  const listOccupations = Effect.fn("TechnicalResources.listOccupations")(function* (query: OccupationQuery) {
    const page = yield* standards.listOccupations(query)
    const today = yield* todayInBeijing
    return {
      items: page.items.map(
        (e): OccupationSummary => ({
          code: e.occupation.code,
          name: nameOn(e, today),
          listedFrom: e.listedFrom,
          source: e.source,
          certifiableMajor: isCertifiableMajor(e.occupation.code)
        })
      ),
      total: page.total,
      limit: page.limit,
      offset: page.offset
    }
  })

  return { recordStandard, recordQuestionBank, approveCatalogueEntry, occupation, listOccupations } as const
})

export class TechnicalResources extends Context.Tag("@jineng/domain/TechnicalResources")<
  TechnicalResources,
  Effect.Effect.Success<typeof make>
>() {
  /** Requires StandardRepository, InstitutionRepository, AuditTrail and Transactional. */
  static readonly layer = Layer.effect(this, make)
}
