import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { sampleRecord } from "../../test/SampleRecord.js"
import { decodeCompactRecord, encodeCompactRecord } from "./CompactRecord.js"
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from "./Encoding.js"
import { generateSigningKey } from "./Signature.js"
import { signRecord, verifySignedRecord } from "./SignedRecord.js"

const record = sampleRecord({
  holderName: "欧阳晓𠀋",
  occupationCode: "6-18-02-04",
  occupationName: "焊工",
  workType: "电焊工"
})

describe("the QR code's compact signed record (54号·四)", () => {
  it.effect("round-trips to a record that verifies, shorter than the JSON object", () =>
    Effect.gen(function* () {
      const key = yield* generateSigningKey("k1", "2022-05-01")
      const signed = yield* signRecord(record, key.signing, "2026-11-26")
      const compact = encodeCompactRecord(signed)
      expect(compact).toMatch(/^r1\.[A-Za-z0-9_-]+$/)
      expect(compact.length).toBeLessThan(toBase64Url(utf8(JSON.stringify(signed))).length * 0.8)
      const back = decodeCompactRecord(compact)
      expect(back).toEqual(JSON.parse(JSON.stringify(signed)))
      expect((yield* verifySignedRecord(back, [key.verification])).outcome).toBe("verified")
      // An edited payload decodes, and the signature refuses it.
      const json = fromUtf8(fromBase64Url(compact.slice(3)) as Uint8Array) as string
      const edited = `r1.${toBase64Url(utf8(json.replace("焊工", "电工")))}`
      const d = yield* verifySignedRecord(decodeCompactRecord(edited), [key.verification])
      expect(d.failures.map((f) => f.code)).toEqual(["bad_signature"])
    })
  )

  it("damaged text decodes to nothing", () => {
    for (const bad of [
      "",
      "r2.AAAA",
      "r1",
      "r1.!!",
      "r1.AAAA.BBBB",
      `r1.${toBase64Url(utf8("[1,2]"))}`,
      `r1.${toBase64Url(utf8("{"))}`
    ])
      expect(decodeCompactRecord(bad)).toBeUndefined()
  })

  it("decodes UTF-8 strictly", () => {
    expect(fromUtf8(utf8("张三𠀋a"))).toBe("张三𠀋a")
    expect(fromUtf8(Uint8Array.of(0xe5, 0xbc))).toBeUndefined()
    expect(fromUtf8(Uint8Array.of(0xc0, 0x80))).toBeUndefined()
    expect(fromUtf8(Uint8Array.of(0xed, 0xa0, 0x80))).toBeUndefined()
    expect(fromUtf8(Uint8Array.of(0xff))).toBeUndefined()
  })
})
