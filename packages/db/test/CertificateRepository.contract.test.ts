/**
 * Contract of CertificateRepository (54号·四: one registry, numbers allocated inside the issuing transaction),
 * run against the domain's in-memory layerTest and every database of TestDatabases.
 */
import { describe, expect, layer as testLayer } from "@effect/vitest"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { isCertificateNumber } from "@jineng/domain/codes/CertificateNumber"
import { Effect, Layer, Option } from "effect"
import { SqlCertificateRepository } from "../src/certificate/SqlCertificateRepository.js"
import { draft } from "./fixtures.js"
import { targets } from "./TestDatabases.js"

const implementations = [
  { name: "in-memory layerTest", layer: () => CertificateRepository.layerTest() },
  ...targets.map((t) => ({
    name: t.name,
    layer: () => Layer.fresh(SqlCertificateRepository.layer).pipe(Layer.provide(t.layer()))
  }))
]

const revoked = (orderId: string, revokedOn = "2025-01-02") =>
  ({ _tag: "revoked", revokedOn, reason: "irregular_issuance", orderId }) as const

describe.each(implementations)("54号·四 CertificateRepository contract — $name", ({ layer }) => {
  testLayer(layer(), { timeout: 60_000 })((it) => {
    it.effect("issues a batch with numbers allocated from 000001 in the 22-character layout", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const issued = yield* repo.issueBatch("batch-a", [draft(1), draft(2), draft(3, { level: 4 })])
        expect(issued.alreadyIssued).toBe(false)
        expect(issued.certificates.map((c) => c.number)).toEqual([
          "S000032000001243000001",
          "S000032000001243000002",
          "S000032000001244000001"
        ])
        expect(issued.certificates.every((c) => isCertificateNumber(c.number))).toBe(true)
        const found = yield* repo.findByNumber("S000032000001243000002")
        expect(Option.getOrThrow(found)).toEqual(issued.certificates[1])
        expect(Option.getOrThrow(found).batchId).toBe("batch-a")
        expect(Option.getOrThrow(found).status).toEqual({ _tag: "valid" })
      })
    )

    it.effect("a retried batch id creates nothing new and returns the first issue", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const again = yield* repo.issueBatch("batch-a", [draft(9), draft(10)])
        expect(again.alreadyIssued).toBe(true)
        expect(again.certificates.map((c) => c.holder.name)).toEqual(["持证人1", "持证人2", "持证人3"])
        expect(yield* repo.listByBatch("batch-a")).toHaveLength(3)
      })
    )

    it.effect("continues serials across batches and restarts them per year, level and site", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const issued = yield* repo.issueBatch("batch-b", [
          draft(4),
          draft(5, { issuedOn: "2025-03-01" }),
          draft(6, { siteSerial: "000002" })
        ])
        expect(issued.certificates.map((c) => c.number)).toEqual([
          "S000032000001243000003",
          "S000032000001253000001",
          "S000032000002243000001"
        ])
      })
    )

    it.effect("finds certificates by holder ID number", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const mine = yield* repo.findByHolderId(draft(2).certificate.holder.idNumber)
        expect(mine.map((c) => c.number)).toEqual(["S000032000001243000002"])
        expect(yield* repo.findByNumber("S000032000001243999999")).toEqual(Option.none())
      })
    )

    it.effect(
      "54号·五 revocation changes valid certificates only; revoked is final with its first reason",
      () =>
        Effect.gen(function* () {
          const repo = yield* CertificateRepository
          const n = yield* repo.revoke(
            ["S000032000001243000001", "S000032000001243999999"],
            revoked("order-1")
          )
          expect(n).toBe(1)
          const again = yield* repo.revoke(
            ["S000032000001243000001", "S000032000001243000002"],
            revoked("order-2", "2025-02-02")
          )
          expect(again).toBe(1)
          const first = Option.getOrThrow(yield* repo.findByNumber("S000032000001243000001"))
          expect(first.status).toEqual(revoked("order-1"))
          const second = Option.getOrThrow(yield* repo.findByNumber("S000032000001243000002"))
          expect(second.status).toEqual(revoked("order-2", "2025-02-02"))
        })
    )

    it.effect("concurrent issuers never share a number and lose no certificate", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const batches = yield* Effect.forEach(
          Array.from({ length: 8 }, (_, i) => i),
          (i) =>
            repo.issueBatch(
              `concurrent-${i}`,
              Array.from({ length: 25 }, (_, j) => draft(100 + i * 25 + j, { level: 2 }))
            ),
          { concurrency: "unbounded" }
        )
        const numbers = batches.flatMap((b) => b.certificates.map((c) => c.number))
        expect(numbers).toHaveLength(200)
        expect(new Set(numbers).size).toBe(200)
        const serials = numbers.map((n) => Number(n.slice(16))).sort((a, b) => a - b)
        expect(serials[0]).toBe(1)
        expect(serials[199]).toBe(200)
      })
    )
  })
})
