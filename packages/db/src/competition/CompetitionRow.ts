/**
 * The rows of a competition (54号·二, 三, 四) and of a published plan (附件3), and their mapping to the domain's
 * Competition and CompetitionPlan: one `competitions` row, one row per event, per event occupation, per fee and
 * per contestant, each with its position (seq) so order round-trips.
 */
import type { Competition } from "@jineng/domain/competition/Competition"
import type { CompetitionPlan } from "@jineng/domain/competition/CompetitionPlan"
import { type RegionColumns, regionColumns } from "../sql/SqlParts.js"

export interface CompetitionRow extends RegionColumns {
  readonly id: string
  readonly name: string
  readonly class: string
  readonly competition_group: string
  readonly host_name: string
  readonly host_credit_code: string
  readonly host_region_code: string
  readonly starts_on: string
  readonly ends_on: string
  /** JSON array of region codes; null when the competition declared none. */
  readonly participating_regions: string | null
}

export interface EventRow {
  readonly competition_id: string
  readonly seq: number
  readonly name: string
  readonly scope: string
}

export interface EventOccupationRow {
  readonly competition_id: string
  readonly event_seq: number
  readonly seq: number
  readonly code: string
  readonly name: string
  readonly work_type: string | null
  /** 1 / 0; null when the catalogue check was not made. */
  readonly in_catalogue: number | null
}

export interface FeeRow {
  readonly competition_id: string
  readonly seq: number
  readonly kind: string
  readonly amount: number
  readonly description: string | null
}

export interface ContestantRow {
  readonly competition_id: string
  readonly seq: number
  readonly contestant_id: string
  readonly region_code: string
}

export interface CompetitionRows {
  readonly competition: CompetitionRow
  readonly events: ReadonlyArray<EventRow>
  readonly occupations: ReadonlyArray<EventOccupationRow>
  readonly fees: ReadonlyArray<FeeRow>
  readonly contestants: ReadonlyArray<ContestantRow>
}

export const COMPETITION_COLUMNS: ReadonlyArray<keyof CompetitionRow> = [
  "id",
  "name",
  "class",
  "competition_group",
  "host_name",
  "host_credit_code",
  "host_region_code",
  "region_code",
  "region_city",
  "region_province",
  "starts_on",
  "ends_on",
  "participating_regions"
]

export const toRows = (c: Competition): CompetitionRows => ({
  competition: {
    id: c.id,
    name: c.name,
    class: c.class,
    competition_group: c.group,
    host_name: c.host.name,
    host_credit_code: c.host.creditCode,
    host_region_code: c.host.regionCode,
    ...regionColumns(c.regionCode),
    starts_on: c.startsOn,
    ends_on: c.endsOn,
    participating_regions:
      c.participatingRegions === undefined ? null : JSON.stringify(c.participatingRegions)
  },
  events: c.events.map((e, seq) => ({ competition_id: c.id, seq, name: e.name, scope: e.scope })),
  occupations: c.events.flatMap((e, eventSeq) =>
    e.occupations.map((o, seq) => ({
      competition_id: c.id,
      event_seq: eventSeq,
      seq,
      code: o.code,
      name: o.name,
      work_type: o.workType ?? null,
      in_catalogue: o.inCatalogue === undefined ? null : o.inCatalogue ? 1 : 0
    }))
  ),
  fees: c.fees.map((f, seq) => ({
    competition_id: c.id,
    seq,
    kind: f.kind,
    amount: f.amount,
    description: f.description ?? null
  })),
  contestants: c.contestants.map((p, seq) => ({
    competition_id: c.id,
    seq,
    contestant_id: p.id,
    region_code: p.regionCode
  }))
})

const bySeq = <R extends { readonly seq: number }>(rows: ReadonlyArray<R>): Array<R> =>
  [...rows].sort((a, b) => Number(a.seq) - Number(b.seq))

