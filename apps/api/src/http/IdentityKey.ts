/**
 * The per-identity lookup limiter's key: a looked-up certificate number or ID number, hashed with a key drawn at
 * random when the process starts, to a 53-bit number. Identities are never kept in clear (domain.md §2).
 *
 * Why a fast non-cryptographic hash (cyrb53's two multiply–xor lanes, each seeded from the random key) is enough
 * here, where SHA-256 was used before at about ten times the cost per lookup:
 *  - Not in clear: the limiter's memory holds numbers, not identities. Neither hash protects against someone who
 *    can read the process's memory: ID numbers and certificate numbers are few enough to enumerate, so an
 *    unkeyed SHA-256 could be reversed by hashing every candidate, and this key sits in the same memory. What
 *    either gives is that no identity appears in a heap snapshot, a core dump or a debugger as text.
 *  - Few collisions: two identities sharing a key share one limit. With 53 bits, a million identities looked
 *    up within one window give about n²/2⁵⁴ ≈ 0.00006 colliding pairs.
 *  - No chosen collisions: the key is secret and new in every process, so no one can craft a number that lands
 *    on someone else's counter — and even that would grant nothing, since anyone may exhaust an identity's limit
 *    by looking it up directly (the limit is per identity, whoever asks).
 */
import { randomBytes } from "node:crypto"

const seeds = new Uint32Array(randomBytes(8).buffer, 0, 2)
const SEED1 = (seeds[0] as number) | 0
const SEED2 = (seeds[1] as number) | 0

/** The kinds of identity, hashed apart: the same digits as a number and as an ID number are two keys. */
export type IdentityKind = "number" | "id"

const hash53 = (text: string, kind: number): number => {
  let h1 = 0xdeadbeef ^ SEED1 ^ kind
  let h2 = 0x41c6ce57 ^ SEED2 ^ Math.imul(kind, 0x9e3779b1)
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** The limiter key of an identity: equal for equal (kind, value), a number in [0, 2⁵³). */
export const identityKey = (kind: IdentityKind, value: string): number =>
  hash53(value, kind === "number" ? 1 : 2)
