/**
 * Evaluation batches (附件2 评价批次; 54号·五 公布, 54号·四 核发) and their candidates with results (up to 100,000 per
 * batch). A batch row carries its 附件2 columns, status and step dates; a candidate row its position in the
 * submission, the person, the employer and the result. The same person appears once per batch.
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
    CREATE TABLE evaluation_batches (
      id TEXT${binary} PRIMARY KEY,
      institution_id TEXT NOT NULL,
      institution_name TEXT NOT NULL,
      occupation_code TEXT NOT NULL,
      occupation_name TEXT NOT NULL,
      work_type TEXT,
      level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
      time_from TEXT${binary} NOT NULL,
      time_until TEXT,
      time_end TEXT NOT NULL,
      contact_name TEXT NOT NULL,
      contact_phone TEXT NOT NULL,
      region_code TEXT NOT NULL,
      region_city TEXT,
      region_province TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('planned', 'published', 'results_submitted', 'issued')),
      planned_on TEXT NOT NULL,
      published_on TEXT,
      results_submitted_on TEXT,
      issued_on TEXT,
      candidate_count INTEGER,
      passed_count INTEGER
    )`
  yield* sql`CREATE INDEX evaluation_batches_public ON evaluation_batches (status, time_from, id)`
  yield* sql`CREATE INDEX evaluation_batches_institution ON evaluation_batches (institution_id, status)`
  yield* sql`CREATE INDEX evaluation_batches_occupation ON evaluation_batches (occupation_code, level)`
  yield* sql`CREATE INDEX evaluation_batches_region ON evaluation_batches (region_code)`
  yield* sql`CREATE INDEX evaluation_batches_city ON evaluation_batches (region_city)`
  yield* sql`CREATE INDEX evaluation_batches_province ON evaluation_batches (region_province)`
  yield* sql`
    CREATE TABLE batch_candidates (
      batch_id TEXT${binary} NOT NULL REFERENCES evaluation_batches (id),
      seq INTEGER NOT NULL,
      holder_name TEXT NOT NULL,
      holder_id_type TEXT NOT NULL
        CHECK (holder_id_type IN ('resident_id', 'hk_macao_permit', 'taiwan_permit', 'passport')),
      holder_id_number TEXT NOT NULL,
      employer_uscc TEXT,
      result TEXT NOT NULL CHECK (result IN ('passed', 'failed', 'absent')),
      score DOUBLE PRECISION,
      PRIMARY KEY (batch_id, seq),
      UNIQUE (batch_id, holder_id_type, holder_id_number)
    )`
  yield* sql`CREATE INDEX batch_candidates_holder ON batch_candidates (holder_id_number)`
})
