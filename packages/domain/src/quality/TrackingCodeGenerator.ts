/** Port: the source of new tracking codes for reports (TrackingCode), so tests are deterministic. */
import { Context, Effect, Layer } from "effect"
import { webCrypto } from "../shared/WebCrypto.js"
import {
  TRACKING_BODY_LENGTH,
  type TrackingCode,
  trackingCodeFromBytes,
  trackingCodeFromNumber
} from "./TrackingCode.js"

export class TrackingCodeGenerator extends Context.Tag("@jineng/domain/TrackingCodeGenerator")<
  TrackingCodeGenerator,
  { readonly next: Effect.Effect<TrackingCode> }
>() {
  /** Random codes from the platform's crypto (Node ≥ 19 and browsers). */
  static readonly layer = Layer.succeed(this, {
    next: Effect.sync(() =>
      trackingCodeFromBytes(webCrypto.getRandomValues(new Uint8Array(TRACKING_BODY_LENGTH)))
    )
  })

  /** The given codes in order, then "JB2222222223", "JB2222222224", … */
  static readonly layerTest = (codes: ReadonlyArray<TrackingCode> = []) =>
    Layer.sync(this, () => {
      let i = 0
      let n = 0
      return {
        next: Effect.sync(() => {
          const given = codes[i++]
          return given ?? trackingCodeFromNumber(++n)
        })
      }
    })
}
