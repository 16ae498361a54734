/**
 * Contract of RegionRepository (GB/T 2260 Jiangsu; 54号·五 属地管理): every region in code order, the children of
 * the province (13 设区市) and of a city (its counties), none under a county or an unknown code, one region by
 * code. Run against the domain's in-memory layerTest and every database of TestDatabases (the seeded table).
 */
import { describe, expect, layer } from "@effect/vitest"
import { JIANGSU, jiangsuCities, jiangsuRegions } from "@jineng/domain/codes/Region"
import { RegionRepository } from "@jineng/domain/codes/RegionRepository"
import { Effect, Layer, Option } from "effect"
import { SqlRegionRepository } from "../src/codes/SqlRegionRepository.js"
import { targets } from "./TestDatabases.js"

const implementations = [
  { name: "in-memory layerTest", layer: () => RegionRepository.layerTest() },
  ...targets.map((t) => ({
    name: t.name,
    // fresh, and the standalone `layer` rather than `it.layer` (see the README)
    layer: () => Layer.fresh(SqlRegionRepository.layer).pipe(Layer.provide(t.layer()))
  }))
]

const codes = (regions: ReadonlyArray<{ readonly code: string }>) => regions.map((r) => r.code)

describe.each(implementations)("regions contract — $name", ({ layer: makeLayer }) => {
  layer(makeLayer(), { timeout: 60_000 })((it) => {
    it.effect("lists the province, its 13 cities and 95 counties once each, in code order", () =>
      Effect.gen(function* () {
        const all = yield* (yield* RegionRepository).list()
        expect(all).toHaveLength(109)
        expect(codes(all)).toEqual(codes(jiangsuRegions).sort())
        expect(all.slice(0, 3)).toEqual([
          { code: "320000", name: "江苏省", level: "province", parent: undefined },
          { code: "320100", name: "南京市", level: "city", parent: "320000" },
          { code: "320102", name: "玄武区", level: "county", parent: "320100" }
        ])
        expect(new Set(all.map((r) => r.level))).toEqual(new Set(["province", "city", "county"]))
      })
    )

    it.effect("lists the children of a region: province → cities → counties; none below a county", () =>
      Effect.gen(function* () {
        const regions = yield* RegionRepository
        const cities = yield* regions.list(JIANGSU)
        expect(cities).toEqual(jiangsuCities)
        const suzhou = yield* regions.list("320500")
        expect(suzhou.map((r) => `${r.code} ${r.name}`)).toEqual([
          "320505 虎丘区",
          "320506 吴中区",
          "320507 相城区",
          "320508 姑苏区",
          "320509 吴江区",
          "320581 常熟市",
          "320582 张家港市",
          "320583 昆山市",
          "320585 太仓市"
        ])
        expect(suzhou.every((r) => r.level === "county" && r.parent === "320500")).toBe(true)
        const counts = yield* Effect.forEach(cities, (c) => regions.list(c.code))
        expect(counts.reduce((n, counties) => n + counties.length, 0)).toBe(95)
        expect(yield* regions.list("320505")).toEqual([])
        expect(yield* regions.list("330000")).toEqual([])
      })
    )

    it.effect("finds a region by code, and none for a code outside the table", () =>
      Effect.gen(function* () {
        const regions = yield* RegionRepository
        expect(yield* regions.findByCode("321302")).toEqual(
          Option.some({ code: "321302", name: "宿城区", level: "county", parent: "321300" })
        )
        expect(yield* regions.findByCode(JIANGSU)).toEqual(
          Option.some({ code: JIANGSU, name: "江苏省", level: "province", parent: undefined })
        )
        expect(Option.isNone(yield* regions.findByCode("320171"))).toBe(true) // a statistics-only code
        expect(Option.isNone(yield* regions.findByCode("330100"))).toBe(true)
      })
    )
  })
})
