import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { toBase64Url } from "./Encoding.js"
import { generateSigningKey } from "./Signature.js"
import {
  bitstringOf,
  decodeBitstring,
  encodeBitstring,
  MIN_STATUS_LIST_LENGTH,
  signStatusList,
  statusAt,
  verifyStatusList
} from "./StatusList.js"

describe("status lists (W3C Bitstring Status List; 54号·五)", () => {
  it("sets bit i at the left-most position first, and pads to the herd size", () => {
    const bits = bitstringOf(10, [0, 9])
    expect(bits.length * 8).toBe(MIN_STATUS_LIST_LENGTH)
    expect(bits[0]).toBe(0b1000_0000)
    expect(bits[1]).toBe(0b0100_0000)
    expect(statusAt(bits, 0)).toBe(true)
    expect(statusAt(bits, 1)).toBe(false)
    expect(statusAt(bits, 9)).toBe(true)
    expect(statusAt(bits, MIN_STATUS_LIST_LENGTH)).toBeUndefined()
    expect(bitstringOf(200_000, [199_999]).length).toBe(25_000)
  })

  it.effect("round-trips through GZIP + multibase, compressed far below 16 KB", () =>
    Effect.gen(function* () {
      const revoked = [3, 77, 4_096, 131_071]
      const encoded = yield* encodeBitstring(bitstringOf(150_000, revoked))
      expect(encoded.startsWith("u")).toBe(true)
      expect(encoded.length).toBeLessThan(400)
      const bits = yield* decodeBitstring(encoded)
      for (let i = 0; i < 150_000; i++) if (statusAt(bits, i) !== revoked.includes(i)) expect(i).toBe(-1)
    })
  )

  it.effect("refuses what is not a list", () =>
    Effect.gen(function* () {
      for (const bad of ["zABC", "u!!", `u${toBase64Url(Uint8Array.of(1, 2, 3))}`])
        expect((yield* Effect.flip(decodeBitstring(bad)))._tag).toBe("StatusListMalformed")
      const tiny = yield* encodeBitstring(new Uint8Array(100))
      const e = yield* Effect.flip(decodeBitstring(tiny))
      expect(e.message).toContain("至少有 131072 个条目")
    })
  )

  it.effect("a signed list verifies and gives its bits; a flipped entry or another issuer is refused", () =>
    Effect.gen(function* () {
      const key = yield* generateSigningKey("k1", "2026-01-01")
      const list = yield* signStatusList(
        {
          id: "https://example.test/api/public/status-lists/inst-1",
          institutionId: "inst-1",
          length: 5,
          revoked: [2]
        },
        key.signing,
        Date.parse("2026-11-26T08:00:00.000Z")
      )
      const ok = yield* verifyStatusList(JSON.parse(JSON.stringify(list)), [key.verification])
      expect(ok.decision.outcome).toBe("verified")
      expect(ok.bits && [0, 1, 2, 3].map((i) => statusAt(ok.bits as Uint8Array, i))).toEqual([
        false,
        false,
        true,
        false
      ])
      const flipped = yield* encodeBitstring(bitstringOf(5, []))
      const tampered = yield* verifyStatusList({ ...list, encodedList: flipped }, [key.verification])
      expect(tampered.decision.failures.map((f) => f.code)).toEqual(["bad_signature"])
      expect(tampered.bits).toBeUndefined()
      const moved = yield* verifyStatusList({ ...list, institutionId: "inst-2" }, [key.verification])
      expect(moved.decision.outcome).toBe("refused")
      expect((yield* verifyStatusList({ nope: 1 }, [key.verification])).decision.failures[0]?.code).toBe(
        "malformed_status_list"
      )
    })
  )
})
