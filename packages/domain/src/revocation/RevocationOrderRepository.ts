/**
 * Port: the file of executed revocation orders (54号·五 "一律注销相关人员或批次的证书，并启动信用核查联动机制"):
 * each order with its scope, reason, basis, credit-check referral, ordering actor, date and counts. Implemented
 * by @jineng/db on SQLite and PostgreSQL; `layerTest` is an in-memory implementation with the same contract.
 * Listing is newest first (order date, then execution instant, then id, all descending).
 */
import { Context, Effect, Layer, Option } from "effect"
import type { LocalDate } from "../time/LocalDate.js"
import type { ExecutedRevocationOrder } from "./RevocationOrder.js"

/** A page request over the orders; every filter is optional. */
export interface RevocationOrderQuery {
  /** The ordering actor's region code, exactly (320000 = the province, 320100 = 南京市 …). */
  readonly regionCode?: string
  /** Orders dated on or after this day. */
  readonly orderedFrom?: LocalDate
  /** Orders dated on or before this day. */
  readonly orderedUntil?: LocalDate
  /** Default 0. */
  readonly offset?: number
  /** Default DEFAULT_ORDER_PAGE_SIZE, at most MAX_ORDER_PAGE_SIZE. */
  readonly limit?: number
}

export interface RevocationOrderPage {
  readonly items: ReadonlyArray<ExecutedRevocationOrder>
  /** Orders matching the filters, all pages together. */
  readonly total: number
  readonly offset: number
  readonly limit: number
}

export const DEFAULT_ORDER_PAGE_SIZE = 50
export const MAX_ORDER_PAGE_SIZE = 500

export interface NormalizedOrderQuery {
  readonly regionCode: string | undefined
  readonly orderedFrom: LocalDate | undefined
  readonly orderedUntil: LocalDate | undefined
  readonly offset: number
  readonly limit: number
}

const blankToUndefined = (s: string | undefined): string | undefined =>
  s === undefined || s.trim() === "" ? undefined : s.trim()

/** Clamps a query to what every implementation serves (integers, offset ≥ 0, 1 ≤ limit ≤ MAX_ORDER_PAGE_SIZE). */
export const normalizeOrderQuery = (query: RevocationOrderQuery = {}): NormalizedOrderQuery => {
  const offset = Math.max(0, Math.floor(query.offset ?? 0))
  const limit = Math.min(MAX_ORDER_PAGE_SIZE, Math.max(1, Math.floor(query.limit ?? DEFAULT_ORDER_PAGE_SIZE)))
  return {
    regionCode: blankToUndefined(query.regionCode),
    orderedFrom: blankToUndefined(query.orderedFrom),
    orderedUntil: blankToUndefined(query.orderedUntil),
    offset: Number.isFinite(offset) ? offset : 0,
    limit: Number.isFinite(limit) ? limit : DEFAULT_ORDER_PAGE_SIZE
  }
}

/** Newest first: order date, execution instant, id — all descending. */
export const compareNewestFirst = (a: ExecutedRevocationOrder, b: ExecutedRevocationOrder): number =>
  a.order.orderedOn !== b.order.orderedOn
    ? a.order.orderedOn < b.order.orderedOn
      ? 1
      : -1
    : a.executedAt !== b.executedAt
      ? a.executedAt < b.executedAt
        ? 1
        : -1
      : a.order.id === b.order.id
        ? 0
        : a.order.id < b.order.id
          ? 1
          : -1

export class RevocationOrderRepository extends Context.Tag("@jineng/domain/RevocationOrderRepository")<
  RevocationOrderRepository,
  {
    /** Files an executed order; order ids are unique (saving an id twice is a defect). */
    readonly save: (executed: ExecutedRevocationOrder) => Effect.Effect<void>
    readonly findById: (id: string) => Effect.Effect<Option.Option<ExecutedRevocationOrder>>
    readonly list: (query?: RevocationOrderQuery) => Effect.Effect<RevocationOrderPage>
  }
>() {
  static readonly layerTest = (seed: ReadonlyArray<ExecutedRevocationOrder> = []) =>
    Layer.sync(this, () => {
      const byId = new Map<string, ExecutedRevocationOrder>(seed.map((o) => [o.order.id, o]))
      return {
        save: (executed) =>
          Effect.suspend(() => {
            if (byId.has(executed.order.id))
              return Effect.dieMessage(`revocation order ${executed.order.id} is already on file`)
            byId.set(executed.order.id, executed)
            return Effect.void
          }),
        findById: (id) => Effect.sync(() => Option.fromNullable(byId.get(id))),
        list: (query) =>
          Effect.sync((): RevocationOrderPage => {
            const q = normalizeOrderQuery(query)
            const matching = [...byId.values()]
              .filter(
                (o) =>
                  (q.regionCode === undefined || o.order.orderedBy.regionCode === q.regionCode) &&
                  (q.orderedFrom === undefined || o.order.orderedOn >= q.orderedFrom) &&
                  (q.orderedUntil === undefined || o.order.orderedOn <= q.orderedUntil)
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
