import { Either, FastCheck, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  displayTrackingCode,
  isTrackingCode,
  normaliseTrackingCode,
  TRACKING_ALPHABET,
  trackingCodeFromBytes,
  trackingCodeFromNumber
} from "./TrackingCode.js"
import { TRACKING_CODE_MESSAGE, TrackingCodeInput } from "./TrackingCodeSchema.js"

describe("54号·五 report tracking codes", () => {
  it("uses 32 characters, none of 0, O, 1, I", () => {
    expect(TRACKING_ALPHABET).toHaveLength(32)
    expect(new Set(TRACKING_ALPHABET).size).toBe(32)
    for (const c of "0O1I") expect(TRACKING_ALPHABET).not.toContain(c)
  })

  it("makes 'JB' + 10 alphabet characters from any random bytes (property)", () => {
    FastCheck.assert(
      FastCheck.property(FastCheck.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const code = trackingCodeFromBytes(bytes)
        return code.length === 12 && code.startsWith("JB") && isTrackingCode(code)
      })
    )
  })

  it("refuses confusable characters and wrong lengths", () => {
    expect(isTrackingCode("JB23456789AB")).toBe(true)
    expect(isTrackingCode("JB2345678901")).toBe(false)
    expect(isTrackingCode("JB23456789AO")).toBe(false)
    expect(isTrackingCode("JB23456789AI")).toBe(false)
    expect(isTrackingCode("JB23456789A")).toBe(false)
    expect(isTrackingCode("XB23456789AB")).toBe(false)
  })

  it("normalises a code as typed back: lower case, spaces, hyphens", () => {
    const code = trackingCodeFromNumber(123456789)
    expect(displayTrackingCode(code)).toMatch(/^JB-.{5}-.{5}$/)
    expect(normaliseTrackingCode(displayTrackingCode(code))).toBe(code)
    expect(normaliseTrackingCode(" jb 2345 6789ab ")).toBe("JB23456789AB")
  })

  it("gives distinct deterministic codes for distinct numbers", () => {
    expect(trackingCodeFromNumber(0)).toBe("JB2222222222")
    expect(trackingCodeFromNumber(1)).toBe("JB2222222223")
    expect(trackingCodeFromNumber(32)).toBe("JB2222222232")
    const codes = new Set(Array.from({ length: 1000 }, (_, i) => trackingCodeFromNumber(i)))
    expect(codes.size).toBe(1000)
  })

  it("decodes a code as typed to its canonical form, refusing a malformed one with the zh-CN message", () => {
    const decode = Schema.decodeUnknownEither(TrackingCodeInput)
    expect(decode(" jb-23456-789ab ")).toEqual(Either.right("JB23456789AB"))
    for (const bad of [
      "JB0000000000",
      "JB23456789A",
      "XX23456789AB",
      "",
      "'; DROP TABLE quality_reports; --"
    ]) {
      const r = decode(bad)
      expect(Either.isLeft(r) ? r.left.message : "").toContain(TRACKING_CODE_MESSAGE)
    }
    const notText = decode(12)
    expect(Either.isLeft(notText) ? notText.left.message : "").toContain("查询码应为文本")
  })
})
