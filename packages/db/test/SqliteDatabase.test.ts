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
