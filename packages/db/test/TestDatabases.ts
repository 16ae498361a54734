/**
 * The databases every contract suite runs against: SQLite in memory, a SQLite file, and PostgreSQL when
 * TEST_DATABASE_URL is set (each suite gets a fresh database, dropped afterwards). `.ci/run` sets the URL
 * and fails when the server is unreachable, so CI always covers both dialects.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { Effect, Layer, Redacted } from "effect"
import * as Database from "../src/Database.js"

export interface TestTarget {
  readonly name: string
  readonly dialect: "sqlite" | "pg"
  /** A fresh, migrated database for one suite. */
  readonly layer: () => Layer.Layer<SqlClient.SqlClient>
}

const sqliteFile = (): Layer.Layer<SqlClient.SqlClient> =>
  Layer.unwrapScoped(
    Effect.acquireRelease(
      Effect.sync(() => mkdtempSync(join(tmpdir(), "jineng-db-"))),
      (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
    ).pipe(Effect.map((dir) => Database.layer({ _tag: "sqlite", filename: join(dir, "registry.sqlite") })))
  ).pipe(Layer.orDie)

/**
 * The test databases' default collation: a locale's (ICU zh-CN sorts "a" < "B", "b_1" < "b1" and Han by
 * pinyin), never byte order, so that every ordering the registry promises is checked to hold under a server
 * locale too — production servers often default to zh_CN.UTF-8.
 */
const LOCALE_COLLATION = "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN'"

let warnedNoIcu = false

/**
 * Creates a uniquely named database (collated like LOCALE_COLLATION; a server without ICU, before PostgreSQL
 * 15, gets its default with a warning) on the test server and drops it when the suite's scope closes.
 */
export const freshPgUrl = (baseUrl: string) =>
  Effect.acquireRelease(
    Effect.gen(function* () {
      const name = `jineng_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
      yield* adminQuery(baseUrl, `CREATE DATABASE ${name} ${LOCALE_COLLATION}`).pipe(
        Effect.catchAllDefect(() =>
          Effect.zipRight(
            Effect.sync(() => {
              if (!warnedNoIcu)
                console.warn("PostgreSQL without ICU: test databases use the server's collation")
              warnedNoIcu = true
            }),
            adminQuery(baseUrl, `CREATE DATABASE ${name}`)
          )
        )
      )
      const url = new URL(baseUrl)
      url.pathname = `/${name}`
      return { name, url: url.toString() }
    }),
    ({ name }) => adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).pipe(Effect.orDie)
  )

const adminQuery = (baseUrl: string, statement: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe(statement)
  }).pipe(Effect.provide(PgClient.layer({ url: Redacted.make(baseUrl), maxConnections: 1 })), Effect.orDie)

const pg = (baseUrl: string) => (): Layer.Layer<SqlClient.SqlClient> =>
  Layer.unwrapScoped(
    Effect.map(freshPgUrl(baseUrl), ({ url }) => Database.layer({ _tag: "pg", url: Redacted.make(url) }))
  ).pipe(Layer.orDie)

export const testDatabaseUrl = process.env.TEST_DATABASE_URL
if (process.env.CI !== undefined && testDatabaseUrl === undefined) {
  throw new Error("CI must cover PostgreSQL: set TEST_DATABASE_URL (see .ci/run)")
}

export const targets: ReadonlyArray<TestTarget> = [
  {
    name: "SQLite :memory:",
    dialect: "sqlite",
    layer: () => Database.layer({ _tag: "sqlite", filename: ":memory:" }).pipe(Layer.orDie)
  },
  { name: "SQLite file", dialect: "sqlite", layer: sqliteFile },
  ...(testDatabaseUrl === undefined
    ? []
    : [{ name: "PostgreSQL", dialect: "pg" as const, layer: pg(testDatabaseUrl) }])
]
