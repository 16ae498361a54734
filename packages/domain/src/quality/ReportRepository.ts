/**
 * Port: the store of reports (举报, 54号·五). Implemented by @jineng/db; `layerTest` is an in-memory implementation
 * with the same contract for use-case tests. Tracking codes are unique.
 */
import { Context, Effect, Layer, Option } from "effect"
import { TrackingCodeTaken } from "./QualityErrors.js"
import type { Report } from "./Report.js"

export class ReportRepository extends Context.Tag("@jineng/domain/ReportRepository")<
  ReportRepository,
  {
    /** Stores a new report; fails when its tracking code is already used. */
    readonly insert: (report: Report) => Effect.Effect<void, TrackingCodeTaken>
    readonly findById: (id: string) => Effect.Effect<Option.Option<Report>>
    readonly findByTrackingCode: (trackingCode: string) => Effect.Effect<Option.Option<Report>>
    /** Replaces the stored report with the same id. */
    readonly update: (report: Report) => Effect.Effect<void>
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
        update: (report) =>
          Effect.sync(() => {
            byId.set(report.id, report)
          })
      }
    })
}
