/**
 * What employers file (54号·三, 54号·一): enterprise norm filings — the submission, the employer's region for
 * the appraisal centres' scope (属地管理, region columns of sql/SqlParts), the status and the centre's decision —
 * and registered 破格晋升 rules, one per employer and document number. Each record is one JSON document next to
 * the columns its lists filter and order by (code-point collation on PostgreSQL, as in the earlier migrations).
 */
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const binary = sql.onDialectOrElse({ pg: () => sql.literal(' COLLATE "C"'), orElse: () => sql.literal("") })

  yield* sql`
    CREATE TABLE enterprise_norm_filings (
      norm_id TEXT${binary} PRIMARY KEY,
      employer_id TEXT${binary} NOT NULL,
      region_code TEXT NOT NULL,
      region_city TEXT,
      region_province TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('submitted', 'filed', 'refused')),
      submitted_on TEXT${binary} NOT NULL,
      filing TEXT NOT NULL
    )`
  yield* sql`CREATE INDEX enterprise_norm_filings_employer ON enterprise_norm_filings (employer_id, submitted_on)`
  yield* sql`CREATE INDEX enterprise_norm_filings_city ON enterprise_norm_filings (region_city, submitted_on)`
  yield* sql`CREATE INDEX enterprise_norm_filings_status ON enterprise_norm_filings (status, submitted_on)`

  yield* sql`
    CREATE TABLE employer_promotion_rules (
      employer_id TEXT${binary} NOT NULL,
      document_id TEXT${binary} NOT NULL,
      published_on TEXT${binary} NOT NULL,
      registered_by TEXT NOT NULL,
      registered_on TEXT NOT NULL,
      rule TEXT NOT NULL,
      PRIMARY KEY (employer_id, document_id)
    )`
  yield* sql`CREATE INDEX employer_promotion_rules_published ON employer_promotion_rules (employer_id, published_on)`
})
