/**
 * Who filed each competition through the API (domain.md §4: a host acts on its own records only) and when. One
 * row per competition; competitions stored otherwise (imports, the demo) have none.
 */
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const binary = sql.onDialectOrElse({ pg: () => sql.literal(' COLLATE "C"'), orElse: () => sql.literal("") })
  yield* sql`
    CREATE TABLE competition_filers (
      competition_id TEXT${binary} PRIMARY KEY REFERENCES competitions (id),
      organisation_id TEXT NOT NULL,
      filed_on TEXT NOT NULL
    )`
  yield* sql`CREATE INDEX competition_filers_organisation ON competition_filers (organisation_id)`
})
