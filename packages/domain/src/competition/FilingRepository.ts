/**
 * Port: stored competition filings (54号·二, 附件1). Implemented by @jineng/db; `layerTest` is an in-memory
 * implementation with the same contract for use-case tests.
 *
 * - A competition has at most one open or completed filing (in review, awaiting co-signature or completed):
 *   inserting a second one fails with FilingAlreadySubmitted, also when two submissions race (the database
 *   enforces it with a unique index). A refused filing does not count: the host may file again.
 * - Updates are optimistic: a stale revision fails with FilingChanged, so of two concurrent steps taken on the
 *   same revision exactly one is stored.
 * - `listByCompetition` is in submission order (submission date, then id).
 */
import { Context, Effect, Layer, Option } from "effect"
import { FilingAlreadySubmitted, FilingChanged } from "./CompetitionErrors.js"
import type { Filing, FilingStatus } from "./Filing.js"

/** The statuses that hold a competition's one filing: every status but refused. */
export const OPEN_FILING_STATUSES: ReadonlyArray<FilingStatus> = [
  "in_review",
  "awaiting_co_signature",
  "completed"
]

export const holdsCompetition = (filing: Pick<Filing, "status">): boolean =>
  OPEN_FILING_STATUSES.includes(filing.status)

/** Submission order: submission date, then id. */
export const compareBySubmission = (a: Filing, b: Filing): number =>
  a.submittedOn !== b.submittedOn
    ? a.submittedOn < b.submittedOn
      ? -1
      : 1
    : a.id < b.id
      ? -1
      : a.id > b.id
        ? 1
        : 0

export class FilingRepository extends Context.Tag("@jineng/domain/FilingRepository")<
  FilingRepository,
  {
    readonly findById: (id: string) => Effect.Effect<Option.Option<Filing>>
    readonly listByCompetition: (competitionId: string) => Effect.Effect<ReadonlyArray<Filing>>
    /** The filings still in progress (in review or awaiting co-signature), oldest submission first. */
    readonly listOpen: () => Effect.Effect<ReadonlyArray<Filing>>
    /**
     * Stores a new filing; fails when the competition already has an open or completed one. A filing id
     * stored twice is a defect.
     */
    readonly insert: (filing: Filing) => Effect.Effect<void, FilingAlreadySubmitted>
    /** Replaces the filing stored at `expectedRevision` (the revision it was read at). */
    readonly update: (filing: Filing, expectedRevision: number) => Effect.Effect<void, FilingChanged>
  }
>() {
  static readonly layerTest = (seed: ReadonlyArray<Filing> = []) =>
    Layer.sync(this, () => {
      const byId = new Map<string, Filing>(seed.map((f) => [f.id, f]))
      const holder = (competitionId: string, except: string) =>
        [...byId.values()].find(
          (f) => f.competitionId === competitionId && f.id !== except && holdsCompetition(f)
        )
      return {
        findById: (id) => Effect.sync(() => Option.fromNullable(byId.get(id))),
        listByCompetition: (competitionId) =>
          Effect.sync(() =>
            [...byId.values()].filter((f) => f.competitionId === competitionId).sort(compareBySubmission)
          ),
        listOpen: () =>
          Effect.sync(() =>
            [...byId.values()]
              .filter((f) => f.status === "in_review" || f.status === "awaiting_co_signature")
              .sort(compareBySubmission)
          ),
        insert: (filing) =>
          Effect.suspend(() => {
            if (byId.has(filing.id)) return Effect.dieMessage(`duplicate filing id ${filing.id}`)
            const open = holdsCompetition(filing) ? holder(filing.competitionId, filing.id) : undefined
            if (open !== undefined)
              return Effect.fail(
                new FilingAlreadySubmitted({
                  field: "competition",
                  competitionId: filing.competitionId,
                  filingId: open.id
                })
              )
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
            if (holdsCompetition(filing) && holder(filing.competitionId, filing.id) !== undefined)
              return Effect.dieMessage(`competition ${filing.competitionId} already has an open filing`)
            byId.set(filing.id, filing)
            return Effect.void
          })
      }
    })
}
