/**
 * Byte encodings the signed records need, without TextEncoder or atob typings (the package builds with the bare
 * ES2022 lib): UTF-8, base64url (RFC 4648 §5, no padding) and canonical JSON (sorted keys, no spaces).
 */

/** UTF-8 bytes of a string (unpaired surrogates become U+FFFD, as TextEncoder does). */
export const utf8 = (s: string): Uint8Array => {
  const out: Array<number> = []
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return Uint8Array.from(out)
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]))

/** base64url without padding. */
export const toBase64Url = (bytes: Uint8Array): string => {
  let s = ""
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number
    const b = bytes[i + 1]
    const c = bytes[i + 2]
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0)
    s += ALPHABET[n >> 18] as string
    s += ALPHABET[(n >> 12) & 63] as string
    if (b !== undefined) s += ALPHABET[(n >> 6) & 63] as string
    if (c !== undefined) s += ALPHABET[n & 63] as string
  }
  return s
}

/** Bytes from base64url (no padding); undefined for any other text, including non-canonical trailing bits. */
export const fromBase64Url = (s: string): Uint8Array | undefined => {
  if (s.length % 4 === 1) return undefined
  const out = new Uint8Array(Math.floor((s.length * 3) / 4))
  let bits = 0
  let value = 0
  let o = 0
  for (const ch of s) {
    const v = INDEX.get(ch)
    if (v === undefined) return undefined
    value = (value << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (value >> bits) & 0xff
    }
  }
  // Leftover bits must be zero, so every byte string has exactly one encoding.
  if ((value & ((1 << bits) - 1)) !== 0) return undefined
  return out
}

/** The JSON values a canonical encoding accepts: no floats, no undefined. */
export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | ReadonlyArray<CanonicalValue>
  | { readonly [key: string]: CanonicalValue }

/**
 * Deterministic JSON: object keys sorted by UTF-16 code units, no whitespace, integers only (JSON.stringify's
 * string escaping is itself deterministic). Equal values always give equal text, whatever the key order.
 */
export const canonicalJson = (value: CanonicalValue): string => {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value)
  if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : "null"
  if (Array.isArray(value))
    return `[${(value as ReadonlyArray<CanonicalValue>).map(canonicalJson).join(",")}]`
  const object = value as { readonly [key: string]: CanonicalValue }
  const keys = Object.keys(object)
    .filter((k) => object[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k] as CanonicalValue)}`).join(",")}}`
}

/** The UTF-8 bytes of the canonical JSON. */
export const canonicalBytes = (value: CanonicalValue): Uint8Array => utf8(canonicalJson(value))

/** A string from UTF-8 bytes; undefined for malformed UTF-8 (overlong forms, surrogates, truncation). */
export const fromUtf8 = (bytes: Uint8Array): string | undefined => {
  let out = ""
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1
    if (need < 0) return undefined
    let c = need === 0 ? b : b & (0x3f >> need)
    for (let j = 1; j <= need; j++) {
      const n = bytes[i + j]
      if (n === undefined || (n & 0xc0) !== 0x80) return undefined
      c = (c << 6) | (n & 0x3f)
    }
    if (
      (need === 2 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
      (need === 3 && (c < 0x10000 || c > 0x10ffff))
    )
      return undefined
    out += String.fromCodePoint(c)
    i += need + 1
  }
  return out
}
