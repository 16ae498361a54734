import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import {
  auditPath,
  consistencyPath,
  EMPTY_ROOT,
  type Hash,
  leafHash,
  MerkleFrontier,
  MerkleLog,
  nodeHash,
  rangeHashOf,
  type TreeHead,
  treeHeadOf,
  verifyConsistency,
  verifyInclusion
} from "./MerkleTree.js"
import { fromHex, toHex } from "./Sha256.js"

const hex = (s: string): Uint8Array => fromHex(s) ?? new Uint8Array()
const hexes = (p: ReadonlyArray<Hash> | undefined) => (p ?? []).map(toHex)

/** The RFC 6962 test leaves used by certificate-transparency and transparency-dev. */
const RFC_LEAVES = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f"
]
const RFC_ROOTS = [
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
]

const nodeSha = (prefix: number, ...parts: Array<Uint8Array>): string =>
  createHash("sha256")
    .update(Uint8Array.from([prefix]))
    .update(Buffer.concat(parts))
    .digest("hex")

const leavesOf = (n: number): Array<Hash> =>
  Array.from({ length: n }, (_, i) => leafHash(Uint8Array.from([i & 0xff, i >> 8, 0xab])))

/** Every way to damage a proof: change any byte of any element, drop the last or first element, add one. */
const tamperings = (proof: ReadonlyArray<Hash>): Array<ReadonlyArray<Hash>> => {
  const out: Array<ReadonlyArray<Hash>> = []
  proof.forEach((_, i) => {
    const copy = proof.map((h) => h.slice())
    const h = copy[i] as Hash
    h[i % 32] = (h[i % 32] as number) ^ 0x01
    out.push(copy)
  })
  if (proof.length > 0) out.push(proof.slice(0, -1), proof.slice(1))
  out.push([...proof, EMPTY_ROOT])
  return out
}

describe("Merkle tree hashing (RFC 6962 / RFC 9162 §2.1.1)", () => {
  it("hashes a leaf as SHA-256(0x00 || leaf) and a node as SHA-256(0x01 || left || right)", () => {
    const a = hex("00112233")
    expect(toHex(leafHash(a))).toBe(nodeSha(0, a))
    const l = leafHash(hex("01"))
    const r = leafHash(hex("02"))
    expect(toHex(nodeHash(l, r))).toBe(nodeSha(1, l, r))
    expect(toHex(EMPTY_ROOT)).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  })

  it("computes the RFC 6962 reference roots of the eight test leaves at every size", () => {
    const leaves = RFC_LEAVES.map((l) => leafHash(hex(l)))
    RFC_ROOTS.forEach((root, i) => {
      expect(toHex(treeHeadOf(leaves.slice(0, i + 1)).root), `size ${i + 1}`).toBe(root)
    })
    expect(treeHeadOf([]).root).toEqual(EMPTY_ROOT)
  })

  it("produces the reference inclusion and consistency proofs", () => {
    const leaves = RFC_LEAVES.map((l) => leafHash(hex(l)))
    const hashOf = rangeHashOf(leaves)
    const path = [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"
    ]
    expect(hexes(auditPath(hashOf, 0, 8))).toEqual(path)
    expect(hexes(auditPath(hashOf, 5, 8))).toEqual([
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"
    ])
    expect(hexes(consistencyPath(hashOf, 1, 8))).toEqual(path)
    expect(hexes(consistencyPath(hashOf, 6, 8))).toEqual([
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"
    ])
    expect(hexes(consistencyPath(hashOf, 2, 5))).toEqual([
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"
    ])
  })
})

describe("inclusion proofs (RFC 9162 §2.1.3)", () => {
  const leaves = leavesOf(64)
  const log = new MerkleLog()
  for (const l of leaves) log.append(l)

  it("verifies every leaf m in every tree of n ≤ 64 leaves, and refuses each tampered proof", () => {
    let checked = 0
    for (let n = 1; n <= 64; n++) {
      const reference = rangeHashOf(leaves.slice(0, n))
      const head = log.head(n) as TreeHead
      expect(toHex(head.root)).toBe(toHex(reference(0, n)))
      for (let m = 0; m < n; m++) {
        const proof = log.inclusionProof(m, n) ?? []
        expect(hexes(proof)).toEqual(hexes(auditPath(reference, m, n)))
        expect(verifyInclusion(leaves[m] as Hash, m, head, proof), `${m} in ${n}`).toBe(true)
        for (const bad of tamperings(proof))
          expect(verifyInclusion(leaves[m] as Hash, m, head, bad)).toBe(false)
        // Wrong leaf, wrong index, wrong size.
        expect(verifyInclusion(leaves[(m + 1) % 64] as Hash, m, head, proof)).toBe(false)
        if (n > 1) expect(verifyInclusion(leaves[m] as Hash, (m + 1) % n, head, proof)).toBe(false)
        if (n < 64)
          expect(verifyInclusion(leaves[m] as Hash, m, log.head(n + 1) as TreeHead, proof)).toBe(false)
        checked++
      }
    }
    expect(checked).toBe((64 * 65) / 2)
  })

  it("refuses an index outside the tree and a size the log has not reached", () => {
    const head = log.head(8) as TreeHead
    expect(verifyInclusion(leaves[0] as Hash, 8, head, log.inclusionProof(0, 8) ?? [])).toBe(false)
    expect(verifyInclusion(leaves[0] as Hash, -1, head, [])).toBe(false)
    expect(log.inclusionProof(8, 8)).toBeUndefined()
    expect(log.inclusionProof(0, 65)).toBeUndefined()
    expect(log.head(65)).toBeUndefined()
  })

  it("checks a proof against an older tree head after the log has grown", () => {
    const growing = new MerkleLog()
    for (const l of leaves.slice(0, 13)) growing.append(l)
    const oldHead = growing.head() as TreeHead
    for (const l of leaves.slice(13)) growing.append(l)
    // A verifier holding only the old head asks for a proof at that size.
    const proof = growing.inclusionProof(5, oldHead.size) ?? []
    expect(verifyInclusion(leaves[5] as Hash, 5, oldHead, proof)).toBe(true)
    // The proof for the current tree does not verify against the old head, and vice versa.
    const current = growing.inclusionProof(5) ?? []
    expect(verifyInclusion(leaves[5] as Hash, 5, oldHead, current)).toBe(false)
    expect(verifyInclusion(leaves[5] as Hash, 5, growing.head() as TreeHead, proof)).toBe(false)
    expect(verifyInclusion(leaves[5] as Hash, 5, growing.head() as TreeHead, current)).toBe(true)
  })
})

