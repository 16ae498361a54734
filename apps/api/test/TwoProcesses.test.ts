/**
 * Two API processes on one PostgreSQL database serve consistently (issue #4): the real main.ts, started twice
 * with DATABASE_URL, answering concurrent writes from both — organisations created through either are seen by
 * both, a key issued through one works on the other at once and, revoked through the other, stops working on
 * the first at once; the audit trail stays one unbroken hash chain; SIGTERM shuts both down cleanly. Runs when
 * TEST_DATABASE_URL is set (always in CI, see .ci/run).
 */
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { ApiKeys } from "@jineng/db/access/ApiKeys"
import { SqlAuditTrail } from "@jineng/db/audit/SqlAuditTrail"
import { DEMO_SIZES, generateDemo } from "@jineng/db/demo/DemoData"
import { seedOccupations } from "@jineng/db/demo/DemoSeed"
import type { VerificationKey } from "@jineng/domain/verification/Signature"
import { verifySignedTreeHead } from "@jineng/domain/verification/SignedTreeHead"
import { Effect, Exit, Redacted, Scope } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { freshPgUrl, testDatabaseUrl } from "../../../packages/db/test/TestDatabases.js"
import { makeRuntime } from "../src/AppRuntime.js"
import { todayInBeijing } from "./TestApp.js"

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0))
    })
  })

interface Api {
  readonly base: string
  readonly child: ChildProcess
  readonly output: Array<string>
}

/** The deployment's one signing key file, shared by both processes (created by whichever starts first). */
const keysDir = mkdtempSync(join(tmpdir(), "jineng-two-"))
const SIGNING_KEYS_FILE = join(keysDir, "signing-keys.json")

const start = async (url: string): Promise<Api> => {
  const port = await freePort()
  const output: Array<string> = []
  const child = spawn(process.execPath, ["--conditions=@jineng/source", "--import", "tsx", "src/main.ts"], {
    cwd: join(import.meta.dirname, ".."),
    env: {
      ...process.env,
      DATABASE_URL: url,
      DEMO: "none",
      PORT: String(port),
      HOST: "127.0.0.1",
      SIGNING_KEYS_FILE
    },
    stdio: ["ignore", "pipe", "pipe"]
  })
  child.stdout?.on("data", (d: Buffer) => output.push(d.toString()))
  child.stderr?.on("data", (d: Buffer) => output.push(d.toString()))
  const base = `http://127.0.0.1:${port}`
  for (let attempt = 0; attempt < 300; attempt++) {
    const ready = await fetch(`${base}/readyz`)
      .then((r) => r.ok)
      .catch(() => false)
    if (ready) return { base, child, output }
    if (child.exitCode !== null) break
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`API did not start: ${output.join("")}`)
}

const stop = (api: Api) =>
  new Promise<number | null>((resolve) => {
    if (api.child.exitCode !== null) return resolve(api.child.exitCode)
    api.child.once("exit", (code) => resolve(code))
    api.child.kill("SIGTERM")
  })

describe.skipIf(testDatabaseUrl === undefined)("two API processes on one PostgreSQL", () => {
  const scope = Effect.runSync(Scope.make())
  let url = ""
  let provinceKey = ""
  let a: Api
  let b: Api

  beforeAll(async () => {
    url = (await Effect.runPromise(Scope.extend(freshPgUrl(testDatabaseUrl ?? ""), scope))).url
    const runtime = makeRuntime(
      { _tag: "pg", url: Redacted.make(url) },
      { signingKeys: { _tag: "ephemeral" } }
    )
    provinceKey = await runtime.runPromise(
      Effect.gen(function* () {
        yield* generateDemo({
          size: DEMO_SIZES.tiny,
          seed: 3,
          occupations: seedOccupations(),
          today: todayInBeijing()
        })
        return (yield* (yield* ApiKeys).create("org-province")).key
      }).pipe(Effect.orDie)
    )
    await runtime.dispose()
    ;[a, b] = await Promise.all([start(url), start(url)])
  }, 120_000)

  afterAll(async () => {
    if (a !== undefined) await stop(a)
    if (b !== undefined) await stop(b)
    await Effect.runPromise(Scope.close(scope, Exit.void))
    rmSync(keysDir, { recursive: true, force: true })
  })

  const call = (api: Api, method: string, path: string, key = provinceKey, body?: unknown) =>
    fetch(`${api.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })

  it("accepts concurrent writes through both processes, and both see all of them", async () => {
    const created = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        call(i % 2 === 0 ? a : b, "POST", "/api/organisations", provinceKey, {
          name: `并发测试机构${i}`,
          role: "host",
          regionCode: i % 3 === 0 ? "320500" : "320100"
        })
      )
    )
    expect(created.map((r) => r.status)).toEqual(Array(24).fill(201))
    const ids = await Promise.all(created.map(async (r) => ((await r.json()) as { id: string }).id))
    expect(new Set(ids).size).toBe(24)
    const totals = await Promise.all(
      [a, b].map(
        async (api) =>
          (
            (await (await call(api, "GET", "/api/organisations?role=host&limit=100")).json()) as {
              total: number
            }
          ).total
      )
    )
    expect(totals[0]).toBe(totals[1])
    expect(totals[0]).toBeGreaterThanOrEqual(24)
  })

  it("honours a key issued through one process on the other at once, and its revocation too", async () => {
    const issued = await call(a, "POST", "/api/organisations/org-nanjing/keys")
    expect(issued.status).toBe(201)
    const { key, record } = (await issued.json()) as { key: string; record: { id: string } }
    expect((await call(b, "GET", "/api/organisations/me", key)).status).toBe(200)
    expect(
      (await call(b, "POST", `/api/organisations/org-nanjing/keys/${record.id}/revocation`)).status
    ).toBe(200)
    expect((await call(a, "GET", "/api/organisations/me", key)).status).toBe(401)
  })

  it("keeps one unbroken audit chain across both processes", async () => {
    const runtime = makeRuntime(
      { _tag: "pg", url: Redacted.make(url) },
      { signingKeys: { _tag: "ephemeral" } }
    )
    const verification = await runtime.runPromise(Effect.flatMap(SqlAuditTrail, (trail) => trail.verify))
    await runtime.dispose()
    expect(verification.ok).toBe(true)
    expect(verification.entries).toBeGreaterThanOrEqual(27)
  })

  it("signs with the deployment's one key file: a head signed through one verifies with the other's keys", async () => {
    const head = await (await fetch(`${a.base}/api/public/log/head`)).json()
    const { keys } = (await (await fetch(`${b.base}/api/public/verification/keys`)).json()) as {
      keys: Array<VerificationKey>
    }
    expect(keys).toHaveLength(1)
    expect((await Effect.runPromise(verifySignedTreeHead(head, keys))).outcome).toBe("verified")
    expect(await (await fetch(`${b.base}/api/public/log/head`)).json()).toEqual(head)
  })

  it("shuts both down cleanly on SIGTERM", async () => {
    expect(await stop(a)).toBe(0)
    expect(await stop(b)).toBe(0)
    expect(a.output.join("")).not.toContain(provinceKey)
  })
})
