/**
 * The embedded SQLite registry file: created with its directory on a fresh checkout (no data/ yet), and synced
 * on every commit (synchronous = FULL), so that an issuance answered as committed survives a power loss and its
 * numbers are never handed out again (54号·四: one registry, each number once).
 */
import { execFile } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { SqlClient } from "@effect/sql"
import { afterAll, describe, expect, it } from "@effect/vitest"
import Sqlite from "better-sqlite3"
import { Effect } from "effect"
import * as Database from "../src/Database.js"
import { SqliteDatabase } from "../src/sqlite/SqliteDatabase.js"

const PACKAGE = fileURLToPath(new URL("..", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "jineng-sqlite-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("SqliteDatabase on a file", () => {
  it.effect("creates the file's missing directories, then migrates", () =>
    Effect.gen(function* () {
      const filename = join(dir, "fresh", "nested", "data", "jineng.sqlite")
      const tables = yield* Effect.flatMap(
        SqlClient.SqlClient,
        (sql) => sql<{ readonly name: string }>`SELECT name FROM sqlite_master WHERE name = 'certificates'`
      ).pipe(Effect.provide(Database.layer({ _tag: "sqlite", filename })))
      expect(tables).toEqual([{ name: "certificates" }])
      expect(existsSync(filename)).toBe(true)
    })
  )

  it.effect("syncs every commit (synchronous = FULL) in WAL mode", () =>
    Effect.gen(function* () {
      const pragmas = yield* Effect.flatMap(SqliteDatabase, (db) =>
        db.use((raw) => ({
          synchronous: raw.pragma("synchronous", { simple: true }),
          journalMode: raw.pragma("journal_mode", { simple: true }),
          foreignKeys: raw.pragma("foreign_keys", { simple: true })
        }))
      ).pipe(Effect.provide(SqliteDatabase.layer({ filename: join(dir, "durable.sqlite") })))
      expect(pragmas).toEqual({ synchronous: 2, journalMode: "wal", foreignKeys: 1 })
    })
  )
})

/** A table `t` in a fresh file, the database's service, and a connection of "another process" to the file. */
const withFile = <A, E>(
  name: string,
  f: (db: SqliteDatabase["Type"], other: Sqlite.Database) => Effect.Effect<A, E, SqlClient.SqlClient>,
  readSnapshotMs?: number
) =>
  Effect.gen(function* () {
    const filename = join(dir, name)
    const db = yield* SqliteDatabase
    yield* db.use((raw) => raw.exec("CREATE TABLE t (n INTEGER)"))
    const other = yield* Effect.acquireRelease(
      Effect.sync(() => new Sqlite(filename, { timeout: 0 })),
      (o) => Effect.sync(() => o.close())
    )
    return yield* f(db, other)
  }).pipe(
    Effect.scoped,
    Effect.provide(
      SqliteDatabase.layer({
        filename: join(dir, name),
        ...(readSnapshotMs === undefined ? {} : { readSnapshotMs })
      })
    )
  )

const count = (raw: Sqlite.Database) => (raw.prepare("SELECT count(*) AS n FROM t").get() as { n: number }).n

describe("SqliteDatabase.read: lookups share a read snapshot for at most a millisecond", () => {
  it.effect("a read sees this process's commits at once, also while its snapshot is young", () =>
    withFile(
      "own-writes.sqlite",
      (db) =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          expect(yield* db.read(count)).toBe(0)
          yield* sql`INSERT INTO t (n) VALUES (1)`
          expect(yield* db.read(count)).toBe(1)
          yield* db.transaction((raw) => raw.prepare("INSERT INTO t (n) VALUES (2)").run())
          expect(yield* db.read(count)).toBe(2)
          yield* db.use((raw) => raw.prepare("INSERT INTO t (n) VALUES (3)").run())
          expect(yield* db.read(count)).toBe(3)
        }),
      60_000 // only this process's writes renew the snapshot here
    )
  )

  it.live("another process's commit is seen once the snapshot expired", () =>
    withFile("other-writes.sqlite", (db, other) =>
      Effect.gen(function* () {
        expect(yield* db.read(count)).toBe(0)
        other.prepare("INSERT INTO t (n) VALUES (1)").run()
        yield* Effect.sleep("5 millis")
        expect(yield* db.read(count)).toBe(1)
      })
    )
  )

  it.live("an idle snapshot ends: it never holds back a checkpoint", () =>
    withFile("idle.sqlite", (db, other) =>
      Effect.gen(function* () {
        other.prepare("INSERT INTO t (n) VALUES (1)").run()
        expect(yield* db.read(count)).toBe(1)
        other.prepare("INSERT INTO t (n) VALUES (2)").run()
        const held = other.pragma("wal_checkpoint(TRUNCATE)")
        yield* Effect.sleep("20 millis")
        const idle = other.pragma("wal_checkpoint(TRUNCATE)")
        expect(held).toEqual([{ busy: 1, log: expect.any(Number), checkpointed: expect.any(Number) }])
        expect(idle).toEqual([{ busy: 0, log: 0, checkpointed: 0 }])
      })
    )
  )
})

const run = promisify(execFile)

describe("migrate command on a fresh checkout", () => {
  it("creates data/ and the registry file (SQLITE_FILE in a directory that does not exist yet)", async () => {
    const sqliteFile = join(dir, "checkout", "data", "jineng.sqlite")
    const env: NodeJS.ProcessEnv = { ...process.env, SQLITE_FILE: sqliteFile }
    delete env.DATABASE_URL
    const { stdout } = await run(
      process.execPath,
      ["--conditions=@jineng/source", "--import", "tsx", "src/cli/migrate.ts"],
      { cwd: PACKAGE, env }
    )
    expect(stdout).toContain("已执行迁移 0001 create_certificates")
    expect(existsSync(sqliteFile)).toBe(true)
  }, 60_000)
})
