/**
 * Schema migrations for both dialects, applied at start-up (Database.layer) and by the `migrate` command.
 * Each migration is an Effect in migrations/NNNN_<verb>_<noun>.ts; dialect differences use onDialectOrElse.
 */
import * as Migrator from "@effect/sql/Migrator"
import { Effect } from "effect"
import m0001 from "./migrations/0001_create_certificates.js"
import m0002 from "./migrations/0002_create_audit_trail.js"
import m0003 from "./migrations/0003_create_catalogue.js"
import m0004 from "./migrations/0004_create_institutions.js"
import m0005 from "./migrations/0005_create_organisations.js"
import m0006 from "./migrations/0006_create_competitions.js"
import m0007 from "./migrations/0007_create_evaluation_batches.js"
import m0008 from "./migrations/0008_create_quality_records.js"
import m0009 from "./migrations/0009_create_rule_tables.js"
import m0010 from "./migrations/0010_protect_audit_trail.js"
import m0011 from "./migrations/0011_add_report_revision.js"
import m0013 from "./migrations/0013_create_competition_filers.js"
import m0015 from "./migrations/0015_create_employer_filings.js"
import m0016 from "./migrations/0016_cluster_certificates_by_number.js"
import m0017 from "./migrations/0017_create_transparency_log.js"

/** Every migration by id, in order (a test migrates a database up to an earlier one). */
export const MIGRATIONS = {
  "0001_create_certificates": m0001,
  "0002_create_audit_trail": m0002,
  "0003_create_catalogue": m0003,
  "0004_create_institutions": m0004,
  "0005_create_organisations": m0005,
  "0006_create_competitions": m0006,
  "0007_create_evaluation_batches": m0007,
  "0008_create_quality_records": m0008,
  "0009_create_rule_tables": m0009,
  "0010_protect_audit_trail": m0010,
  "0011_add_report_revision": m0011,
  "0013_create_competition_filers": m0013,
  "0015_create_employer_filings": m0015,
  "0016_cluster_certificates_by_number": m0016,
  "0017_create_transparency_log": m0017
}

const loader = Migrator.fromRecord(MIGRATIONS)

export const Migrations = {
  /** Applies pending migrations; returns the ones applied. */
  run: Migrator.make({})({ loader, table: "jineng_migrations" }).pipe(Effect.orDie)
}
