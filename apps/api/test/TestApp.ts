/**
 * The app as route tests use it: a real SQLite file with the tiny demo registry, one API key for each demo
 * organisation (every role of domain.md §4) plus organisations outside Nanjing for scope tests, and request
 * helpers that send JSON with a key. Logs are captured, so a test can assert what was (not) logged.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { ApiKeys } from "@jineng/db/access/ApiKeys"
import type { DatabaseTarget } from "@jineng/db/Database"
import { DEMO_SIZES, type DemoSummary, generateDemo } from "@jineng/db/demo/DemoData"
import { seedOccupations } from "@jineng/db/demo/DemoSeed"
import { Organisation } from "@jineng/domain/access/Organisation"
import { OrganisationRepository } from "@jineng/domain/access/OrganisationRepository"
import type { OrganisationRole } from "@jineng/domain/access/OrganisationRole"
import type { Hotline } from "@jineng/domain/quality/Hotline"
import { beijingDateOf } from "@jineng/domain/time/Today"
import { Effect, Schema } from "effect"
import { expect } from "vitest"
import { makeApp } from "../src/App.js"
import { type AppRuntime, makeRuntime } from "../src/AppRuntime.js"
import type { LogLine } from "../src/http/Log.js"
import type { LookupLimits } from "../src/http/RateLimit.js"
import type { SigningKeysSource } from "../src/SigningKeys.js"

/** Organisations outside the demo's Nanjing ones, for region-scope refusals. */
export const OUTSIDERS = [
  { id: "org-suzhou", name: "苏州市人力资源和社会保障局", role: "city", regionCode: "320500" },
  { id: "org-gulou", name: "南京市鼓楼区人力资源和社会保障局", role: "district", regionCode: "320106" },
  {
    id: "org-suzhou-centre",
    name: "苏州市职业技能鉴定指导中心",
    role: "city_appraisal_centre",
    regionCode: "320500"
  },
  { id: "org-suzhou-host", name: "苏州市总工会", role: "host", regionCode: "320500" }
] as const

export interface TestApp {
  readonly app: ReturnType<typeof makeApp>
  readonly runtime: AppRuntime
  readonly demo: DemoSummary
  /** The date the demo was generated relative to (today in Beijing). */
  readonly today: string
  /** An API key per organisation id (demo organisations and OUTSIDERS). */
  readonly keys: Readonly<Record<string, string>>
  /** The demo organisation of each role (its id). */
  readonly orgOf: Readonly<Record<OrganisationRole, string>>
  readonly logs: Array<LogLine>
  /** Sends a request as `orgId` (undefined = no key); a non-string body is sent as JSON. */
  readonly call: (
    method: string,
    path: string,
    options?: { readonly as?: string; readonly body?: unknown; readonly headers?: Record<string, string> }
  ) => Promise<Response>
  /** The audit trail, oldest first (details parsed). */
  readonly audit: () => Promise<ReadonlyArray<AuditRow>>
  /** Row counts of every table and the audit head: equal fingerprints mean an unchanged database. */
  readonly fingerprint: () => Promise<string>
  readonly close: () => Promise<void>
}

export interface AuditRow {
  readonly actor: string
  readonly action: string
  readonly subject: string
  readonly reason: string
  readonly details: Record<string, unknown>
}

export const todayInBeijing = () => beijingDateOf(Date.now())

