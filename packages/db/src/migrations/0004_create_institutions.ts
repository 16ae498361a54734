/**
 * The institution catalogue (54号·五 目录清单式动态管理): institutions with their numbering prefix, responsible
 * person and one seal; their authorisations normalised into rows (searchable by occupation, level, region and
 * validity); the append-only status history; and the scope change records (before/after as JSON).
 */
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  // Directory order is code-point order in both dialects: PostgreSQL's default collation may be a locale's.
  const binary = sql.onDialectOrElse({ pg: () => sql.literal(' COLLATE "C"'), orElse: () => sql.literal("") })
  yield* sql`
    CREATE TABLE institutions (
      id TEXT${binary} PRIMARY KEY,
      name TEXT${binary} NOT NULL,
      kind TEXT NOT NULL,
      uscc TEXT NOT NULL,
      region_code TEXT NOT NULL,
      region_city TEXT,
      region_province TEXT NOT NULL,
      filed_with TEXT NOT NULL,
      numbering_prefix TEXT,
      responsible_person TEXT NOT NULL,
      seal_id TEXT NOT NULL,
      seal_name TEXT NOT NULL,
      version INTEGER NOT NULL
    )`
  yield* sql`CREATE UNIQUE INDEX institutions_numbering_prefix ON institutions (numbering_prefix)`
  yield* sql`CREATE INDEX institutions_directory ON institutions (region_code, name, id)`
  yield* sql`CREATE INDEX institutions_city ON institutions (region_city)`
  yield* sql`CREATE INDEX institutions_province ON institutions (region_province)`
  yield* sql`CREATE INDEX institutions_kind ON institutions (kind)`
  yield* sql`CREATE INDEX institutions_uscc ON institutions (uscc)`
  yield* sql`
    CREATE TABLE institution_authorisations (
      institution_id TEXT${binary} NOT NULL REFERENCES institutions (id),
      position INTEGER NOT NULL,
      authorisation_id TEXT NOT NULL,
      region_code TEXT NOT NULL,
      valid_from TEXT NOT NULL,
      valid_until TEXT NOT NULL,
      PRIMARY KEY (institution_id, position)
    )`
  yield* sql`CREATE INDEX institution_authorisations_region ON institution_authorisations (region_code)`
  yield* sql`
    CREATE INDEX institution_authorisations_validity ON institution_authorisations (valid_until, valid_from)`
  yield* sql`
    CREATE TABLE institution_authorised_occupations (
      institution_id TEXT${binary} NOT NULL REFERENCES institutions (id),
      position INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      occupation_code TEXT NOT NULL,
      work_type TEXT,
      PRIMARY KEY (institution_id, position, seq)
    )`
  yield* sql`
    CREATE INDEX institution_authorised_occupations_code
    ON institution_authorised_occupations (occupation_code, institution_id, position)`
  yield* sql`
    CREATE TABLE institution_authorised_levels (
      institution_id TEXT${binary} NOT NULL REFERENCES institutions (id),
      position INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      level INTEGER NOT NULL,
      PRIMARY KEY (institution_id, position, seq)
    )`
  yield* sql`
    CREATE INDEX institution_authorised_levels_level
    ON institution_authorised_levels (level, institution_id, position)`
  yield* sql`
    CREATE TABLE institution_status_history (
      institution_id TEXT${binary} NOT NULL REFERENCES institutions (id),
      seq INTEGER NOT NULL,
      status TEXT NOT NULL,
      effective_on TEXT NOT NULL,
      reason TEXT NOT NULL,
      actor TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (institution_id, seq)
    )`
  yield* sql`
    CREATE INDEX institution_status_history_on
    ON institution_status_history (institution_id, effective_on, seq)`
  yield* sql`
    CREATE TABLE institution_scope_changes (
      institution_id TEXT${binary} NOT NULL REFERENCES institutions (id),
      seq INTEGER NOT NULL,
      effective_on TEXT NOT NULL,
      reason TEXT NOT NULL,
      actor TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      before_scope TEXT NOT NULL,
      after_scope TEXT NOT NULL,
      PRIMARY KEY (institution_id, seq)
    )`
})
