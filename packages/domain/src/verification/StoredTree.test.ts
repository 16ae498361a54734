import { describe, expect, it } from "vitest"
import { type Hash, leafHash, MerkleLog, verifyConsistency, verifyInclusion } from "./MerkleTree.js"
import { toHex } from "./Sha256.js"
import {
  consistencyProofFrom,
  headFrom,
  inclusionProofFrom,
  type NodeId,
  nodeKey,
  nodeMap,
  nodesForConsistency,
  nodesForHead,
  nodesForInclusion,
  type StoredNode,
  StoredTreeAppender,
  subtreesOf
} from "./StoredTree.js"

const leaf = (i: number) => leafHash(Uint8Array.of(i & 0xff, (i >> 8) & 0xff, 7))

/** A store: every node the appender created, by key, plus counts of what was read. */
const buildStore = (sizes: ReadonlyArray<number>) => {
  const nodes = new Map<string, StoredNode>()
  const oracle = new MerkleLog()
  let size = 0
  for (const batch of sizes) {
    const frontier = nodeMap(nodesForHead(size).map((id) => nodes.get(nodeKey(id)) as StoredNode))
    const appender = new StoredTreeAppender(size, frontier)
    for (let i = 0; i < batch; i++) {
      appender.append(leaf(size + i))
      oracle.append(leaf(size + i))
    }
    for (const n of appender.created) {
      expect(nodes.has(nodeKey(n))).toBe(false)
      nodes.set(nodeKey(n), n)
    }
    size += batch
    expect(toHex(appender.head().root)).toBe(toHex((oracle.head() as { root: Hash }).root))
  }
  const fetch = (ids: ReadonlyArray<NodeId>) => nodeMap(ids.map((id) => nodes.get(nodeKey(id)) as StoredNode))
  return { nodes, oracle, size, fetch }
}

describe("the stored tree (RFC 9162 over nodes addressed by level and index)", () => {
  it("resumed appends in uneven batches store each complete subtree once and match the in-memory log", () => {
    const { nodes, size } = buildStore([1, 2, 5, 13, 64, 1, 100, 33])
    expect(size).toBe(219)
    // Level k holds floor(n / 2^k) nodes: 2n − popcount(n) nodes in all.
    const popcount = size.toString(2).replaceAll("0", "").length
    expect(nodes.size).toBe(2 * size - popcount)
  })

  it("splits a range into complete aligned subtrees, as the RFC recursion does", () => {
    expect(subtreesOf(0, 7)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 }
    ])
    expect(subtreesOf(8, 16)).toEqual([{ level: 3, index: 1 }])
    expect(subtreesOf(3, 3)).toEqual([])
    // O(log n) nodes for any head.
    expect(nodesForHead(1_000_000).length).toBe(7)
    expect(nodesForHead(2 ** 40 - 1).length).toBe(40)
  })

  it("answers heads, inclusion and consistency proofs for every earlier size from planned nodes only", () => {
    const { oracle, size, fetch } = buildStore([17, 40, 3, 60])
    for (let n = 1; n <= size; n++) {
      const head = headFrom(fetch(nodesForHead(n)), n)
      expect(head && toHex(head.root)).toBe(toHex((oracle.head(n) as { root: Hash }).root))
      for (const i of [0, Math.floor(n / 2), n - 1]) {
        const ids = nodesForInclusion(i, n)
        expect(ids.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n + 1)) + 1)
        const path = inclusionProofFrom(fetch(ids), i, n)
        expect(path?.map(toHex)).toEqual(oracle.inclusionProof(i, n)?.map(toHex))
        expect(verifyInclusion(leaf(i), i, head as never, path ?? [])).toBe(true)
      }
    }
    for (let m = 0; m <= size; m += 7)
      for (const n of [m, Math.min(size, m + 1), size]) {
        const proof = consistencyProofFrom(fetch(nodesForConsistency(m, n)), m, n)
        expect(proof?.map(toHex)).toEqual(oracle.consistencyProof(m, n)?.map(toHex))
        expect(verifyConsistency(oracle.head(m) as never, oracle.head(n) as never, proof ?? [])).toBe(true)
      }
  })

  it("says undefined when a planned node was not fetched, never a wrong proof", () => {
    const { fetch } = buildStore([50])
    const ids = nodesForInclusion(10, 50)
    const partial = fetch(ids.slice(1))
    expect(inclusionProofFrom(partial, 10, 50)).toBeUndefined()
    expect(headFrom(fetch(nodesForHead(50).slice(1)), 50)).toBeUndefined()
    expect(consistencyProofFrom(fetch([]), 3, 50)).toBeUndefined()
  })

  it("refuses to resume without the frontier", () => {
    expect(() => new StoredTreeAppender(5, new Map())).toThrow("frontier node")
    expect(new StoredTreeAppender(0, new Map()).head().size).toBe(0)
  })
})
