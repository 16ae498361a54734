/**
 * The transparency log (issue #7; 54号·四 issuance, 54号·五 revocation, both public): every issuance and revocation
 * of a certificate is one leaf of an append-only Merkle tree (RFC 9162 hashing, domain verification/StoredTree).
 *
 * - log_nodes: every complete, aligned subtree, by (level, idx) — level 0 are the leaf hashes.
 * - log_entries: what each leaf is (its event: certificate number, kind, date, the record digest of an issuance);
 *   no personal data.
 * - log_state: one row, the tree's size — the lock every append takes (PostgreSQL: SELECT … FOR UPDATE).
 * - signed_tree_heads: the heads the registry signed, by size.
 * - certificate_status_entries: each certificate's index in its issuer's status list (W3C Bitstring Status List).
 *
 * Append-only in the database itself, as the audit trail (0010): UPDATE and DELETE (and TRUNCATE on PostgreSQL)
 * of the nodes, the entries, the signed heads and the status entries are refused; log_state may only grow.
 * Tables only: certificates issued before this migration enter the log with the `backfill-log` command.
 */
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** The error the database raises for a refused change (PostgreSQL adds the operation and the table). */
export const LOG_APPEND_ONLY_MESSAGE = "透明日志只可追加，不得修改或删除（transparency log is append-only）"
/** The error the database raises when the log's size would shrink or its state row be deleted. */
export const LOG_SIZE_MESSAGE = "透明日志的大小只可增加（log_state may only grow）"

/** The append-only tables. */
export const LOG_APPEND_ONLY_TABLES = [
  "log_nodes",
  "log_entries",
  "signed_tree_heads",
  "certificate_status_entries"
] as const

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql.onDialectOrElse({ pg: () => pg, orElse: () => sqlite })
})

const pg = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  // Certificate numbers compare in code-point order, as certificates.number (0001), so the two join.
  yield* sql`
    CREATE TABLE log_nodes (
      level SMALLINT NOT NULL CHECK (level BETWEEN 0 AND 62),
      idx BIGINT NOT NULL CHECK (idx >= 0),
      hash BYTEA NOT NULL CHECK (length(hash) = 32),
      PRIMARY KEY (level, idx)
    )`
  yield* sql`
    CREATE TABLE log_entries (
      leaf_index BIGINT PRIMARY KEY CHECK (leaf_index >= 0),
      certificate_number TEXT COLLATE "C" NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('issued', 'revoked')),
      event_on TEXT NOT NULL,
      record_digest BYTEA CHECK (length(record_digest) = 32),
      appended_at TEXT NOT NULL,
      CHECK ((kind = 'issued') = (record_digest IS NOT NULL))
    )`
  yield* sql`CREATE INDEX log_entries_certificate ON log_entries (certificate_number, kind)`
  yield* sql`
    CREATE TABLE log_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      size BIGINT NOT NULL CHECK (size >= 0)
    )`
  yield* sql`INSERT INTO log_state (id, size) VALUES (1, 0)`
  yield* sql`
    CREATE TABLE signed_tree_heads (
      tree_size BIGINT PRIMARY KEY CHECK (tree_size >= 0),
      root BYTEA NOT NULL CHECK (length(root) = 32),
      timestamp TEXT NOT NULL,
      key_id TEXT NOT NULL,
      signed_on TEXT NOT NULL,
      signature TEXT NOT NULL
    )`
  yield* sql`
    CREATE TABLE certificate_status_entries (
      certificate_number TEXT COLLATE "C" PRIMARY KEY,
      institution_id TEXT NOT NULL,
      status_index INTEGER NOT NULL CHECK (status_index >= 0),
      UNIQUE (institution_id, status_index)
    )`
  yield* sql.unsafe(`
    CREATE FUNCTION transparency_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '${LOG_APPEND_ONLY_MESSAGE}: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
    END
    $$`)
  // Statement-level: refused even when no row matches, and TRUNCATE (which row triggers miss) too.
  for (const table of LOG_APPEND_ONLY_TABLES)
    yield* sql.unsafe(`
      CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION transparency_log_refuse_change()`)
  yield* sql.unsafe(`
    CREATE FUNCTION log_state_refuse_shrink() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'UPDATE' OR NEW.id <> OLD.id OR NEW.size < OLD.size THEN
        RAISE EXCEPTION '${LOG_SIZE_MESSAGE}: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END
    $$`)
  yield* sql.unsafe(`
    CREATE TRIGGER log_state_only_grows BEFORE UPDATE ON log_state
    FOR EACH ROW EXECUTE FUNCTION log_state_refuse_shrink()`)
  yield* sql.unsafe(`
    CREATE TRIGGER log_state_kept BEFORE DELETE OR TRUNCATE ON log_state
    FOR EACH STATEMENT EXECUTE FUNCTION log_state_refuse_shrink()`)
})

