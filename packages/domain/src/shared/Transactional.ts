/**
 * Port: run several writes as one transaction ("every write that touches several rows is one transaction").
 * The registry implements it with its database transaction; `layerTest` runs the effect as it is.
 */
import { Context, type Effect, Layer } from "effect"

export class Transactional extends Context.Tag("@jineng/domain/Transactional")<
  Transactional,
  {
    readonly run: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  }
>() {
  static readonly layerTest = Layer.succeed(this, { run: (effect) => effect })
}
