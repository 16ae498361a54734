/**
 * Contract of CertificateRepository (54号·四: one registry, numbers allocated inside the issuing transaction),
 * run against the domain's in-memory layerTest and every database of TestDatabases.
 */
import { describe, expect, layer as testLayer } from "@effect/vitest"
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { isCertificateNumber } from "@jineng/domain/codes/CertificateNumber"
import type { SkillLevel } from "@jineng/domain/codes/SkillLevel"
import { Cause, Effect, Either, Exit, Layer, Option } from "effect"
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

    it.effect(
      "concurrent batches sharing several number prefixes in different orders all succeed (no deadlock)",
      () =>
        Effect.gen(function* () {
          const repo = yield* CertificateRepository
          // Levels 3,4,5 and 5,4,3 and the other orders: on PostgreSQL two issuers locking the same serial
          // counters in opposite orders deadlock unless every issuer locks them in one order.
          const orders: ReadonlyArray<ReadonlyArray<SkillLevel>> = [
            [3, 4, 5],
            [5, 4, 3],
            [4, 5, 3],
            [3, 5, 4],
            [5, 3, 4],
            [4, 3, 5]
          ]
          const batchIds = Array.from({ length: 24 }, (_, i) => `mixed-${i}`)
          const draftsOf = (i: number) =>
            Array.from({ length: 30 }, (_, j) =>
              draft(2000 + i * 30 + j, {
                level: orders[i % orders.length]?.[j % 3] ?? 3,
                siteSerial: "000007"
              })
            )
          const exits = yield* Effect.forEach(
            batchIds,
            (id, i) => Effect.exit(repo.issueBatch(id, draftsOf(i))),
            {
              concurrency: "unbounded"
            }
          )
          expect(exits.filter(Exit.isFailure).map((e) => Cause.pretty(e.cause))).toEqual([])
          const batches = exits.flatMap((e) => (Exit.isSuccess(e) ? [e.value] : []))
          expect(batches.every((b) => !b.alreadyIssued)).toBe(true)
          const numbers = batches.flatMap((b) => b.certificates.map((c) => c.number))
          expect(new Set(numbers).size).toBe(24 * 30)
          // Per prefix (site, year, level) the serials are 1…n, without gap.
          const byKey = new Map<string, Array<number>>()
          for (const n of numbers)
            byKey.set(n.slice(0, 16), [...(byKey.get(n.slice(0, 16)) ?? []), Number(n.slice(16))])
          expect([...byKey.keys()].sort()).toEqual([
            "S000032000007243",
            "S000032000007244",
            "S000032000007245"
          ])
          for (const serials of byKey.values()) {
            expect(serials.sort((a, b) => a - b)).toEqual(Array.from({ length: 240 }, (_, k) => k + 1))
          }
          // Within a batch, numbers follow the drafts' order and each prefix's run is contiguous.
          for (const [i, b] of batches.entries()) {
            expect(b.certificates.map((c) => c.holder.name)).toEqual(
              draftsOf(i).map((d) => d.certificate.holder.name)
            )
            const runs = new Map<string, Array<number>>()
            for (const c of b.certificates) {
              runs.set(c.number.slice(0, 16), [
                ...(runs.get(c.number.slice(0, 16)) ?? []),
                Number(c.number.slice(16))
              ])
            }
            for (const run of runs.values()) {
              expect(run).toEqual(Array.from({ length: run.length }, (_, k) => (run[0] ?? 0) + k))
            }
          }
          const stored = yield* Effect.forEach(batchIds, (id) => repo.listByBatch(id))
          expect(
            stored
              .flat()
              .map((c) => c.number)
              .sort()
          ).toEqual([...numbers].sort())
        })
    )

    it.effect("revocations of overlapping numbers in opposite orders all succeed (no deadlock)", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        // More numbers than one statement takes (500): unsorted, the chunks of a list and of its reverse lock
        // the same rows in opposite orders.
        for (let round = 0; round < 3; round++) {
          const batchId = `revoke-many-${round}`
          const issued = yield* repo.issueBatch(
            batchId,
            Array.from({ length: 1200 }, (_, i) =>
              draft(7000 + round * 1200 + i, { level: 1, siteSerial: "000008" })
            )
          )
          const numbers = issued.certificates.map((c) => c.number)
          const lists = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? numbers : [...numbers].reverse()))
          const exits = yield* Effect.forEach(
            lists,
            (list, i) => Effect.exit(repo.revoke(list, revoked(`order-many-${round}-${i}`))),
            { concurrency: "unbounded" }
          )
          expect(exits.filter(Exit.isFailure).map((e) => Cause.pretty(e.cause))).toEqual([])
          const changed = exits.reduce((n, e) => n + (Exit.isSuccess(e) ? e.value : 0), 0)
          expect(changed).toBe(numbers.length)
          expect((yield* repo.listByBatch(batchId)).every((c) => c.status._tag === "revoked")).toBe(true)
        }
      })
    )

    it.effect(
      "a batch id issued by another institution fails with BatchIdTakenByAnotherIssuer and shows nothing of it",
      () =>
        Effect.gen(function* () {
          const repo = yield* CertificateRepository
          const mine = yield* repo.issueBatch("shared-id", [draft(3001), draft(3002)])
          const theirs = yield* Effect.either(
            repo.issueBatch("shared-id", [draft(3003, { institutionId: "inst_2" })])
          )
          expect(Either.isLeft(theirs)).toBe(true)
          if (Either.isLeft(theirs)) {
            expect(theirs.left._tag).toBe("BatchIdTakenByAnotherIssuer")
            expect(theirs.left).toMatchObject({ field: "batchId", batchId: "shared-id" })
            expect(theirs.left.message).toContain("已被其他机构使用")
            expect(JSON.stringify(theirs.left)).not.toContain(draft(3001).certificate.holder.idNumber)
          }
          expect(yield* repo.listByBatch("shared-id")).toEqual(mine.certificates)
          const again = yield* repo.issueBatch("shared-id", [draft(3004)])
          expect(again).toEqual({ certificates: mine.certificates, alreadyIssued: true })
        })
    )

    it.effect("two institutions racing for one batch id: one issues, the other fails and sees nothing", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        for (let round = 0; round < 5; round++) {
          const id = `raced-${round}`
          const [a, b] = yield* Effect.all(
            [
              Effect.either(repo.issueBatch(id, [draft(4000 + round, { institutionId: "inst_a" })])),
              Effect.either(
                repo.issueBatch(id, [
                  draft(4100 + round, { institutionId: "inst_b" }),
                  draft(4200 + round, { institutionId: "inst_b" })
                ])
              )
            ],
            { concurrency: "unbounded" }
          )
          const outcomes = [a, b]
          const won = outcomes.flatMap((o) => (Either.isRight(o) ? [o.right] : []))
          const lost = outcomes.flatMap((o) => (Either.isLeft(o) ? [o.left] : []))
          expect(won).toHaveLength(1)
          expect(won[0]?.alreadyIssued).toBe(false)
          expect(lost.map((e) => e._tag)).toEqual(["BatchIdTakenByAnotherIssuer"])
          const winner = won[0]?.certificates[0]?.issuer.institutionId
          const stored: ReadonlyArray<Certificate> = yield* repo.listByBatch(id)
          expect(stored).toEqual(won[0]?.certificates)
          expect(stored.every((c) => c.issuer.institutionId === winner)).toBe(true)
        }
      })
    )

    it.effect("the same institution racing with itself for one batch id issues it once", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const drafts = [draft(5001), draft(5002)]
        const results = yield* Effect.all(
          Array.from({ length: 4 }, () => repo.issueBatch("self-raced", drafts)),
          { concurrency: "unbounded" }
        )
        expect(results.filter((r) => !r.alreadyIssued)).toHaveLength(1)
        const first = results.find((r) => !r.alreadyIssued)?.certificates
        expect(results.every((r) => JSON.stringify(r.certificates) === JSON.stringify(first))).toBe(true)
        expect(yield* repo.listByBatch("self-raced")).toHaveLength(2)
      })
    )

    it.effect("an empty batch issues and records nothing; drafts of two institutions are a defect", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        expect(yield* repo.issueBatch("empty", [])).toEqual({ certificates: [], alreadyIssued: false })
        const later = yield* repo.issueBatch("empty", [draft(6001, { institutionId: "inst_2" })])
        expect(later.alreadyIssued).toBe(false)
        expect(later.certificates).toHaveLength(1)
        const mixed = yield* Effect.exit(
          repo.issueBatch("two-issuers", [draft(6002), draft(6003, { institutionId: "inst_2" })])
        )
        expect(Exit.isFailure(mixed) && Cause.isDie(mixed.cause)).toBe(true)
        expect(yield* repo.listByBatch("two-issuers")).toEqual([])
      })
    )
  })
})
