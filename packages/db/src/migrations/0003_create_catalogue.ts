/**
 * Regions and the occupation catalogue with its technical resources (54号·三 "确定评价职业（工种）" and
 * "规范技术标准"): the Jiangsu GB/T 2260 table (seeded here from the domain's list), base-edition occupations
 * with their 工种, dated MOHRSS notices (additions, renames, 工种 additions), national standards, question banks,
 * filed enterprise norms and 《江苏省技术资源发布目录》 entries. Lists and JSON documents are TEXT.
 */
import { SqlClient } from "@effect/sql"
import { jiangsuRegions } from "@jineng/domain/codes/Region"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  // Ordered columns compare in code-point order in both dialects, as the in-memory layers do: PostgreSQL's
  // default collation may be a locale's (zh_CN sorts "a" < "B" and "b_1" < "b1"). Columns compared with them
  // (foreign keys, joins) share their collation.
  const binary = sql.onDialectOrElse({ pg: () => sql.literal(' COLLATE "C"'), orElse: () => sql.literal("") })

  yield* sql`
    CREATE TABLE regions (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      level TEXT NOT NULL,
      parent_code TEXT REFERENCES regions (code)
    )`
  yield* sql`CREATE INDEX regions_parent ON regions (parent_code)`
  // Parents first: the province, then cities, then counties (jiangsuRegions' order).
  yield* sql`INSERT INTO regions ${sql.insert(
    jiangsuRegions.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parent ?? null }))
  )}`

  yield* sql`
    CREATE TABLE occupations (
      code TEXT${binary} PRIMARY KEY,
      name TEXT NOT NULL,
      major_code TEXT NOT NULL,
      major_name TEXT NOT NULL,
      middle_code TEXT NOT NULL,
      middle_name TEXT NOT NULL,
      minor_code TEXT NOT NULL,
      minor_name TEXT NOT NULL,
      work_type_count INTEGER NOT NULL,
      green INTEGER NOT NULL,
      digital INTEGER NOT NULL
    )`
  yield* sql`CREATE INDEX occupations_major ON occupations (major_code, code)`
  yield* sql`
    CREATE TABLE occupation_work_types (
      occupation_code TEXT${binary} NOT NULL REFERENCES occupations (code),
      seq INTEGER NOT NULL,
      name TEXT NOT NULL,
      PRIMARY KEY (occupation_code, seq)
    )`

  yield* sql`
    CREATE TABLE occupation_notices (
      document_number TEXT PRIMARY KEY,
      title TEXT,
      notice_date TEXT NOT NULL
    )`
  yield* sql`CREATE INDEX occupation_notices_date ON occupation_notices (notice_date, document_number)`
  yield* sql`
    CREATE TABLE occupation_notice_additions (
      document_number TEXT NOT NULL REFERENCES occupation_notices (document_number),
      seq INTEGER NOT NULL,
      code TEXT${binary} NOT NULL,
      name TEXT NOT NULL,
      major_code TEXT NOT NULL,
      occupation TEXT NOT NULL,
      PRIMARY KEY (document_number, seq)
    )`
  yield* sql`CREATE INDEX occupation_notice_additions_code ON occupation_notice_additions (code)`
  yield* sql`CREATE INDEX occupation_notice_additions_major ON occupation_notice_additions (major_code, code)`
  yield* sql`
    CREATE TABLE occupation_notice_renames (
      document_number TEXT NOT NULL REFERENCES occupation_notices (document_number),
      seq INTEGER NOT NULL,
      code TEXT${binary} NOT NULL,
      previous_name TEXT NOT NULL,
      name TEXT NOT NULL,
      PRIMARY KEY (document_number, seq)
    )`
  yield* sql`CREATE INDEX occupation_notice_renames_code ON occupation_notice_renames (code)`
  yield* sql`
    CREATE TABLE occupation_notice_work_types (
      document_number TEXT NOT NULL REFERENCES occupation_notices (document_number),
      seq INTEGER NOT NULL,
      code TEXT${binary} NOT NULL,
      work_types TEXT NOT NULL,
      PRIMARY KEY (document_number, seq)
    )`
  yield* sql`CREATE INDEX occupation_notice_work_types_code ON occupation_notice_work_types (code)`

  yield* sql`
    CREATE TABLE national_standards (
      id TEXT${binary} PRIMARY KEY,
      occupation_code TEXT NOT NULL,
      title TEXT NOT NULL,
      edition TEXT NOT NULL,
      published_on TEXT${binary} NOT NULL,
      effective_from TEXT${binary} NOT NULL,
      levels TEXT NOT NULL,
      conditions TEXT,
      related_occupations TEXT
    )`
  yield* sql`CREATE INDEX national_standards_occupation ON national_standards (occupation_code, effective_from)`
  yield* sql`
    CREATE TABLE question_banks (
      id TEXT${binary} PRIMARY KEY,
      occupation_code TEXT NOT NULL,
      work_type TEXT,
      levels TEXT NOT NULL,
      approved_on TEXT${binary} NOT NULL,
      expires_on TEXT
    )`
  yield* sql`CREATE INDEX question_banks_occupation ON question_banks (occupation_code, approved_on)`
  yield* sql`
    CREATE TABLE enterprise_norms (
      id TEXT${binary} PRIMARY KEY,
      title TEXT NOT NULL,
      employer_uscc TEXT NOT NULL,
      occupation_code TEXT NOT NULL,
      work_type TEXT,
      levels TEXT NOT NULL,
      filed_with TEXT NOT NULL,
      filed_on TEXT${binary} NOT NULL
    )`
  yield* sql`CREATE INDEX enterprise_norms_occupation ON enterprise_norms (occupation_code, filed_on)`
  yield* sql`CREATE INDEX enterprise_norms_employer ON enterprise_norms (employer_uscc)`
  yield* sql`
    CREATE TABLE provincial_catalogue_entries (
      id TEXT${binary} PRIMARY KEY,
      occupation_code TEXT NOT NULL,
      work_type TEXT,
      levels TEXT NOT NULL,
      norm_title TEXT NOT NULL,
      question_bank_id TEXT NOT NULL,
      approved_by TEXT NOT NULL,
      listed_on TEXT${binary} NOT NULL
    )`
  yield* sql`
    CREATE INDEX provincial_catalogue_entries_occupation ON provincial_catalogue_entries (occupation_code, listed_on)`
})
