/**
 * The transparency log under concurrent writers on PostgreSQL (issue #7): two connection pools — two API
 * instances on one registry — issue and revoke at the same time, and the log stays one tree: every leaf once,
 * every certificate's issued leaf once and before its revoked leaf, the stored nodes those of the stored
 * entries, proofs verifying, status-list indices dense per issuer. A backfill running while certificates from
 * before the log are revoked gives each its two leaves in order, once. Skipped without TEST_DATABASE_URL.
 */
import { SqlClient } from "@effect/sql"
import { describe, expect, layer as testLayer } from "@effect/vitest"
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { eventLeafHash } from "@jineng/domain/verification/LogEvent"
import { verifyConsistency, verifyInclusion } from "@jineng/domain/verification/MerkleTree"
import { TransparencyLogRepository } from "@jineng/domain/verification/TransparencyLogRepository"
import { Context, Effect, Layer, Option, Redacted } from "effect"
import { toRow } from "../src/certificate/CertificateRow.js"
import { SqlCertificateRepository } from "../src/certificate/SqlCertificateRepository.js"
import * as Database from "../src/Database.js"
import * as LogBackfill from "../src/transparency/LogBackfill.js"
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

const revokedOn = (on: string, orderId: string) =>
  ({ _tag: "revoked", revokedOn: on, reason: "irregular_issuance", orderId }) as const

/** The stored log is one consistent tree: entries and nodes agree, each certificate's events in order, once. */
const expectOneTree = Effect.gen(function* () {
  const log = yield* TransparencyLogRepository
  const rows = yield* storedEvents
  expect(rows.map((r) => r.index)).toEqual(rows.map((_, i) => i))
  const head = yield* log.head
  const oracle = yield* oracleOfStored
  expect([head.size, hex(head.root)]).toEqual([oracle.log.size, hex(oracle.log.head()?.root)])
  const kinds = new Map<string, Array<string>>()
  for (const r of rows) kinds.set(r.event.number, [...(kinds.get(r.event.number) ?? []), r.event._tag])
  for (const [number, events] of kinds)
    expect([number, events]).toEqual([number, events.length === 1 ? ["issued"] : ["issued", "revoked"]])
  // proofs from the stored nodes, against the head and between two sizes
  for (const index of [0, 1, Math.floor(head.size / 3), head.size - 2, head.size - 1]) {
    const path = Option.getOrThrow(yield* log.inclusionProof(index, head.size))
    expect(verifyInclusion(eventLeafHash(rows[index]?.event as never), index, head, path)).toBe(true)
  }
  const middle = Option.getOrThrow(yield* log.headAt(Math.floor(head.size / 2) + 1))
  const proof = Option.getOrThrow(yield* log.consistencyProof(middle.size, head.size))
  expect(verifyConsistency(middle, head, proof)).toBe(true)
  return { rows, kinds }
})

