/**
 * Organisations that act through the API and their API keys (domain.md §4): a key is stored as its lookup
 * prefix and a hash only, never the key; revoked keys stay on file with their revocation time.
 */
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  // Directory order is code-point order in both dialects: PostgreSQL's default collation may be a locale's.
  const binary = sql.onDialectOrElse({ pg: () => sql.literal(' COLLATE "C"'), orElse: () => sql.literal("") })
  yield* sql`
    CREATE TABLE access_organisations (
      id TEXT${binary} PRIMARY KEY,
      name TEXT${binary} NOT NULL,
      role TEXT NOT NULL,
      region_code TEXT NOT NULL,
      region_city TEXT,
      region_province TEXT NOT NULL,
      institution_id TEXT${binary}
    )`
  yield* sql`CREATE INDEX access_organisations_directory ON access_organisations (region_code, name, id)`
  yield* sql`CREATE INDEX access_organisations_city ON access_organisations (region_city)`
  yield* sql`CREATE INDEX access_organisations_province ON access_organisations (region_province)`
  yield* sql`CREATE INDEX access_organisations_role ON access_organisations (role)`
  yield* sql`CREATE INDEX access_organisations_institution ON access_organisations (institution_id)`
  yield* sql`
    CREATE TABLE access_api_keys (
      id TEXT${binary} PRIMARY KEY,
      organisation_id TEXT${binary} NOT NULL REFERENCES access_organisations (id),
      prefix TEXT NOT NULL,
      hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    )`
  yield* sql`CREATE UNIQUE INDEX access_api_keys_prefix ON access_api_keys (prefix)`
  yield* sql`CREATE INDEX access_api_keys_organisation ON access_api_keys (organisation_id, created_at, id)`
})
