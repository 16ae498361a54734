/**
 * The registry with real separate processes on one database (issue #3): 8 concurrent issuer processes — held at
 * a start barrier until all are connected, so that they really overlap — never share a number and lose no
 * certificate (every row of every worker is in the database); a process killed in the middle of a large batch
 * leaves no trace of it, whether the batch runs inside an outer Transactional.run or as a plain issueBatch, and
 * the retry succeeds.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { SqlClient } from "@effect/sql"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import Sqlite from "better-sqlite3"
import { Effect, Exit, Layer, Redacted, Scope } from "effect"
import pg from "pg"
import { afterAll, describe, expect, it } from "vitest"
import { SqlCertificateRepository } from "../src/certificate/SqlCertificateRepository.js"
import * as Database from "../src/Database.js"
import { draft } from "./fixtures.js"
import { freshPgUrl, testDatabaseUrl } from "./TestDatabases.js"

const root = fileURLToPath(new URL("..", import.meta.url))
const workerScript = fileURLToPath(new URL("./workers/issueWorker.ts", import.meta.url))

type Spec =
  | { readonly _tag: "sqlite"; readonly filename: string }
  | { readonly _tag: "pg"; readonly url: string }

interface Worker {
  readonly child: ChildProcess
  /** Resolves once the worker printed `text`; rejects when it exits before. */
  readonly printed: (text: string) => Promise<void>
  /** The worker's stdout once it exited with 0; rejects otherwise. */
  readonly done: Promise<string>
}

const startWorker = (spec: Spec, args: ReadonlyArray<string>): Worker => {
  const child = spawn(
    process.execPath,
    ["--conditions=@jineng/source", "--import", "tsx", workerScript, JSON.stringify(spec), ...args],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] }
  )
  let out = ""
  let err = ""
  const waiting: Array<{ text: string; resolve: () => void; reject: (e: Error) => void }> = []
  child.stdout?.on("data", (d) => {
    out += d
    for (const w of waiting) if (out.includes(w.text)) w.resolve()
  })
  child.stderr?.on("data", (d) => (err += d))
  const done = new Promise<string>((resolve, reject) =>
    child.on("exit", (code, signal) => {
      for (const w of waiting)
        w.reject(new Error(`worker exited ${code ?? signal} before "${w.text}": ${err}`))
      if (code === 0) resolve(out)
      else reject(new Error(`worker exited ${code ?? signal}: ${err}`))
    })
  )
  done.catch(() => undefined) // awaited (or deliberately ignored) by the tests
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.includes(text)) resolve()
      else waiting.push({ text, resolve, reject })
    })
  return { child, printed, done }
}

const killed = (worker: Worker) =>
  new Promise<void>((resolve) => {
    worker.child.on("exit", () => resolve())
    worker.child.kill("SIGKILL")
  })

const toTarget = (spec: Spec): Database.DatabaseTarget =>
  spec._tag === "sqlite" ? spec : { _tag: "pg", url: Redacted.make(spec.url) }

/** Runs `effect` on a fresh connection to the (migrated) registry of `spec`. */
const withDb = <A, E>(
  spec: Spec,
  effect: Effect.Effect<A, E, CertificateRepository | SqlClient.SqlClient>
): Promise<A> =>
  Effect.runPromise(
    effect.pipe(
      Effect.provide(
        Layer.fresh(SqlCertificateRepository.layer).pipe(Layer.provideMerge(Database.layer(toTarget(spec))))
      )
    )
  )

const count = (query: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(sql.unsafe<{ readonly n: number | string }>(query), (rows) => Number(rows[0]?.n ?? 0))
  )

/** One query on a plain connection of the database's own client library, beside the registry's. */
const probe = async (spec: Spec, query: string): Promise<number> => {
  if (spec._tag === "sqlite") {
    const db = new Sqlite(spec.filename, { readonly: true })
    try {
      return Number((db.prepare(query).get() as { n: number }).n)
    } finally {
      db.close()
    }
  }
  const client = new pg.Client({ connectionString: spec.url })
  await client.connect()
  try {
    return Number((await client.query<{ n: string }>(query)).rows[0]?.n)
  } finally {
    await client.end()
  }
}

/** Whether a writer holds the write lock (SQLite) / a session is inside an open transaction (PostgreSQL). */
const transactionOpen = async (spec: Spec): Promise<boolean> => {
  if (spec._tag === "sqlite") {
    const db = new Sqlite(spec.filename, { timeout: 0 })
    try {
      db.exec("BEGIN IMMEDIATE")
      db.exec("ROLLBACK")
      return false
    } catch (error) {
      return /busy|locked/i.test(String(error))
    } finally {
      db.close()
    }
  }
  return (
    (await probe(
      spec,
      "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'"
    )) > 0
  )
}

const scope = Effect.runSync(Scope.make())
afterAll(() => Effect.runPromise(Scope.close(scope, Exit.void)))

