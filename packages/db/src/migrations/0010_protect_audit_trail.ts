/**
 * The audit trail is append-only in the database itself (domain.md §4; issue #3): triggers refuse every UPDATE
 * and DELETE of `audit_trail` (and TRUNCATE on PostgreSQL), whoever sends it — the registry only ever INSERTs.
 * Someone with DDL rights can still drop the triggers first; the hash chain (`verify-audit`) detects what they
 * change afterwards.
 */
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** The error the database raises for a refused change (PostgreSQL adds the operation). */
export const APPEND_ONLY_MESSAGE = "审计记录只可追加，不得修改或删除（audit_trail is append-only）"

/** The guard's objects, by dialect (the test helper that simulates an attacker drops them). */
export const AUDIT_GUARD = {
  sqliteTriggers: ["audit_trail_no_update", "audit_trail_no_delete"],
  pgTrigger: "audit_trail_append_only",
  pgFunction: "audit_trail_refuse_change"
} as const

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql.onDialectOrElse({
    pg: () =>
      Effect.gen(function* () {
        yield* sql.unsafe(`
          CREATE FUNCTION ${AUDIT_GUARD.pgFunction}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            RAISE EXCEPTION '${APPEND_ONLY_MESSAGE}: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
          END
          $$`)
        // Statement-level: refused even when no row matches, and TRUNCATE (which row triggers miss) too.
        yield* sql.unsafe(`
          CREATE TRIGGER ${AUDIT_GUARD.pgTrigger} BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_trail
          FOR EACH STATEMENT EXECUTE FUNCTION ${AUDIT_GUARD.pgFunction}()`)
      }),
    orElse: () =>
      Effect.forEach(
        [
          [AUDIT_GUARD.sqliteTriggers[0], "UPDATE"],
          [AUDIT_GUARD.sqliteTriggers[1], "DELETE"]
        ] as const,
        ([name, operation]) =>
          sql.unsafe(`
            CREATE TRIGGER ${name} BEFORE ${operation} ON audit_trail
            BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY_MESSAGE}: ${operation} refused'); END`),
        { discard: true }
      )
  })
})
