/** Identifiers for new records (orders, reports, tracking codes): a port, so tests are deterministic. */
import { Context, Effect, Layer } from "effect"
import { webCrypto } from "./WebCrypto.js"

export class IdGenerator extends Context.Tag("@jineng/domain/IdGenerator")<
  IdGenerator,
  {
    /** A new unique id with a readable prefix, e.g. "rev_…". */
    readonly next: (prefix: string) => Effect.Effect<string>
  }
>() {
  /** Random ids from the platform's crypto (Node ≥ 19 and browsers). */
  static readonly layer = Layer.succeed(this, {
    next: (prefix) => Effect.sync(() => `${prefix}_${webCrypto.randomUUID().replaceAll("-", "")}`)
  })

  /** Sequential ids "prefix_1", "prefix_2", … per prefix. */
  static readonly layerTest = Layer.sync(this, () => {
    const counters = new Map<string, number>()
    return {
      next: (prefix: string) =>
        Effect.sync(() => {
          const n = (counters.get(prefix) ?? 0) + 1
          counters.set(prefix, n)
          return `${prefix}_${n}`
        })
    }
  })
}
