/**
 * Port: the store of reports (举报, 54号·五 "严肃核实查处相关举报问题"). Implemented by @jineng/db; `layerTest` is an
 * in-memory implementation with the same contract for use-case tests. Tracking codes are unique. Staff list the
 * reports of their region (属地管理: a city sees its own and its districts'), newest first. Updates are
 * optimistic: a report is replaced only at the revision it was read at, so of two concurrent steps on the same
 * revision exactly one is stored and the other fails with ReportChanged.
 */
import { Context, Effect, Layer, Option } from "effect"
import { isWithinRegion } from "../codes/Region.js"
import type { LocalDate } from "../time/LocalDate.js"
import { ReportChanged, TrackingCodeTaken } from "./QualityErrors.js"
import type { Report, ReportState } from "./Report.js"

/** A page request over the reports; every filter is optional. */
export interface ReportQuery {
  /** Reports concerning this region or a region inside it (320100 = 南京市 and its districts). */
  readonly regionCode?: string
  readonly state?: ReportState["_tag"]
  /** Received on or after this day. */
  readonly receivedFrom?: LocalDate
  /** Received on or before this day. */
  readonly receivedUntil?: LocalDate
  /** Default 0. */
  readonly offset?: number
  /** Default DEFAULT_REPORT_PAGE_SIZE, at most MAX_REPORT_PAGE_SIZE. */
  readonly limit?: number
}

export interface ReportPage {
  readonly items: ReadonlyArray<Report>
  /** Reports matching the filters, all pages together. */
  readonly total: number
  readonly offset: number
  readonly limit: number
}

export const DEFAULT_REPORT_PAGE_SIZE = 50
export const MAX_REPORT_PAGE_SIZE = 500

export interface NormalizedReportQuery {
  readonly regionCode: string | undefined
  readonly state: ReportState["_tag"] | undefined
  readonly receivedFrom: LocalDate | undefined
  readonly receivedUntil: LocalDate | undefined
  readonly offset: number
  readonly limit: number
}

const blankToUndefined = <S extends string>(s: S | undefined): S | undefined =>
  s === undefined || s.trim() === "" ? undefined : s

/** Clamps a query to what every implementation serves (integers, offset ≥ 0, 1 ≤ limit ≤ MAX_REPORT_PAGE_SIZE). */
export const normalizeReportQuery = (query: ReportQuery = {}): NormalizedReportQuery => {
  const offset = Math.max(0, Math.floor(query.offset ?? 0))
  const limit = Math.min(
    MAX_REPORT_PAGE_SIZE,
    Math.max(1, Math.floor(query.limit ?? DEFAULT_REPORT_PAGE_SIZE))
  )
  return {
    regionCode: blankToUndefined(query.regionCode),
    state: blankToUndefined(query.state),
    receivedFrom: blankToUndefined(query.receivedFrom),
    receivedUntil: blankToUndefined(query.receivedUntil),
    offset: Number.isFinite(offset) ? offset : 0,
    limit: Number.isFinite(limit) ? limit : DEFAULT_REPORT_PAGE_SIZE
  }
}

/** Newest first: received date, then id, both descending. */
export const compareNewestFirst = (a: Report, b: Report): number =>
  a.receivedOn !== b.receivedOn
    ? a.receivedOn < b.receivedOn
      ? 1
      : -1
    : a.id === b.id
      ? 0
      : a.id < b.id
        ? 1
        : -1

export class ReportRepository extends Context.Tag("@jineng/domain/ReportRepository")<
  ReportRepository,
  {
    /** Stores a new report; fails when its tracking code is already used. */
    readonly insert: (report: Report) => Effect.Effect<void, TrackingCodeTaken>
    readonly findById: (id: string) => Effect.Effect<Option.Option<Report>>
    readonly findByTrackingCode: (trackingCode: string) => Effect.Effect<Option.Option<Report>>
    /**
     * Replaces the stored report with the same id (its fields, state, history and revision) when it is still at
     * `expectedRevision`, else fails with ReportChanged; its tracking code never changes. An unknown id is a
     * defect.
     */
    readonly update: (report: Report, expectedRevision: number) => Effect.Effect<void, ReportChanged>
    readonly list: (query?: ReportQuery) => Effect.Effect<ReportPage>
  }
>() {
  static readonly layerTest = (seed: ReadonlyArray<Report> = []) =>
    Layer.sync(this, () => {
      const byId = new Map<string, Report>(seed.map((r) => [r.id, r]))
      const idByCode = new Map<string, string>(seed.map((r) => [r.trackingCode, r.id]))
      return {
        insert: (report) =>
          Effect.suspend(() => {
            if (idByCode.has(report.trackingCode))
              return Effect.fail(
                new TrackingCodeTaken({ field: "trackingCode", trackingCode: report.trackingCode })
              )
            byId.set(report.id, report)
            idByCode.set(report.trackingCode, report.id)
            return Effect.void
          }),
        findById: (id) => Effect.sync(() => Option.fromNullable(byId.get(id))),
        findByTrackingCode: (trackingCode) =>
          Effect.sync(() => {
            const id = idByCode.get(trackingCode)
            return Option.fromNullable(id === undefined ? undefined : byId.get(id))
          }),
        update: (report, expectedRevision) =>
          Effect.suspend(() => {
            const stored = byId.get(report.id)
            if (stored === undefined) return Effect.dieMessage(`report ${report.id} is not on file`)
            if (stored.revision !== expectedRevision)
              return Effect.fail(
                new ReportChanged({
                  field: "expectedRevision",
                  reportId: report.id,
                  expectedRevision,
                  currentRevision: stored.revision
                })
              )
            byId.set(report.id, { ...report, trackingCode: stored.trackingCode })
            return Effect.void
          }),
        list: (query) =>
          Effect.sync((): ReportPage => {
            const q = normalizeReportQuery(query)
            const matching = [...byId.values()]
              .filter(
                (r) =>
                  (q.regionCode === undefined || isWithinRegion(r.regionCode, q.regionCode)) &&
                  (q.state === undefined || r.state._tag === q.state) &&
                  (q.receivedFrom === undefined || r.receivedOn >= q.receivedFrom) &&
                  (q.receivedUntil === undefined || r.receivedOn <= q.receivedUntil)
              )
              .sort(compareNewestFirst)
            return {
              items: matching.slice(q.offset, q.offset + q.limit),
              total: matching.length,
              offset: q.offset,
              limit: q.limit
            }
          })
      }
    })
}
