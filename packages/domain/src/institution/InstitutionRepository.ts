/** Port: the catalogue of evaluation institutions (54号·五 目录清单). `layerTest` is in memory. */
import { Context, Effect, Layer, Option } from "effect"
import type { Institution } from "./Institution.js"

export class InstitutionRepository extends Context.Tag("@jineng/domain/InstitutionRepository")<
  InstitutionRepository,
  {
    readonly findById: (id: string) => Effect.Effect<Option.Option<Institution>>
  }
>() {
  static readonly layerTest = (seed: ReadonlyArray<Institution> = []) =>
    Layer.sync(this, () => {
      const byId = new Map(seed.map((i) => [i.id, i]))
      return {
        findById: (id: string) => Effect.sync(() => Option.fromNullable(byId.get(id)))
      }
    })
}
