/**
 * The PostgreSQL registry: one `pg` pool of our own, exposed both as the @effect/sql `PgClient` (`SqlClient`)
 * and — for the measured hot path, the public lookup — as named prepared statements on the same pool. @effect/sql
 * sends every statement unnamed, so the server parses and plans it on every call; a named statement is parsed
 * once per pooled connection (pg keeps the names per connection), and its rows come back as value arrays.
 * Inside an @effect/sql transaction a prepared read runs on the transaction's own connection instead (unnamed):
 * it sees the transaction's writes, and never waits for a second connection while holding one, which a full pool
 * of transactions doing lookups would otherwise deadlock on.
 */
import * as Reactivity from "@effect/experimental/Reactivity"
import * as Client from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import { PgClient } from "@effect/sql-pg"
import { Context, Duration, Effect, Layer, Redacted } from "effect"
import pg from "pg"

export interface PgOptions {
  readonly url: Redacted.Redacted<string>
  /** Connections in the pool (transactions hold one each for their duration). */
  readonly maxConnections: number
}

/** A statement prepared by name on each connection that runs it; one name always means one text. */
export interface PreparedStatement {
  readonly name: string
  readonly text: string
}

export class PgDatabase extends Context.Tag("@jineng/db/PgDatabase")<
  PgDatabase,
  {
    /** The rows of `statement` with `params`, each as its values in the statement's column order. */
    readonly values: (
      statement: PreparedStatement,
      params: ReadonlyArray<unknown>
    ) => Effect.Effect<ReadonlyArray<ReadonlyArray<unknown>>, SqlError>
  }
>() {
  /** PgClient, SqlClient and PgDatabase over one pool, closed with the layer. */
  static readonly layer = (options: PgOptions) =>
    Layer.scopedContext(make(options)).pipe(Layer.provide(Reactivity.layer))
}

const CONNECT_TIMEOUT = Duration.seconds(5)

const make = (options: PgOptions) =>
  Effect.gen(function* () {
    const pool = yield* Effect.acquireRelease(
      Effect.sync(() => {
        const pool = new pg.Pool({
          connectionString: Redacted.value(options.url),
          max: options.maxConnections,
          application_name: "@jineng/db"
        })
        pool.on("error", () => {}) // an idle connection that failed: the pool drops it and opens another
        return pool
      }),
      (pool) => Effect.promise(() => pool.end()).pipe(Effect.interruptible, Effect.timeoutOption(1000))
    )
    // As PgClient.make does: fail at start-up, not on the first query, when the server does not answer.
    yield* Effect.tryPromise({
      try: () => pool.query("SELECT 1"),
      catch: (cause) => new SqlError({ cause, message: "PgDatabase: failed to connect" })
    }).pipe(
      Effect.timeoutFail({
        duration: CONNECT_TIMEOUT,
        onTimeout: () =>
          new SqlError({
            cause: new Error("Connection timed out"),
            message: "PgDatabase: connection timed out"
          })
      })
    )
    const client = yield* PgClient.fromPool({ acquire: Effect.succeed(pool) })

    const onPool = (statement: PreparedStatement, params: ReadonlyArray<unknown>) =>
      Effect.async<ReadonlyArray<ReadonlyArray<unknown>>, SqlError>((resume) => {
        pool.query<Array<unknown>>(
          { name: statement.name, text: statement.text, values: [...params], rowMode: "array" },
          (cause: Error | undefined, result) => {
            if (cause) resume(Effect.fail(new SqlError({ cause, message: "Failed to execute statement" })))
            else resume(Effect.succeed(result.rows))
          }
        )
      })

    const values = (statement: PreparedStatement, params: ReadonlyArray<unknown>) =>
      Effect.flatMap(Effect.serviceOption(Client.TransactionConnection), (transaction) =>
        transaction._tag === "Some" ? client.unsafe(statement.text, params).values : onPool(statement, params)
      )

    return Context.make(PgClient.PgClient, client).pipe(
      Context.add(Client.SqlClient, client),
      Context.add(PgDatabase, { values })
    )
  })
