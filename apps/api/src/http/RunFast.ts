/**
 * Runs an effect synchronously when it can complete without waiting (the SQLite registry answers reads
 * synchronously), else awaits the same fiber — never a second run. Saves a promise and a scheduler turn per
 * public lookup; expected failures stay in the returned Exit's Either.
 */
import { Cause, Effect, type Either, Exit, Fiber, Option, Runtime } from "effect"
import type { AppRuntime, AppServices } from "../AppRuntime.js"

/** An effect that cannot fail: its value, at once when it completed synchronously, else a promise of it. */
export const runFastValue = <A>(
  runtime: AppRuntime,
  effect: Effect.Effect<A, never, AppServices>
): A | Promise<A> => {
  const exit = runtime.runSyncExit(effect)
  if (Exit.isSuccess(exit)) return exit.value
  const defect = Cause.dieOption(exit.cause)
  if (Option.isSome(defect) && Runtime.isAsyncFiberException(defect.value))
    return runtime.runPromise(Fiber.join(defect.value.fiber as unknown as Fiber.Fiber<A>))
  throw Cause.squash(exit.cause)
}

export const runFast = <A, E>(
  runtime: AppRuntime,
  effect: Effect.Effect<A, E, AppServices>
): Either.Either<A, E> | Promise<Either.Either<A, E>> => runFastValue(runtime, Effect.either(effect))
