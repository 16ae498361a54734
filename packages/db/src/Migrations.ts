/**
 * Schema migrations for both dialects, applied at start-up (Database.layer) and by the `migrate` command.
 * Each migration is an Effect in migrations/NNNN_<verb>_<noun>.ts; dialect differences use onDialectOrElse.
 */
import * as Migrator from "@effect/sql/Migrator"
import { Effect } from "effect"
import m0001 from "./migrations/0001_create_certificates.js"
import m0002 from "./migrations/0002_create_audit_trail.js"

const loader = Migrator.fromRecord({
  "0001_create_certificates": m0001,
  "0002_create_audit_trail": m0002
})

export const Migrations = {
  /** Applies pending migrations; returns the ones applied. */
  run: Migrator.make({})({ loader, table: "jineng_migrations" }).pipe(Effect.orDie)
}
