/**
 * Contract of the audit trail (domain.md §4): append-only — the database itself refuses UPDATE and DELETE of an
 * entry — and hash-chained, so that a row edited or deleted after dropping that guard is detected.
 */

import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { describe, expect, layer as testLayer } from "@effect/vitest"
import { AuditTrail } from "@jineng/domain/shared/AuditTrail"
import { Effect, Fiber, Layer, Option } from "effect"
import * as SqlAudit from "../src/audit/SqlAuditTrail.js"
import { APPEND_ONLY_MESSAGE } from "../src/migrations/0010_protect_audit_trail.js"
import { dropAuditGuard } from "./AuditTampering.js"
import { targets } from "./TestDatabases.js"

const entry = (n: number) => ({
  actor: `org_${n % 3}`,
  action: "certificate.issue-batch",
  subject: `batch-${n}`,
  reason: "评价批次结果提交",
  details: { count: n, note: "不含完整身份证号" }
})

/** The statement fails with the guard's message (the driver's error, under the SqlError). */
const expectRefused = <A, R>(statement: Effect.Effect<A, SqlError, R>) =>
  Effect.map(Effect.flip(statement), (error) => {
    expect(error.cause).toBeInstanceOf(Error)
    expect((error.cause as Error).message).toContain(APPEND_ONLY_MESSAGE)
  })

describe.each(targets)("audit trail contract — $name", ({ layer, dialect }) => {
  const audit = Layer.mergeAll(Layer.fresh(SqlAudit.SqlAuditTrail.Default), Layer.fresh(SqlAudit.layer))
  testLayer(audit.pipe(Layer.provideMerge(layer())), {
    timeout: 60_000
  })((it) => {
    it.effect("chains appended entries, also from concurrent writers", () =>
      Effect.gen(function* () {
        const audit = yield* AuditTrail
        const trail = yield* SqlAudit.SqlAuditTrail
        yield* Effect.forEach([1, 2, 3, 4, 5, 6, 7, 8], (n) => audit.record(entry(n)), {
          concurrency: "unbounded"
        })
        expect(yield* trail.verify).toEqual({ ok: true, entries: 8 })
      })
    )

    it.effect("the database refuses UPDATE and DELETE of entries, which stay unchanged", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const trail = yield* SqlAudit.SqlAuditTrail
        const all = sql`SELECT * FROM audit_trail ORDER BY seq`
        const before = yield* all
        expect(before).toHaveLength(8)
        yield* expectRefused(sql`UPDATE audit_trail SET reason = 'edited' WHERE seq = 3`)
        yield* expectRefused(sql`UPDATE audit_trail SET actor = 'someone else'`)
        yield* expectRefused(sql`DELETE FROM audit_trail WHERE seq = 8`)
        yield* expectRefused(sql`DELETE FROM audit_trail`)
        if (dialect !== "pg")
          // REPLACE deletes the old row first: the DELETE guard refuses it (recursive triggers on).
          yield* expectRefused(sql`REPLACE INTO audit_trail SELECT * FROM audit_trail WHERE seq = 3`)
        // inside a transaction too: the refusal rolls the whole transaction back
        yield* expectRefused(
          sql.withTransaction(
            Effect.zipRight(
              sql`UPDATE audit_head SET seq = seq - 1 WHERE id = 1`,
              sql`DELETE FROM audit_trail WHERE seq = 8`
            )
          )
        )
        expect(yield* all).toEqual(before)
        expect(yield* trail.verify).toEqual({ ok: true, entries: 8 })
      })
    )

    it.effect.skipIf(dialect !== "pg")("PostgreSQL refuses TRUNCATE of the audit trail", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* expectRefused(sql`TRUNCATE audit_trail`)
        const counted = yield* sql<{ readonly n: number | string }>`SELECT COUNT(*) AS n FROM audit_trail`
        expect(Number(counted[0]?.n)).toBe(8)
      })
    )

    it.effect("detects an edited row at its sequence number", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const trail = yield* SqlAudit.SqlAuditTrail
        yield* dropAuditGuard
        yield* sql`UPDATE audit_trail SET reason = 'edited' WHERE seq = 3`
        expect(yield* trail.verify).toMatchObject({ ok: false, firstBrokenSeq: 3, problem: "hash_mismatch" })
      })
    )

    it.effect("detects a deleted row in the middle and at the end", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const trail = yield* SqlAudit.SqlAuditTrail
        yield* dropAuditGuard
        yield* sql`UPDATE audit_trail SET reason = '评价批次结果提交' WHERE seq = 3`
        expect(yield* trail.verify).toEqual({ ok: true, entries: 8 })
        yield* sql`DELETE FROM audit_trail WHERE seq = 8`
        expect(yield* trail.verify).toMatchObject({ ok: false, firstBrokenSeq: 8, problem: "head_mismatch" })
        yield* sql`DELETE FROM audit_trail WHERE seq = 2`
        expect(yield* trail.verify).toMatchObject({ ok: false, firstBrokenSeq: 2, problem: "missing" })
      })
    )
  })
})

describe.each(targets)("audit trail verification during appends — $name", ({ layer }) => {
  const audit = Layer.mergeAll(Layer.fresh(SqlAudit.SqlAuditTrail.Default), Layer.fresh(SqlAudit.layer))
  testLayer(audit.pipe(Layer.provideMerge(layer())), {
    timeout: 60_000,
    excludeTestServices: true // the live clock: the verifier sleeps a little between runs
  })((it) => {
    it.effect("verify is ok every time while 8 fibers append (it checks up to the head it read first)", () =>
      Effect.gen(function* () {
        const audit = yield* AuditTrail
        const trail = yield* SqlAudit.SqlAuditTrail
        const appenders = yield* Effect.fork(
          Effect.forEach(
            Array.from({ length: 8 }, (_, w) => w),
            (w) =>
              Effect.forEach(
                Array.from({ length: 40 }, (_, i) => w * 40 + i),
                (n) => audit.record(entry(n)),
                { discard: true }
              ),
            { concurrency: "unbounded", discard: true }
          )
        )
        const results: Array<SqlAudit.AuditVerification> = []
        while (Option.isNone(yield* Fiber.poll(appenders))) {
          results.push(yield* trail.verify)
          yield* Effect.sleep("1 millis") // a turn for the appenders (one SQLite connection, one permit)
        }
        yield* Fiber.join(appenders)
        expect(results.length).toBeGreaterThan(0)
        expect(results.filter((r) => !r.ok)).toEqual([])
        const counts = results.map((r) => r.entries)
        expect(counts).toEqual([...counts].sort((a, b) => a - b))
        expect(yield* trail.verify).toEqual({ ok: true, entries: 320 })
      })
    )
  })
})
