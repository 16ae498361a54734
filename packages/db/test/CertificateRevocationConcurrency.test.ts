/**
 * Revoking a whole batch (54号·五, CertificateRepository.revokeBatch) while another registry instance revokes named
 * certificates of the same batch (revoke) on PostgreSQL: both transactions lock certificate rows, then the log's
 * row (transparency/LogAppender). Their row locks must be taken in one order — number order — or the two deadlock
 * (SqlError 40P01): a batch's rows lie in the table in the order they were inserted, which for a batch of several
 * levels (one serial counter per level) is not number order, and a scan of the batch meets them in that order.
 *
 * The first case stages the interleaving that deadlocks with a batch scan in storage order: a third connection
 * holds one row, so the batch revocation stops there holding the rows stored before it, the named revocation
 * starts while it waits, and the row is released once the named one waits too (or has finished, as it does when
 * both lock in number order). The second races the two freely, many rounds, on fresh batches. In both every
 * certificate must end revoked once, with one revoked leaf, in one consistent tree. Skipped without
 * TEST_DATABASE_URL.
 */
import { SqlClient } from "@effect/sql"
import { describe, expect, layer as testLayer } from "@effect/vitest"
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { TransparencyLogRepository } from "@jineng/domain/verification/TransparencyLogRepository"
import { Context, Deferred, Effect, Fiber, Layer, Option, Redacted, TestServices } from "effect"
import { SqlCertificateRepository } from "../src/certificate/SqlCertificateRepository.js"
import * as Database from "../src/Database.js"
import { SqlTransparencyLogRepository } from "../src/transparency/SqlTransparencyLogRepository.js"
import { draft } from "./fixtures.js"
import { hex, oracleOfStored, storedEvents } from "./LogOracle.js"
import { freshPgUrl, testDatabaseUrl } from "./TestDatabases.js"

const ports = Layer.mergeAll(SqlCertificateRepository.layer, SqlTransparencyLogRepository.layer)

/** A registry instance of its own (its own pool) on the database at `url`. */
const instance = (url: string) =>
  Layer.build(
    Layer.fresh(ports.pipe(Layer.provideMerge(Database.layer({ _tag: "pg", url: Redacted.make(url) }))))
  ).pipe(Effect.orDie)

type Instance = Effect.Effect.Success<ReturnType<typeof instance>>

const BATCH_ON = "2025-07-01"
const NAMED_ON = "2025-07-02"

const revokedOn = (on: string, orderId: string) =>
  ({ _tag: "revoked", revokedOn: on, reason: "irregular_issuance", orderId }) as const

/** A batch of `size` certificates, levels interleaved: stored 3,4,5,3,4,5…, their numbers sort 3…, 4…, 5…. */
const issueMixed = (repo: CertificateRepository["Type"], batchId: string, size: number, site: number) =>
  Effect.map(
    repo.issueBatch(
      batchId,
      Array.from({ length: size }, (_, i) =>
        draft(site * 10_000 + i, {
          level: ((i % 3) + 3) as 3 | 4 | 5,
          siteSerial: String(site).padStart(6, "0")
        })
      )
    ),
    (issued) => issued.certificates
  )

/** A deterministic pseudo-random sequence (the same rounds on every run). */
const lcg = (seed: number) => {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return state / 2 ** 32
  }
}

/**
 * Every certificate revoked, by the order whose count claimed it (batch or named), with its issued leaf and one
 * revoked leaf of that order's date; the stored tree the tree of its entries.
 */
const expectRevokedOnce = (
  a: Instance,
  certificates: ReadonlyArray<Certificate>,
  counts: { readonly byBatch: number; readonly byName: number }
) =>
  Effect.gen(function* () {
    const repo = Context.get(a, CertificateRepository)
    const dates = new Map<string, string>()
    for (const c of certificates) {
      const stored = Option.getOrThrow(yield* repo.findByNumber(c.number))
      expect([c.number, stored.status._tag]).toEqual([c.number, "revoked"])
      if (stored.status._tag === "revoked") dates.set(c.number, stored.status.revokedOn)
    }
    expect([...dates.values()].filter((on) => on === BATCH_ON).length).toBe(counts.byBatch)
    expect([...dates.values()].filter((on) => on === NAMED_ON).length).toBe(counts.byName)
    const rows = yield* storedEvents.pipe(Effect.provide(a))
    expect(rows.length).toBe(2 * certificates.length)
    const events = new Map<string, Array<string>>()
    for (const { event } of rows) {
      const tag = event._tag === "revoked" ? `revoked ${event.on}` : event._tag
      events.set(event.number, [...(events.get(event.number) ?? []), tag])
    }
    for (const c of certificates) {
      expect([c.number, events.get(c.number)]).toEqual([
        c.number,
        ["issued", `revoked ${dates.get(c.number)}`]
      ])
    }
    const head = yield* Context.get(a, TransparencyLogRepository).head
    const oracle = yield* oracleOfStored.pipe(Effect.provide(a))
    expect([head.size, hex(head.root)]).toEqual([oracle.log.size, hex(oracle.log.head()?.root)])
  })

