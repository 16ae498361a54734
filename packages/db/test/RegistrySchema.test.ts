/**
 * The registry's schema on every database of TestDatabases: the certificates table refuses a status, level or
 * kind the domain does not know (54号·四: the one registry holds only well-formed certificates), and on
 * PostgreSQL every column a list is ordered by compares in code-point order ("C"), as SQLite and the in-memory
 * layers do, whatever the server's locale.
 */
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Exit, Layer } from "effect"
import { type CertificateRow, toRow } from "../src/certificate/CertificateRow.js"
import { draft } from "./fixtures.js"
import { targets } from "./TestDatabases.js"

const valid: CertificateRow = toRow({
  ...draft(1).certificate,
  number: "S000032000001243000001",
  batchId: "schema-batch",
  status: { _tag: "valid" }
} as never)

/** Every column an ORDER BY of the registry sorts text by (ids as tie-breaks, dates, codes). */
const ORDERED_COLUMNS: ReadonlyArray<readonly [table: string, column: string]> = [
  ["certificates", "number"],
  ["certificates", "issuer_region"],
  ["occupations", "code"],
  ["occupation_notice_additions", "code"],
  ["occupation_work_types", "occupation_code"],
  ["national_standards", "id"],
  ["national_standards", "effective_from"],
  ["national_standards", "published_on"],
  ["question_banks", "id"],
  ["question_banks", "approved_on"],
  ["enterprise_norms", "id"],
  ["enterprise_norms", "filed_on"],
  ["provincial_catalogue_entries", "id"],
  ["provincial_catalogue_entries", "listed_on"],
  ["institutions", "id"],
  ["institutions", "name"],
  ["access_organisations", "id"],
  ["access_organisations", "name"],
  ["access_api_keys", "id"],
  ["competitions", "id"],
  ["competitions", "starts_on"],
  ["competition_plans", "id"],
  ["competition_plans", "time_from"],
  ["competition_filings", "id"],
  ["competition_filings", "submitted_on"],
  ["evaluation_batches", "id"],
  ["evaluation_batches", "time_from"],
  ["revocation_orders", "id"],
  ["revocation_orders", "ordered_on"],
  ["revocation_orders", "executed_at"],
  ["quality_assessments", "id"],
  ["quality_assessments", "institution_id"],
  ["quality_assessments", "period"],
  ["quality_assessments", "assessed_on"],
  ["quality_reports", "id"],
  ["quality_reports", "received_on"],
  ["quality_report_events", "report_id"],
  ["eligibility_rule_versions", "table_name"],
  ["eligibility_rule_versions", "version"],
  ["eligibility_rule_versions", "effective_from"],
  ["eligibility_rule_versions", "published_at"]
]

describe.each(targets)("registry schema — $name", ({ layer: makeLayer, dialect }) => {
  layer(Layer.fresh(makeLayer()), { timeout: 60_000 })((it) => {
    it.effect(
      "the certificates table refuses an unknown status, a level outside 1–5 and an unknown kind",
      () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          yield* sql`INSERT INTO certificate_batches ${sql.insert({
            batch_id: "schema-batch",
            institution_id: "inst_1",
            certificate_count: 1,
            issued_at: "2024-06-30T02:00:00.000Z"
          })}`
          const insert = (row: CertificateRow) =>
            Effect.exit(sql`INSERT INTO certificates ${sql.insert(row as never)}`)
          const refused = [
            { ...valid, number: "S000032000001243000002", status: "void" },
            { ...valid, number: "S000032000001243000003", status: "REVOKED" },
            { ...valid, number: "S000032000001203000004", level: 0 },
            { ...valid, number: "S000032000001246000005", level: 6 },
            { ...valid, number: "S000032000001243000006", kind: "honorary" }
          ]
          for (const row of refused) expect(Exit.isFailure(yield* insert(row))).toBe(true)
          expect(Exit.isSuccess(yield* insert(valid))).toBe(true)
          expect(
            Exit.isSuccess(yield* insert({ ...valid, number: "S000032000001245000007", level: 5 }))
          ).toBe(true)
          const stored = yield* sql<{ readonly n: number | string }>`SELECT COUNT(*) AS n FROM certificates`
          expect(Number(stored[0]?.n)).toBe(2)
        })
    )

    it.effect.skipIf(dialect !== "pg")("every ordered text column is collated in code-point order (C)", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const rows = yield* sql<{
          readonly table_name: string
          readonly column_name: string
          readonly c: string | null
        }>`
          SELECT table_name, column_name, collation_name AS c FROM information_schema.columns
          WHERE table_schema = current_schema()`
        const collation = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.c]))
        const notBinary = ORDERED_COLUMNS.map(([t, c]) => `${t}.${c}`).filter((k) => collation.get(k) !== "C")
        expect(notBinary).toEqual([])
      })
    )
  })
})
