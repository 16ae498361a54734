/**
 * Port: stored competition filings (54号·二, 附件1). Implemented by @jineng/db; `layerTest` is an in-memory
 * implementation with the same contract for use-case tests. Updates are optimistic: a stale revision fails.
 */
import { Context, Effect, Layer, Option } from "effect"
import { FilingChanged } from "./CompetitionErrors.js"
import type { Filing } from "./Filing.js"

export class FilingRepository extends Context.Tag("@jineng/domain/FilingRepository")<
  FilingRepository,
  {
    readonly findById: (id: string) => Effect.Effect<Option.Option<Filing>>
    readonly listByCompetition: (competitionId: string) => Effect.Effect<ReadonlyArray<Filing>>
    readonly insert: (filing: Filing) => Effect.Effect<void>
    /** Replaces the filing stored at `expectedRevision` (the revision it was read at). */
    readonly update: (filing: Filing, expectedRevision: number) => Effect.Effect<void, FilingChanged>
  }
>() {
  static readonly layerTest = (seed: ReadonlyArray<Filing> = []) =>
    Layer.sync(this, () => {
      const byId = new Map<string, Filing>(seed.map((f) => [f.id, f]))
      return {
        findById: (id) => Effect.sync(() => Option.fromNullable(byId.get(id))),
        listByCompetition: (competitionId) =>
          Effect.sync(() => [...byId.values()].filter((f) => f.competitionId === competitionId)),
        insert: (filing) =>
          Effect.suspend(() => {
            if (byId.has(filing.id)) return Effect.dieMessage(`duplicate filing id ${filing.id}`)
            byId.set(filing.id, filing)
            return Effect.void
          }),
        update: (filing, expectedRevision) =>
          Effect.suspend(() => {
            const stored = byId.get(filing.id)
            if (stored === undefined || stored.revision !== expectedRevision)
              return Effect.fail(
                new FilingChanged({ field: "revision", filingId: filing.id, expectedRevision })
              )
            byId.set(filing.id, filing)
            return Effect.void
          })
      }
    })
}
