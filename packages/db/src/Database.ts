/**
 * The registry's database, chosen at the edge: PostgreSQL when DATABASE_URL is set (a province-wide deployment
 * with several API instances), otherwise the embedded SQLite file SQLITE_FILE (default data/jineng.sqlite).
 * Everything downstream sees `SqlClient`; for hot paths SQLite additionally provides `SqliteDatabase`, PostgreSQL
 * `PgDatabase`.
 */
import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { Config, Effect, Layer, Option, type Redacted } from "effect"
import { Migrations } from "./Migrations.js"
import { PgDatabase } from "./pg/PgDatabase.js"
import { SqliteDatabase } from "./sqlite/SqliteDatabase.js"

export type DatabaseTarget =
  | { readonly _tag: "sqlite"; readonly filename: string }
  | { readonly _tag: "pg"; readonly url: Redacted.Redacted<string> }

export const DatabaseConfig: Config.Config<DatabaseTarget> = Config.all({
  url: Config.option(Config.redacted("DATABASE_URL")),
  sqliteFile: Config.withDefault(Config.string("SQLITE_FILE"), "data/jineng.sqlite")
}).pipe(
  Config.map(({ url, sqliteFile }) =>
    Option.match(url, {
      onNone: (): DatabaseTarget => ({ _tag: "sqlite", filename: sqliteFile }),
      onSome: (url): DatabaseTarget => ({ _tag: "pg", url })
    })
  )
)

/**
 * The SqlClient for a target, without migrations (the hot-path services, SqliteDatabase or PgDatabase, come with
 * it: repositories look them up with Effect.serviceOption).
 */
export const clientLayer = (target: DatabaseTarget): Layer.Layer<SqlClient.SqlClient, SqlError> =>
  target._tag === "sqlite"
    ? SqliteDatabase.layer({ filename: target.filename })
    : PgDatabase.layer({ url: target.url, maxConnections: 10 })

/** The SqlClient for a target, migrated to the latest schema at start-up. */
export const layer = (target: DatabaseTarget) =>
  Layer.effectDiscard(Migrations.run).pipe(Layer.provideMerge(clientLayer(target)))

/** Readiness: true when the database answers a trivial query. */
export const ping: Effect.Effect<boolean, never, SqlClient.SqlClient> = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) => sql`SELECT 1 AS one`
).pipe(
  Effect.as(true),
  Effect.catchAll(() => Effect.succeed(false))
)

/** The database named by the environment (config is read here, at the edge). */
export const layerFromConfig = Layer.unwrapEffect(Effect.map(DatabaseConfig, layer))
