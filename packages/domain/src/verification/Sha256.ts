/**
 * SHA-256 (FIPS 180-4), synchronous and allocation-light: the transparency log hashes millions of leaves and
 * nodes, and Web Crypto's digest is asynchronous (one promise per hash). Plain TypeScript, browser-safe.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2
])

const INITIAL = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
])

// Scratch state: hashing is synchronous, so one set per module is safe (no interleaving).
const W = new Int32Array(64)
const H = new Int32Array(8)
const TAIL = new Uint8Array(128)

/** One compression of the 64-byte block at `offset` into H. */
const compress = (block: Uint8Array, offset: number): void => {
  const w = W
  for (let i = 0, o = offset; i < 16; i++, o += 4) {
    w[i] =
      ((block[o] as number) << 24) |
      ((block[o + 1] as number) << 16) |
      ((block[o + 2] as number) << 8) |
      (block[o + 3] as number)
  }
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15] as number
    const y = w[i - 2] as number
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)
    w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0
  }
  let a = H[0] as number
  let b = H[1] as number
  let c = H[2] as number
  let d = H[3] as number
  let e = H[4] as number
  let f = H[5] as number
  let g = H[6] as number
  let h = H[7] as number
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + (K[i] as number) + (w[i] as number)) | 0
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0
    h = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  H[0] = ((H[0] as number) + a) | 0
  H[1] = ((H[1] as number) + b) | 0
  H[2] = ((H[2] as number) + c) | 0
  H[3] = ((H[3] as number) + d) | 0
  H[4] = ((H[4] as number) + e) | 0
  H[5] = ((H[5] as number) + f) | 0
  H[6] = ((H[6] as number) + g) | 0
  H[7] = ((H[7] as number) + h) | 0
}

/** SHA-256 of `length` bytes of `data` from `start`, written to a new 32-byte array. */
const digestRange = (data: Uint8Array, start: number, length: number): Uint8Array => {
  H.set(INITIAL)
  const full = length - (length % 64)
  for (let o = 0; o < full; o += 64) compress(data, start + o)
  const rest = length - full
  TAIL.fill(0)
  TAIL.set(data.subarray(start + full, start + length))
  TAIL[rest] = 0x80
  const blocks = rest < 56 ? 1 : 2
  const end = blocks * 64
  // Message length in bits, 64-bit big-endian (lengths up to 2^53 bits).
  const bits = length * 8
  const high = Math.floor(bits / 0x100000000)
  const low = bits >>> 0
  TAIL[end - 8] = high >>> 24
  TAIL[end - 7] = high >>> 16
  TAIL[end - 6] = high >>> 8
  TAIL[end - 5] = high
  TAIL[end - 4] = low >>> 24
  TAIL[end - 3] = low >>> 16
  TAIL[end - 2] = low >>> 8
  TAIL[end - 1] = low
  compress(TAIL, 0)
  if (blocks === 2) compress(TAIL, 64)
  const out = new Uint8Array(32)
  for (let i = 0; i < 8; i++) {
    const v = H[i] as number
    out[i * 4] = v >>> 24
    out[i * 4 + 1] = v >>> 16
    out[i * 4 + 2] = v >>> 8
    out[i * 4 + 3] = v
  }
  return out
}

/** SHA-256 of the bytes. */
export const sha256 = (data: Uint8Array): Uint8Array => digestRange(data, 0, data.length)

let joined = new Uint8Array(256)

/** SHA-256 of `prefix || a || b` (one byte, then the parts), without allocating the joined message. */
export const sha256Prefixed = (prefix: number, a: Uint8Array, b?: Uint8Array): Uint8Array => {
  const length = 1 + a.length + (b === undefined ? 0 : b.length)
  if (length > joined.length) joined = new Uint8Array(Math.max(length, joined.length * 2))
  joined[0] = prefix
  joined.set(a, 1)
  if (b !== undefined) joined.set(b, 1 + a.length)
  return digestRange(joined, 0, length)
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"))

/** Lower-case hexadecimal. */
export const toHex = (bytes: Uint8Array): string => {
  let s = ""
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i] as number]
  return s
}

/** Bytes from hexadecimal; undefined when the text is not an even number of hex digits. */
export const fromHex = (hex: string): Uint8Array | undefined => {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

/** Constant-length byte equality. */
export const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number)
  return diff === 0
}
