/**
 * Competitions (54号·二, 三, 四) with their events and each event's occupations, declared fees and contestants;
 * published competition plans (54号·五, 附件3); filings on the form of 54号·附件1 with one row per level's
 * opinion and per co-signing province. A competition has at most one open or completed filing: a partial
 * unique index enforces it (both SQLite and PostgreSQL support `CREATE UNIQUE INDEX … WHERE`).
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
    CREATE TABLE competitions (
      id TEXT${binary} PRIMARY KEY,
      name TEXT NOT NULL,
      class TEXT NOT NULL CHECK (class IN ('provincial', 'city_class_1', 'city_class_2', 'county')),
      competition_group TEXT NOT NULL CHECK (competition_group IN ('worker', 'student')),
      host_name TEXT NOT NULL,
      host_credit_code TEXT NOT NULL,
      host_region_code TEXT NOT NULL,
      region_code TEXT NOT NULL,
      region_city TEXT,
      region_province TEXT NOT NULL,
      starts_on TEXT${binary} NOT NULL,
      ends_on TEXT NOT NULL,
      participating_regions TEXT
    )`
  yield* sql`CREATE INDEX competitions_starts ON competitions (starts_on, id)`
  yield* sql`CREATE INDEX competitions_region ON competitions (region_code)`
  yield* sql`CREATE INDEX competitions_city ON competitions (region_city)`
  yield* sql`CREATE INDEX competitions_province ON competitions (region_province)`
  yield* sql`CREATE INDEX competitions_class ON competitions (class, starts_on)`
  yield* sql`
    CREATE TABLE competition_events (
      competition_id TEXT${binary} NOT NULL REFERENCES competitions (id),
      seq INTEGER NOT NULL,
      name TEXT NOT NULL,
      scope TEXT NOT NULL CHECK (scope IN ('whole', 'partial')),
      PRIMARY KEY (competition_id, seq)
    )`
  yield* sql`
    CREATE TABLE competition_event_occupations (
      competition_id TEXT${binary} NOT NULL,
      event_seq INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      work_type TEXT,
      in_catalogue INTEGER,
      PRIMARY KEY (competition_id, event_seq, seq),
      FOREIGN KEY (competition_id, event_seq) REFERENCES competition_events (competition_id, seq)
    )`
  yield* sql`CREATE INDEX competition_event_occupations_code ON competition_event_occupations (code, competition_id)`
  yield* sql`
    CREATE TABLE competition_fees (
      competition_id TEXT${binary} NOT NULL REFERENCES competitions (id),
      seq INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('registration', 'participation', 'certificate', 'other')),
      amount DOUBLE PRECISION NOT NULL,
      description TEXT,
      PRIMARY KEY (competition_id, seq)
    )`
  yield* sql`
    CREATE TABLE competition_contestants (
      competition_id TEXT${binary} NOT NULL REFERENCES competitions (id),
      seq INTEGER NOT NULL,
      contestant_id TEXT NOT NULL,
      region_code TEXT NOT NULL,
      PRIMARY KEY (competition_id, seq)
    )`
  yield* sql`
    CREATE TABLE competition_plans (
      id TEXT${binary} PRIMARY KEY,
      competition_id TEXT,
      host TEXT NOT NULL,
      event_name TEXT NOT NULL,
      time_from TEXT${binary} NOT NULL,
      time_until TEXT,
      time_end TEXT NOT NULL,
      participation_conditions TEXT NOT NULL,
      registration_phone TEXT NOT NULL,
      region_code TEXT,
      region_city TEXT,
      region_province TEXT,
      occupation_code TEXT,
      occupation_name TEXT,
      work_type TEXT,
      published_on TEXT NOT NULL
    )`
  yield* sql`CREATE INDEX competition_plans_time ON competition_plans (time_from, id)`
  yield* sql`CREATE INDEX competition_plans_region ON competition_plans (region_code)`
  yield* sql`CREATE INDEX competition_plans_city ON competition_plans (region_city)`
  yield* sql`CREATE INDEX competition_plans_province ON competition_plans (region_province)`
  yield* sql`CREATE INDEX competition_plans_occupation ON competition_plans (occupation_code)`
  yield* sql`CREATE INDEX competition_plans_competition ON competition_plans (competition_id)`
  yield* sql`
    CREATE TABLE competition_filings (
      id TEXT${binary} PRIMARY KEY,
      competition_id TEXT NOT NULL,
      competition_starts_on TEXT NOT NULL,
      revision INTEGER NOT NULL,
      form_host TEXT NOT NULL,
      form_competition_name TEXT NOT NULL,
      form_declaration_type TEXT NOT NULL,
      form_events TEXT NOT NULL,
      form_regions TEXT NOT NULL,
      competition_class TEXT NOT NULL,
      host_region_code TEXT NOT NULL,
      share_total INTEGER NOT NULL,
      share_out_of_region INTEGER NOT NULL,
      share_requirement TEXT NOT NULL,
      route TEXT NOT NULL,
      required TEXT NOT NULL,
      filed_with TEXT NOT NULL,
      levels TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('in_review', 'awaiting_co_signature', 'completed', 'refused')),
      submitted_on TEXT${binary} NOT NULL,
      closed_on TEXT,
      provisional TEXT NOT NULL
    )`
  yield* sql`CREATE INDEX competition_filings_competition ON competition_filings (competition_id, submitted_on)`
  yield* sql`
    CREATE UNIQUE INDEX competition_filings_one_open ON competition_filings (competition_id)
    WHERE status IN ('in_review', 'awaiting_co_signature', 'completed')`
  yield* sql`
    CREATE TABLE competition_filing_opinions (
      filing_id TEXT${binary} NOT NULL REFERENCES competition_filings (id),
      seq INTEGER NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('district', 'city', 'province')),
      verdict TEXT NOT NULL CHECK (verdict IN ('agree', 'disagree')),
      opinion_text TEXT NOT NULL,
      actor_level TEXT NOT NULL,
      actor_region TEXT NOT NULL,
      given_on TEXT NOT NULL,
      PRIMARY KEY (filing_id, seq),
      UNIQUE (filing_id, level)
    )`
  yield* sql`
    CREATE TABLE competition_filing_cosignatures (
      filing_id TEXT${binary} NOT NULL REFERENCES competition_filings (id),
      seq INTEGER NOT NULL,
      province TEXT NOT NULL,
      signed_by_level TEXT,
      signed_by_region TEXT,
      signed_on TEXT,
      PRIMARY KEY (filing_id, seq),
      UNIQUE (filing_id, province)
    )`
})
