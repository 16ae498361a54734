import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { leafHash, MerkleLog, type TreeHead, verifyConsistency } from "./MerkleTree.js"
import { generateSigningKey } from "./Signature.js"
import { signTreeHead, treeHeadOf, verifySignedTreeHead } from "./SignedTreeHead.js"

const at = (iso: string) => Date.parse(iso)

describe("signed tree heads (54号·四)", () => {
  it.effect("a signed head verifies, holds the registry to its root, and chains by consistency", () =>
    Effect.gen(function* () {
      const key = yield* generateSigningKey("k1", "2026-01-01")
      const log = new MerkleLog()
      for (let i = 0; i < 10; i++) log.append(leafHash(Uint8Array.of(i)))
      const older = yield* signTreeHead(log.head() as TreeHead, key.signing, at("2026-11-26T01:00:00.000Z"))
      for (let i = 10; i < 37; i++) log.append(leafHash(Uint8Array.of(i)))
      const newer = yield* signTreeHead(log.head() as TreeHead, key.signing, at("2026-11-26T02:00:00.000Z"))
      for (const h of [older, newer])
        expect((yield* verifySignedTreeHead(JSON.parse(JSON.stringify(h)), [key.verification])).outcome).toBe(
          "verified"
        )
      expect(newer.signedOn).toBe("2026-11-26")
      const proof = log.consistencyProof(10, 37) ?? []
      expect(verifyConsistency(treeHeadOf(older), treeHeadOf(newer), proof)).toBe(true)
      // A rewritten history: a head over a different tree of the same size is inconsistent with the older head.
      const forked = new MerkleLog()
      for (let i = 0; i < 37; i++) forked.append(leafHash(Uint8Array.of(i === 3 ? 99 : i)))
      const fork = yield* signTreeHead(forked.head() as TreeHead, key.signing, at("2026-11-26T03:00:00.000Z"))
      expect(
        verifyConsistency(treeHeadOf(older), treeHeadOf(fork), forked.consistencyProof(10, 37) ?? [])
      ).toBe(false)
    })
  )

  it.effect("a changed size, root or time, a wrong key and a mismatched date are refused", () =>
    Effect.gen(function* () {
      const key = yield* generateSigningKey("k1", "2026-01-01")
      const other = yield* generateSigningKey("k1", "2026-01-01")
      const log = new MerkleLog()
      for (let i = 0; i < 5; i++) log.append(leafHash(Uint8Array.of(i)))
      // 2026-11-26T17:00Z is already the 27th in Beijing.
      const head = yield* signTreeHead(log.head() as TreeHead, key.signing, at("2026-11-26T17:00:00.000Z"))
      expect(head.signedOn).toBe("2026-11-27")
      const codes = function* (input: unknown, keys = [key.verification]) {
        const d = yield* verifySignedTreeHead(input, keys)
        return d.failures.map((f) => f.code)
      }
      expect(yield* codes({ ...head, size: 6 })).toEqual(["bad_signature"])
      expect(
        yield* codes({ ...head, root: head.root.replace(/^./, head.root[0] === "A" ? "B" : "A") })
      ).toEqual(["bad_signature"])
      expect(yield* codes({ ...head, timestamp: "2026-11-26T17:00:01.000Z" })).toEqual(["bad_signature"])
      expect(yield* codes({ ...head, timestamp: "2026-11-26T15:00:00.000Z" })).toEqual([
        "signing_date_mismatch"
      ])
      expect(yield* codes(head, [other.verification])).toEqual(["bad_signature"])
      expect(yield* codes({ ...head, size: -1 })).toEqual(["malformed_tree_head"])
      expect(yield* codes({ ...head, root: "AAAA" })).toEqual(["malformed_tree_head"])
      const d = yield* verifySignedTreeHead({ ...head, size: 6 }, [key.verification])
      expect(d.failures[0]?.message).toContain("日志树头")
    })
  )
})
