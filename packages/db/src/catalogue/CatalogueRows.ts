/**
 * Rows of the catalogue tables (migration 0003) and their mapping to the domain's occupation records (54号·三).
 * Booleans are INTEGER 0/1, dates TEXT `YYYY-MM-DD`, lists and documents JSON TEXT. Rows come only from our own
 * writes, which the domain validated: the read path does not re-validate.
 */
import type { EnterpriseNorm } from "@jineng/domain/occupation/EnterpriseNorm"
import type { NationalStandard } from "@jineng/domain/occupation/NationalStandard"
import type { Occupation } from "@jineng/domain/occupation/Occupation"
import type { ProvincialCatalogueEntry } from "@jineng/domain/occupation/ProvincialCatalogueEntry"
import type { QuestionBank } from "@jineng/domain/occupation/QuestionBank"

/** PostgreSQL may return INTEGER/BIGINT columns as strings. */
type Int = number | string

export interface OccupationRow {
  readonly code: string
  readonly name: string
  readonly major_code: string
  readonly major_name: string
  readonly middle_code: string
  readonly middle_name: string
  readonly minor_code: string
  readonly minor_name: string
  readonly work_type_count: Int
  readonly green: Int
  readonly digital: Int
}

export interface WorkTypeRow {
  readonly occupation_code: string
  readonly seq: Int
  readonly name: string
}

export const occupationToRow = (o: Occupation): OccupationRow => ({
  code: o.code,
  name: o.name,
  major_code: o.major.code,
  major_name: o.major.name,
  middle_code: o.middle.code,
  middle_name: o.middle.name,
  minor_code: o.minor.code,
  minor_name: o.minor.name,
  work_type_count: o.workTypeCount,
  green: o.green ? 1 : 0,
  digital: o.digital ? 1 : 0
})

export const workTypeRows = (o: Occupation): ReadonlyArray<WorkTypeRow> =>
  o.workTypes.map((name, seq) => ({ occupation_code: o.code, seq, name }))

export const occupationFromRow = (r: OccupationRow, workTypes: ReadonlyArray<string>): Occupation => ({
  code: r.code,
  name: r.name,
  major: { code: r.major_code, name: r.major_name },
  middle: { code: r.middle_code, name: r.middle_name },
  minor: { code: r.minor_code, name: r.minor_name },
  workTypes,
  workTypeCount: Number(r.work_type_count),
  green: Number(r.green) === 1,
  digital: Number(r.digital) === 1
})

export interface NoticeRow {
  readonly document_number: string
  readonly title: string | null
  readonly notice_date: string
}

export interface NoticeAdditionRow {
  readonly document_number: string
  readonly seq: Int
  readonly code: string
  readonly name: string
  readonly major_code: string
  /** JSON of the added Occupation. */
  readonly occupation: string
}

export interface NoticeRenameRow {
  readonly document_number: string
  readonly seq: Int
  readonly code: string
  readonly previous_name: string
  readonly name: string
}

export interface NoticeWorkTypesRow {
  readonly document_number: string
  readonly seq: Int
  readonly code: string
  /** JSON array of 工种 names. */
  readonly work_types: string
}

/** Only the present keys: optional fields stay absent rather than `undefined`. */
const optional = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } =>
  (value === null ? {} : { [key]: value }) as { [P in K]?: V }

export interface StandardRow {
  readonly id: string
  readonly occupation_code: string
  readonly title: string
  readonly edition: string
  readonly published_on: string
  readonly effective_from: string
  readonly levels: string
  readonly conditions: string | null
  readonly related_occupations: string | null
}

export const standardToRow = (s: NationalStandard): StandardRow => ({
  id: s.id,
  occupation_code: s.occupationCode,
  title: s.title,
  edition: s.edition,
  published_on: s.publishedOn,
  effective_from: s.effectiveFrom,
  levels: JSON.stringify(s.levels),
  conditions: s.conditions === undefined ? null : JSON.stringify(s.conditions),
  related_occupations: s.relatedOccupations === undefined ? null : JSON.stringify(s.relatedOccupations)
})

export const standardFromRow = (r: StandardRow): NationalStandard =>
  ({
    id: r.id,
    occupationCode: r.occupation_code,
    title: r.title,
    edition: r.edition,
    publishedOn: r.published_on,
    effectiveFrom: r.effective_from,
    levels: JSON.parse(r.levels),
    ...optional("conditions", r.conditions === null ? null : JSON.parse(r.conditions)),
    ...optional(
      "relatedOccupations",
      r.related_occupations === null ? null : JSON.parse(r.related_occupations)
    )
  }) as NationalStandard

export interface QuestionBankRow {
  readonly id: string
  readonly occupation_code: string
  readonly work_type: string | null
  readonly levels: string
  readonly approved_on: string
  readonly expires_on: string | null
}

export const questionBankToRow = (b: QuestionBank): QuestionBankRow => ({
  id: b.id,
  occupation_code: b.occupationCode,
  work_type: b.workType ?? null,
  levels: JSON.stringify(b.levels),
  approved_on: b.approvedOn,
  expires_on: b.expiresOn ?? null
})

export const questionBankFromRow = (r: QuestionBankRow): QuestionBank =>
  ({
    id: r.id,
    occupationCode: r.occupation_code,
    ...optional("workType", r.work_type),
    levels: JSON.parse(r.levels),
    approvedOn: r.approved_on,
    ...optional("expiresOn", r.expires_on)
  }) as QuestionBank

export interface EnterpriseNormRow {
  readonly id: string
  readonly title: string
  readonly employer_uscc: string
  readonly occupation_code: string
  readonly work_type: string | null
  readonly levels: string
  readonly filed_with: string
  readonly filed_on: string
}

export const enterpriseNormToRow = (n: EnterpriseNorm): EnterpriseNormRow => ({
  id: n.id,
  title: n.title,
  employer_uscc: n.employerUscc,
  occupation_code: n.occupationCode,
  work_type: n.workType ?? null,
  levels: JSON.stringify(n.levels),
  filed_with: n.filedWith,
  filed_on: n.filedOn
})

export const enterpriseNormFromRow = (r: EnterpriseNormRow): EnterpriseNorm =>
  ({
    id: r.id,
    title: r.title,
    employerUscc: r.employer_uscc,
    occupationCode: r.occupation_code,
    ...optional("workType", r.work_type),
    levels: JSON.parse(r.levels),
    filedWith: r.filed_with,
    filedOn: r.filed_on
  }) as EnterpriseNorm

export interface ProvincialEntryRow {
  readonly id: string
  readonly occupation_code: string
  readonly work_type: string | null
  readonly levels: string
  readonly norm_title: string
  readonly question_bank_id: string
  readonly approved_by: string
  readonly listed_on: string
}

export const provincialEntryToRow = (e: ProvincialCatalogueEntry): ProvincialEntryRow => ({
  id: e.id,
  occupation_code: e.occupationCode,
  work_type: e.workType ?? null,
  levels: JSON.stringify(e.levels),
  norm_title: e.normTitle,
  question_bank_id: e.questionBankId,
  approved_by: e.approvedBy,
  listed_on: e.listedOn
})

export const provincialEntryFromRow = (r: ProvincialEntryRow): ProvincialCatalogueEntry =>
  ({
    id: r.id,
    occupationCode: r.occupation_code,
    ...optional("workType", r.work_type),
    levels: JSON.parse(r.levels),
    normTitle: r.norm_title,
    questionBankId: r.question_bank_id,
    approvedBy: r.approved_by,
    listedOn: r.listed_on
  }) as ProvincialCatalogueEntry
