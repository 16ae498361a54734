/**
 * Port: the occupation catalogue and technical resources (54号·三): for an occupation, its catalogue entry,
 * national standards, question banks, filed enterprise norms and 《江苏省技术资源发布目录》 entries.
 * `layerTest` is in memory.
 */
import { Context, Effect, Layer, Option } from "effect"
import type { OccupationCode } from "../codes/OccupationCode.js"
import type { EnterpriseNorm } from "./EnterpriseNorm.js"
import type { NationalStandard } from "./NationalStandard.js"
import type { Occupation } from "./Occupation.js"
import type { CatalogueEntry } from "./OccupationCatalogue.js"
import { makeCatalogue } from "./OccupationCatalogue.js"
import type { OccupationNotice } from "./OccupationNotice.js"
import type { ProvincialCatalogueEntry } from "./ProvincialCatalogueEntry.js"
import type { QuestionBank } from "./QuestionBank.js"
import type { TechnicalBasis } from "./TechnicalBasis.js"

/** Everything on file for one occupation. */
export interface OccupationFile {
  readonly code: OccupationCode
  /** undefined when the code is not in the catalogue. */
  readonly entry: CatalogueEntry | undefined
  readonly basis: TechnicalBasis
}

export interface StandardSeed {
  /** Base-edition occupations (OccupationRecord → toOccupation). */
  readonly occupations?: ReadonlyArray<Occupation>
  readonly notices?: ReadonlyArray<OccupationNotice>
  readonly standards?: ReadonlyArray<NationalStandard>
  readonly questionBanks?: ReadonlyArray<QuestionBank>
  readonly enterpriseNorms?: ReadonlyArray<EnterpriseNorm>
  readonly provincialEntries?: ReadonlyArray<ProvincialCatalogueEntry>
}

export class StandardRepository extends Context.Tag("@jineng/domain/StandardRepository")<
  StandardRepository,
  {
    readonly catalogueEntry: (code: OccupationCode) => Effect.Effect<Option.Option<CatalogueEntry>>
    readonly forOccupation: (code: OccupationCode) => Effect.Effect<OccupationFile>
  }
>() {
  static readonly layerTest = (seed: StandardSeed = {}) =>
    Layer.sync(this, () => {
      const catalogue = makeCatalogue(seed.occupations ?? [], seed.notices ?? [])
      const of = <T extends { readonly occupationCode: string }>(
        items: ReadonlyArray<T> | undefined,
        code: string
      ): ReadonlyArray<T> => (items ?? []).filter((i) => i.occupationCode === code)
      return {
        catalogueEntry: (code: OccupationCode) => Effect.sync(() => Option.fromNullable(catalogue.get(code))),
        forOccupation: (code: OccupationCode) =>
          Effect.sync(
            (): OccupationFile => ({
              code,
              entry: catalogue.get(code),
              basis: {
                standards: of(seed.standards, code),
                questionBanks: of(seed.questionBanks, code),
                enterpriseNorms: of(seed.enterpriseNorms, code),
                provincialEntries: of(seed.provincialEntries, code)
              }
            })
          )
      }
    })
}
