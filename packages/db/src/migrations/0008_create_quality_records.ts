/**
 * Quality management records (54号·五 质量管理): executed revocation orders (注销, "一律注销相关人员或批次的证书，并启动
 * 信用核查联动机制") with their scope and counts, the twice-yearly quality special assessments (质量专项评估), and
 * reports (举报) with their tracking codes and one row per event of their history. Lists are JSON TEXT, booleans
 * INTEGER 0/1, dates TEXT YYYY-MM-DD.
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
    CREATE TABLE revocation_orders (
      id TEXT${binary} PRIMARY KEY,
      scope_kind TEXT NOT NULL,
      batch_id TEXT,
      certificate_numbers TEXT,
      reason TEXT NOT NULL,
      basis_document_number TEXT NOT NULL,
      basis_title TEXT NOT NULL,
      credit_check_referred INTEGER NOT NULL,
      credit_check_note TEXT,
      ordered_by_level TEXT NOT NULL,
      ordered_by_region TEXT NOT NULL,
      ordered_on TEXT${binary} NOT NULL,
      revoked_count INTEGER NOT NULL,
      already_revoked_count INTEGER NOT NULL,
      executed_by TEXT NOT NULL,
      executed_at TEXT${binary} NOT NULL
    )`
  yield* sql`CREATE INDEX revocation_orders_newest ON revocation_orders (ordered_on, executed_at, id)`
  yield* sql`
    CREATE INDEX revocation_orders_region ON revocation_orders (ordered_by_region, ordered_on, executed_at, id)`
  yield* sql`CREATE INDEX revocation_orders_batch ON revocation_orders (batch_id)`

  yield* sql`
    CREATE TABLE quality_assessments (
      id TEXT${binary} PRIMARY KEY,
      institution_id TEXT${binary} NOT NULL,
      period TEXT${binary} NOT NULL,
      assessed_on TEXT${binary} NOT NULL,
      assessor_kind TEXT NOT NULL,
      assessor_level TEXT,
      assessor_region TEXT,
      assessor_name TEXT NOT NULL,
      result TEXT NOT NULL,
      findings TEXT NOT NULL
    )`
  yield* sql`CREATE INDEX quality_assessments_institution ON quality_assessments (institution_id, assessed_on)`
  yield* sql`CREATE INDEX quality_assessments_period ON quality_assessments (period, institution_id, assessed_on)`

  // region_city / region_province: the report's region at city and province level, so that a bureau's list
  // (its own region and the regions inside it, 属地管理) is an indexed equality.
  yield* sql`
    CREATE TABLE quality_reports (
      id TEXT${binary} PRIMARY KEY,
      tracking_code TEXT NOT NULL,
      region_code TEXT NOT NULL,
      region_city TEXT,
      region_province TEXT NOT NULL,
      channel TEXT NOT NULL,
      subject TEXT NOT NULL,
      details TEXT NOT NULL,
      concerning TEXT,
      certificate_numbers TEXT,
      reporter_contact TEXT,
      received_on TEXT${binary} NOT NULL,
      state TEXT NOT NULL,
      handler_id TEXT,
      handler_name TEXT,
      outcome TEXT,
      resolved_on TEXT
    )`
  yield* sql`CREATE UNIQUE INDEX quality_reports_tracking_code ON quality_reports (tracking_code)`
  yield* sql`CREATE INDEX quality_reports_received ON quality_reports (received_on, id)`
  yield* sql`CREATE INDEX quality_reports_region ON quality_reports (region_code, received_on, id)`
  yield* sql`CREATE INDEX quality_reports_city ON quality_reports (region_city, received_on, id)`
  yield* sql`CREATE INDEX quality_reports_province ON quality_reports (region_province, received_on, id)`
  yield* sql`CREATE INDEX quality_reports_state ON quality_reports (state, received_on, id)`

  yield* sql`
    CREATE TABLE quality_report_events (
      report_id TEXT${binary} NOT NULL REFERENCES quality_reports (id),
      seq INTEGER NOT NULL,
      action TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      on_date TEXT NOT NULL,
      note TEXT NOT NULL,
      handler_id TEXT,
      handler_name TEXT,
      outcome TEXT,
      PRIMARY KEY (report_id, seq)
    )`
})
