/**
 * The dated eligibility rule tables (54号·一; domain.md §2): 贯通 ("title-bridge", 苏人社发〔2021〕132号) and
 * competition promotion ("competition-promotion", 苏人社函〔2022〕65号), one row per published version with its
 * rows and provenance as JSON TEXT. Seeded with the domain's provisional defaults (DEFAULT_ELIGIBILITY_VERSIONS),
 * so a fresh registry answers exactly like the defaults until an administrator publishes a new version.
 */
import { SqlClient } from "@effect/sql"
import { DEFAULT_ELIGIBILITY_VERSIONS } from "@jineng/domain/eligibility/EligibilityTables"
import { Clock, Effect } from "effect"
import { ruleTableRow } from "../ruletable/RuleTableRow.js"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  // Ordered columns compare in code-point order in both dialects, as the in-memory layers do: PostgreSQL's
  // default collation may be a locale's (zh_CN sorts "a" < "B" and "b_1" < "b1"). Columns compared with them
  // (foreign keys, joins) share their collation.
  const binary = sql.onDialectOrElse({ pg: () => sql.literal(' COLLATE "C"'), orElse: () => sql.literal("") })
  yield* sql`
    CREATE TABLE eligibility_rule_versions (
      table_name TEXT${binary} NOT NULL,
      version TEXT${binary} NOT NULL,
      effective_from TEXT${binary} NOT NULL,
      provisional INTEGER NOT NULL,
      provenance TEXT NOT NULL,
      table_rows TEXT NOT NULL,
      published_at TEXT${binary} NOT NULL,
      PRIMARY KEY (table_name, version)
    )`
  yield* sql`CREATE INDEX eligibility_rule_versions_effective ON eligibility_rule_versions (table_name, effective_from)`
  const publishedAt = new Date(yield* Clock.currentTimeMillis).toISOString()
  const defaults = [
    ...DEFAULT_ELIGIBILITY_VERSIONS.titleBridge,
    ...DEFAULT_ELIGIBILITY_VERSIONS.competitionPromotion
  ]
  yield* sql`INSERT INTO eligibility_rule_versions ${sql.insert(defaults.map((t) => ruleTableRow(t, publishedAt)))}`
})