/** Sessions of this database waiting for a lock. */
const lockWaiters = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<{ readonly n: number | string }>`
    SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
  return Number(rows[0]?.n)
}).pipe(Effect.orDie)

/**
 * Polls until `done` holds (a lock wait is an event to observe, not a duration to guess), pausing on the real
 * clock (the test's own clock does not advance).
 */
const until = (done: Effect.Effect<boolean>): Effect.Effect<void> =>
  Effect.flatMap(done, (ok) =>
    ok ? Effect.void : Effect.zipRight(TestServices.provideLive(Effect.sleep("5 millis")), until(done))
  )

describe.skipIf(testDatabaseUrl === undefined)(
  "revoking a batch and named certificates of it at once",
  () => {
    testLayer(Layer.empty, { timeout: 300_000 })((it) => {
      it.scoped("the batch revocation waiting mid-batch while the named one runs does not deadlock", () =>
        Effect.gen(function* () {
          const { url } = yield* freshPgUrl(testDatabaseUrl ?? "")
          const a = yield* instance(url)
          const b = yield* instance(url)
          const gateInstance = yield* instance(url)
          const certificates = yield* issueMixed(Context.get(a, CertificateRepository), "staged", 1_800, 1)
          // stored 0: L3#1, 1: L4#1, 2: L5#1, 3: L3#2, 4: L4#2, 5: L5#2, 6: L3#3 …
          const at = (i: number) => (certificates[i] as Certificate).number
          // named: L3#3 … L3#502 (one full IN-list chunk of level 3) and, in the next chunk, L4#1 — shuffled
          const named = [...Array.from({ length: 500 }, (_, k) => at(6 + 3 * k)), at(1)].reverse()

          // a third connection holds L3#2: a scan of the batch in storage order stops there, holding 0, 1, 2
          const sql = Context.get(gateInstance, SqlClient.SqlClient)
          const held = yield* Deferred.make<void>()
          const release = yield* Deferred.make<void>()
          const gate = yield* Effect.fork(
            Effect.gen(function* () {
              yield* sql`SELECT number FROM certificates WHERE number = ${at(3)} FOR UPDATE`
              yield* Deferred.succeed(held, undefined)
              yield* Deferred.await(release)
            }).pipe(sql.withTransaction, Effect.orDie)
          )
          yield* Deferred.await(held)
          const waiters = lockWaiters.pipe(Effect.provide(gateInstance))
          const wholeBatch = yield* Effect.fork(
            Context.get(a, CertificateRepository).revokeBatch("staged", revokedOn(BATCH_ON, "order-batch"))
          )
          yield* until(Effect.map(waiters, (n) => n >= 1))
          // the named revocation, while the batch one waits: it either waits too (for a row the batch holds) or,
          // taking nothing the batch holds, finishes
          const someNamed = yield* Effect.fork(
            Context.get(b, CertificateRepository).revoke(named, revokedOn(NAMED_ON, "order-named"))
          )
          yield* until(
            Effect.zipWith(waiters, Fiber.poll(someNamed), (n, done) => n >= 2 || Option.isSome(done))
          )
          yield* Deferred.succeed(release, undefined)
          yield* Fiber.join(gate)
          // a deadlock fails one of the two with SqlError 40P01 (a defect: the repository dies on SqlError)
          const [byBatch, byName] = yield* Fiber.join(Fiber.zip(wholeBatch, someNamed))
          expect(byBatch + byName).toBe(certificates.length)
          // locking in number order, the batch revocation waited at L3#2 holding L3#1 only: the named one took all
          expect(byName).toBe(named.length)
          yield* expectRevokedOnce(a, certificates, { byBatch, byName })
        })
      )

      it.scoped(
        "two pools racing batch and named revocations of the same batches, many rounds: each certificate revoked once",
        () =>
          Effect.gen(function* () {
            const rounds = 12
            const size = 3_000
            const { url } = yield* freshPgUrl(testDatabaseUrl ?? "")
            const a = yield* instance(url)
            const b = yield* instance(url)
            const repoA = Context.get(a, CertificateRepository)
            const repoB = Context.get(b, CertificateRepository)
            const random = lcg(54)
            const batches: Array<ReadonlyArray<Certificate>> = []
            for (let round = 0; round < rounds; round++) {
              batches.push(yield* issueMixed(repoA, `race-${round}`, size, round + 1))
            }
            let byBatch = 0
            let byName = 0
            for (const [round, certificates] of batches.entries()) {
              // about half of the batch, in shuffled order — none of the level-3 certificates stored in its first
              // third: a batch scan in storage order passes a third of the batch before it can meet the named ones
              const named = certificates
                .filter((_, i) => random() < 0.5 && (i % 3 !== 0 || i >= size / 3))
                .map((c) => c.number)
              for (let i = named.length - 1; i > 0; i--) {
                const j = Math.floor(random() * (i + 1))
                ;[named[i], named[j]] = [
                  named[j] as (typeof named)[number],
                  named[i] as (typeof named)[number]
                ]
              }
              // the pools swap roles every round; the named revocation is sent first (the batch one, a single
              // statement, would otherwise usually lock the whole batch before the other's first row)
              const [batchRepo, namedRepo] = round % 2 === 0 ? [repoA, repoB] : [repoB, repoA]
              const [someNamed, wholeBatch] = yield* Effect.all(
                [
                  namedRepo.revoke(named, revokedOn(NAMED_ON, `order-named-${round}`)),
                  batchRepo.revokeBatch(`race-${round}`, revokedOn(BATCH_ON, `order-batch-${round}`))
                ],
                { concurrency: "unbounded" }
              )
              // each certificate changed by exactly one of the two
              expect(wholeBatch + someNamed).toBe(certificates.length)
              expect(someNamed).toBeLessThanOrEqual(named.length)
              byBatch += wholeBatch
              byName += someNamed
            }
            yield* expectRevokedOnce(a, batches.flat(), { byBatch, byName })
          })
      )
    })
  }
)