describe.skipIf(testDatabaseUrl === undefined)(
  "transparency log, two pools on one PostgreSQL registry",
  () => {
    testLayer(Layer.empty, { timeout: 180_000 })((it) => {
      it.scoped("concurrent issuances and revocations from two pools keep one consistent tree", () =>
        Effect.gen(function* () {
          const { url } = yield* freshPgUrl(testDatabaseUrl ?? "")
          const a = yield* instance(url)
          const b = yield* instance(url)
          const issueMany = (
            context: Context.Context<CertificateRepository>,
            institutionId: string,
            site: string
          ) =>
            Effect.gen(function* () {
              const repo = Context.get(context, CertificateRepository)
              const issued: Array<Certificate> = []
              for (let batch = 0; batch < 8; batch++) {
                const result = yield* repo.issueBatch(
                  `${institutionId}-${batch}`,
                  Array.from({ length: 30 + batch }, (_, i) =>
                    draft(batch * 100 + i, {
                      institutionId,
                      siteSerial: site,
                      level: ((batch % 3) + 3) as 3 | 4 | 5
                    })
                  )
                )
                issued.push(...result.certificates)
                // revoke a few of this pool's earlier certificates (row locks, then the log) in between
                if (batch % 2 === 1) {
                  const some = issued.filter((_, i) => i % 7 === batch).map((c) => c.number)
                  yield* repo.revoke(some, revokedOn("2025-05-01", `order-${institutionId}-${batch}`))
                }
              }
              // a whole batch at the end
              yield* repo.revokeBatch(
                `${institutionId}-2`,
                revokedOn("2025-05-02", `order-${institutionId}-batch`)
              )
              return issued
            })
          const [fromA, fromB] = yield* Effect.all(
            [issueMany(a, "inst_a", "000001"), issueMany(b, "inst_b", "000002")],
            { concurrency: "unbounded" }
          )
          const { rows, kinds } = yield* expectOneTree.pipe(Effect.provide(a))
          const all = [...fromA, ...fromB]
          expect(kinds.size).toBe(all.length)
          const repo = Context.get(b, CertificateRepository)
          let revokedCount = 0
          for (const c of all) {
            const stored = Option.getOrThrow(yield* repo.findByNumber(c.number))
            if (stored.status._tag === "revoked") revokedCount++
            expect(kinds.get(c.number)?.length).toBe(stored.status._tag === "revoked" ? 2 : 1)
          }
          expect(rows.length).toBe(all.length + revokedCount)
          // status indices: 0 … n−1 for each issuer, once each
          const log = Context.get(a, TransparencyLogRepository)
          for (const [institutionId, certificates] of [
            ["inst_a", fromA],
            ["inst_b", fromB]
          ] as const) {
            const indices = yield* Effect.forEach(certificates, (c) =>
              Effect.map(log.statusEntryOf(c.number), (e) => Option.getOrThrow(e).index)
            )
            expect([...indices].sort((x, y) => x - y)).toEqual(certificates.map((_, i) => i))
            const list = Option.getOrThrow(yield* log.statusList(institutionId))
            expect(list.length).toBe(certificates.length)
          }
        })
      )

      it.scoped(
        "a backfill racing revocations of certificates from before the log gives each its leaves once, in order",
        () =>
          Effect.gen(function* () {
            const { url } = yield* freshPgUrl(testDatabaseUrl ?? "")
            const a = yield* instance(url)
            const b = yield* instance(url)
            const old: ReadonlyArray<Certificate> = Array.from(
              { length: 240 },
              (_, i) =>
                ({
                  ...draft(900 + i, { siteSerial: "000003" }).certificate,
                  number: `S000032000003243${String(i + 1).padStart(6, "0")}`,
                  batchId: "pre-log",
                  status: { _tag: "valid" }
                }) as Certificate
            )
            yield* Effect.gen(function* () {
              const sql = yield* SqlClient.SqlClient
              yield* sql`INSERT INTO certificate_batches ${sql.insert({
                batch_id: "pre-log",
                institution_id: "inst_1",
                certificate_count: old.length,
                issued_at: "2024-06-30T00:00:00.000Z"
              })}`
              yield* sql`INSERT INTO certificates ${sql.insert(old.map((c) => toRow(c)) as never)}`
            }).pipe(Effect.provide(a), Effect.orDie)
            const backfill = yield* LogBackfill.make.pipe(Effect.provide(a))
            const repo = Context.get(b, CertificateRepository)
            // revocations from the end of the range while the backfill walks it from the start in small chunks: the
            // first ones revoke certificates it has not reached, the last ones certificates it has passed
            const revokeSome = Effect.forEach(
              old.filter((_, i) => i % 5 === 2).reverse(),
              (c, k) => repo.revoke([c.number], revokedOn("2025-06-01", `order-race-${k}`)),
              { discard: true }
            )
            const [, total] = yield* Effect.all([revokeSome, backfill.run({ chunkSize: 8 })], {
              concurrency: "unbounded"
            })
            expect(total.examined).toBe(old.length)
            const { kinds } = yield* expectOneTree.pipe(Effect.provide(a))
            for (const c of old) {
              const stored = Option.getOrThrow(yield* repo.findByNumber(c.number))
              expect([c.number, kinds.get(c.number)]).toEqual([
                c.number,
                stored.status._tag === "revoked" ? ["issued", "revoked"] : ["issued"]
              ])
            }
            expect(old.filter((_, i) => i % 5 === 2).every((c) => kinds.get(c.number)?.length === 2)).toBe(
              true
            )
          })
      )
    })
  }
)
