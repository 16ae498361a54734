/**
 * Transparency-log benchmark (issue #7): append 1,000,000 leaves (target ≥ 50,000 appends/s, each append hashing
 * the event into its leaf hash) and produce + verify inclusion proofs at 1M leaves (target ≤ 1 ms per proof).
 * Proofs come from the stored level hashes of `MerkleLog` (every complete aligned subtree, ~2n hashes in flat
 * byte arrays): a proof reads O(log n) stored nodes and rebuilds at most one right-edge subtree, O(log n) hashes.
 * Run: `node --conditions=@jineng/source --import tsx bench/verification.bench.ts` in packages/domain.
 */

import { toBase64Url } from "../src/verification/Encoding.js"
import { eventLeafHash } from "../src/verification/LogEvent.js"
import {
  type Hash,
  leafHash,
  MerkleFrontier,
  MerkleLog,
  type TreeHead,
  verifyConsistency,
  verifyInclusion
} from "../src/verification/MerkleTree.js"
import { sha256 } from "../src/verification/Sha256.js"
import {
  headFrom,
  inclusionProofFrom,
  type NodeId,
  nodeKey,
  nodeMap,
  nodesForHead,
  nodesForInclusion,
  type StoredNode,
  StoredTreeAppender
} from "../src/verification/StoredTree.js"
import { fmt } from "./measure.js"

const N = 1_000_000
const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9

/** An event as the log would see it: 32 bytes of event digest plus 8 bytes of sequence number. */
const event = (i: number): Uint8Array => {
  const e = new Uint8Array(40)
  e[0] = i & 0xff
  e[1] = (i >>> 8) & 0xff
  e[2] = (i >>> 16) & 0xff
  e[39] = 0x49
  return e
}

const events = Array.from({ length: N }, (_, i) => event(i))

// SHA-256 raw speed (64-byte messages, the size of a node's children).
{
  const msg = new Uint8Array(64)
  const start = process.hrtime.bigint()
  for (let i = 0; i < 500_000; i++) sha256(msg)
  const s = seconds(start)
  console.log(`sha256 (64-byte message)            ${fmt(500_000 / s).padStart(12)} /s`)
}

// Frontier only: the O(log n) appender.
{
  const frontier = new MerkleFrontier()
  const start = process.hrtime.bigint()
  for (let i = 0; i < N; i++) frontier.append(leafHash(events[i] as Uint8Array))
  const s = seconds(start)
  console.log(
    `frontier append 1M leaves            ${fmt(N / s).padStart(12)} /s  (${s.toFixed(2)} s; target ≥ 50,000/s)`
  )
}

// Stored levels: the log that answers proofs.
const log = new MerkleLog()
{
  const start = process.hrtime.bigint()
  for (let i = 0; i < N; i++) log.append(leafHash(events[i] as Uint8Array))
  const s = seconds(start)
  console.log(
    `log append 1M leaves (stored levels) ${fmt(N / s).padStart(12)} /s  (${s.toFixed(2)} s; target ≥ 50,000/s)`
  )
}

const head = log.head() as TreeHead
{
  const start = process.hrtime.bigint()
  for (let i = 0; i < 1000; i++) log.head(N - i)
  console.log(
    `tree head at any size                ${((seconds(start) / 1000) * 1e6).toFixed(1).padStart(12)} µs`
  )
}

const sample = (count: number, seed: number): Array<number> => {
  let x = seed
  return Array.from({ length: count }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    return x % N
  })
}

