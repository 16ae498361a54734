/**
 * better-sqlite3 for the benchmark, loaded from @jineng/db's own dependencies: the API does not depend on
 * better-sqlite3 itself, and the benchmark adds no dependency. Its type comes through SqliteDatabase's raw handle.
 */
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import type { SqliteDatabase } from "@jineng/db/sqlite/SqliteDatabase"
import type { Context } from "effect"

/** better-sqlite3's `Database`. */
export type RawDatabase = Parameters<Parameters<Context.Tag.Service<typeof SqliteDatabase>["use"]>[0]>[0]

type OpenDatabase = new (
  filename: string,
  options?: { readonly readonly?: boolean; readonly fileMustExist?: boolean }
) => RawDatabase

const requireFromDb = createRequire(fileURLToPath(import.meta.resolve("@jineng/db/Database")))

export const Sqlite = requireFromDb("better-sqlite3") as OpenDatabase
