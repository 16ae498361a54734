/**
 * Certificates (54号·四: the one registry), their batches (each with the institution that issued it: a batch id
 * names one institution's batch, "谁评价、谁发证、谁负责") and the serial counters numbers are allocated from.
 */
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  // Ordered columns compare in code-point order in both dialects, as the in-memory layers do: PostgreSQL's
  // default collation may be a locale's (zh_CN sorts "a" < "B" and "b_1" < "b1"). Columns compared with them
  // (foreign keys, joins) share their collation.
  const binary = sql.onDialectOrElse({ pg: () => sql.literal(' COLLATE "C"'), orElse: () => sql.literal("") })
  yield* sql`
    CREATE TABLE certificate_batches (
      batch_id TEXT PRIMARY KEY,
      institution_id TEXT NOT NULL,
      certificate_count INTEGER NOT NULL,
      issued_at TEXT NOT NULL
    )`
  yield* sql`
    CREATE TABLE certificates (
      number TEXT${binary} PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('level', 'competition')),
      holder_name TEXT NOT NULL,
      holder_id_type TEXT NOT NULL,
      holder_id_number TEXT NOT NULL,
      occupation_code TEXT NOT NULL,
      occupation_name TEXT NOT NULL,
      work_type TEXT,
      level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
      issuer_institution_id TEXT NOT NULL,
      issuer_name TEXT NOT NULL,
      issuer_region TEXT${binary} NOT NULL,
      issuer_signatory TEXT NOT NULL,
      issuer_seal_id TEXT NOT NULL,
      issued_on TEXT NOT NULL,
      batch_id TEXT NOT NULL REFERENCES certificate_batches (batch_id),
      status TEXT NOT NULL CHECK (status IN ('valid', 'revoked')),
      revoked_on TEXT,
      revocation_reason TEXT,
      revocation_order_id TEXT
    )`
  yield* sql`CREATE INDEX certificates_holder_id ON certificates (holder_id_number)`
  yield* sql`CREATE INDEX certificates_batch ON certificates (batch_id)`
  yield* sql`
    CREATE TABLE certificate_serials (
      serial_key TEXT PRIMARY KEY,
      last_serial INTEGER NOT NULL
    )`
})