export const makeTestApp = async (
  options: {
    readonly target?: DatabaseTarget
    readonly lookupLimits?: LookupLimits
    readonly seed?: number
    readonly hotlines?: ReadonlyArray<Hotline>
    /** The registry's signing keys; default: one key generated in memory, valid from today. */
    readonly signingKeys?: SigningKeysSource
  } = {}
): Promise<TestApp> => {
  const dir = mkdtempSync(join(tmpdir(), "jineng-api-"))
  const runtime = makeRuntime(options.target ?? { _tag: "sqlite", filename: join(dir, "registry.sqlite") }, {
    ...(options.hotlines === undefined ? {} : { hotlines: options.hotlines }),
    signingKeys: options.signingKeys ?? { _tag: "ephemeral" }
  })
  const today = todayInBeijing()
  const setup = Effect.gen(function* () {
    const demo = yield* generateDemo({
      size: DEMO_SIZES.tiny,
      seed: options.seed ?? 11,
      occupations: seedOccupations(),
      today
    })
    const organisations = yield* OrganisationRepository
    for (const o of OUTSIDERS) yield* organisations.create(Schema.decodeUnknownSync(Organisation)(o))
    const apiKeys = yield* ApiKeys
    const keys: Record<string, string> = {}
    for (const id of [...demo.organisations.map((o) => o.id), ...OUTSIDERS.map((o) => o.id)])
      keys[id] = (yield* apiKeys.create(id)).key
    return { demo, keys }
  }).pipe(Effect.orDie)
  const { demo, keys } = await runtime.runPromise(setup)
  const orgOf = Object.fromEntries(demo.organisations.map((o) => [o.role, o.id])) as Record<
    OrganisationRole,
    string
  >
  const logs: Array<LogLine> = []
  const app = makeApp(runtime, {
    publicBaseUrl: "https://cx.example.gov.cn",
    log: (line) => void logs.push(line),
    ...(options.lookupLimits === undefined ? {} : { lookupLimits: options.lookupLimits })
  })
  const call: TestApp["call"] = (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers }
    if (o.as !== undefined) {
      const key = keys[o.as]
      if (key === undefined) throw new Error(`no API key for ${o.as}`)
      headers.authorization = `Bearer ${key}`
    }
    let body: string | undefined
    if (o.body !== undefined) {
      body = typeof o.body === "string" ? o.body : JSON.stringify(o.body)
      headers["content-type"] ??= "application/json"
    }
    return Promise.resolve(app.request(path, { method, headers, ...(body === undefined ? {} : { body }) }))
  }
  return {
    app,
    runtime,
    demo,
    today,
    keys,
    orgOf,
    logs,
    call,
    audit: () =>
      runtime.runPromise(
        Effect.flatMap(SqlClient.SqlClient, (sql) =>
          sql<Omit<AuditRow, "details"> & { readonly details: string }>`
            SELECT actor, action, subject, reason, details FROM audit_trail ORDER BY seq`.pipe(
            Effect.map((rows) =>
              rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }))
            )
          )
        ).pipe(Effect.orDie)
      ),
    fingerprint: () =>
      runtime.runPromise(
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const tables = yield* sql.onDialectOrElse({
            pg: () =>
              sql<{ readonly name: string }>`
                SELECT table_name AS name FROM information_schema.tables
                WHERE table_schema = current_schema() ORDER BY table_name`,
            orElse: () =>
              sql<{ readonly name: string }>`
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
          })
          const counts: Array<string> = []
          for (const { name } of tables) {
            const [row] = yield* sql<{ readonly n: number | string }>`SELECT COUNT(*) AS n FROM ${sql(name)}`
            counts.push(`${name}=${row?.n}`)
          }
          const [head] = yield* sql<{
            readonly hash: string
          }>`SELECT hash FROM audit_trail ORDER BY seq DESC LIMIT 1`
          return `${counts.join(",")};head=${head?.hash ?? ""}`
        }).pipe(Effect.orDie)
      ),
    close: async () => {
      await runtime.dispose()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** The problem of a refused request: its status, machine code, zh-CN detail and (when given) field. */
export const expectProblem = async (res: Response, status: number, code: string, field?: string) => {
  expect(res.status).toBe(status)
  const problem = await problemOf(res)
  expect(problem.code).toBe(code)
  expect(problem.detail).toMatch(/[\u4e00-\u9fff]/)
  if (field !== undefined) expect(problem.field).toBe(field)
  return problem
}

/** The problem+json body of a response, after checking its content type. */
export const problemOf = async (res: Response) => {
  if (!(res.headers.get("content-type") ?? "").includes("application/problem+json"))
    throw new Error(
      `expected problem+json, got ${res.status} ${res.headers.get("content-type")}: ${await res.text()}`
    )
  return (await res.json()) as {
    code: string
    title: string
    detail: string
    field?: string
    status: number
  } & Record<string, unknown>
}
