/**
 * The public lookup's registry reads, run in batches: the reads asked for during one turn of the event loop
 * run as ONE effect when the turn's I/O is done (setImmediate), each read still its own indexed read with its
 * own result. Running an effect costs a fiber; on SQLite, whose reads answer synchronously, one fiber per turn
 * instead of one per lookup — and the turn's reads and answers done together — took about a fifth off the
 * lookup's CPU time per request (bench/lookup.bench.ts, issue #4). A read's answer waits at most until the end
 * of the turn it was asked in.
 *
 * Batching holds while the registry answers at once. When a batch has to wait (PostgreSQL: a network round
 * trip per read, which in one effect would run one after the other), reads run each on its own again,
 * concurrently, until one answers at once. A defect fails only the read it happened in.
 */
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { Cause, type Context, Effect, Exit } from "effect"
import type { AppRuntime } from "../AppRuntime.js"
import { runFastValue } from "./RunFast.js"

type Repository = Context.Tag.Service<typeof CertificateRepository>

interface Pending {
  readonly read: (repository: Repository) => Effect.Effect<unknown>
  readonly resolve: (value: unknown) => void
  readonly reject: (error: unknown) => void
}

/** `read(f)`: the value of `f`'s effect on the certificate repository, batched as above. */
export const batchedReads = (runtime: AppRuntime) => {
  let pending: Array<Pending> = []
  let batching = true

  const settle = (batch: ReadonlyArray<Pending>, exits: ReadonlyArray<Exit.Exit<unknown>>) => {
    for (let i = 0; i < batch.length; i++) {
      const p = batch[i] as Pending
      const exit = exits[i] as Exit.Exit<unknown>
      if (Exit.isSuccess(exit)) p.resolve(exit.value)
      else p.reject(Cause.squash(exit.cause))
    }
  }

  const fail = (batch: ReadonlyArray<Pending>, error: unknown) => {
    for (const p of batch) p.reject(error)
  }

  const drain = () => {
    const batch = pending
    pending = []
    let exits: ReadonlyArray<Exit.Exit<unknown>> | Promise<ReadonlyArray<Exit.Exit<unknown>>>
    try {
      exits = runFastValue(
        runtime,
        Effect.flatMap(CertificateRepository, (repository) =>
          Effect.forEach(batch, (p) => Effect.exit(p.read(repository)))
        )
      )
    } catch (error) {
      return fail(batch, error)
    }
    if (exits instanceof Promise) {
      batching = false
      exits.then(
        (done) => settle(batch, done),
        (error) => fail(batch, error)
      )
    } else settle(batch, exits)
  }

  return <A>(read: (repository: Repository) => Effect.Effect<A>): A | Promise<A> => {
    if (!batching) {
      const value = runFastValue(runtime, Effect.flatMap(CertificateRepository, read))
      if (!(value instanceof Promise)) batching = true
      return value
    }
    return new Promise<A>((resolve, reject) => {
      if (pending.length === 0) setImmediate(drain)
      pending.push({ read, resolve: resolve as (value: unknown) => void, reject })
    })
  }
}
