/**
 * The lookup's batched registry reads (http/BatchedReads.ts), over a stand-in certificate repository that
 * records which fiber ran each read: the reads asked for in one event-loop turn run in one fiber, each with its
 * own result; a defect fails only its own read; a registry that answers asynchronously gets its reads run each
 * on its own (concurrently), and batching resumes once a read answers at once.
 */
import { describe, expect, it } from "@effect/vitest"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { type Context, Effect, FiberId, Layer, ManagedRuntime, Option } from "effect"
import type { AppRuntime } from "../src/AppRuntime.js"
import { batchedReads } from "../src/http/BatchedReads.js"

interface Read {
  readonly number: string
  readonly fiber: number
}

const standIn = () => {
  const reads: Array<Read> = []
  const mode = { async: false }
  const findByNumber = (number: string) =>
    Effect.gen(function* () {
      const fiber = yield* Effect.fiberId
      if (mode.async) yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 1)))
      reads.push({ number, fiber: [...FiberId.ids(fiber)][0] as number })
      if (number === "broken") return yield* Effect.dieMessage("a broken row")
      return Option.none()
    })
  const repository = { findByNumber } as unknown as Context.Tag.Service<typeof CertificateRepository>
  const runtime = ManagedRuntime.make(Layer.succeed(CertificateRepository, repository))
  return { reads, mode, runtime, read: batchedReads(runtime as unknown as AppRuntime) }
}

const fibersOf = (reads: ReadonlyArray<Read>, numbers: ReadonlyArray<string>) =>
  new Set(reads.filter((r) => numbers.includes(r.number)).map((r) => r.fiber))

describe("batched registry reads", () => {
  it.effect(
    "runs the reads of one turn in one fiber, each with its own answer, and the next turn's in another",
    () =>
      Effect.promise(async () => {
        const s = standIn()
        await s.runtime.runPromise(Effect.void) // the runtime built, as the server's is
        const first = ["a", "b", "c", "d"]
        const answers = await Promise.all(first.map((n) => s.read((r) => r.findByNumber(n))))
        expect(answers).toEqual(first.map(() => Option.none()))
        const second = ["e", "f"]
        await Promise.all(second.map((n) => s.read((r) => r.findByNumber(n))))
        expect(s.reads.map((r) => r.number)).toEqual([...first, ...second])
        expect(fibersOf(s.reads, first).size).toBe(1)
        expect(fibersOf(s.reads, second).size).toBe(1)
        expect(fibersOf(s.reads, [...first, ...second]).size).toBe(2)
        await s.runtime.dispose()
      })
  )

  it.effect("fails only the read a defect happened in", () =>
    Effect.promise(async () => {
      const s = standIn()
      const results = await Promise.allSettled(
        ["a", "broken", "c"].map((n) => s.read((r) => r.findByNumber(n)))
      )
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"])
      await s.runtime.dispose()
    })
  )

  it.effect("runs reads each on its own while the registry answers asynchronously, batches again after", () =>
    Effect.promise(async () => {
      const s = standIn()
      s.mode.async = true
      await Promise.all(["a", "b"].map((n) => s.read((r) => r.findByNumber(n)))) // one batch, found waiting
      const concurrent = ["c", "d", "e"]
      await Promise.all(concurrent.map((n) => s.read((r) => r.findByNumber(n))))
      expect(fibersOf(s.reads, concurrent).size).toBe(3)
      s.mode.async = false
      await s.read((r) => r.findByNumber("f")) // answers at once: batching resumes
      const batched = ["g", "h", "i"]
      await Promise.all(batched.map((n) => s.read((r) => r.findByNumber(n))))
      expect(fibersOf(s.reads, batched).size).toBe(1)
      await s.runtime.dispose()
    })
  )
})
