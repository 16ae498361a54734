/**
 * The embedded SQLite registry: one better-sqlite3 connection (WAL, busy timeout, foreign keys), exposed both
 * as an @effect/sql `SqlClient` and — for the measured hot paths (public lookup, batch issuance) — as the raw
 * handle, guarded by the same one-permit semaphore so raw statements never run inside another fiber's open
 * transaction. Transactions start with BEGIN IMMEDIATE: concurrent writers (other processes on the same file)
 * queue on the write lock instead of failing a read→write upgrade with SQLITE_BUSY. A file is synced on every
 * commit (synchronous = FULL): an issuance that was answered as committed survives a power loss, so its numbers
 * are never handed out twice. The file's directory is created when missing (a fresh checkout has no data/).
 */
import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import * as Reactivity from "@effect/experimental/Reactivity"
import * as Client from "@effect/sql/SqlClient"
import type { Connection } from "@effect/sql/SqlConnection"
import { SqlError } from "@effect/sql/SqlError"
import * as Statement from "@effect/sql/Statement"
import Sqlite from "better-sqlite3"
import { Context, Effect, Layer, Scope } from "effect"

export interface SqliteOptions {
  /** A file path, or ":memory:". */
  readonly filename: string
  /** How long a writer waits for another process's write lock, in ms. */
  readonly busyTimeoutMs?: number
  /** How long reads may share one snapshot, in ms (default 1; see sharedSnapshot). */
  readonly readSnapshotMs?: number
}

export class SqliteDatabase extends Context.Tag("@jineng/db/SqliteDatabase")<
  SqliteDatabase,
  {
    readonly filename: string
    /** Runs `f` with the raw connection, outside any other fiber's transaction. */
    readonly use: <A>(f: (db: Sqlite.Database) => A) => Effect.Effect<A>
    /**
     * Runs `f` with a read-only connection that sees committed data only, without waiting for writers: the
     * public lookup path. For ":memory:" (one connection only) it is `use`.
     */
    readonly read: <A>(f: (db: Sqlite.Database) => A) => Effect.Effect<A>
    /** Like `use`, inside BEGIN IMMEDIATE … COMMIT (ROLLBACK when `f` throws). Throws are defects. */
    readonly transaction: <A>(f: (db: Sqlite.Database) => A) => Effect.Effect<A>
  }
>() {
  static readonly layer = (options: SqliteOptions) =>
    Layer.scopedContext(make(options)).pipe(Layer.provide(Reactivity.layer))
}

