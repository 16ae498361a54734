/**
 * The rows of the institution catalogue (54号·五) and their mapping to the domain's Institution: one row per
 * institution, one per authorisation (by position) with its occupations and levels in child rows (by seq), one
 * per status history entry (by seq), and the scope change records with before/after as JSON.
 */

import type { Authorisation } from "@jineng/domain/institution/Authorisation"
import type { StatusEntry } from "@jineng/domain/institution/CatalogueStatus"
import {
  type Institution,
  type NumberingPrefix,
  numberingPrefixKey
} from "@jineng/domain/institution/Institution"
import type { InstitutionScope, ScopeChangeRecord } from "@jineng/domain/institution/InstitutionScope"
import { regionColumns } from "../sql/SqlParts.js"

export type InstitutionRow = {
  readonly id: string
  readonly name: string
  readonly kind: string
  readonly uscc: string
  readonly region_code: string
  /** The region's city (null for a province-level code): a city's directory is `region_city = ?`. */
  readonly region_city: string | null
  readonly region_province: string
  readonly filed_with: string
  /** The 13 leading characters of the institution's certificate numbers; null for the appraisal centres. */
  readonly numbering_prefix: string | null
  readonly responsible_person: string
  readonly seal_id: string
  readonly seal_name: string
  /** Bumped by every change; the bump is also the row lock that serialises concurrent changes. */
  readonly version: number
}

export type AuthorisationRow = {
  readonly institution_id: string
  readonly position: number
  readonly authorisation_id: string
  readonly region_code: string
  readonly valid_from: string
  readonly valid_until: string
}

export type AuthorisedOccupationRow = {
  readonly institution_id: string
  readonly position: number
  readonly seq: number
  readonly occupation_code: string
  readonly work_type: string | null
}

export type AuthorisedLevelRow = {
  readonly institution_id: string
  readonly position: number
  readonly seq: number
  readonly level: number
}

export type StatusRow = {
  readonly institution_id: string
  readonly seq: number
  readonly status: string
  readonly effective_on: string
  readonly reason: string
  readonly actor: string
  readonly recorded_at: string
}

export type ScopeChangeRow = {
  readonly institution_id: string
  readonly seq: number
  readonly effective_on: string
  readonly reason: string
  readonly actor: string
  readonly recorded_at: string
  readonly before_scope: string
  readonly after_scope: string
}

export const toRow = (i: Institution, version: number): InstitutionRow => ({
  id: i.id,
  name: i.name,
  kind: i.kind,
  uscc: i.uscc,
  ...regionColumns(i.region),
  filed_with: i.filedWith,
  numbering_prefix: i.numberingPrefix === undefined ? null : numberingPrefixKey(i.numberingPrefix),
  responsible_person: i.responsiblePerson.name,
  seal_id: i.seal.id,
  seal_name: i.seal.name,
  version
})

export interface AuthorisationRows {
  readonly authorisations: Array<AuthorisationRow>
  readonly occupations: Array<AuthorisedOccupationRow>
  readonly levels: Array<AuthorisedLevelRow>
}

export const toAuthorisationRows = (
  institutionId: string,
  authorisations: ReadonlyArray<Authorisation>
): AuthorisationRows => {
  const rows: AuthorisationRows = { authorisations: [], occupations: [], levels: [] }
  for (const [position, a] of authorisations.entries()) {
    rows.authorisations.push({
      institution_id: institutionId,
      position,
      authorisation_id: a.id,
      region_code: a.region,
      valid_from: a.validFrom,
      valid_until: a.validUntil
    })
    for (const [seq, o] of a.occupations.entries())
      rows.occupations.push({
        institution_id: institutionId,
        position,
        seq,
        occupation_code: o.code,
        work_type: o.workType ?? null
      })
    for (const [seq, level] of a.levels.entries())
      rows.levels.push({ institution_id: institutionId, position, seq, level })
  }
  return rows
}

export const toStatusRow = (
  institutionId: string,
  seq: number,
  e: StatusEntry,
  recordedAt: string
): StatusRow => ({
  institution_id: institutionId,
  seq,
  status: e.status,
  effective_on: e.date,
  reason: e.reason,
  actor: e.actor,
  recorded_at: recordedAt
})

export const toScopeChangeRow = (
  institutionId: string,
  seq: number,
  change: ScopeChangeRecord,
  recordedAt: string
): ScopeChangeRow => ({
  institution_id: institutionId,
  seq,
  effective_on: change.date,
  reason: change.reason,
  actor: change.actor,
  recorded_at: recordedAt,
  before_scope: JSON.stringify(change.before),
  after_scope: JSON.stringify(change.after)
})

const prefixOf = (s: string): NumberingPrefix =>
  ({
    type: s.slice(0, 1),
    institutionCode: s.slice(1, 5),
    province: s.slice(5, 7),
    siteSerial: s.slice(7, 13)
  }) as NumberingPrefix

const bySeq = <R extends { readonly seq: number }>(rows: ReadonlyArray<R>): Array<R> =>
  [...rows].sort((a, b) => Number(a.seq) - Number(b.seq))

/** An institution's child rows, each list for this institution only. */
export interface InstitutionChildren {
  readonly authorisations: ReadonlyArray<AuthorisationRow>
  readonly occupations: ReadonlyArray<AuthorisedOccupationRow>
  readonly levels: ReadonlyArray<AuthorisedLevelRow>
  readonly history: ReadonlyArray<StatusRow>
}

/** Rows come only from our own writes, which the domain validated: no re-validation on the read path. */
export const fromRows = (r: InstitutionRow, c: InstitutionChildren): Institution => {
  const authorisations = [...c.authorisations]
    .sort((a, b) => Number(a.position) - Number(b.position))
    .map(
      (a): Authorisation =>
        ({
          id: a.authorisation_id,
          occupations: bySeq(c.occupations.filter((o) => Number(o.position) === Number(a.position))).map(
            (o) =>
              o.work_type === null
                ? { code: o.occupation_code }
                : { code: o.occupation_code, workType: o.work_type }
          ),
          levels: bySeq(c.levels.filter((l) => Number(l.position) === Number(a.position))).map((l) =>
            Number(l.level)
          ),
          region: a.region_code,
          validFrom: a.valid_from,
          validUntil: a.valid_until
        }) as unknown as Authorisation
    )
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    uscc: r.uscc,
    region: r.region_code,
    filedWith: r.filed_with,
    ...(r.numbering_prefix === null ? {} : { numberingPrefix: prefixOf(r.numbering_prefix) }),
    responsiblePerson: { name: r.responsible_person },
    seal: { id: r.seal_id, name: r.seal_name },
    authorisations,
    statusHistory: bySeq(c.history).map(
      (h): StatusEntry => ({
        status: h.status as StatusEntry["status"],
        date: h.effective_on,
        reason: h.reason,
        actor: h.actor
      })
    )
  } as unknown as Institution
}

export const scopeChangeOf = (r: ScopeChangeRow): ScopeChangeRecord => ({
  date: r.effective_on,
  reason: r.reason,
  actor: r.actor,
  before: JSON.parse(r.before_scope) as InstitutionScope,
  after: JSON.parse(r.after_scope) as InstitutionScope
})