const dir = mkdtempSync(join(tmpdir(), "jineng-mp-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const pgBase = testDatabaseUrl
const specs: ReadonlyArray<{ readonly name: string; readonly make: (label: string) => Promise<Spec> }> = [
  {
    name: "SQLite file",
    make: async (label) => ({ _tag: "sqlite", filename: join(dir, `${label}.sqlite`) })
  },
  ...(pgBase === undefined
    ? []
    : [
        {
          name: "PostgreSQL",
          make: async (): Promise<Spec> => {
            const { url } = await Effect.runPromise(Scope.extend(freshPgUrl(pgBase), scope))
            return { _tag: "pg", url }
          }
        }
      ])
]

describe.each(specs)("54号·四 registry across processes — $name", ({ name, make }) => {
  it("8 concurrent issuer processes never share a number and lose no certificate", async () => {
    const spec = await make("concurrent")
    await withDb(spec, Effect.void) // migrate once before the race
    const marker = join(dir, `start-${name.replace(/\W/g, "")}`)
    const workers = Array.from({ length: 8 }, (_, w) =>
      startWorker(spec, ["issue", String(w), "5", "40", marker])
    )
    // The start barrier: every worker is connected and migrated before any issues.
    await Promise.all(workers.map((w) => w.printed("READY")))
    writeFileSync(marker, "go")
    const results = (await Promise.all(workers.map((w) => w.done))).map(
      (out) =>
        JSON.parse(out.trim().split("\n").at(-1) ?? "") as {
          readonly numbers: ReadonlyArray<string>
          readonly startedAt: number
          readonly finishedAt: number
        }
    )
    // They overlapped: every worker started before the first one finished.
    expect(Math.max(...results.map((r) => r.startedAt))).toBeLessThan(
      Math.min(...results.map((r) => r.finishedAt))
    )

    const numbers = results.flatMap((r) => r.numbers)
    expect(numbers).toHaveLength(8 * 5 * 40)
    expect(new Set(numbers).size).toBe(numbers.length)
    // Levels 3, 4 and 5 in different orders per worker: per prefix, the serials are 1…n without gap.
    const byKey = new Map<string, Array<number>>()
    for (const n of numbers)
      byKey.set(n.slice(0, 16), [...(byKey.get(n.slice(0, 16)) ?? []), Number(n.slice(16))])
    expect([...byKey.keys()].sort()).toEqual(["S000032000001243", "S000032000001244", "S000032000001245"])
    for (const serials of byKey.values()) {
      expect(serials.sort((a, b) => a - b)).toEqual(Array.from({ length: serials.length }, (_, k) => k + 1))
    }

    // Every row every worker was answered is in the database, under its batches, and nothing else.
    const stored = await withDb(
      spec,
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const perWorker = yield* Effect.forEach(
          Array.from({ length: 8 }, (_, w) => w),
          (w) =>
            Effect.map(
              Effect.forEach(
                Array.from({ length: 5 }, (_, b) => b),
                (b) => repo.listByBatch(`w${w}-b${b}`)
              ),
              (batches) => batches.flat().map((c) => c.number)
            )
        )
        return {
          perWorker,
          certificates: yield* count("SELECT COUNT(*) AS n FROM certificates"),
          batches: yield* count("SELECT COUNT(*) AS n FROM certificate_batches")
        }
      })
    )
    for (const [w, result] of results.entries()) {
      expect(stored.perWorker[w]).toHaveLength(5 * 40)
      expect([...(stored.perWorker[w] ?? [])].sort()).toEqual([...result.numbers].sort())
    }
    expect(stored.certificates).toBe(8 * 5 * 40)
    expect(stored.batches).toBe(8 * 5)
  }, 120_000)

  it("a process killed in the middle of a large batch inside Transactional.run leaves nothing; the retry succeeds", async () => {
    const spec = await make("killed")
    await withDb(spec, Effect.void)
    const worker = startWorker(spec, ["hold", "7", "1", "20000"])
    await worker.printed("INSERTED")
    await killed(worker)
    const retry = Array.from({ length: 3 }, (_, i) => draft(i, { level: 2 }))
    const [before, issued] = await withDb(
      spec,
      Effect.flatMap(CertificateRepository, (repo) =>
        Effect.all([repo.listByBatch("held-7"), repo.issueBatch("held-7", retry)])
      )
    )
    expect(before).toHaveLength(0)
    expect(issued.alreadyIssued).toBe(false)
    expect(issued.certificates.map((c) => c.number.slice(16))).toEqual(["000001", "000002", "000003"])
  }, 120_000)

  it("a process killed in the middle of a plain issueBatch (no outer transaction) leaves nothing; the retry succeeds", async () => {
    const spec = await make("plain")
    await withDb(spec, Effect.void)
    const worker = startWorker(spec, ["plain", "7", "1", "20000"])
    // The worker stops itself in the middle of the certificate INSERTs (see issueWorker's hook) …
    await worker.printed("IN_TRANSACTION")
    // … inside its open transaction, whose rows nobody else sees.
    expect(await transactionOpen(spec)).toBe(true)
    expect(await probe(spec, "SELECT COUNT(*) AS n FROM certificates WHERE batch_id = 'plain-7'")).toBe(0)
    await killed(worker)

    const after = await withDb(
      spec,
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        return {
          listed: yield* repo.listByBatch("plain-7"),
          certificates: yield* count("SELECT COUNT(*) AS n FROM certificates"),
          batches: yield* count("SELECT COUNT(*) AS n FROM certificate_batches"),
          serials: yield* count("SELECT COUNT(*) AS n FROM certificate_serials")
        }
      })
    )
    // Nothing of the batch: no certificate, no batch row, no serial counter moved.
    expect(after).toEqual({ listed: [], certificates: 0, batches: 0, serials: 0 })
    const retry = Array.from({ length: 3 }, (_, i) => draft(i, { level: 2 }))
    const issued = await withDb(
      spec,
      Effect.flatMap(CertificateRepository, (repo) => repo.issueBatch("plain-7", retry))
    )
    expect(issued.alreadyIssued).toBe(false)
    expect(issued.certificates.map((c) => c.number.slice(16))).toEqual(["000001", "000002", "000003"])
  }, 120_000)
})