const make = (options: SqliteOptions) =>
  Effect.gen(function* () {
    const db = yield* Effect.acquireRelease(
      Effect.sync(() => {
        const file = options.filename !== ":memory:" && options.filename !== ""
        if (file) mkdirSync(dirname(options.filename), { recursive: true })
        const db = new Sqlite(options.filename, { timeout: options.busyTimeoutMs ?? 30_000 })
        if (file) {
          db.pragma("journal_mode = WAL")
          // WAL with NORMAL may lose the last commits on power loss: the registry's commits must be durable.
          db.pragma("synchronous = FULL")
        }
        db.pragma("foreign_keys = ON")
        // INSERT OR REPLACE deletes the conflicting row; only with recursive triggers does that deletion fire the
        // append-only tables' DELETE guards (audit trail, transparency log), so a REPLACE cannot rewrite them.
        db.pragma("recursive_triggers = ON")
        return db
      }),
      (db) => Effect.sync(() => db.close())
    )
    // Bumped after every statement of the writer connection: a shared read snapshot older than it is renewed.
    let writes = 0
    const wrote = <A>(f: () => A): A => {
      try {
        return f()
      } finally {
        writes++
      }
    }
    const statements = new Map<string, Sqlite.Statement>()
    const prepare = (sql: string): Sqlite.Statement => {
      let s = statements.get(sql)
      if (s === undefined) {
        s = db.prepare(sql)
        if (statements.size > 500) statements.clear()
        statements.set(sql, s)
      }
      return s
    }
    const run = (statement: () => Sqlite.Statement, params: ReadonlyArray<unknown>, raw: boolean) =>
      Effect.try({
        try: () =>
          wrote(() => {
            const s = statement()
            if (s.reader) return s.all(...params) as ReadonlyArray<unknown>
            const result = s.run(...params)
            return raw ? (result as unknown as ReadonlyArray<unknown>) : []
          }),
        catch: (cause) => new SqlError({ cause, message: "Failed to execute statement" })
      })
    const connection: Connection = {
      execute: (sql, params, transformRows) =>
        transformRows
          ? Effect.map(
              run(() => prepare(sql), params, false),
              (rows) => transformRows(rows as never)
            )
          : (run(() => prepare(sql), params, false) as never),
      executeRaw: (sql, params) => run(() => prepare(sql), params, true) as never,
      executeValues: (sql, params) =>
        Effect.try({
          try: () =>
            wrote(() => {
              const s = prepare(sql)
              if (!s.reader) {
                s.run(...params)
                return []
              }
              return s.raw(true).all(...params) as never
            }),
          catch: (cause) => new SqlError({ cause, message: "Failed to execute statement" })
        }).pipe(Effect.ensuring(Effect.sync(() => void (prepare(sql).reader && prepare(sql).raw(false))))),
      executeUnprepared: (sql, params, transformRows) =>
        transformRows
          ? Effect.map(
              run(() => db.prepare(sql), params ?? [], false),
              (rows) => transformRows(rows as never)
            )
          : (run(() => db.prepare(sql), params ?? [], false) as never),
      executeStream: () => Effect.dieMessage("executeStream is not supported on SQLite") as never
    }

    const semaphore = yield* Effect.makeSemaphore(1)
    // The permit is held for the acquirer's scope: the whole transaction, or the one statement outside a
    // transaction (released only after it ran, so that it can never run inside another fiber's transaction,
    // which a fiber yielding between acquiring the connection and executing would otherwise allow).
    const acquirer = Effect.uninterruptibleMask((restore) =>
      Effect.as(
        Effect.zipRight(
          restore(semaphore.take(1)),
          Effect.tap(Effect.scope, (scope) => Scope.addFinalizer(scope, semaphore.release(1)))
        ),
        connection
      )
    )
    const client = yield* Client.make({
      acquirer,
      compiler: Statement.makeCompilerSqlite(),
      transactionAcquirer: acquirer,
      beginTransaction: "BEGIN IMMEDIATE",
      spanAttributes: [["db.system.name", "sqlite"]]
    })
    // Inside an @effect/sql transaction of this client the fiber already holds the permit: run directly there.
    const guarded = <A>(f: () => A) =>
      Effect.flatMap(Effect.serviceOption(Client.TransactionConnection), (inTransaction) =>
        inTransaction._tag === "Some" ? Effect.sync(f) : semaphore.withPermits(1)(Effect.sync(f))
      )
    const use = <A>(f: (db: Sqlite.Database) => A) => guarded(() => wrote(() => f(db)))
    const transaction = <A>(f: (db: Sqlite.Database) => A) =>
      guarded(() =>
        wrote(() => {
          if (db.inTransaction) return f(db)
          db.prepare("BEGIN IMMEDIATE").run()
          try {
            const result = f(db)
            db.prepare("COMMIT").run()
            return result
          } catch (error) {
            if (db.inTransaction) db.prepare("ROLLBACK").run()
            throw error
          }
        })
      )
    const reader =
      options.filename === ":memory:"
        ? undefined
        : yield* Effect.acquireRelease(
            Effect.sync(() => {
              const r = new Sqlite(options.filename, { readonly: true, fileMustExist: true })
              r.pragma("query_only = ON")
              return r
            }),
            (r) => Effect.sync(() => r.close())
          )
    const shared =
      reader === undefined
        ? undefined
        : sharedSnapshot(reader, options.readSnapshotMs ?? SNAPSHOT_MS, () => writes)
    const read = <A>(f: (db: Sqlite.Database) => A) =>
      shared === undefined ? use(f) : Effect.sync(() => shared(f))
    return Context.make(Client.SqlClient, client).pipe(
      Context.add(SqliteDatabase, { filename: options.filename, use, read, transaction })
    )
  })

/** How long reads share one snapshot of the file by default, in ms (see sharedSnapshot). */
const SNAPSHOT_MS = 1

/**
 * Reads on `reader` share one read transaction (snapshot) for at most `ms`, renewed as soon as this process's
 * writer connection has run a statement since it began (`writes` changed): a read sees every commit of this
 * process that finished before it, and other processes' commits at most `ms` late; a read inside
 * a write transaction (BEGIN IMMEDIATE: no other process commits meanwhile) sees what the transaction started
 * from. Starting a read transaction costs system calls (file locks on the WAL index, a file size check): shared
 * by the reads of one millisecond, that cost is what made the public lookup slower than 100,000/s on a
 * 10,000,000-certificate file (issue #3). An idle snapshot ends on a timer, so that it never holds back WAL
 * checkpoints.
 */
const sharedSnapshot = (reader: Sqlite.Database, ms: number, writes: () => number) => {
  const begin = reader.prepare("BEGIN")
  const commit = reader.prepare("COMMIT")
  let until = 0
  let seen = -1
  let timing = false
  const end = () => {
    if (reader.open && reader.inTransaction) commit.run()
  }
  const expire = () => {
    if (reader.open && performance.now() < until) setTimeout(expire, ms).unref()
    else {
      timing = false
      end()
    }
  }
  return <A>(f: (db: Sqlite.Database) => A): A => {
    const now = performance.now()
    const current = writes()
    if (now >= until || seen !== current || !reader.inTransaction) {
      end()
      begin.run()
      until = now + ms
      seen = current
      if (!timing) {
        timing = true
        setTimeout(expire, ms).unref()
      }
    }
    return f(reader)
  }
}
