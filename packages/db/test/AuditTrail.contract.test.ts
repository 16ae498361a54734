/** Contract of the audit trail (domain.md §4): append-only, hash-chained; an edited or deleted row is detected. */

import { SqlClient } from "@effect/sql"
import { describe, expect, layer as testLayer } from "@effect/vitest"
import { AuditTrail } from "@jineng/domain/shared/AuditTrail"
import { Effect, Fiber, Layer, Option } from "effect"
import * as SqlAudit from "../src/audit/SqlAuditTrail.js"
import { targets } from "./TestDatabases.js"

const entry = (n: number) => ({
  actor: `org_${n % 3}`,
  action: "certificate.issue-batch",
  subject: `batch-${n}`,
  reason: "评价批次结果提交",
  details: { count: n, note: "不含完整身份证号" }
})

describe.each(targets)("audit trail contract — $name", ({ layer }) => {
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

    it.effect("detects an edited row at its sequence number", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const trail = yield* SqlAudit.SqlAuditTrail
        yield* sql`UPDATE audit_trail SET reason = 'edited' WHERE seq = 3`
        expect(yield* trail.verify).toMatchObject({ ok: false, firstBrokenSeq: 3, problem: "hash_mismatch" })
      })
    )

    it.effect("detects a deleted row in the middle and at the end", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const trail = yield* SqlAudit.SqlAuditTrail
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
