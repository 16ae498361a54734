import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import { bytesEqual, fromHex, sha256, sha256Prefixed, toHex } from "./Sha256.js"

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))
const reference = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex")

describe("SHA-256 (FIPS 180-4)", () => {
  it.each([
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ],
    [
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ]
  ])("hashes the test vector %j", (message, digest) => {
    expect(toHex(sha256(ascii(message)))).toBe(digest)
  })

  it("hashes one million 'a'", () => {
    expect(toHex(sha256(new Uint8Array(1_000_000).fill(0x61)))).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    )
  })

  it("agrees with node:crypto for every length 0–300 and around block boundaries", () => {
    const data = Uint8Array.from({ length: 1100 }, (_, i) => (i * 131 + 7) & 0xff)
    const lengths = [...Array.from({ length: 301 }, (_, i) => i), 511, 512, 513, 1023, 1024, 1025, 1100]
    for (const n of lengths) {
      const part = data.subarray(0, n)
      expect(toHex(sha256(part)), `length ${n}`).toBe(reference(part))
    }
  })

  it("hashes a prefixed message as the joined bytes, also when longer than the scratch buffer", () => {
    const a = Uint8Array.from({ length: 32 }, (_, i) => i)
    const b = Uint8Array.from({ length: 32 }, (_, i) => 255 - i)
    expect(toHex(sha256Prefixed(1, a, b))).toBe(reference(Uint8Array.from([1, ...a, ...b])))
    const long = new Uint8Array(5000).fill(9)
    expect(toHex(sha256Prefixed(0, long))).toBe(reference(Uint8Array.from([0, ...long])))
    expect(toHex(sha256Prefixed(0, a))).toBe(reference(Uint8Array.from([0, ...a])))
  })

  it("converts hex both ways and compares bytes", () => {
    const bytes = fromHex("00ff10Ab")
    expect(bytes).toEqual(Uint8Array.from([0, 255, 16, 171]))
    expect(toHex(bytes ?? new Uint8Array())).toBe("00ff10ab")
    expect(fromHex("abc")).toBeUndefined()
    expect(fromHex("zz")).toBeUndefined()
    expect(bytesEqual(Uint8Array.from([1, 2]), Uint8Array.from([1, 2]))).toBe(true)
    expect(bytesEqual(Uint8Array.from([1, 2]), Uint8Array.from([1, 3]))).toBe(false)
    expect(bytesEqual(Uint8Array.from([1, 2]), Uint8Array.from([1]))).toBe(false)
  })
})
