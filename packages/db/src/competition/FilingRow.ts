/**
 * The rows of a competition filing (54号·二, 附件1) and their mapping to the domain's Filing: the form, the
 * computed requirement and route, status and revision in one `competition_filings` row (list-valued form fields
 * and provisional notes as JSON text); one `competition_filing_opinions` row per level's opinion and one
 * `competition_filing_cosignatures` row per co-signing province, each with its position (seq).
 */
import type { Filing } from "@jineng/domain/competition/Filing"

export type FilingRow = {
  readonly id: string
  readonly competition_id: string
  /** The competition's first day: only a filing completed before it keeps the incentives (54号·二). */
  readonly competition_starts_on: string
  readonly revision: number
  readonly form_host: string
  readonly form_competition_name: string
  readonly form_declaration_type: string
  /** JSON array of strings (赛项设置). */
  readonly form_events: string
  /** JSON array of { code, name } (涉及参赛地区). */
  readonly form_regions: string
  readonly competition_class: string
  readonly host_region_code: string
  readonly share_total: number
  readonly share_out_of_region: number
  readonly share_requirement: string
  readonly route: string
  readonly required: string
  readonly filed_with: string
  /** JSON array of filing levels, in order. */
  readonly levels: string
  readonly status: string
  readonly submitted_on: string
  readonly closed_on: string | null
  /** JSON array of provisional notes. */
  readonly provisional: string
}

export type OpinionRow = {
  readonly filing_id: string
  readonly seq: number
  readonly level: string
  readonly verdict: string
  readonly opinion_text: string
  readonly actor_level: string
  readonly actor_region: string
  readonly given_on: string
}

export type CoSignatureRow = {
  readonly filing_id: string
  readonly seq: number
  readonly province: string
  readonly signed_by_level: string | null
  readonly signed_by_region: string | null
  readonly signed_on: string | null
}

/** The columns an update rewrites (all but id and competition id). */
export const stateColumns = (f: Filing): Omit<FilingRow, "id" | "competition_id"> => ({
  competition_starts_on: f.competitionStartsOn,
  revision: f.revision,
  form_host: f.form.host,
  form_competition_name: f.form.competitionName,
  form_declaration_type: f.form.declarationType,
  form_events: JSON.stringify(f.form.events),
  form_regions: JSON.stringify(f.form.regions),
  competition_class: f.competitionClass,
  host_region_code: f.hostRegionCode,
  share_total: f.share.total,
  share_out_of_region: f.share.outOfRegion,
  share_requirement: f.shareRequirement,
  route: f.route,
  required: f.required,
  filed_with: f.filedWith,
  levels: JSON.stringify(f.levels),
  status: f.status,
  submitted_on: f.submittedOn,
  closed_on: f.closedOn ?? null,
  provisional: JSON.stringify(f.provisional)
})

export const toRow = (f: Filing): FilingRow => ({
  id: f.id,
  competition_id: f.competitionId,
  ...stateColumns(f)
})

export const toOpinionRows = (f: Filing): Array<OpinionRow> =>
  f.opinions.map((o, seq) => ({
    filing_id: f.id,
    seq,
    level: o.level,
    verdict: o.verdict,
    opinion_text: o.text,
    actor_level: o.actor.level,
    actor_region: o.actor.regionCode,
    given_on: o.date
  }))

export const toCoSignatureRows = (f: Filing): Array<CoSignatureRow> =>
  f.coSignatures.map((c, seq) => ({
    filing_id: f.id,
    seq,
    province: c.province,
    signed_by_level: c.signed?.actor.level ?? null,
    signed_by_region: c.signed?.actor.regionCode ?? null,
    signed_on: c.signed?.date ?? null
  }))

const bySeq = <R extends { readonly seq: number }>(rows: ReadonlyArray<R>): Array<R> =>
  [...rows].sort((a, b) => Number(a.seq) - Number(b.seq))

/** Rows come only from our own writes, which the domain validated: no re-validation on the read path. */
export const fromRows = (
  r: FilingRow,
  opinions: ReadonlyArray<OpinionRow>,
  coSignatures: ReadonlyArray<CoSignatureRow>
): Filing =>
  ({
    id: r.id,
    competitionId: r.competition_id,
    competitionStartsOn: r.competition_starts_on,
    revision: Number(r.revision),
    form: {
      host: r.form_host,
      competitionName: r.form_competition_name,
      declarationType: r.form_declaration_type,
      events: JSON.parse(r.form_events),
      regions: JSON.parse(r.form_regions)
    },
    competitionClass: r.competition_class,
    hostRegionCode: r.host_region_code,
    share: { total: Number(r.share_total), outOfRegion: Number(r.share_out_of_region) },
    shareRequirement: r.share_requirement,
    route: r.route,
    required: r.required,
    filedWith: r.filed_with,
    levels: JSON.parse(r.levels),
    opinions: bySeq(opinions).map((o) => ({
      level: o.level,
      verdict: o.verdict,
      text: o.opinion_text,
      actor: { level: o.actor_level, regionCode: o.actor_region },
      date: o.given_on
    })),
    coSignatures: bySeq(coSignatures).map((c) =>
      c.signed_on === null
        ? { province: c.province }
        : {
            province: c.province,
            signed: { actor: { level: c.signed_by_level, regionCode: c.signed_by_region }, date: c.signed_on }
          }
    ),
    status: r.status,
    submittedOn: r.submitted_on,
    ...(r.closed_on === null ? {} : { closedOn: r.closed_on }),
    provisional: JSON.parse(r.provisional)
  }) as unknown as Filing