/** Rows come only from our own writes, which the domain validated: no re-validation on the read path. */
export const fromRows = (rows: CompetitionRows): Competition => {
  const r = rows.competition
  const occupationsOf = new Map<number, Array<EventOccupationRow>>()
  for (const o of bySeq(rows.occupations)) {
    const list = occupationsOf.get(Number(o.event_seq))
    if (list === undefined) occupationsOf.set(Number(o.event_seq), [o])
    else list.push(o)
  }
  return {
    id: r.id,
    name: r.name,
    class: r.class,
    group: r.competition_group,
    host: { name: r.host_name, creditCode: r.host_credit_code, regionCode: r.host_region_code },
    regionCode: r.region_code,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    events: bySeq(rows.events).map((e) => ({
      name: e.name,
      occupations: (occupationsOf.get(Number(e.seq)) ?? []).map((o) => ({
        code: o.code,
        name: o.name,
        ...(o.work_type === null ? {} : { workType: o.work_type }),
        ...(o.in_catalogue === null ? {} : { inCatalogue: Number(o.in_catalogue) === 1 })
      })),
      scope: e.scope
    })),
    fees: bySeq(rows.fees).map((f) => ({
      kind: f.kind,
      amount: Number(f.amount),
      ...(f.description === null ? {} : { description: f.description })
    })),
    contestants: bySeq(rows.contestants).map((p) => ({ id: p.contestant_id, regionCode: p.region_code })),
    ...(r.participating_regions === null ? {} : { participatingRegions: JSON.parse(r.participating_regions) })
  } as unknown as Competition
}

export interface PlanRow {
  readonly id: string
  readonly competition_id: string | null
  readonly host: string
  readonly event_name: string
  readonly time_from: string
  readonly time_until: string | null
  /** time_until, or time_from for a one-day plan: the end of the span the date filter compares. */
  readonly time_end: string
  readonly participation_conditions: string
  readonly registration_phone: string
  readonly region_code: string | null
  readonly region_city: string | null
  readonly region_province: string | null
  readonly occupation_code: string | null
  readonly occupation_name: string | null
  readonly work_type: string | null
  readonly published_on: string
}

export const PLAN_COLUMNS: ReadonlyArray<keyof PlanRow> = [
  "id",
  "competition_id",
  "host",
  "event_name",
  "time_from",
  "time_until",
  "time_end",
  "participation_conditions",
  "registration_phone",
  "region_code",
  "region_city",
  "region_province",
  "occupation_code",
  "occupation_name",
  "work_type",
  "published_on"
]

export const toPlanRow = (p: CompetitionPlan): PlanRow => {
  const l = p.listing
  const region =
    l.regionCode === undefined
      ? { region_code: null, region_city: null, region_province: null }
      : regionColumns(l.regionCode)
  return {
    id: p.id,
    competition_id: p.competitionId ?? null,
    host: l.host,
    event_name: l.eventName,
    time_from: l.time.from,
    time_until: l.time.until ?? null,
    time_end: l.time.until ?? l.time.from,
    participation_conditions: l.participationConditions,
    registration_phone: l.registrationPhone,
    ...region,
    occupation_code: p.occupation?.code ?? null,
    occupation_name: p.occupation?.name ?? null,
    work_type: p.occupation?.workType ?? null,
    published_on: p.publishedOn
  }
}

export const fromPlanRow = (r: PlanRow): CompetitionPlan =>
  ({
    id: r.id,
    ...(r.competition_id === null ? {} : { competitionId: r.competition_id }),
    listing: {
      host: r.host,
      eventName: r.event_name,
      time: r.time_until === null ? { from: r.time_from } : { from: r.time_from, until: r.time_until },
      participationConditions: r.participation_conditions,
      registrationPhone: r.registration_phone,
      ...(r.region_code === null ? {} : { regionCode: r.region_code })
    },
    ...(r.occupation_code === null
      ? {}
      : {
          occupation: {
            code: r.occupation_code,
            name: r.occupation_name ?? "",
            ...(r.work_type === null ? {} : { workType: r.work_type })
          }
        }),
    publishedOn: r.published_on
  }) as CompetitionPlan
