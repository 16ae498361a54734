/**
 * The main job: the API on one port over the registry. Config is read here only: PORT (3000), HOST
 * (127.0.0.1), DATABASE_URL (PostgreSQL) or SQLITE_FILE (data/jineng.sqlite), PUBLIC_BASE_URL, DEMO
 * (small | tiny | medium | none: fill an empty database with the demo registry and print one API key per role),
 * LOOKUP_LIMIT_PER_CLIENT / LOOKUP_LIMIT_PER_IDENTITY (public lookups per minute; 60 / 10), HOTLINES_FILE (a
 * JSON array of the cities' and districts' reporting hotlines with provenance; default: the province's only),
 * SITE_ROOT (the public site's build, served on the same port; default apps/web/dist).
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs"
import { createServer } from "node:http"
import { dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { ApiKeys } from "@jineng/db/access/ApiKeys"
import { DatabaseConfig } from "@jineng/db/Database"
import { DEMO_SIZES, generateDemo } from "@jineng/db/demo/DemoData"
import { seedOccupations } from "@jineng/db/demo/DemoSeed"
import { organisationRoleName } from "@jineng/domain/access/OrganisationRole"
import { InstitutionRepository } from "@jineng/domain/institution/InstitutionRepository"
import { Hotline } from "@jineng/domain/quality/Hotline"
import { todayInBeijing } from "@jineng/domain/time/Today"
import { Effect, Either, ParseResult, Schema } from "effect"
import { makeApp } from "./App.js"
import { makeRuntime } from "./AppRuntime.js"
import { stdoutLog } from "./http/Log.js"
import { apiListener } from "./http/LookupFastPath.js"
import { DEFAULT_LOOKUP_LIMITS } from "./http/RateLimit.js"

const log = (msg: string, fields: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level: "info", time: new Date().toISOString(), msg, ...fields }))

const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? "127.0.0.1"
const publicBaseUrl = process.env.PUBLIC_BASE_URL ?? `http://localhost:${port}`
const demo = process.env.DEMO ?? "small"
const perMinute = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`)
  return value
}
const lookupLimits = {
  perClientPerMinute: perMinute("LOOKUP_LIMIT_PER_CLIENT", DEFAULT_LOOKUP_LIMITS.perClientPerMinute),
  perIdentityPerMinute: perMinute("LOOKUP_LIMIT_PER_IDENTITY", DEFAULT_LOOKUP_LIMITS.perIdentityPerMinute)
}

/** HOTLINES_FILE: a JSON array of hotlines (region, phone, provenance) — the cities' published numbers. */
const hotlines = (() => {
  const file = process.env.HOTLINES_FILE
  if (file === undefined || file === "") return undefined
  const decoded = Schema.decodeUnknownEither(Schema.Array(Hotline))(JSON.parse(readFileSync(file, "utf8")))
  if (Either.isLeft(decoded))
    throw new Error(`HOTLINES_FILE ${file} 无效：${ParseResult.TreeFormatter.formatErrorSync(decoded.left)}`)
  return decoded.right
})()

/** SITE_ROOT: the public site's build; default apps/web/dist (built by the root `start` script). */
const siteRoot = process.env.SITE_ROOT ?? fileURLToPath(new URL("../../web/dist", import.meta.url))

/** The registry package's demo seed, found from this file (src/ when run from source, dist/ when bundled). */
const DEMO_SEED = new URL("../../../packages/db/seed/occupations.seed.jsonl", import.meta.url)

const target = Effect.runSync(DatabaseConfig)
if (target._tag === "sqlite" && target.filename !== ":memory:")
  mkdirSync(dirname(target.filename), { recursive: true })
const runtime = makeRuntime(target, hotlines === undefined ? {} : { hotlines })

/** Fills an empty registry with the demo data and makes one API key per demo organisation. */
const seedDemo = Effect.gen(function* () {
  const size = DEMO_SIZES[demo as keyof typeof DEMO_SIZES]
  if (size === undefined) return undefined
  const institutions = yield* InstitutionRepository
  const existing = yield* institutions.list({ limit: 1 })
  if (existing.total > 0) return undefined
  const today = yield* todayInBeijing
  const summary = yield* generateDemo({
    size,
    seed: 20220501,
    occupations: seedOccupations(DEMO_SEED),
    today
  })
  const keys = yield* ApiKeys
  const created = yield* Effect.forEach(summary.organisations, (o) =>
    Effect.map(keys.create(o.id), (k) => ({ ...o, key: k.key }))
  )
  return { summary, keys: created }
}).pipe(Effect.orDie)

const main = async () => {
  const seeded = await runtime.runPromise(seedDemo)
  const app = makeApp(runtime, { publicBaseUrl, lookupLimits, siteRoot, log: stdoutLog })
  // Hono's node adapter behind the public lookup's fast path (http/LookupFastPath.ts), both logging to stdout.
  const server = createServer(apiListener(app, { hostname: host, log: stdoutLog }))
  server.listen(port, host, () => {
    const address = server.address()
    log("listening", {
      url: `http://${host}:${typeof address === "object" && address !== null ? address.port : port}`
    })
    console.log(`\nJineng 已启动：${publicBaseUrl}`)
    console.log(
      existsSync(`${siteRoot}/index.html`)
        ? `  公开网站：${publicBaseUrl}/ （证书查询、打印与验证，评价机构目录，评价批次、竞赛计划公布，监督举报）`
        : `  公开网站未构建（${siteRoot}）：请先运行 pnpm --filter @jineng/web build`
    )
    console.log(`  接口文档：${publicBaseUrl}/api/openapi.json`)
    console.log(
      `  数据库：${target._tag === "sqlite" ? `SQLite ${target.filename}` : "PostgreSQL (DATABASE_URL)"}`
    )
    if (seeded !== undefined) {
      const s = seeded.summary
      console.log(
        `  演示数据：评价机构 ${s.institutions} 家，证书 ${s.certificates} 本（已注销 ${s.revokedCertificates} 本），竞赛 ${s.competitions} 项`
      )
      console.log("  演示 API 密钥（仅显示这一次）：")
      for (const k of seeded.keys)
        console.log(`    ${organisationRoleName(k.role as never).padEnd(12)} ${k.name}\n      ${k.key}`)
      console.log("  可查询的演示证书：")
      for (const c of s.samples)
        console.log(
          `    ${publicBaseUrl}/api/public/certificates/lookup?number=${c.number}&name=${encodeURIComponent(c.name)}  (${c.status === "valid" ? "有效" : "已注销"})`
        )
    } else {
      console.log(
        "  已有数据：演示密钥仅在首次建库时显示；新密钥请用 pnpm --filter @jineng/db create-api-key"
      )
    }
  })
  const shutdown = (signal: string) => {
    log("shutting down", { signal })
    server.close(() => {
      void runtime.dispose().then(() => process.exit(0))
    })
  }
  process.once("SIGINT", () => shutdown("SIGINT"))
  process.once("SIGTERM", () => shutdown("SIGTERM"))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
