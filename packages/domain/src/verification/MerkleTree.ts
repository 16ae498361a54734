/**
 * The transparency log's Merkle tree (issue #7): RFC 6962 / RFC 9162 §2.1 hashing, tree heads, inclusion proofs
 * (audit paths) and consistency proofs with their verification, exactly as the RFC specifies them. Each issuance
 * and revocation of a certificate (54号·四, 54号·五) becomes one leaf: a hash of the event, no personal data.
 * Pure and synchronous (SHA-256 in TypeScript), safe for the browser.
 */
import { bytesEqual, sha256, sha256Prefixed } from "./Sha256.js"

/** A 32-byte SHA-256 hash. */
export type Hash = Uint8Array

/** A tree head: the number of leaves and the Merkle Tree Hash (MTH) over them. */
export interface TreeHead {
  readonly size: number
  readonly root: Hash
}

/** MTH({}) = SHA-256() — the root of the empty tree. */
export const EMPTY_ROOT: Hash = sha256(new Uint8Array(0))

/** Leaf hash: SHA-256(0x00 || leaf) (RFC 9162 §2.1.1). */
export const leafHash = (leaf: Uint8Array): Hash => sha256Prefixed(0x00, leaf)

/** Interior node hash: SHA-256(0x01 || left || right) (RFC 9162 §2.1.1). */
export const nodeHash = (left: Hash, right: Hash): Hash => sha256Prefixed(0x01, left, right)

/** The largest power of two strictly smaller than n (n ≥ 2). */
export const splitPoint = (n: number): number => {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

/** The hash of the subtree over leaves [start, end), supplied by a tree store. */
export type RangeHash = (start: number, end: number) => Hash

/** MTH(D[start:end]) computed from the leaf hashes by the RFC's recursion (O(n) node hashes). */
export const rangeHashOf =
  (leafHashes: ReadonlyArray<Hash>): RangeHash =>
  (start, end) => {
    const mth = (s: number, e: number): Hash => {
      if (e - s === 1) return leafHashes[s] as Hash
      const k = splitPoint(e - s)
      return nodeHash(mth(s, s + k), mth(s + k, e))
    }
    return end === start ? EMPTY_ROOT : mth(start, end)
  }

/** The tree head of a list of leaf hashes. */
export const treeHeadOf = (leafHashes: ReadonlyArray<Hash>): TreeHead => ({
  size: leafHashes.length,
  root: rangeHashOf(leafHashes)(0, leafHashes.length)
})

/**
 * PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path of leaf m in the tree of the first n leaves, deepest sibling
 * first. Undefined when m ≥ n.
 */
export const auditPath = (hashOf: RangeHash, m: number, n: number): ReadonlyArray<Hash> | undefined => {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || m >= n) return undefined
  const path: Array<Hash> = []
  // Walk down from the root, collecting siblings; the RFC appends them on the way back up, so reverse.
  let start = 0
  let end = n
  let index = m
  while (end - start > 1) {
    const k = splitPoint(end - start)
    if (index < k) {
      path.push(hashOf(start + k, end))
      end = start + k
    } else {
      path.push(hashOf(start, start + k))
      start += k
      index -= k
    }
  }
  return path.reverse()
}

/**
 * PROOF(m, D[n]) of RFC 9162 §2.1.4.1: the consistency proof that the tree of the first m leaves is a prefix of
 * the tree of the first n. Empty when m = n or m = 0; undefined when m > n.
 */
export const consistencyPath = (hashOf: RangeHash, m: number, n: number): ReadonlyArray<Hash> | undefined => {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || m > n) return undefined
  if (m === 0 || m === n) return []
  const path: Array<Hash> = []
  // SUBPROOF(m, D[start:end], b), iteratively; collected root-first, then reversed.
  let start = 0
  let end = n
  let sub = m
  let complete = true
  while (sub !== end - start) {
    const k = splitPoint(end - start)
    if (sub <= k) {
      path.push(hashOf(start + k, end))
      end = start + k
    } else {
      path.push(hashOf(start, start + k))
      start += k
      sub -= k
      complete = false
    }
  }
  if (!complete) path.push(hashOf(start, end))
  return path.reverse()
}

const isOdd = (x: number): boolean => x % 2 === 1
/** Exact for all safe integers (bitwise tricks stop at 2^31). */
const isPowerOfTwo = (x: number): boolean => x > 0 && 2 ** Math.round(Math.log2(x)) === x
const half = (x: number): number => Math.floor(x / 2)

/** Verifies an inclusion proof (RFC 9162 §2.1.3.2). */
export const verifyInclusion = (
  leaf: Hash,
  index: number,
  head: TreeHead,
  path: ReadonlyArray<Hash>
): boolean => {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(head.size) || index < 0 || index >= head.size)
    return false
  let fn = index
  let sn = head.size - 1
  let r = leaf
  for (const p of path) {
    if (sn === 0) return false
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r)
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn)
          sn = half(sn)
        }
      }
    } else {
      r = nodeHash(r, p)
    }
    fn = half(fn)
    sn = half(sn)
  }
  return sn === 0 && bytesEqual(r, head.root)
}

/**
 * Verifies a consistency proof between two tree heads (RFC 9162 §2.1.4.2). Equal sizes need an empty proof and
 * equal roots; the empty tree is consistent with every tree (empty proof).
 */
