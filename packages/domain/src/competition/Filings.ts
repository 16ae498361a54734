/**
 * Use cases of competition filings (54号·二, 附件1; domain.md §4): a host submits a filing for a competition (the
 * requirement and the route are computed; a competition that fails review is refused), the district, city and
 * province bureaus record their opinions in order, other provinces co-sign a cross-province competition.
 * Dates are Beijing calendar days from the clock.
 */
import { Context, Effect, type Either, Layer, Option } from "effect"
import { IdGenerator } from "../shared/IdGenerator.js"
import { todayInBeijing } from "../time/Today.js"
import type { Competition } from "./Competition.js"
import { FilingAlreadySubmitted, FilingNotFound } from "./CompetitionErrors.js"
import {
  coSign as coSignFiling,
  type Filing,
  type FilingActor,
  filingIncentives,
  type OpinionVerdict,
  openFiling,
  recordOpinion as recordOpinionOn
} from "./Filing.js"
import type { FilingLevel } from "./FilingLevel.js"
import { FilingRepository } from "./FilingRepository.js"

export interface OpinionInput {
  readonly actor: FilingActor
  /** The 附件1 row the opinion fills. */
  readonly level: FilingLevel
  readonly verdict: OpinionVerdict
  readonly text: string
}

export interface CoSignatureInput {
  readonly actor: FilingActor
  /** The co-signing province, e.g. 330000. */
  readonly province: string
}

const make = Effect.gen(function* () {
  const repository = yield* FilingRepository
  const ids = yield* IdGenerator

  const get = Effect.fn("Filings.get")(function* (filingId: string) {
    const found = yield* repository.findById(filingId)
    return yield* Option.match(found, {
      onNone: () => Effect.fail(new FilingNotFound({ field: "filingId", filingId })),
      onSome: Effect.succeed
    })
  })

  const submit = Effect.fn("Filings.submit")(function* (competition: Competition) {
    const existing = yield* repository.listByCompetition(competition.id)
    const open = existing.find((f) => f.status !== "refused")
    if (open !== undefined)
      return yield* Effect.fail(
        new FilingAlreadySubmitted({ field: "competition", competitionId: competition.id, filingId: open.id })
      )
    const submittedOn = yield* todayInBeijing
    const id = yield* ids.next("fil")
    const filing = yield* openFiling({ id, competition, submittedOn })
    yield* repository.insert(filing)
    return filing
  })

  const step = <E>(filingId: string, apply: (filing: Filing, date: string) => Either.Either<Filing, E>) =>
    Effect.gen(function* () {
      const filing = yield* get(filingId)
      const date = yield* todayInBeijing
      const next = yield* apply(filing, date)
      yield* repository.update(next, filing.revision)
      return next
    })

  const recordOpinion = Effect.fn("Filings.recordOpinion")(function* (filingId: string, input: OpinionInput) {
    return yield* step(filingId, (filing, date) =>
      recordOpinionOn(filing, {
        level: input.level,
        verdict: input.verdict,
        text: input.text,
        actor: input.actor,
        date
      })
    )
  })

  const coSign = Effect.fn("Filings.coSign")(function* (filingId: string, input: CoSignatureInput) {
    return yield* step(filingId, (filing, date) =>
      coSignFiling(filing, { province: input.province, actor: input.actor, date })
    )
  })

  /** Whether the competition keeps its support and incentive policies, given the filing (54号·二). */
  const incentives = Effect.fn("Filings.incentives")(function* (filingId: string) {
    return filingIncentives(yield* get(filingId))
  })

  return { submit, get, recordOpinion, coSign, incentives } as const
})

export class Filings extends Context.Tag("@jineng/domain/Filings")<
  Filings,
  Effect.Effect.Success<typeof make>
>() {
  /** Requires FilingRepository and IdGenerator. */
  static readonly layer = Layer.effect(this, make)
}
