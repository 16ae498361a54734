/**
 * The registry hashes the transparency log's leaves with node:crypto (transparency/LogHashing): every record
 * digest and leaf hash must be the domain's own (verification/SignedRecord.recordDigest,
 * verification/LogEvent.eventLeafHash), byte for byte — for plain records, for names outside the Basic
 * Multilingual Plane, with quotes, backslashes and control characters, an unpaired surrogate, without a 工种.
 */
import { describe, expect, it } from "@effect/vitest"
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { eventLeafHash, issuedEvent, revokedEvent } from "@jineng/domain/verification/LogEvent"
import { toHex } from "@jineng/domain/verification/Sha256"
import { publicRecordOfCertificate, recordDigest } from "@jineng/domain/verification/SignedRecord"
import { issuedLeaf, recordDigestOf, revokedLeaf } from "../src/transparency/LogHashing.js"
import { draft } from "./fixtures.js"

const NAMES = [
  "张三",
  "𠮷野家",
  'O"Brien\\李',
  "line\nbreak\ttab\u0001",
  "lone\ud800surrogate",
  "é́ combining",
  "ＡＢＣ"
]

const certificate = (n: number): Certificate => {
  const d = draft(n, {
    level: ((n % 5) + 1) as 1 | 2 | 3 | 4 | 5,
    issuedOn: `202${n % 6}-0${1 + (n % 9)}-1${n % 10}`
  })
  const c = d.certificate
  return {
    ...c,
    number: `S000032000001${n % 6}0${(n % 5) + 1}${String(n + 1).padStart(6, "0")}`,
    holder: { ...c.holder, name: `${NAMES[n % NAMES.length]}${n}` },
    occupation:
      n % 3 === 0
        ? { code: c.occupation.code, name: c.occupation.name }
        : { ...c.occupation, workType: `工种"${n}"` },
    issuer: { ...c.issuer, name: `${NAMES[(n + 3) % NAMES.length]}评价中心` },
    batchId: `batch-${n}`,
    status: { _tag: "valid" }
  } as Certificate
}

describe("transparency log leaf hashing (node:crypto) equals the domain's", () => {
  it("record digests and issued leaves, over varied records", () => {
    for (let n = 0; n < 500; n++) {
      const c = certificate(n)
      const record = publicRecordOfCertificate(c)
      const prepared = issuedLeaf(c)
      expect(toHex(recordDigestOf(record))).toBe(toHex(recordDigest(record)))
      expect(toHex(prepared.digest ?? new Uint8Array(0))).toBe(toHex(recordDigest(record)))
      expect(toHex(prepared.leaf)).toBe(toHex(eventLeafHash(issuedEvent(record))))
      expect([prepared.number, prepared.kind, prepared.on]).toEqual([c.number, "issued", c.issuedOn])
    }
  })

  it("revoked leaves", () => {
    for (let n = 0; n < 200; n++) {
      const c = certificate(n)
      const on = `2026-0${1 + (n % 9)}-2${n % 10}`
      const prepared = revokedLeaf(c.number, on)
      expect(toHex(prepared.leaf)).toBe(toHex(eventLeafHash(revokedEvent(c.number, on))))
      expect(prepared.digest).toBeNull()
    }
  })

  it("an issued and a revoked leaf of one certificate differ, and so do two dates", () => {
    const c = certificate(7)
    const leaves = [
      issuedLeaf(c).leaf,
      revokedLeaf(c.number, c.issuedOn).leaf,
      revokedLeaf(c.number, "2026-01-01").leaf
    ]
    expect(new Set(leaves.map(toHex)).size).toBe(3)
  })
})
