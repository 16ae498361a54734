/**
 * Runs a handler's effect on the app runtime and answers: the value as JSON with the given status, or the
 * expected failure as problem+json (ErrorStatus.ts maps its tag). Defects reject and reach the app's onError
 * (500, logged once without request data).
 */
import { Effect, Either, ParseResult } from "effect"
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
