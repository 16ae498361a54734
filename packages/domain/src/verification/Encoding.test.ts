import { describe, expect, it } from "vitest"
import { canonicalJson, fromBase64Url, toBase64Url, utf8 } from "./Encoding.js"

describe("encodings for signed records", () => {
  it("encodes UTF-8 as TextEncoder does, including astral characters and lone surrogates", () => {
    for (const s of ["", "abc", "张三", "𠀀鿿", "é€😀", "\ud800x", "x\udc00"]) {
      expect(utf8(s)).toEqual(new TextEncoder().encode(s))
    }
  })

  it("round-trips base64url for every length 0–70 and matches Node's encoding", () => {
    for (let n = 0; n <= 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 0xff)
      const text = toBase64Url(bytes)
      expect(text).toBe(Buffer.from(bytes).toString("base64url"))
      expect(fromBase64Url(text)).toEqual(bytes)
    }
  })

  it("rejects text that is not canonical base64url", () => {
    expect(fromBase64Url("a")).toBeUndefined()
    expect(fromBase64Url("ab+/")).toBeUndefined()
    expect(fromBase64Url("AB==")).toBeUndefined()
    // "AB" decodes to 0x00 with non-zero leftover bits; only "AA" encodes it.
    expect(fromBase64Url("AB")).toBeUndefined()
    expect(fromBase64Url("AA")).toEqual(Uint8Array.from([0]))
  })

  it("writes canonical JSON with sorted keys, whatever the insertion order", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: { z: "", y: -2 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":-2,"z":""}}'
    )
    expect(canonicalJson({ c: { y: -2, z: "" }, a: [true, null, "x"], b: 1 })).toBe(
      canonicalJson({ b: 1, a: [true, null, "x"], c: { z: "", y: -2 } })
    )
    expect(canonicalJson({ s: '引号"\\\n' })).toBe('{"s":"引号\\"\\\\\\n"}')
  })
})
