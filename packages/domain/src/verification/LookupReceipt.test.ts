import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { signReceipt, verifyReceipt } from "./LookupReceipt.js"
import { leafHash, MerkleLog, type TreeHead } from "./MerkleTree.js"
import { generateSigningKey } from "./Signature.js"

const NUMBER = "S000032000001243000001" as never

describe("signed lookup receipts (54号·四, 54号·五)", () => {
  it.effect("a receipt verifies and records status, tree head, time and the asking organisation", () =>
    Effect.gen(function* () {
      const key = yield* generateSigningKey("k1", "2026-01-01")
      const log = new MerkleLog()
      log.append(leafHash(Uint8Array.of(1)))
      const receipt = yield* signReceipt(
        {
          number: NUMBER,
          status: "revoked",
          revokedOn: "2026-11-20",
          record: new Uint8Array(32).fill(7),
          head: log.head() as TreeHead,
          requestedBy: "org-employer-1"
        },
        key.signing,
        Date.parse("2026-11-26T08:00:00.000Z")
      )
      expect(receipt).toMatchObject({ status: "revoked", treeSize: 1, requestedBy: "org-employer-1" })
      expect(receipt.checkedAt).toBe("2026-11-26T08:00:00.000Z")
      expect((yield* verifyReceipt(JSON.parse(JSON.stringify(receipt)), [key.verification])).outcome).toBe(
        "verified"
      )
      for (const tampered of [
        { ...receipt, status: "valid" },
        { ...receipt, revokedOn: null },
        { ...receipt, requestedBy: "org-other" },
        { ...receipt, treeSize: 2 }
      ])
        expect((yield* verifyReceipt(tampered, [key.verification])).failures.map((f) => f.code)).toEqual([
          "bad_signature"
        ])
      expect(
        (yield* verifyReceipt({ ...receipt, checkedAt: "2026-11-27T08:00:00.000Z" }, [key.verification]))
          .failures[0]?.code
      ).toBe("signing_date_mismatch")
      expect(
        (yield* verifyReceipt({ ...receipt, status: "lost" }, [key.verification])).failures[0]?.code
      ).toBe("malformed_receipt")
    })
  )
})
