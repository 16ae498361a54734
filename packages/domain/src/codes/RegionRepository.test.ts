import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { JIANGSU, type Region } from "./Region.js"
import { RegionRepository } from "./RegionRepository.js"

describe("54号·五 RegionRepository (in-memory layerTest)", () => {
  it.effect("walks the Jiangsu table from the province down to a city's counties", () =>
    Effect.gen(function* () {
      const regions = yield* RegionRepository
      const cities = yield* regions.list(JIANGSU)
      expect(cities.map((c) => c.name)).toContain("南京市")
      expect(cities).toHaveLength(13)
      const nanjing = yield* regions.list("320100")
      expect(nanjing.map((r) => r.code)).toEqual([
        "320102",
        "320104",
        "320105",
        "320106",
        "320111",
        "320113",
        "320114",
        "320115",
        "320116",
        "320117",
        "320118"
      ])
      expect(Option.map(yield* regions.findByCode("320115"), (r) => r.name)).toEqual(Option.some("江宁区"))
    }).pipe(Effect.provide(RegionRepository.layerTest()))
  )

  it.effect("serves the regions it is given, sorted by code", () =>
    Effect.gen(function* () {
      const regions = yield* RegionRepository
      expect((yield* regions.list()).map((r) => r.code)).toEqual(["320000", "320100", "320102"])
      expect(yield* regions.list("320102")).toEqual([])
    }).pipe(
      Effect.provide(
        RegionRepository.layerTest([
          { code: "320102", name: "玄武区", level: "county", parent: "320100" },
          { code: "320000", name: "江苏省", level: "province", parent: undefined },
          { code: "320100", name: "南京市", level: "city", parent: "320000" }
        ] satisfies ReadonlyArray<Region>)
      )
    )
  )
})
