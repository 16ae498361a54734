/**
 * The registry with real separate processes on one database (issue #3): 8 concurrent issuers never share a
 * number and lose no certificate; a process killed in the middle of a large batch leaves no trace of it, and
 * the retry succeeds.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { type Context, Effect, Exit, Layer, Redacted, Scope } from "effect"
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

const startWorker = (spec: Spec, args: ReadonlyArray<string>): ChildProcess =>
  spawn(
    process.execPath,
    ["--conditions=@jineng/source", "--import", "tsx", workerScript, JSON.stringify(spec), ...args],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] }
  )

const output = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    let out = ""
    let err = ""
    child.stdout?.on("data", (d) => (out += d))
    child.stderr?.on("data", (d) => (err += d))
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`worker exited ${code}: ${err}`))
    )
  })

const waitFor = (child: ChildProcess, line: string): Promise<void> =>
  new Promise((resolve, reject) => {
    let out = ""
    let err = ""
    child.stdout?.on("data", (d) => {
      out += d
      if (out.includes(line)) resolve()
    })
    child.stderr?.on("data", (d) => (err += d))
    child.on("exit", (code) => reject(new Error(`worker exited ${code} before "${line}": ${err}`)))
  })

const toTarget = (spec: Spec): Database.DatabaseTarget =>
  spec._tag === "sqlite" ? spec : { _tag: "pg", url: Redacted.make(spec.url) }

const withRepo = <A, E>(
  spec: Spec,
  f: (repo: Context.Tag.Service<typeof CertificateRepository>) => Effect.Effect<A, E>
) =>
  Effect.runPromise(
    Effect.flatMap(CertificateRepository, f).pipe(
      Effect.provide(
        Layer.fresh(SqlCertificateRepository.layer).pipe(Layer.provide(Database.layer(toTarget(spec))))
      )
    )
  )

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

describe.each(specs)("54号·四 registry across processes — $name", ({ make }) => {
  it("8 concurrent issuer processes never share a number and lose no certificate", async () => {
    const spec = await make("concurrent")
    await withRepo(spec, () => Effect.void) // migrate once before the race
    const outputs = await Promise.all(
      Array.from({ length: 8 }, (_, w) => output(startWorker(spec, ["issue", String(w), "5", "40"])))
    )
    const numbers = outputs.flatMap((o) => (JSON.parse(o) as { numbers: Array<string> }).numbers)
    expect(numbers).toHaveLength(8 * 5 * 40)
    expect(new Set(numbers).size).toBe(numbers.length)
    const serials = numbers.map((n) => Number(n.slice(16))).sort((a, b) => a - b)
    expect(serials[0]).toBe(1)
    expect(serials.at(-1)).toBe(numbers.length)
    const stored = await withRepo(spec, (repo) =>
      Effect.forEach(
        Array.from({ length: 8 }, (_, w) => w),
        (w) => repo.listByBatch(`w${w}-b4`)
      )
    )
    expect(stored.map((b) => b.length)).toEqual(Array(8).fill(40))
  }, 120_000)

  it("a process killed in the middle of a large batch leaves nothing; the retry succeeds", async () => {
    const spec = await make("killed")
    await withRepo(spec, () => Effect.void)
    const child = startWorker(spec, ["hold", "7", "1", "20000"])
    await waitFor(child, "INSERTED")
    child.kill("SIGKILL")
    await new Promise((resolve) => child.on("exit", resolve))
    const retry = Array.from({ length: 3 }, (_, i) => draft(i, { level: 2 }))
    const [before, issued] = await withRepo(spec, (repo) =>
      Effect.all([repo.listByBatch("held-7"), repo.issueBatch("held-7", retry)])
    )
    expect(before).toHaveLength(0)
    expect(issued.alreadyIssued).toBe(false)
    expect(issued.certificates.map((c) => c.number.slice(16))).toEqual(["000001", "000002", "000003"])
  }, 120_000)
})
