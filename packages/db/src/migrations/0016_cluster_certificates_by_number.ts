/**
 * SQLite only: the certificates table is rebuilt clustered by number (sqlite/CertificateSlots; issue #3, the
 * public lookup on a 10,000,000-certificate file). Its rowid becomes `slot` — the id of the number's serial key
 * (certificate_number_keys, new) times 2^20 plus the serial — and the number keeps a UNIQUE index. Every row is
 * copied in slot order, in the migrations' one transaction; a row whose number has no 6-digit serial (never
 * issued by the registry) is put aside at a negative rowid, as CertificateSlots.insertCertificate does. The column definitions are those of
 * 0001. On a large registry this runs once for minutes and needs free disk for a second copy of the table (the
 * old pages go to the file's free list, reused by later inserts) and for SQLite's sort in the temp directory.
 * PostgreSQL keeps its table: a heap with the number's B-tree index, no rowid to cluster by.
 */
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { CERTIFICATE_COLUMNS } from "../certificate/CertificateRow.js"
import { hasSerialSql, slotSql } from "../sqlite/CertificateSlots.js"

const sqlite = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const columns = CERTIFICATE_COLUMNS.join(", ")
  yield* sql`ALTER TABLE certificates RENAME TO certificates_0015`
  yield* sql`
    CREATE TABLE certificate_number_keys (
      key_id INTEGER PRIMARY KEY,
      serial_key TEXT NOT NULL UNIQUE
    )`
  yield* sql`
    INSERT INTO certificate_number_keys (serial_key)
    SELECT DISTINCT substr(number, 1, 16) FROM certificates_0015 WHERE ${sql.literal(hasSerialSql("number"))} ORDER BY 1`
  yield* sql`
    CREATE TABLE certificates (
      slot INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
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
      issuer_region TEXT NOT NULL,
      issuer_signatory TEXT NOT NULL,
      issuer_seal_id TEXT NOT NULL,
      issued_on TEXT NOT NULL,
      batch_id TEXT NOT NULL REFERENCES certificate_batches (batch_id),
      status TEXT NOT NULL CHECK (status IN ('valid', 'revoked')),
      revoked_on TEXT,
      revocation_reason TEXT,
      revocation_order_id TEXT
    )`
  const copied = CERTIFICATE_COLUMNS.map((c) => `o.${c}`).join(", ")
  yield* sql.unsafe(`
    INSERT INTO certificates (slot, ${columns})
    SELECT ${slotSql("o.number", "k.key_id")} AS s, ${copied}
    FROM certificates_0015 o JOIN certificate_number_keys k ON k.serial_key = substr(o.number, 1, 16)
    WHERE ${hasSerialSql("o.number")}
    ORDER BY s`)
  yield* sql.unsafe(`
    INSERT INTO certificates (slot, ${columns})
    SELECT -row_number() OVER (ORDER BY o.number), ${copied}
    FROM certificates_0015 o WHERE NOT ${hasSerialSql("o.number")}`)
  yield* sql`DROP TABLE certificates_0015`
  yield* sql`CREATE INDEX certificates_holder_id ON certificates (holder_id_number)`
  yield* sql`CREATE INDEX certificates_batch ON certificates (batch_id)`
})

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql.onDialectOrElse({ sqlite: () => sqlite, orElse: () => Effect.void })
})
