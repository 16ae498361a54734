/**
 * The transparency log (issue #7) on every database of TestDatabases: every issuance (54号·四) and revocation
 * (54号·五) appends its leaves inside the certificate repository's own transactions — none on an idempotent
 * retry or a rolled-back transaction, one per certificate actually revoked — and the stored tree answers heads,
 * inclusion proofs (also against older heads) and consistency proofs that the domain's RFC 9162 verifiers accept
 * and that equal the domain's in-memory MerkleLog over the same events. The tables are append-only in the
 * database itself; each issuer's status list follows its certificates' revocations.
 */
import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { describe, expect, layer as testLayer } from "@effect/vitest"
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { toBase64Url } from "@jineng/domain/verification/Encoding"
import { eventLeafHash } from "@jineng/domain/verification/LogEvent"
import { verifyConsistency, verifyInclusion } from "@jineng/domain/verification/MerkleTree"
import type { SignedTreeHead } from "@jineng/domain/verification/SignedTreeHead"
import { TransparencyLogRepository } from "@jineng/domain/verification/TransparencyLogRepository"
import { Cause, Effect, Either, Exit, Layer, Option } from "effect"
import { toRow } from "../src/certificate/CertificateRow.js"
import { SqlCertificateRepository } from "../src/certificate/SqlCertificateRepository.js"
import { LOG_APPEND_ONLY_MESSAGE, LOG_SIZE_MESSAGE } from "../src/migrations/0017_create_transparency_log.js"
import * as LogAppender from "../src/transparency/LogAppender.js"
import { revokedLeaf } from "../src/transparency/LogHashing.js"
import { SqlTransparencyLogRepository } from "../src/transparency/SqlTransparencyLogRepository.js"
import { draft } from "./fixtures.js"
import { hex, hexes, issued, Oracle, oracleOfStored, revoked } from "./LogOracle.js"
import { targets } from "./TestDatabases.js"

const revokedStatus = (orderId: string, revokedOn = "2025-01-02") =>
  ({ _tag: "revoked", revokedOn, reason: "irregular_issuance", orderId }) as const

/** The statement fails with the guard's message (the driver's error, under the SqlError). */
const expectRefused = <A, R>(statement: Effect.Effect<A, SqlError, R>, message = LOG_APPEND_ONLY_MESSAGE) =>
  Effect.map(Effect.flip(statement), (error) => {
    expect(error.cause).toBeInstanceOf(Error)
    expect((error.cause as Error).message).toContain(message)
  })

/** Sizes where the tree's shape changes (powers of two and their neighbours), up to n. */
const interestingSizes = (n: number): ReadonlyArray<number> => {
  const sizes = new Set<number>([0, 1, 2, 3, n - 1, n])
  for (let p = 2; p <= n; p *= 2) for (const s of [p - 1, p, p + 1]) if (s <= n) sizes.add(s)
  for (let s = 0; s <= n; s += 37) sizes.add(s)
  return [...sizes].filter((s) => s >= 0 && s <= n).sort((a, b) => a - b)
}

