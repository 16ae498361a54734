/**
 * SQLite's certificates clustered by number (sqlite/CertificateSlots, migration 0016; issue #3): issued rows sit
 * at slot = key id × 2^20 + serial, a slot already taken moves the row aside without losing it, rows stored
 * around the repository are still found, and migration 0016 rebuilds an existing registry with every row kept.
 */
import { SqlClient } from "@effect/sql"
import * as Migrator from "@effect/sql/Migrator"
import { describe, expect, layer } from "@effect/vitest"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { Effect, Layer, Option } from "effect"
import { type CertificateRow, toRow } from "../src/certificate/CertificateRow.js"
import {
  make as makeRepository,
  SqlCertificateRepository
} from "../src/certificate/SqlCertificateRepository.js"
import { MIGRATIONS, Migrations } from "../src/Migrations.js"
import { SqliteDatabase } from "../src/sqlite/SqliteDatabase.js"
import { draft } from "./fixtures.js"
import { targets } from "./TestDatabases.js"

const SPAN = 2 ** 20
const KEY = "S000032000001243"

/** A certificate row with `number` in `batchId`, as plain SQL would store it. */
const rowOf = (number: string, batchId: string, n = 1): CertificateRow =>
  toRow({ ...draft(n).certificate, number, batchId, status: { _tag: "valid" } } as never)

const insertBatchRow = (batchId: string) =>
  Effect.flatMap(
    SqlClient.SqlClient,
    (sql) =>
      sql`INSERT INTO certificate_batches ${sql.insert({
        batch_id: batchId,
        institution_id: "inst_1",
        certificate_count: 1,
        issued_at: "2024-06-30T02:00:00.000Z"
      })}`
  )

const slots = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) => sql<{ readonly number: string; readonly slot: number }>`
    SELECT number, slot FROM certificates ORDER BY number`
)

const keyId = (key: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ readonly key_id: number }>`SELECT key_id FROM certificate_number_keys WHERE serial_key = ${key}`,
      (rows) => rows[0]?.key_id
    )
  )

describe.each(targets.filter((t) => t.dialect === "sqlite"))("certificate slots — $name", (target) => {
  layer(Layer.fresh(SqlCertificateRepository.layer).pipe(Layer.provideMerge(target.layer())), {
    timeout: 60_000
  })((it) => {
    it.effect("issued certificates sit at key id × 2^20 + serial, in number order", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        yield* repo.issueBatch("slots-a", [draft(1), draft(2), draft(3, { level: 4 })])
        const level3 = yield* keyId(KEY)
        const level4 = yield* keyId("S000032000001244")
        expect(level3).toBeDefined()
        expect(level4).toBeDefined()
        expect(yield* slots).toEqual([
          { number: "S000032000001243000001", slot: (level3 as number) * SPAN + 1 },
          { number: "S000032000001243000002", slot: (level3 as number) * SPAN + 2 },
          { number: "S000032000001244000001", slot: (level4 as number) * SPAN + 1 }
        ])
      })
    )

    it.effect(
      "a slot taken by a row stored around the repository puts the new row aside; both are found",
      () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const repo = yield* CertificateRepository
          const id = (yield* keyId(KEY)) as number
          // Plain SQL stores another certificate at the slot the next level-3 number would take.
          yield* insertBatchRow("squatter")
          const squatter = rowOf("S000032000009243000001", "squatter", 7)
          yield* sql`INSERT INTO certificates ${sql.insert({ ...squatter, slot: id * SPAN + 3 } as never)}`
          const issued = yield* repo.issueBatch("slots-b", [draft(4), draft(5)])
          expect(issued.certificates.map((c) => c.number)).toEqual([
            "S000032000001243000003",
            "S000032000001243000004"
          ])
          const byNumber = new Map((yield* slots).map((r) => [r.number, r.slot]))
          expect(byNumber.get("S000032000009243000001")).toBe(id * SPAN + 3)
          expect(byNumber.get("S000032000001243000003")).toBe(-1)
          expect(byNumber.get("S000032000001243000004")).toBe(id * SPAN + 4)
          for (const c of issued.certificates)
            expect(yield* repo.findByNumber(c.number)).toEqual(Option.some(c))
          const found = Option.getOrThrow(yield* repo.findByNumber("S000032000009243000001"))
          expect(found.holder.name).toBe("持证人7")
          expect(yield* repo.listByBatch("slots-b")).toEqual(issued.certificates)
        })
    )

    it.effect("rows stored around the repository at any rowid are found; unknown numbers are not", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const repo = yield* CertificateRepository
        yield* insertBatchRow("plain")
        // No slot: SQLite picks max(rowid) + 1, which is the slot of no registered number here.
        yield* sql`INSERT INTO certificates ${sql.insert(rowOf("S000032000001243000099", "plain", 8) as never)}`
        const found = yield* repo.findByNumber("S000032000001243000099")
        expect(Option.map(found, (c) => c.holder.name)).toEqual(Option.some("持证人8"))
        expect(yield* repo.findByNumber("S000032000001243000098")).toEqual(Option.none())
        expect(yield* repo.findByNumber("S000032999999243000001")).toEqual(Option.none())
        expect(yield* repo.findByNumber("not a number")).toEqual(Option.none())
      })
    )
  })
})

