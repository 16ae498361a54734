/**
 * The `quality_reports` and `quality_report_events` rows (举报, 54号·五) and their mapping to the domain's Report:
 * the report's fields and current state in one row, each step of its history in its own row (seq 0, 1, …).
 */

import type { Report, ReportEvent } from "@jineng/domain/quality/Report"
import { regionColumns } from "../sql/SqlParts.js"

export type ReportRow = {
  readonly id: string
  readonly tracking_code: string
  readonly region_code: string
  /** The region's city (null for a province-level code): a city's list is `region_city = ?`. */
  readonly region_city: string | null
  readonly region_province: string
  readonly channel: string
  readonly subject: string
  readonly details: string
  readonly concerning: string | null
  /** JSON array, or null when the reporter named none. */
  readonly certificate_numbers: string | null
  readonly reporter_contact: string | null
  readonly received_on: string
  readonly state: string
  readonly handler_id: string | null
  readonly handler_name: string | null
  readonly outcome: string | null
  readonly resolved_on: string | null
  /** Optimistic concurrency (migration 0011): 1 when received, +1 per step. PostgreSQL may answer a string. */
  readonly revision: number | string
}

export type ReportEventRow = {
  readonly report_id: string
  readonly seq: number
  readonly action: string
  readonly actor_id: string
  readonly actor_name: string
  readonly on_date: string
  readonly note: string
  readonly handler_id: string | null
  readonly handler_name: string | null
  readonly outcome: string | null
}

/** The report's columns except id and tracking code (what an update rewrites, revision included). */
export const stateColumns = (r: Report) => ({
  ...regionColumns(r.regionCode),
  channel: r.channel,
  subject: r.subject,
  details: r.details,
  concerning: r.concerning ?? null,
  certificate_numbers: r.certificateNumbers === undefined ? null : JSON.stringify(r.certificateNumbers),
  reporter_contact: r.reporterContact ?? null,
  received_on: r.receivedOn,
  state: r.state._tag,
  handler_id: r.state._tag === "verifying" ? r.state.handler.id : null,
  handler_name: r.state._tag === "verifying" ? r.state.handler.name : null,
  outcome: r.state._tag === "resolved" ? r.state.outcome : null,
  resolved_on: r.state._tag === "resolved" ? r.state.resolvedOn : null,
  revision: r.revision
})

export const toRow = (r: Report): ReportRow => ({
  id: r.id,
  tracking_code: r.trackingCode,
  ...stateColumns(r)
})

export const toEventRows = (r: Report): Array<ReportEventRow> =>
  r.history.map((e, seq) => ({
    report_id: r.id,
    seq,
    action: e.action,
    actor_id: e.actor.id,
    actor_name: e.actor.name,
    on_date: e.on,
    note: e.note,
    handler_id: e.handler?.id ?? null,
    handler_name: e.handler?.name ?? null,
    outcome: e.outcome ?? null
  }))

const eventOf = (e: ReportEventRow): ReportEvent =>
  ({
    action: e.action,
    actor: { id: e.actor_id, name: e.actor_name },
    on: e.on_date,
    note: e.note,
    ...(e.handler_id === null ? {} : { handler: { id: e.handler_id, name: e.handler_name ?? "" } }),
    ...(e.outcome === null ? {} : { outcome: e.outcome })
  }) as ReportEvent

const stateOf = (r: ReportRow): Report["state"] =>
  (r.state === "verifying"
    ? { _tag: "verifying", handler: { id: r.handler_id ?? "", name: r.handler_name ?? "" } }
    : r.state === "resolved"
      ? { _tag: "resolved", outcome: r.outcome, resolvedOn: r.resolved_on }
      : { _tag: "received" }) as Report["state"]

/** Rows come only from our own writes, which the domain validated: no re-validation on the read path. */
export const fromRows = (r: ReportRow, events: ReadonlyArray<ReportEventRow>): Report =>
  ({
    id: r.id,
    trackingCode: r.tracking_code,
    regionCode: r.region_code,
    channel: r.channel,
    subject: r.subject,
    details: r.details,
    ...(r.concerning === null ? {} : { concerning: r.concerning }),
    ...(r.certificate_numbers === null ? {} : { certificateNumbers: JSON.parse(r.certificate_numbers) }),
    ...(r.reporter_contact === null ? {} : { reporterContact: r.reporter_contact }),
    receivedOn: r.received_on,
    state: stateOf(r),
    history: [...events].sort((a, b) => Number(a.seq) - Number(b.seq)).map(eventOf),
    revision: Number(r.revision)
  }) as Report
