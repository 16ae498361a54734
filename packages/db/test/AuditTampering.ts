/**
 * Tampering with the audit trail, for the tests that prove `verify` detects it: the database refuses UPDATE and
 * DELETE of `audit_trail` (migration 0010), so an attacker must first drop that guard — someone with DDL rights.
 * Every test that edits or deletes audit rows calls `dropAuditGuard` first; nothing else should.
 */
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { AUDIT_GUARD } from "../src/migrations/0010_protect_audit_trail.js"

/** Drops the append-only triggers of the database in context (idempotent). */
export const dropAuditGuard = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql.onDialectOrElse({
    pg: () => sql.unsafe(`DROP TRIGGER IF EXISTS ${AUDIT_GUARD.pgTrigger} ON audit_trail`),
    orElse: () =>
      Effect.forEach(AUDIT_GUARD.sqliteTriggers, (name) => sql.unsafe(`DROP TRIGGER IF EXISTS ${name}`), {
        discard: true
      })
  })
}).pipe(Effect.orDie)
