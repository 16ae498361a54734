import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { sampleRecord } from "../../test/SampleRecord.js"
import { KeyFile, keyRingOf, newStoredKey, rotate, signingKeyOn } from "./KeyRing.js"
import { signRecord, verifySignedRecord } from "./SignedRecord.js"

const record = sampleRecord()

describe("the registry's key ring and rotation (54号·四)", () => {
  it.effect(
    "rotation closes the old window, the new key signs from that day, old signatures keep verifying",
    () =>
      Effect.gen(function* () {
        const first: KeyFile = { keys: [yield* newStoredKey("k-2025", "2025-01-01")] }
        const ring1 = yield* keyRingOf(Schema.decodeUnknownSync(KeyFile)(JSON.parse(JSON.stringify(first))))
        const old = yield* signRecord(record, yield* signingKeyOn(ring1, "2026-06-01"), "2026-06-01")

        const second = yield* rotate(first, "k-2026", "2026-11-26")
        expect(second.keys.map((k) => [k.keyId, k.validFrom, k.validUntil])).toEqual([
          ["k-2025", "2025-01-01", "2026-11-26"],
          ["k-2026", "2026-11-26", undefined]
        ])
        const ring2 = yield* keyRingOf(second)
        expect(ring2.published.map((k) => k.keyId)).toEqual(["k-2025", "k-2026"])
        expect(JSON.stringify(ring2.published)).not.toContain(second.keys[0].privateKey)
        expect((yield* signingKeyOn(ring2, "2026-11-26")).keyId).toBe("k-2026")
        expect((yield* signingKeyOn(ring2, "2026-11-25")).keyId).toBe("k-2025")
        const fresh = yield* signRecord(record, yield* signingKeyOn(ring2, "2026-11-27"), "2026-11-27")
        expect((yield* verifySignedRecord(old, ring2.published)).outcome).toBe("verified")
        expect((yield* verifySignedRecord(fresh, ring2.published)).outcome).toBe("verified")
        // The old private key can no longer sign for a date after its window.
        const oldKey = ring2.signing.find((k) => k.keyId === "k-2025")
        expect(oldKey && (yield* Effect.flip(signRecord(record, oldKey, "2026-11-27")))._tag).toBe(
          "SigningFailed"
        )
      })
  )

  it.effect("a rotation on the old key's first day hands over that same day", () =>
    Effect.gen(function* () {
      const rotated = yield* rotate({ keys: [yield* newStoredKey("k-a", "2026-11-26")] }, "k-b", "2026-11-26")
      expect((yield* signingKeyOn(yield* keyRingOf(rotated), "2026-11-26")).keyId).toBe("k-b")
    })
  )

  it.effect("refuses duplicate ids, a taken id on rotation, and a day no key covers", () =>
    Effect.gen(function* () {
      const k = yield* newStoredKey("k1", "2026-01-01")
      expect((yield* Effect.flip(keyRingOf({ keys: [k, k] }))).message).toContain("密钥编号重复")
      expect((yield* Effect.flip(rotate({ keys: [k] }, "k1", "2026-02-01"))).message).toContain(
        "密钥编号已存在"
      )
      const ring = yield* keyRingOf({ keys: [k] })
      expect((yield* Effect.flip(signingKeyOn(ring, "2025-12-31"))).message).toContain(
        "没有在 2025-12-31 有效的签名密钥"
      )
      expect(() => Schema.decodeUnknownSync(KeyFile)({ keys: [] })).toThrow()
    })
  )
})
