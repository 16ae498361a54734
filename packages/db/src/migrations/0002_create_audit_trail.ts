/** The append-only audit trail: who, when, what, why — each entry hash-chained to the previous one. */
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`
    CREATE TABLE audit_trail (
      seq BIGINT PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      subject TEXT NOT NULL,
      reason TEXT NOT NULL,
      details TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    )`
  // One row: the chain's head. Appenders lock it (UPDATE … RETURNING), which serialises them on PostgreSQL.
  yield* sql`
    CREATE TABLE audit_head (
      id INTEGER PRIMARY KEY,
      seq BIGINT NOT NULL,
      hash TEXT NOT NULL
    )`
  yield* sql`INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, ${"0".repeat(64)})`
})
