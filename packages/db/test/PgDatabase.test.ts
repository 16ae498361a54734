/**
 * PgDatabase (PostgreSQL only, with TEST_DATABASE_URL): a prepared read is a named statement on the pool,
 * parsed once per connection, its rows as values; inside a transaction it runs on the transaction's own
 * connection — it sees the transaction's writes and never waits for a second connection (a pool of one here).
 */
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"
import { PgDatabase } from "../src/pg/PgDatabase.js"
import { freshPgUrl, testDatabaseUrl } from "./TestDatabases.js"

const byId = { name: "items_by_id", text: "SELECT id, label FROM items WHERE id = $1" }

const onePool = (baseUrl: string) =>
  Layer.unwrapScoped(
    Effect.map(freshPgUrl(baseUrl), ({ url }) =>
      PgDatabase.layer({ url: Redacted.make(url), maxConnections: 1 })
    )
  ).pipe(Layer.orDie)

const setUp = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, label TEXT NOT NULL)`
  yield* sql`INSERT INTO items (id, label) VALUES (1, '甲'), (2, '乙') ON CONFLICT DO NOTHING`
})

describe.runIf(testDatabaseUrl !== undefined)("PgDatabase — PostgreSQL", () => {
  layer(onePool(testDatabaseUrl ?? ""), { timeout: 60_000 })((it) => {
    it.effect("runs a named statement again and again, parsed once on the connection, rows as values", () =>
      Effect.gen(function* () {
        yield* setUp
        const db = yield* PgDatabase
        const sql = yield* SqlClient.SqlClient
        const rows = yield* Effect.forEach([1, 2, 3, 1, 2], (id) => db.values(byId, [id]), {
          concurrency: "unbounded"
        })
        expect(rows).toEqual([[[1, "甲"]], [[2, "乙"]], [], [[1, "甲"]], [[2, "乙"]]])
        // One connection in the pool: the session that prepared the statement is the one asked here.
        const prepared = yield* sql<{ readonly name: string; readonly statement: string }>`
          SELECT name, statement FROM pg_prepared_statements WHERE NOT from_sql`
        expect(prepared).toEqual([{ name: byId.name, statement: byId.text }])
      })
    )

    it.effect("inside a transaction reads on its connection: sees its own writes, waits for no other", () =>
      Effect.gen(function* () {
        yield* setUp
        const db = yield* PgDatabase
        const sql = yield* SqlClient.SqlClient
        const inside = yield* Effect.gen(function* () {
          yield* sql`INSERT INTO items (id, label) VALUES (3, '丙')`
          return yield* db.values(byId, [3])
        }).pipe(
          sql.withTransaction,
          // the pool's one connection is the transaction's: a read that went to the pool would wait forever
          Effect.timeoutFail({
            duration: "10 seconds",
            onTimeout: () => "the read waited for a second connection"
          })
        )
        expect(inside).toEqual([[3, "丙"]])
        expect(yield* db.values(byId, [3])).toEqual([[3, "丙"]])
      })
    )
  })
})
