/**
 * Port: the administrative divisions the registry knows (GB/T 2260 — Jiangsu's province, 13 设区市 and 95
 * county-level units), which every 属地管理 scope is expressed in (54号·五 "属地管理"). `list` gives them all, or the
 * regions directly under one (province → its cities → a city's counties); `findByCode` one. Both in code order.
 * Implemented by @jineng/db over its seeded `regions` table; `layerTest` is the domain's table (Region.ts) with the
 * same contract.
 */
import { Context, Effect, Layer, Option } from "effect"
import { jiangsuRegions, type Region, type RegionCode } from "./Region.js"

const byCode = (a: Region, b: Region): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

export class RegionRepository extends Context.Tag("@jineng/domain/RegionRepository")<
  RegionRepository,
  {
    /**
     * Every region in code order; with `parent`, only the regions whose parent it is (empty for a county or an
     * unknown code).
     */
    readonly list: (parent?: RegionCode) => Effect.Effect<ReadonlyArray<Region>>
    readonly findByCode: (code: RegionCode) => Effect.Effect<Option.Option<Region>>
  }
>() {
  static readonly layerTest = (regions: ReadonlyArray<Region> = jiangsuRegions) =>
    Layer.sync(this, () => {
      const sorted = [...regions].sort(byCode)
      const byCodeMap = new Map(sorted.map((r) => [r.code, r]))
      return {
        list: (parent?: RegionCode) =>
          Effect.sync(() => (parent === undefined ? sorted : sorted.filter((r) => r.parent === parent))),
        findByCode: (code: RegionCode) => Effect.sync(() => Option.fromNullable(byCodeMap.get(code)))
      }
    })
}