const timeProofs = (label: string, indices: ReadonlyArray<number>, at: TreeHead) => {
  let ok = 0
  let pathLength = 0
  const produceStart = process.hrtime.bigint()
  const proofs = indices.map((i) => log.inclusionProof(i, at.size) ?? [])
  const produce = seconds(produceStart)
  const verifyStart = process.hrtime.bigint()
  indices.forEach((i, k) => {
    const proof = proofs[k] as ReadonlyArray<Hash>
    pathLength += proof.length
    if (verifyInclusion(log.leaf(i) as Hash, i, at, proof)) ok++
  })
  const verify = seconds(verifyStart)
  const n = indices.length
  console.log(
    `${label.padEnd(36)} produce ${((produce / n) * 1e6).toFixed(1)} µs + verify ${((verify / n) * 1e6).toFixed(1)} µs ` +
      `= ${(((produce + verify) / n) * 1e3).toFixed(4)} ms/proof (target ≤ 1 ms), ${ok}/${n} verified, ` +
      `${(pathLength / n).toFixed(1)} hashes/path`
  )
  if (ok !== n) throw new Error("proof failed")
}

timeProofs("inclusion proofs at 1,000,000", sample(20_000, 7), head)
const older = log.head(654_321) as TreeHead
timeProofs(
  "inclusion proofs at older 654,321",
  sample(20_000, 11).map((i) => i % older.size),
  older
)

{
  const sizes = sample(2_000, 13).map((s) => Math.max(1, s))
  let ok = 0
  const start = process.hrtime.bigint()
  for (const m of sizes) {
    if (verifyConsistency(log.head(m) as TreeHead, head, log.consistencyProof(m) ?? [])) ok++
  }
  const s = seconds(start)
  console.log(
    `consistency m → 1,000,000 (head + proof + verify) ${((s / sizes.length) * 1e3).toFixed(4)} ms each, ${ok}/${sizes.length} verified`
  )
}

// The registry's path (verification/StoredTree): real certificate events hashed into leaves, appended in batches
// of 10,000 resumed from the frontier (as a database transaction does), every created node kept in a Map standing
// in for the node table; then proofs planned → nodes fetched by key → assembled → verified.
{
  const nodes = new Map<string, StoredNode>()
  const digest = toBase64Url(sha256(Uint8Array.of(1, 2, 3)))
  const numberOf = (i: number) => `S0000320000012430${String(i % 1_000_000).padStart(6, "0")}`
  const BATCH = 10_000
  let size = 0
  const start = process.hrtime.bigint()
  while (size < N) {
    const frontier = nodeMap(nodesForHead(size).map((id) => nodes.get(nodeKey(id)) as StoredNode))
    const appender = new StoredTreeAppender(size, frontier)
    for (let i = 0; i < BATCH; i++)
      appender.append(
        eventLeafHash({
          _tag: "issued",
          number: numberOf(size + i) as never,
          on: "2026-11-26",
          record: digest
        })
      )
    for (const n of appender.created) nodes.set(nodeKey(n), n)
    size = appender.size
  }
  const s = seconds(start)
  console.log(
    `stored-tree append 1M events          ${fmt(N / s).padStart(12)} /s  (${s.toFixed(2)} s, ${fmt(nodes.size)} nodes; target ≥ 50,000/s)`
  )
  const fetch = (ids: ReadonlyArray<NodeId>) => nodeMap(ids.map((id) => nodes.get(nodeKey(id)) as StoredNode))
  const storedHead = headFrom(fetch(nodesForHead(N)), N) as TreeHead
  const times: Array<number> = []
  let ok = 0
  for (const i of sample(20_000, 17)) {
    const t = process.hrtime.bigint()
    const proof = inclusionProofFrom(fetch(nodesForInclusion(i, N)), i, N) ?? []
    if (verifyInclusion(nodes.get(nodeKey({ level: 0, index: i }))?.hash as Hash, i, storedHead, proof)) ok++
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  times.sort((a, b) => a - b)
  console.log(
    `stored-tree inclusion plan+fetch+assemble+verify p50 ${(times[times.length >> 1] as number).toFixed(4)} ms, ` +
      `p99 ${(times[Math.floor(times.length * 0.99)] as number).toFixed(4)} ms (target ≤ 1 ms), ${ok}/${times.length} verified`
  )
}