describe.each(targets)("transparency log — $name", ({ layer: database, dialect }) => {
  const ports = Layer.mergeAll(
    Layer.fresh(SqlCertificateRepository.layer),
    Layer.fresh(SqlTransparencyLogRepository.layer)
  )
  testLayer(ports.pipe(Layer.provideMerge(database())), { timeout: 120_000 })((it) => {
    // The events the registry should have appended so far, in order (the suite's tests build on each other).
    const oracle = new Oracle()
    const batches = new Map<string, ReadonlyArray<Certificate>>()

    const expectHeadIsOracle = Effect.gen(function* () {
      const log = yield* TransparencyLogRepository
      const head = yield* log.head
      expect(head.size).toBe(oracle.log.size)
      expect(hex(head.root)).toBe(hex(oracle.log.head()?.root))
      // the stored entries are the oracle's events, in order
      const stored = yield* oracleOfStored
      expect(stored.events).toEqual(oracle.events)
    })

    it.effect("issuance appends one issued leaf per new certificate, in the issuer's status list order", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const log = yield* TransparencyLogRepository
        expect((yield* log.head).size).toBe(0)
        expect(yield* log.statusList("inst_1")).toEqual(Option.none())
        const a = yield* repo.issueBatch("log-a", [draft(1), draft(2), draft(3, { level: 4 })])
        const b = yield* repo.issueBatch(
          "log-b",
          Array.from({ length: 5 }, (_, i) =>
            draft(10 + i, { institutionId: "inst_2", siteSerial: "000002" })
          )
        )
        const c = yield* repo.issueBatch("log-c", [draft(20), draft(21, { issuedOn: "2025-03-01" })])
        batches.set("log-a", a.certificates)
        batches.set("log-b", b.certificates)
        batches.set("log-c", c.certificates)
        oracle.add(...[...a.certificates, ...b.certificates, ...c.certificates].map(issued))
        yield* expectHeadIsOracle
        const first = a.certificates[0] as Certificate
        const entries = yield* log.entriesOf(first.number)
        expect(entries.map((e) => [e.leafIndex, e.event])).toEqual([[0, issued(first)]])
        expect(entries[0]?.appendedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
        // the leaf carries no personal data: only the number, the date and the record's digest
        expect(JSON.stringify(entries)).not.toContain(first.holder.name)
        expect(JSON.stringify(entries)).not.toContain(first.holder.idNumber)
        // status indices: dense per issuer, in issuance order
        const indices = yield* Effect.forEach(
          [...a.certificates, ...c.certificates, ...b.certificates],
          (x) => log.statusEntryOf(x.number)
        )
        expect(indices.map(Option.getOrThrow)).toEqual([
          ...[0, 1, 2, 3, 4].map((index) => ({ institutionId: "inst_1", index })),
          ...[0, 1, 2, 3, 4].map((index) => ({ institutionId: "inst_2", index }))
        ])
        expect(yield* log.statusList("inst_1")).toEqual(
          Option.some({ institutionId: "inst_1", length: 5, revoked: [] })
        )
        expect(yield* log.statusEntryOf("S000032000001243999999")).toEqual(Option.none())
        expect(yield* log.entriesOf("S000032000001243999999")).toEqual([])
      })
    )

    it.effect("an idempotent retry and an empty batch append nothing", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const again = yield* repo.issueBatch("log-a", [draft(30), draft(31)])
        expect(again.alreadyIssued).toBe(true)
        expect(yield* repo.issueBatch("log-empty", [])).toEqual({ certificates: [], alreadyIssued: false })
        yield* expectHeadIsOracle
      })
    )

    it.effect("a failed or rolled-back issuance appends nothing and allocates no status index", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const log = yield* TransparencyLogRepository
        const sql = yield* SqlClient.SqlClient
        // another institution's batch id
        const taken = yield* Effect.either(repo.issueBatch("log-a", [draft(40, { institutionId: "inst_9" })]))
        expect(Either.isLeft(taken) && taken.left._tag).toBe("BatchIdTakenByAnotherIssuer")
        // an outer transaction that fails after the issuance
        let numbers: ReadonlyArray<string> = []
        const rolledBack = yield* Effect.exit(
          sql.withTransaction(
            Effect.gen(function* () {
              const issuedInside = yield* repo.issueBatch("log-rolled-back", [draft(41), draft(42)])
              numbers = issuedInside.certificates.map((x) => x.number)
              // inside the transaction the leaves are there…
              expect((yield* log.head).size).toBe(oracle.log.size + 2)
              return yield* Effect.fail("审核未通过" as const)
            })
          )
        )
        expect(Exit.isFailure(rolledBack)).toBe(true)
        expect(numbers).toHaveLength(2)
        // … and gone with it
        for (const n of numbers) {
          expect(yield* log.entriesOf(n)).toEqual([])
          expect(yield* log.statusEntryOf(n)).toEqual(Option.none())
        }
        // a certificate INSERT that fails inside issueBatch (its number taken by a row stored around the
        // repository): the transaction, its leaves and status entries roll back
        yield* sql`INSERT INTO certificate_batches ${sql.insert({
          batch_id: "log-outside",
          institution_id: "inst_1",
          certificate_count: 1,
          issued_at: "2024-06-30T00:00:00.000Z"
        })}`
        const outside = toRow({
          ...draft(43, { siteSerial: "000009" }).certificate,
          number: "S000032000009243000001",
          batchId: "log-outside",
          status: { _tag: "valid" }
        } as never)
        yield* sql`INSERT INTO certificates ${sql.insert(outside as never)}`
        const failed = yield* Effect.exit(
          repo.issueBatch("log-collides", [
            draft(44, { siteSerial: "000009" }),
            draft(45, { siteSerial: "000009" })
          ])
        )
        expect(Exit.isFailure(failed) && Cause.isDie(failed.cause)).toBe(true)
        expect(yield* repo.listByBatch("log-collides")).toEqual([])
        yield* expectHeadIsOracle
        expect(yield* log.statusList("inst_1")).toEqual(
          Option.some({ institutionId: "inst_1", length: 5, revoked: [] })
        )
        // the next issuance continues the same tree
        const next = yield* repo.issueBatch("log-d", [draft(46)])
        batches.set("log-d", next.certificates)
        oracle.add(...next.certificates.map(issued))
        yield* expectHeadIsOracle
        expect(Option.getOrThrow(yield* log.statusEntryOf(next.certificates[0]?.number ?? ""))).toEqual({
          institutionId: "inst_1",
          index: 5
        })
        // a certificate stored around the repository is not in the log (the backfill command adds it)
        expect(yield* log.entriesOf(outside.number)).toEqual([])
      })
    )

    it.effect("revoke and revokeBatch append one revoked leaf per certificate they changed", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const log = yield* TransparencyLogRepository
        const [a1, a2, a3] = (batches.get("log-a") ?? []).map((x) => x.number)
        if (a1 === undefined || a2 === undefined || a3 === undefined) throw new Error("log-a missing")
        // one unknown number, listed out of order: two certificates change, in number order
        expect(yield* repo.revoke([a2, "S000032000001243999999", a1], revokedStatus("order-1"))).toBe(2)
        oracle.add(revoked(a1, "2025-01-02"), revoked(a2, "2025-01-02"))
        yield* expectHeadIsOracle
        // already revoked: only a3 changes
        expect(yield* repo.revoke([a1, a3], revokedStatus("order-2", "2025-02-03"))).toBe(1)
        oracle.add(revoked(a3, "2025-02-03"))
        // nothing changes: nothing appended
        expect(yield* repo.revoke([a1, a2], revokedStatus("order-3"))).toBe(0)
        yield* expectHeadIsOracle
        // a whole batch, then again (nothing left to change)
        const b = (batches.get("log-b") ?? []).map((x) => x.number)
        expect(yield* repo.revoke([b[1] ?? ""], revokedStatus("order-4", "2025-03-01"))).toBe(1)
        oracle.add(revoked(b[1] ?? "", "2025-03-01"))
        expect(yield* repo.revokeBatch("log-b", revokedStatus("order-5", "2025-03-02"))).toBe(4)
        oracle.add(...[b[0], b[2], b[3], b[4]].map((n) => revoked(n ?? "", "2025-03-02")))
        expect(yield* repo.revokeBatch("log-b", revokedStatus("order-6", "2025-03-03"))).toBe(0)
        expect(yield* repo.revokeBatch("log-unknown", revokedStatus("order-7"))).toBe(0)
        yield* expectHeadIsOracle
        // a certificate's events: its issuance, then its revocation
        const a1Certificate = batches.get("log-a")?.[0] as Certificate
        expect((yield* log.entriesOf(a1)).map((e) => e.event)).toEqual([
          issued(a1Certificate),
          revoked(a1, "2025-01-02")
        ])
        // a revocation rolled back with its transaction appends nothing
        const sql = yield* SqlClient.SqlClient
        const c1 = batches.get("log-c")?.[0]?.number ?? ""
        const rolledBack = yield* Effect.exit(
          sql.withTransaction(
            Effect.zipRight(repo.revoke([c1], revokedStatus("order-8")), Effect.fail("撤回"))
          )
        )
        expect(Exit.isFailure(rolledBack)).toBe(true)
        expect((yield* log.entriesOf(c1)).map((e) => e.event._tag)).toEqual(["issued"])
        yield* expectHeadIsOracle
        // the certificate stored around the repository has no issued leaf: its revocation waits for the backfill
        expect(yield* repo.revoke(["S000032000009243000001"], revokedStatus("order-9"))).toBe(1)
        expect(yield* log.entriesOf("S000032000009243000001")).toEqual([])
        yield* expectHeadIsOracle
      })
    )

    it.effect("the status lists show each issuer's revoked indices", () =>
      Effect.gen(function* () {
        const log = yield* TransparencyLogRepository
        expect(yield* log.statusList("inst_1")).toEqual(
          Option.some({ institutionId: "inst_1", length: 6, revoked: [0, 1, 2] })
        )
        expect(yield* log.statusList("inst_2")).toEqual(
          Option.some({ institutionId: "inst_2", length: 5, revoked: [0, 1, 2, 3, 4] })
        )
        expect(yield* log.statusList("inst_9")).toEqual(Option.none())
      })
    )

    it.effect(
      "inclusion proofs of every leaf verify against the current head and against every older head",
      () =>
        Effect.gen(function* () {
          const log = yield* TransparencyLogRepository
          const n = oracle.log.size
          expect(n).toBeGreaterThan(15)
          const current = yield* log.head
          for (let size = 1; size <= n; size++) {
            const older = Option.getOrThrow(yield* log.headAt(size))
            expect(hex(older.root)).toBe(hex(oracle.log.head(size)?.root))
            for (let index = 0; index < size; index++) {
              const leaf = eventLeafHash(oracle.events[index] as never)
              const path = Option.getOrThrow(yield* log.inclusionProof(index, size))
              expect(hexes(path)).toEqual(hexes(oracle.log.inclusionProof(index, size) ?? []))
              expect(verifyInclusion(leaf, index, older, path)).toBe(true)
              if (size === n) expect(verifyInclusion(leaf, index, current, path)).toBe(true)
              // the proof of an older head does not verify against another head, nor for another leaf
              if (size < n) expect(verifyInclusion(leaf, index, current, path)).toBe(false)
              if (size > 1) expect(verifyInclusion(leaf, (index + 1) % size, older, path)).toBe(false)
            }
          }
          expect(hex(Option.getOrThrow(yield* log.headAt(0)).root)).toBe(hex(oracle.log.head(0)?.root))
        })
    )

    it.effect("heads and proofs beyond the log, or with indices out of range, are none", () =>
      Effect.gen(function* () {
        const log = yield* TransparencyLogRepository
        const n = oracle.log.size
        expect(yield* log.headAt(n + 1)).toEqual(Option.none())
        expect(yield* log.headAt(-1)).toEqual(Option.none())
        expect(yield* log.headAt(1.5)).toEqual(Option.none())
        expect(yield* log.inclusionProof(n, n)).toEqual(Option.none())
        // the last leaf's path covers only stored nodes: the size itself must be checked
        expect(yield* log.inclusionProof(n, n + 1)).toEqual(Option.none())
        expect(yield* log.inclusionProof(-1, n)).toEqual(Option.none())
        expect(yield* log.consistencyProof(3, n + 1)).toEqual(Option.none())
        expect(yield* log.consistencyProof(n + 1, n + 1)).toEqual(Option.none())
        expect(yield* log.consistencyProof(5, 3)).toEqual(Option.none())
        expect(yield* log.consistencyProof(n, n)).toEqual(Option.some([]))
        expect(yield* log.consistencyProof(0, n)).toEqual(Option.some([]))
      })
    )

    it.effect(
      "after 300 more appends in batches, consistency proofs between many pairs of sizes verify",
      () =>
        Effect.gen(function* () {
          const repo = yield* CertificateRepository
          const log = yield* TransparencyLogRepository
          // uneven batches (a tree's frontier is resumed at every shape), a revocation in between
          let k = 1000
          for (const [i, count] of [1, 2, 3, 7, 16, 31, 64, 100, 76].entries()) {
            const issuedBatch = yield* repo.issueBatch(
              `log-many-${i}`,
              Array.from({ length: count }, () => draft(k++, { level: 2, siteSerial: "000005" }))
            )
            oracle.add(...issuedBatch.certificates.map(issued))
            if (i === 5) {
              const numbers = issuedBatch.certificates.slice(0, 3).map((x) => x.number)
              expect(yield* repo.revoke(numbers, revokedStatus("order-many", "2025-04-01"))).toBe(3)
              oracle.add(...numbers.map((x) => revoked(x, "2025-04-01")))
            }
          }
          yield* expectHeadIsOracle
          const n = oracle.log.size
          expect(n).toBeGreaterThan(300)
          const sizes = interestingSizes(n)
          let pairs = 0
          for (const older of sizes)
            for (const newer of sizes) {
              if (older > newer) continue
              const proof = Option.getOrThrow(yield* log.consistencyProof(older, newer))
              expect(hexes(proof)).toEqual(hexes(oracle.log.consistencyProof(older, newer) ?? []))
              const a = Option.getOrThrow(yield* log.headAt(older))
              const b = Option.getOrThrow(yield* log.headAt(newer))
              expect(verifyConsistency(a, b, proof)).toBe(true)
              pairs++
            }
          expect(pairs).toBeGreaterThan(300)
          // a sample of inclusion proofs in the large tree, against an older head
          const older = Option.getOrThrow(yield* log.headAt(257))
          for (const index of [0, 1, 100, 128, 255, 256]) {
            const path = Option.getOrThrow(yield* log.inclusionProof(index, 257))
            expect(verifyInclusion(eventLeafHash(oracle.events[index] as never), index, older, path)).toBe(
              true
            )
          }
        })
    )

    it.effect(
      "signed tree heads: the first for a size is kept; a head that is not the log's is refused",
      () =>
        Effect.gen(function* () {
          const log = yield* TransparencyLogRepository
          expect(yield* log.latestSignedHead).toEqual(Option.none())
          const signed = (size: number, keyId: string): SignedTreeHead => ({
            size,
            root: toBase64Url(oracle.log.head(size)?.root ?? new Uint8Array(32)),
            timestamp: "2026-06-15T02:00:00.000Z",
            keyId,
            signedOn: "2026-06-15",
            signature: toBase64Url(new Uint8Array(64).fill(size % 256))
          })
          expect(yield* log.saveSignedHead(signed(10, "k1"))).toEqual(signed(10, "k1"))
          expect(yield* log.saveSignedHead(signed(20, "k1"))).toEqual(signed(20, "k1"))
          expect(yield* log.saveSignedHead(signed(10, "k2"))).toEqual(signed(10, "k1"))
          expect(yield* log.latestSignedHead).toEqual(Option.some(signed(20, "k1")))
          expect(yield* log.signedHeadAt(10)).toEqual(Option.some(signed(10, "k1")))
          expect(yield* log.signedHeadAt(11)).toEqual(Option.none())
          const wrongRoot = { ...signed(12, "k1"), root: signed(13, "k1").root }
          const refused = yield* Effect.exit(log.saveSignedHead(wrongRoot))
          expect(Exit.isFailure(refused) && Cause.isDie(refused.cause)).toBe(true)
          const beyond = yield* Effect.exit(
            log.saveSignedHead({ ...signed(20, "k1"), size: oracle.log.size + 1 })
          )
          expect(Exit.isFailure(beyond) && Cause.isDie(beyond.cause)).toBe(true)
          expect(yield* log.signedHeadAt(12)).toEqual(Option.none())
          expect(yield* log.latestSignedHead).toEqual(Option.some(signed(20, "k1")))
        })
    )
    it.effect("an append outside a transaction is a defect and changes nothing", () =>
      Effect.gen(function* () {
        const appender = yield* LogAppender.make
        const outside = yield* Effect.exit(
          appender.appendPrepared([revokedLeaf("S000032000001243000001", "2025-09-09")])
        )
        expect(Exit.isFailure(outside) && Cause.isDie(outside.cause)).toBe(true)
        yield* expectHeadIsOracle
      })
    )

    it.effect("the database refuses UPDATE and DELETE of the log; its size may only grow", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const log = yield* TransparencyLogRepository
        const before = yield* log.head
        yield* expectRefused(sql`UPDATE log_nodes SET hash = hash WHERE level = 0 AND idx = 0`)
        yield* expectRefused(sql`DELETE FROM log_nodes WHERE level = 0 AND idx = 1`)
        yield* expectRefused(sql`UPDATE log_entries SET event_on = '2020-01-01'`)
        yield* expectRefused(sql`DELETE FROM log_entries`)
        yield* expectRefused(sql`UPDATE certificate_status_entries SET status_index = status_index + 100`)
        yield* expectRefused(sql`DELETE FROM certificate_status_entries`)
        // (SQLite's row triggers need a row to refuse: the signed heads saved above)
        yield* expectRefused(sql`UPDATE signed_tree_heads SET key_id = 'k'`)
        yield* expectRefused(sql`DELETE FROM signed_tree_heads`)
        yield* expectRefused(sql`UPDATE log_state SET size = size - 1`, LOG_SIZE_MESSAGE)
        yield* expectRefused(sql`UPDATE log_state SET size = 0`, LOG_SIZE_MESSAGE)
        yield* expectRefused(sql`DELETE FROM log_state`, LOG_SIZE_MESSAGE)
        if (dialect !== "pg") {
          // REPLACE deletes the old row first: the DELETE guard refuses it (recursive triggers on).
          yield* expectRefused(
            sql`INSERT OR REPLACE INTO log_nodes (level, idx, hash) SELECT level, idx, zeroblob(32) FROM log_nodes WHERE level = 0 AND idx = 0`
          )
          yield* expectRefused(
            sql`REPLACE INTO log_entries SELECT leaf_index, certificate_number, kind, '2020-01-01', record_digest, appended_at FROM log_entries WHERE leaf_index = 0`
          )
          yield* expectRefused(
            sql`INSERT OR REPLACE INTO certificate_status_entries SELECT certificate_number, institution_id, status_index + 100000 FROM certificate_status_entries LIMIT 1`
          )
        }
        if (dialect === "pg") {
          yield* expectRefused(sql`TRUNCATE log_nodes`)
          yield* expectRefused(sql`TRUNCATE log_entries`)
          yield* expectRefused(sql`TRUNCATE log_state`, LOG_SIZE_MESSAGE)
          // an upsert's UPDATE is refused too
          yield* expectRefused(
            sql`INSERT INTO log_nodes (level, idx, hash) SELECT level, idx, hash FROM log_nodes WHERE level = 0 AND idx = 0
                ON CONFLICT (level, idx) DO UPDATE SET hash = excluded.hash`
          )
        }
        const after = yield* log.head
        expect([after.size, hex(after.root)]).toEqual([before.size, hex(before.root)])
        yield* expectHeadIsOracle
      })
    )
  })
})