export const verifyConsistency = (older: TreeHead, newer: TreeHead, proof: ReadonlyArray<Hash>): boolean => {
  const first = older.size
  const second = newer.size
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second)
    return false
  if (first === 0) return proof.length === 0 && bytesEqual(older.root, EMPTY_ROOT)
  if (first === second) return proof.length === 0 && bytesEqual(older.root, newer.root)
  if (proof.length === 0) return false
  // A power of two: the old root is itself a node of the new tree, the proof's implicit first element.
  const path = isPowerOfTwo(first) ? [older.root, ...proof] : proof
  let fn = first - 1
  let sn = second - 1
  while (isOdd(fn)) {
    fn = half(fn)
    sn = half(sn)
  }
  let fr = path[0] as Hash
  let sr = fr
  for (let i = 1; i < path.length; i++) {
    const c = path[i] as Hash
    if (sn === 0) return false
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr)
      sr = nodeHash(c, sr)
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn)
          sn = half(sn)
        }
      }
    } else {
      sr = nodeHash(sr, c)
    }
    fn = half(fn)
    sn = half(sn)
  }
  return bytesEqual(fr, older.root) && bytesEqual(sr, newer.root) && sn === 0
}

/**
 * The compact appender: keeps only the frontier — the roots of the complete subtrees that make up the tree, one
 * per set bit of the size, O(log n) hashes — so each append costs one leaf hash and, amortized, one node hash.
 * Enough to compute every tree head while appending; proofs need the stored levels of `MerkleLog`.
 */
export class MerkleFrontier {
  /** frontier[k] is the root of a complete subtree of 2^k leaves, present when bit k of the size is set. */
  private readonly frontier: Array<Hash | undefined> = []
  private count = 0

  get size(): number {
    return this.count
  }

  /** The frontier hashes, smallest subtree first (what a store would persist to resume appending). */
  get subtrees(): ReadonlyArray<Hash> {
    return this.frontier.filter((h): h is Hash => h !== undefined)
  }

  /** Appends a leaf hash (already `leafHash`ed). */
  append(leaf: Hash): void {
    let carry = leaf
    let k = 0
    while (this.frontier[k] !== undefined) {
      carry = nodeHash(this.frontier[k] as Hash, carry)
      this.frontier[k] = undefined
      k++
    }
    this.frontier[k] = carry
    this.count++
  }

  /** The current tree head: fold the frontier from the smallest subtree up (the RFC's right-heavy split). */
  head(): TreeHead {
    let root: Hash | undefined
    for (const h of this.frontier) {
      if (h !== undefined) root = root === undefined ? h : nodeHash(h, root)
    }
    return { size: this.count, root: root ?? EMPTY_ROOT }
  }
}

/** A growable flat array of 32-byte hashes. */
class HashColumn {
  bytes = new Uint8Array(32 * 16)
  length = 0

  push(h: Hash): void {
    if ((this.length + 1) * 32 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2)
      grown.set(this.bytes)
      this.bytes = grown
    }
    this.bytes.set(h, this.length * 32)
    this.length++
  }

  at(i: number): Hash {
    return this.bytes.subarray(i * 32, i * 32 + 32)
  }
}

/**
 * The append-only log with stored levels: level k holds the hash of every complete, aligned subtree of 2^k leaves
 * (about 2n hashes in flat byte arrays, 64 MB at 1M leaves). Append is amortized O(1) hashing (the frontier is the
 * last, unpaired node of each level). Any subtree the RFC recursion asks for is either a stored node (its left
 * parts are always aligned and complete) or the right edge, rebuilt from O(log n) stored nodes; so a tree head,
 * an inclusion proof or a consistency proof for ANY earlier size costs O(log n) node hashes.
 */
export class MerkleLog {
  private readonly levels: Array<HashColumn> = [new HashColumn()]

  get size(): number {
    return (this.levels[0] as HashColumn).length
  }

  /** Appends a leaf hash; returns its index. */
  append(leaf: Hash): number {
    const index = this.size
    let node = leaf
    let k = 0
    for (;;) {
      let level = this.levels[k]
      if (level === undefined) {
        level = new HashColumn()
        this.levels.push(level)
      }
      level.push(node)
      if (level.length % 2 === 1) break
      node = nodeHash(level.at(level.length - 2), node)
      k++
    }
    return index
  }

  /** The stored hash of leaf i. */
  leaf(i: number): Hash | undefined {
    return i >= 0 && i < this.size ? (this.levels[0] as HashColumn).at(i) : undefined
  }

  /** MTH(D[start:end]) from stored nodes (start aligned as the RFC recursion always leaves it). */
  readonly rangeHash: RangeHash = (start, end) => {
    const n = end - start
    if (n === 0) return EMPTY_ROOT
    // A complete, aligned subtree is stored.
    if (isPowerOfTwo(n) && start % n === 0) {
      const k = Math.round(Math.log2(n))
      const level = this.levels[k]
      if (level !== undefined && start / n < level.length) return level.at(start / n)
    }
    const k = splitPoint(n)
    return nodeHash(this.rangeHash(start, start + k), this.rangeHash(start + k, end))
  }

  /** The tree head at `size` (default: now). Undefined for a size the log has not reached. */
  head(size: number = this.size): TreeHead | undefined {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) return undefined
    return { size, root: this.rangeHash(0, size) }
  }

  /** The audit path of leaf `index` in the tree of `size` leaves (default: now). */
  inclusionProof(index: number, size: number = this.size): ReadonlyArray<Hash> | undefined {
    return size > this.size ? undefined : auditPath(this.rangeHash, index, size)
  }

  /** The consistency proof from the tree of `older` leaves to the tree of `newer` (default: now). */
  consistencyProof(older: number, newer: number = this.size): ReadonlyArray<Hash> | undefined {
    return newer > this.size ? undefined : consistencyPath(this.rangeHash, older, newer)
  }
}