const sqlite = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  // WITHOUT ROWID: the nodes and the status entries are looked up by their primary key only.
  yield* sql`
    CREATE TABLE log_nodes (
      level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 62),
      idx INTEGER NOT NULL CHECK (idx >= 0),
      hash BLOB NOT NULL CHECK (length(hash) = 32),
      PRIMARY KEY (level, idx)
    ) WITHOUT ROWID`
  yield* sql`
    CREATE TABLE log_entries (
      leaf_index INTEGER PRIMARY KEY CHECK (leaf_index >= 0),
      certificate_number TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('issued', 'revoked')),
      event_on TEXT NOT NULL,
      record_digest BLOB CHECK (length(record_digest) = 32),
      appended_at TEXT NOT NULL,
      CHECK ((kind = 'issued') = (record_digest IS NOT NULL))
    )`
  yield* sql`CREATE INDEX log_entries_certificate ON log_entries (certificate_number, kind)`
  yield* sql`
    CREATE TABLE log_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      size INTEGER NOT NULL CHECK (size >= 0)
    )`
  yield* sql`INSERT INTO log_state (id, size) VALUES (1, 0)`
  yield* sql`
    CREATE TABLE signed_tree_heads (
      tree_size INTEGER PRIMARY KEY CHECK (tree_size >= 0),
      root BLOB NOT NULL CHECK (length(root) = 32),
      timestamp TEXT NOT NULL,
      key_id TEXT NOT NULL,
      signed_on TEXT NOT NULL,
      signature TEXT NOT NULL
    )`
  yield* sql`
    CREATE TABLE certificate_status_entries (
      certificate_number TEXT PRIMARY KEY,
      institution_id TEXT NOT NULL,
      status_index INTEGER NOT NULL CHECK (status_index >= 0),
      UNIQUE (institution_id, status_index)
    ) WITHOUT ROWID`
  for (const table of LOG_APPEND_ONLY_TABLES)
    for (const operation of ["UPDATE", "DELETE"])
      yield* sql.unsafe(`
        CREATE TRIGGER ${table}_no_${operation.toLowerCase()} BEFORE ${operation} ON ${table}
        BEGIN SELECT RAISE(ABORT, '${LOG_APPEND_ONLY_MESSAGE}: ${operation} on ${table} refused'); END`)
  yield* sql.unsafe(`
    CREATE TRIGGER log_state_only_grows BEFORE UPDATE ON log_state
    WHEN NEW.id IS NOT OLD.id OR NEW.size < OLD.size
    BEGIN SELECT RAISE(ABORT, '${LOG_SIZE_MESSAGE}: UPDATE refused'); END`)
  yield* sql.unsafe(`
    CREATE TRIGGER log_state_kept BEFORE DELETE ON log_state
    BEGIN SELECT RAISE(ABORT, '${LOG_SIZE_MESSAGE}: DELETE refused'); END`)
})
