/**
 * The transparency log's tree as a registry stores it (issue #7): every complete, aligned subtree is one node
 * addressed by (level, index) — level 0 are the leaf hashes, a node at level k covers leaves
 * [index·2^k, (index+1)·2^k). Appending a leaf adds it and, amortized, one interior node; the frontier (the last
 * node of each level with an odd count, O(log n) of them) is all an appender needs to resume.
 *
 * Proofs are planned before they are read: `nodesFor…` lists the stored nodes a tree head, an inclusion proof or
 * a consistency proof needs (O(log n) of them, for any earlier tree size), a store fetches them in one query, and
 * `…From` assembles the RFC 9162 answer from what was fetched. Pure and synchronous: the same code runs over
 * SQLite, PostgreSQL or memory.
 */
import {
  auditPath,
  consistencyPath,
  EMPTY_ROOT,
  type Hash,
  nodeHash,
  type RangeHash,
  splitPoint,
  type TreeHead
} from "./MerkleTree.js"

/** A stored node: the complete subtree of 2^level leaves starting at leaf index·2^level. */
export interface NodeId {
  readonly level: number
  readonly index: number
}

export interface StoredNode extends NodeId {
  readonly hash: Hash
}

/** A map key for a node. */
export const nodeKey = (node: NodeId): string => `${node.level}:${node.index}`

const isPowerOfTwo = (x: number): boolean => x > 0 && 2 ** Math.round(Math.log2(x)) === x

/**
 * The stored nodes whose hashes make up MTH(D[start:end]) by the RFC's recursion: the complete aligned subtrees
 * the range splits into (the range starts where the recursion leaves it: aligned for its left parts).
 */
export const subtreesOf = (start: number, end: number): ReadonlyArray<NodeId> => {
  const out: Array<NodeId> = []
  const walk = (s: number, e: number): void => {
    const n = e - s
    if (n <= 0) return
    if (isPowerOfTwo(n) && s % n === 0) {
      out.push({ level: Math.round(Math.log2(n)), index: s / n })
      return
    }
    const k = splitPoint(n)
    walk(s, s + k)
    walk(s + k, e)
  }
  walk(start, end)
  return out
}

/** The ranges a proof computation asks for, recorded by running it over a placeholder hash. */
const rangesOf = (run: (hashOf: RangeHash) => unknown): ReadonlyArray<NodeId> => {
  const ids: Array<NodeId> = []
  run((start, end) => {
    ids.push(...subtreesOf(start, end))
    return EMPTY_ROOT
  })
  const seen = new Set<string>()
  return ids.filter((id) => {
    const key = nodeKey(id)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The nodes the tree head of `size` leaves needs (the frontier at that size). */
export const nodesForHead = (size: number): ReadonlyArray<NodeId> => subtreesOf(0, size)

/** The nodes the inclusion proof of leaf `index` in the tree of `size` leaves needs. */
export const nodesForInclusion = (index: number, size: number): ReadonlyArray<NodeId> =>
  rangesOf((hashOf) => auditPath(hashOf, index, size))

/** The nodes the consistency proof from `older` to `newer` leaves needs. */
export const nodesForConsistency = (older: number, newer: number): ReadonlyArray<NodeId> =>
  rangesOf((hashOf) => consistencyPath(hashOf, older, newer))

/** A RangeHash over fetched nodes; undefined when a node the range needs was not fetched. */
const rangeHashFrom = (nodes: ReadonlyMap<string, Hash>) => {
  let missing = false
  const hashOf: RangeHash = (start, end) => {
    const parts = subtreesOf(start, end).map((id) => nodes.get(nodeKey(id)))
    if (parts.length === 0) return EMPTY_ROOT
    if (parts.some((h) => h === undefined)) {
      missing = true
      return EMPTY_ROOT
    }
    // Fold the recursion again, over the fetched subtree hashes in order.
    let i = 0
    const fold = (s: number, e: number): Hash => {
      const n = e - s
      if (isPowerOfTwo(n) && s % n === 0) return parts[i++] as Hash
      const k = splitPoint(n)
      const left = fold(s, s + k)
      return nodeHash(left, fold(s + k, e))
    }
    return fold(start, end)
  }
  return { hashOf, missing: () => missing }
}

/** Nodes by key, from whatever a store fetched. */
export const nodeMap = (nodes: Iterable<StoredNode>): ReadonlyMap<string, Hash> => {
  const map = new Map<string, Hash>()
  for (const n of nodes) map.set(nodeKey(n), n.hash)
  return map
}

/** The tree head of `size` leaves from fetched nodes. */
export const headFrom = (nodes: ReadonlyMap<string, Hash>, size: number): TreeHead | undefined => {
  const r = rangeHashFrom(nodes)
  const root = r.hashOf(0, size)
  return r.missing() ? undefined : { size, root }
}

/** The inclusion proof of leaf `index` in the tree of `size` leaves from fetched nodes. */
export const inclusionProofFrom = (
  nodes: ReadonlyMap<string, Hash>,
  index: number,
  size: number
): ReadonlyArray<Hash> | undefined => {
  const r = rangeHashFrom(nodes)
  const path = auditPath(r.hashOf, index, size)
  return r.missing() ? undefined : path
}

/** The consistency proof between two tree sizes from fetched nodes. */
export const consistencyProofFrom = (
  nodes: ReadonlyMap<string, Hash>,
  older: number,
  newer: number
): ReadonlyArray<Hash> | undefined => {
  const r = rangeHashFrom(nodes)
  const path = consistencyPath(r.hashOf, older, newer)
  return r.missing() ? undefined : path
}

/**
 * Appends leaves to a stored tree: resumed from the size and its frontier (`nodesForHead(size)`, fetched), it
 * returns every node to store — each leaf at level 0 and each interior node completed — and the new head.
 */
export class StoredTreeAppender {
  /** frontier[k]: the last node of level k while that level's count is odd. */
  private readonly frontier: Array<Hash | undefined> = []
  private count: number
  readonly created: Array<StoredNode> = []

  constructor(size: number, frontier: ReadonlyMap<string, Hash>) {
    this.count = size
    for (const id of nodesForHead(size)) {
      const hash = frontier.get(nodeKey(id))
      if (hash === undefined)
        throw new Error(`stored tree: frontier node ${nodeKey(id)} missing at size ${size}`)
      this.frontier[id.level] = hash
    }
  }

  get size(): number {
    return this.count
  }

  /** Appends a leaf hash; returns its index. */
  append(leaf: Hash): number {
    const index = this.count
    this.created.push({ level: 0, index, hash: leaf })
    let carry = leaf
    let k = 0
    let at = index
    while (this.frontier[k] !== undefined) {
      carry = nodeHash(this.frontier[k] as Hash, carry)
      this.frontier[k] = undefined
      k++
      at = Math.floor(at / 2)
      this.created.push({ level: k, index: at, hash: carry })
    }
    this.frontier[k] = carry
    this.count++
    return index
  }

  /** The head after the appends so far. */
  head(): TreeHead {
    let root: Hash | undefined
    for (const h of this.frontier) if (h !== undefined) root = root === undefined ? h : nodeHash(h, root)
    return { size: this.count, root: root ?? EMPTY_ROOT }
  }
}
