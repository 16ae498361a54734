/**
 * Port: enterprise norm filings (EnterpriseNormFiling.ts), by norm id, listed newest submission first with
 * filters for the actor's view (an employer its own; a centre its region, sub-regions included). `layerTest` is
 * in memory and keeps the registry's contract.
 */
import { Context, Effect, Layer, Option } from "effect"
import { isWithinRegion } from "../codes/Region.js"
import type { EnterpriseNormFiling, EnterpriseNormFilingStatus } from "./EnterpriseNormFiling.js"

export interface FilingQuery {
  readonly status?: EnterpriseNormFilingStatus | undefined
  /** The employer's region is this region or inside it. */
  readonly regionCode?: string | undefined
  /** The employer is one of these. */
  readonly employerIds?: ReadonlyArray<string> | undefined
  readonly limit: number
  readonly offset: number
}

export interface FilingPage {
  readonly items: ReadonlyArray<EnterpriseNormFiling>
  readonly total: number
  readonly limit: number
  readonly offset: number
}

/** Newest submission first, then norm id. */
export const filingOrder = (a: EnterpriseNormFiling, b: EnterpriseNormFiling): number =>
  a.submittedOn !== b.submittedOn
    ? a.submittedOn > b.submittedOn
      ? -1
      : 1
    : a.submission.id < b.submission.id
      ? -1
      : a.submission.id > b.submission.id
        ? 1
        : 0

export const matchesFilingQuery = (f: EnterpriseNormFiling, q: FilingQuery): boolean =>
  (q.status === undefined || f.status === q.status) &&
  (q.regionCode === undefined || isWithinRegion(f.regionCode, q.regionCode)) &&
  (q.employerIds === undefined || q.employerIds.includes(f.submission.employerId))

export class EnterpriseNormFilingRepository extends Context.Tag(
  "@jineng/domain/EnterpriseNormFilingRepository"
)<
  EnterpriseNormFilingRepository,
  {
    readonly find: (normId: string) => Effect.Effect<Option.Option<EnterpriseNormFiling>>
    /** Inserts the filing or replaces the one with the same norm id. */
    readonly save: (filing: EnterpriseNormFiling) => Effect.Effect<void>
    readonly list: (query: FilingQuery) => Effect.Effect<FilingPage>
  }
>() {
  static readonly layerTest = (seed: ReadonlyArray<EnterpriseNormFiling> = []) =>
    Layer.sync(this, () => {
      const byId = new Map(seed.map((f) => [f.submission.id, f]))
      return {
        find: (normId: string) => Effect.sync(() => Option.fromNullable(byId.get(normId))),
        save: (filing: EnterpriseNormFiling) =>
          Effect.sync(() => void byId.set(filing.submission.id, filing)),
        list: (q: FilingQuery) =>
          Effect.sync((): FilingPage => {
            const all = [...byId.values()].filter((f) => matchesFilingQuery(f, q)).sort(filingOrder)
            return {
              items: all.slice(q.offset, q.offset + q.limit),
              total: all.length,
              limit: q.limit,
              offset: q.offset
            }
          })
      }
    })
}