const upTo0015 = Migrator.make({})({
  loader: Migrator.fromRecord(
    Object.fromEntries(Object.entries(MIGRATIONS).filter(([id]) => id < "0016")) as typeof MIGRATIONS
  ),
  table: "jineng_migrations"
}).pipe(Effect.orDie)

const definitions = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) => sql<{ readonly type: string; readonly name: string; readonly sql: string | null }>`
    SELECT type, name, sql FROM sqlite_master
    WHERE tbl_name IN ('certificates', 'certificate_number_keys') ORDER BY type, name`
)

describe("migration 0016 on a registry migrated up to 0015", () => {
  layer(SqliteDatabase.layer({ filename: ":memory:" }))((it) => {
    it.effect(
      "rebuilds certificates clustered by number with every row kept, as a fresh database has it",
      () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          yield* upTo0015
          yield* insertBatchRow("old")
          const rows = [
            rowOf("S000032000001245000002", "old", 1),
            rowOf("S000032000001243000001", "old", 2),
            rowOf("S000032000001245000001", "old", 3),
            { ...rowOf("LEGACY-0001", "old", 4), status: "revoked", revoked_on: "2025-01-02" },
            rowOf("S000032000001243000002", "old", 5)
          ]
          yield* sql`INSERT INTO certificates ${sql.insert(rows as never)}`
          const before = yield* sql`SELECT * FROM certificates ORDER BY number`

          // 0016 and every later migration (0017 the transparency log, …)
          expect((yield* Migrations.run).map(([id, name]) => `${id}_${name}`)).toEqual(
            Object.keys(MIGRATIONS)
              .filter((id) => id >= "0016")
              .map((id) => id.replace(/^0+/, ""))
          )
          const after = yield* sql<Record<string, unknown>>`SELECT * FROM certificates ORDER BY number`
          expect(after.map(({ slot: _, ...row }) => row)).toEqual(before)
          const level3 = (yield* keyId(KEY)) as number
          const level5 = (yield* keyId("S000032000001245")) as number
          const bySlot = new Map(after.map((r) => [r.number, r.slot]))
          expect(bySlot.get("S000032000001243000001")).toBe(level3 * SPAN + 1)
          expect(bySlot.get("S000032000001243000002")).toBe(level3 * SPAN + 2)
          expect(bySlot.get("S000032000001245000001")).toBe(level5 * SPAN + 1)
          expect(bySlot.get("LEGACY-0001")).toBe(-1)

          const repo = yield* makeRepository
          for (const r of rows) {
            const found = yield* repo.findByNumber(r.number)
            expect(Option.map(found, (c) => [c.holder.name, c.status._tag])).toEqual(
              Option.some([r.holder_name, r.status])
            )
          }
          // Issuing continues at the slots of the copied rows' keys.
          yield* sql`INSERT INTO certificate_serials ${sql.insert({ serial_key: KEY, last_serial: 2 })}`
          const issued = yield* repo.issueBatch("new", [draft(6)])
          expect(issued.certificates.map((c) => c.number)).toEqual(["S000032000001243000003"])
          expect(new Map((yield* slots).map((r) => [r.number, r.slot])).get("S000032000001243000003")).toBe(
            level3 * SPAN + 3
          )
          const migrated = yield* definitions
          const fresh = yield* definitions.pipe(
            Effect.provide(
              Layer.effectDiscard(Migrations.run).pipe(
                Layer.provideMerge(SqliteDatabase.layer({ filename: ":memory:" }))
              )
            )
          )
          expect(migrated).toEqual(fresh)
        })
    )
  })
})
