/**
 * The end-to-end run's fixtures: the site built with `vite build`, the real API (apps/api's main.ts) on a fresh
 * SQLite file filled with the tiny demo registry and serving that build on the same origin, and headless Chromium
 * (Debian's /usr/bin/chromium through playwright-core) on a fresh profile.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { type BrowserContext, chromium, type Page } from "playwright-core"

export const WEB_DIR = fileURLToPath(new URL("..", import.meta.url))
const API_DIR = join(WEB_DIR, "../api")
const DB_PACKAGE = join(WEB_DIR, "../../packages/db/package.json")
export const DIST = join(WEB_DIR, "dist")
export const SCREENSHOTS = join(WEB_DIR, ".artifacts/screenshots")
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

const require = createRequire(import.meta.url)

export const chromiumMissing = () =>
  existsSync(CHROMIUM)
    ? undefined
    : `Chromium 未安装（${CHROMIUM}）：端到端测试需要 Debian 的 chromium 软件包（apt-get install -y chromium），或以 CHROMIUM_PATH 指定`

/** `vite build` of the site into dist/, in a child process (the site's own Vite, not vitest's). */
export const buildSite = () => {
  const vite = join(dirname(require.resolve("vite/package.json")), "bin/vite.js")
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: WEB_DIR,
    encoding: "utf8"
  })
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`)
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject()))
    })
  })

export interface Sample {
  readonly number: string
  readonly name: string
  readonly idNumber: string
  readonly status: "valid" | "revoked"
  readonly revokedOn: string | null
}

export interface RunningApi {
  readonly baseUrl: string
  readonly valid: Sample
  readonly revoked: Sample
  readonly stop: () => Promise<void>
}

interface SqliteDatabase {
  prepare(sql: string): { all(): Array<unknown> }
  close(): void
}

/** The demo's certificates, read from the registry file (better-sqlite3 of @jineng/db, read-only). */
const samplesOf = (file: string) => {
  const Database = createRequire(DB_PACKAGE)("better-sqlite3") as new (
    file: string,
    options: { readonly: boolean }
  ) => SqliteDatabase
  const db = new Database(file, { readonly: true })
  try {
    const rows = db
      .prepare(
        "SELECT number, holder_name AS name, holder_id_number AS idNumber, status, revoked_on AS revokedOn FROM certificates ORDER BY number"
      )
      .all() as Array<Sample>
    const valid = rows.find((r) => r.status === "valid")
    const revoked = rows.find((r) => r.status === "revoked")
    if (valid === undefined || revoked === undefined) throw new Error("演示数据中没有有效和已注销的证书")
    return { valid, revoked }
  } finally {
    db.close()
  }
}

/** Starts apps/api's main.ts as the main job does, and waits until it listens with its demo registry. */
export const startApi = async (): Promise<RunningApi> => {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), "jineng-web-e2e-"))
  const file = join(dir, "registry.sqlite")
  const baseUrl = `http://127.0.0.1:${port}`
  const child: ChildProcess = spawn(
    process.execPath,
    ["--conditions=@jineng/source", "--import", "tsx", "src/main.ts"],
    {
      cwd: API_DIR,
      env: {
        ...process.env,
        SQLITE_FILE: file,
        DEMO: "tiny",
        HOST: "127.0.0.1",
        PORT: String(port),
        PUBLIC_BASE_URL: baseUrl,
        SITE_ROOT: DIST,
        LOOKUP_LIMIT_PER_CLIENT: "600"
      },
      stdio: ["ignore", "pipe", "pipe"]
    }
  )
  let output = ""
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve))
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM")
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
      if (child.exitCode === null) child.kill("SIGKILL")
    }
    rmSync(dir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 180_000
  while (!output.includes("可查询的演示证书") || !output.includes("(已注销)")) {
    if (child.exitCode !== null) throw new Error(`API 进程已退出（${child.exitCode}）：\n${output}`)
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`API 未在规定时间内启动：\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return { baseUrl, ...samplesOf(file), stop }
}

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
]

export interface RunningBrowser {
  readonly context: BrowserContext
  readonly close: () => Promise<void>
}

/** Headless Chromium on a fresh profile directory, zh-CN. */
export const launchBrowser = async (): Promise<RunningBrowser> => {
  const profile = mkdtempSync(join(tmpdir(), "jineng-web-chromium-"))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: "zh-CN",
    viewport: { width: 1280, height: 900 }
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    }
  }
}

/** Problems a page reported: uncaught errors and Content-Security-Policy refusals. */
export const watchPage = (page: Page) => {
  const problems: Array<string> = []
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`))
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text()))
      problems.push(`csp: ${message.text()}`)
  })
  return problems
}

export const screenshot = async (page: Page, name: string) => {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8")

export interface AxeReport {
  /** Rules that ran and passed: proof that axe looked at the page. */
  readonly passes: number
  readonly violations: ReadonlyArray<AxeViolation>
}

export interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly targets: ReadonlyArray<string>
}

/** axe-core on the page as it stands (WCAG 2.1 A/AA rules and best practices). */
export const axeScan = async (page: Page): Promise<AxeReport> => {
  await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<AxeResults> } }
    ).axe
    interface AxeResults {
      passes: Array<unknown>
      violations: Array<{
        id: string
        impact: string | null
        help: string
        nodes: Array<{ target: unknown }>
      }>
    }
    const results = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }
    })
    return {
      passes: results.passes.length,
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => JSON.stringify(n.target))
      }))
    }
  })
}