describe("consistency proofs (RFC 9162 §2.1.4)", () => {
  const leaves = leavesOf(64)
  const log = new MerkleLog()
  for (const l of leaves) log.append(l)

  it("verifies every (m, n) with m ≤ n ≤ 64, and refuses each tampered proof and swapped head", () => {
    let checked = 0
    for (let n = 1; n <= 64; n++) {
      const newer = log.head(n) as TreeHead
      for (let m = 0; m <= n; m++) {
        const older = log.head(m) as TreeHead
        const proof = log.consistencyProof(m, n) ?? []
        expect(hexes(proof)).toEqual(hexes(consistencyPath(rangeHashOf(leaves.slice(0, n)), m, n)))
        expect(verifyConsistency(older, newer, proof), `${m} → ${n}`).toBe(true)
        for (const bad of tamperings(proof)) expect(verifyConsistency(older, newer, bad)).toBe(false)
        if (m > 0 && m < n) {
          const forgedOld = { size: m, root: leafHash(hex("ff")) }
          expect(verifyConsistency(forgedOld, newer, proof)).toBe(false)
          expect(verifyConsistency(older, { size: n, root: older.root }, proof)).toBe(false)
          expect(verifyConsistency(newer, older, proof)).toBe(false)
          // The proof to n does not reach the real head at n + 1.
          if (n < 64) expect(verifyConsistency(older, log.head(n + 1) as TreeHead, proof)).toBe(false)
        }
        checked++
      }
    }
    expect(checked).toBe((64 * 65) / 2 + 64)
  })

  it("refuses a tree that rewrote history", () => {
    const honest = new MerkleLog()
    const rewritten = new MerkleLog()
    leaves.slice(0, 20).forEach((l, i) => {
      honest.append(l)
      rewritten.append(i === 7 ? leafHash(hex("bad0")) : l)
    })
    const older = honest.head(10) as TreeHead
    expect(verifyConsistency(older, rewritten.head() as TreeHead, rewritten.consistencyProof(10) ?? [])).toBe(
      false
    )
    expect(verifyConsistency(older, honest.head() as TreeHead, honest.consistencyProof(10) ?? [])).toBe(true)
  })

  it("stays consistent after many appends: every head against every later head at sampled sizes", () => {
    const big = new MerkleLog()
    const frontier = new MerkleFrontier()
    const heads: Array<TreeHead> = []
    for (let i = 0; i < 5000; i++) {
      const l = leafHash(Uint8Array.from([i & 0xff, (i >> 8) & 0xff, 7]))
      big.append(l)
      frontier.append(l)
      if (i % 337 === 0 || i === 4999) {
        const head = frontier.head()
        expect(toHex(head.root)).toBe(toHex((big.head() as TreeHead).root))
        heads.push(head)
      }
    }
    expect(frontier.subtrees.length).toBe([...(5000).toString(2)].filter((b) => b === "1").length)
    for (const older of heads) {
      for (const newer of heads) {
        if (older.size > newer.size) continue
        expect(verifyConsistency(older, newer, big.consistencyProof(older.size, newer.size) ?? [])).toBe(true)
      }
    }
    // The stored tree agrees with the RFC recursion over the leaves.
    const allLeaves = Array.from({ length: 5000 }, (_, i) => big.leaf(i) as Hash)
    expect(toHex(treeHeadOf(allLeaves).root)).toBe(toHex((big.head() as TreeHead).root))
  })

  it("rejects a proof request for sizes out of order or beyond the log", () => {
    expect(log.consistencyProof(5, 4)).toBeUndefined()
    expect(log.consistencyProof(5, 65)).toBeUndefined()
    expect(log.consistencyProof(0, 10)).toEqual([])
    expect(log.consistencyProof(10, 10)).toEqual([])
    expect(verifyConsistency({ size: 0, root: EMPTY_ROOT }, log.head(10) as TreeHead, [])).toBe(true)
    expect(verifyConsistency(log.head(10) as TreeHead, log.head(10) as TreeHead, [])).toBe(true)
    expect(verifyConsistency(log.head(9) as TreeHead, log.head(10) as TreeHead, [])).toBe(false)
  })
})
