/**
 * Reports get a revision for optimistic concurrency (举报, 54号·五 "严肃核实查处相关举报问题"): 1 when received, one
 * more with each handling step; an update is stored only at the revision it was read at. Reports received before
 * this migration start at 1.
 */
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`ALTER TABLE quality_reports ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1)`
})
