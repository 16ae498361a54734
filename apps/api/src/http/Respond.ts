/**
 * Runs a handler's effect on the app runtime and answers: the value as JSON with the given status, or the
 * expected failure as problem+json (ErrorStatus.ts maps its tag). Defects reject and reach the app's onError
 * (500, logged once without request data).
 */
import { Effect, type Context as EffectContext, Either, ParseResult } from "effect"
import type { Context } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import type { AppRuntime, AppServices } from "../AppRuntime.js"
import { domainProblem } from "./Problem.js"
import { invalidRequest, issuesOf } from "./Validate.js"

/** What a use case fails with: a Schema.TaggedError of the domain (tag, zh-CN message, field). */
export interface DomainFailure {
  readonly _tag: string
  readonly message: string
}

export const respond = async <A, E extends DomainFailure, S extends ContentfulStatusCode = 200>(
  runtime: AppRuntime,
  c: Context,
  effect: Effect.Effect<A, E, AppServices>,
  status?: S
) => {
  const result = await runtime.runPromise(Effect.either(effect))
  if (Either.isRight(result)) return c.json(result.right, (status ?? 200) as S)
  const error = result.left
  return ParseResult.isParseError(error) ? invalidRequest(c, issuesOf(error)) : domainProblem(c, error)
}

type Answered<A, E extends DomainFailure, S extends ContentfulStatusCode> = ReturnType<
  typeof respond<A, E, S>
>

/** Answers an effect, or a step of a use case named by its tag (`(c, Competitions, (uc) => uc.file(…))`). */
export interface Answer<S extends ContentfulStatusCode> {
  <A, E extends DomainFailure>(c: Context, effect: Effect.Effect<A, E, AppServices>): Answered<A, E, S>
  <I extends AppServices, U, A, E extends DomainFailure>(
    c: Context,
    useCase: EffectContext.Tag<I, U>,
    step: (useCase: U) => Effect.Effect<A, E, AppServices>
  ): Answered<A, E, S>
}

const answer = <S extends ContentfulStatusCode>(runtime: AppRuntime, status: S): Answer<S> =>
  ((
    c: Context,
    effect: Effect.Effect<unknown, DomainFailure, AppServices>,
    step?: (u: unknown) => Effect.Effect<unknown, DomainFailure, AppServices>
  ) => respond(runtime, c, step === undefined ? effect : Effect.flatMap(effect, step), status)) as Answer<S>

/**
 * `respond` on a route group's runtime, for the common handler — inputs validated by the route's middleware, a
 * use case run, its value answered: `(c) => ok(c, …)` 200, `(c) => created(c, …)` 201, an expected failure as
 * problem+json either way. The hc client sees the same answers as with `respond`.
 */
export const answers = (runtime: AppRuntime) => ({ ok: answer(runtime, 200), created: answer(runtime, 201) })
