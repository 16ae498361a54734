/**
 * Public lookup benchmark (issue #4). In one run on one machine, figures and ratios:
 *  - Server A: the lookup on raw node:http + better-sqlite3 (bench/rawServer.ts), the baseline;
 *  - Server B: Jineng's API as it runs in production (the bundle dist/main.js, built first by `build.mjs`), GET
 *    /api/public/certificates/lookup?number=…&name=… — answered by the lookup's fast path in front of Hono
 *    (src/http/LookupFastPath.ts) with the route's own core (src/http/LookupCore.ts);
 * each its own child process over the same registry file of BENCH_ROWS certificates, under the same load
 * generator (bench/load.ts): the maximum throughput in a closed loop, then latency in an open loop at half
 * of that server's maximum. One lookup in ten asks for an unknown number (a 404). Then the API's memory
 * (VmRSS, peak VmHWM from /proc) while it serves, on that file and on a 10,000,000-certificate file.
 * Targets: B/A ≥ 0.8; B's p99 at half its maximum ≤ 5 ms; RSS serving 10M certificates ≤ 200 MB.
 * Env: BENCH_ROWS (1000000), BENCH_SECONDS (10), BENCH_CONNECTIONS (32), BENCH_WARMUP_SECONDS (3),
 * BENCH_RSS_ROWS (build/reuse a file of that many rows for the second memory figure; default: reuse a
 * 10,000,000-row file from apps/api/.bench/ or packages/db/.bench/ if one exists, else skip).
 * Run: `pnpm --filter @jineng/api bench`.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync } from "node:fs"
import { createServer } from "node:net"
import { availableParallelism, loadavg } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import { fileURLToPath } from "node:url"
import { closedLoop, getRequest, type Latencies, openLoop, type StatusCounts } from "./load.js"
import {
  builtLookups,
  ensureRegistryFile,
  type Lookup,
  migrate,
  rowsOf,
  sampleLookups
} from "./registryFile.js"

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3)
const RSS_ROWS = process.env.BENCH_RSS_ROWS === undefined ? undefined : Number(process.env.BENCH_RSS_ROWS)
const LOOKUPS = 100_000
const TEN_MILLION = 10_000_000

const API_DIR = fileURLToPath(new URL("..", import.meta.url))
const BENCH_DIR = join(API_DIR, ".bench")
const DB_BENCH_DIR = join(API_DIR, "..", "..", "packages", "db", ".bench")

const fmt = (n: number) => Math.round(n).toLocaleString("en-US")
const ms = (n: number) => `${n.toFixed(2)} ms`
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`
const log = (line: string) => console.log(line)

// ---------------------------------------------------------------------------------------------- servers

const children = new Set<ChildProcess>()
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL")
})

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject()))
    })
  })

interface Server {
  readonly name: string
  readonly port: number
  readonly pid: number
  readonly stop: () => Promise<void>
}

const tail = (file: string) => readFileSync(file, "utf8").split("\n").slice(-20).join("\n")

/** Starts `args` under node in apps/api, output to a log file, and waits until GET /healthz answers 200. */
const startServer = async (
  name: string,
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>>
): Promise<Server> => {
  const port = await freePort()
  const logFile = join(BENCH_DIR, `${name}.log`)
  const out = openSync(logFile, "w")
  const { DATABASE_URL: _ignored, ...inherited } = process.env
  const child = spawn(
    process.execPath,
    args.map((a) => a.replace("{port}", String(port))),
    {
      cwd: API_DIR,
      env: { ...inherited, ...env, PORT: String(port), HOST: "127.0.0.1" },
      stdio: ["ignore", out, out]
    }
  )
  children.add(child)
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
  let exitCode: number | null | undefined
  void exited.then((code) => {
    exitCode = code
    children.delete(child)
  })
  const deadline = Date.now() + 180_000
  for (;;) {
    if (exitCode !== undefined)
      throw new Error(`${name} exited with ${exitCode} before it answered:\n${tail(logFile)}`)
    if (Date.now() > deadline) throw new Error(`${name} did not answer within 180 s:\n${tail(logFile)}`)
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status === 200,
      () => false
    )
    if (ok) break
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    name,
    port,
    pid: child.pid as number,
    stop: async () => {
      if (exitCode === undefined) {
        child.kill("SIGTERM")
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000)
        await exited
        clearTimeout(timer)
      }
      rmSync(logFile, { force: true })
    }
  }
}

const rawServer = (file: string) =>
  startServer("raw", ["--import", "tsx", "bench/rawServer.ts", file, "{port}"], {})

const jinengApi = (file: string) =>
  startServer("jineng", ["dist/main.js"], {
    SQLITE_FILE: file,
    DEMO: "none",
    LOOKUP_LIMIT_PER_CLIENT: "100000000",
    LOOKUP_LIMIT_PER_IDENTITY: "100000000"
  })

// ---------------------------------------------------------------------------------------------- memory

interface Memory {
  readonly rssKb: number
  readonly hwmKb: number
}

const memoryOf = (pid: number): Memory => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN)
  return { rssKb: kb("VmRSS"), hwmKb: kb("VmHWM") }
}

/** Samples VmRSS every 100 ms until stopped: the largest sample, and VmHWM at the end. */
const sampleMemory = (pid: number) => {
  let maxRss = memoryOf(pid).rssKb
  const timer = setInterval(() => {
    maxRss = Math.max(maxRss, memoryOf(pid).rssKb)
  }, 100)
  return (): Memory => {
    clearInterval(timer)
    const last = memoryOf(pid)
    return { rssKb: Math.max(maxRss, last.rssKb), hwmKb: last.hwmKb }
  }
}

/** CPU time (user + system) a process has used so far, in seconds (clock ticks of 1/100 s). */
const cpuSeconds = (pid: number | "self"): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** CPU time the whole machine has been busy (all cores, not idle nor waiting for I/O), in seconds. */
const machineBusySeconds = (): number => {
  const ticks = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "")
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number)
  const total = ticks.reduce((a, b) => a + b, 0)
  return (total - (ticks[3] ?? 0) - (ticks[4] ?? 0)) / 100
}

/**
 * The CPU used by the server, by this process (the load generator) and by everything else on the machine
 * (other processes compete for the same cores: the figures are only meaningful when "others" is near 0).
 */
const cpuShares = (pid: number) => {
  let from = { server: 0, generator: 0, machine: 0, at: 0 }
  let to = from
  const now = () => ({
    server: cpuSeconds(pid),
    generator: cpuSeconds("self"),
    machine: machineBusySeconds(),
    at: performance.now()
  })
  return {
    open: () => {
      from = now()
    },
    close: () => {
      to = now()
    },
    /** Percent of one core: the server, the load generator, every other process. */
    shares: () => {
      const wall = (to.at - from.at) / 1000
      const server = to.server - from.server
      const generator = to.generator - from.generator
      const others = Math.max(0, to.machine - from.machine - server - generator)
      return {
        server: (100 * server) / wall,
        generator: (100 * generator) / wall,
        others: (100 * others) / wall
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------- measures

const requestsFor = (lookups: ReadonlyArray<Lookup>) =>
  lookups.map((l) =>
    getRequest(`/api/public/certificates/lookup?number=${l.number}&name=${encodeURIComponent(l.name)}`)
  )

const statusLine = (statuses: StatusCounts) =>
  [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}: ${fmt(n)}`)
    .join(", ")

const unexpected = (statuses: StatusCounts) => [...statuses.keys()].some((s) => s !== 200 && s !== 404)

interface Measured {
  readonly max: number
  readonly latency: Latencies
  readonly serviceTime: Latencies
  readonly halfRate: number
  readonly memory: { readonly idle: Memory; readonly underLoad: Memory }
}

const maxThroughput = (
  port: number,
  requests: ReadonlyArray<Buffer>,
  window?: ReturnType<typeof cpuShares>
) =>
  closedLoop({
    port,
    requests,
    connections: CONNECTIONS,
    warmupSeconds: WARMUP,
    seconds: SECONDS,
    ...(window === undefined ? {} : { window })
  })

/** The most CPU other processes took during a measured window, in % of one core. */
let busiestOthers = 0

const measure = async (server: Server, requests: ReadonlyArray<Buffer>): Promise<Measured> => {
  const idle = memoryOf(server.pid)
  const sampled = sampleMemory(server.pid)
  const cpu = cpuShares(server.pid)
  const closed = await maxThroughput(server.port, requests, cpu)
  const shares = cpu.shares()
  if (shares.others > busiestOthers) busiestOthers = shares.others
  log(
    `  ${server.name}: closed loop ${fmt(closed.requestsPerSecond)} req/s  (${statusLine(closed.statuses)}; CPU, % of one core: server ${shares.server.toFixed(0)}%, load generator ${shares.generator.toFixed(0)}%, other processes ${shares.others.toFixed(0)}%)`
  )
  const halfRate = closed.requestsPerSecond / 2
  const open = await openLoop({
    port: server.port,
    requests,
    connections: CONNECTIONS,
    rate: halfRate,
    seconds: SECONDS
  })
  log(
    `  ${server.name}: open loop at ${fmt(halfRate)} req/s (answered ${fmt(open.achievedPerSecond)}/s): p50 ${ms(open.latency.p50)}, p99 ${ms(open.latency.p99)}, max ${ms(open.latency.max)}  (${statusLine(open.statuses)})`
  )
  if (unexpected(closed.statuses) || unexpected(open.statuses))
    log(`  WARNING ${server.name}: answers other than 200/404 — the figures do not measure lookups`)
  return {
    max: closed.requestsPerSecond,
    latency: open.latency,
    serviceTime: open.serviceTime,
    halfRate,
    memory: { idle, underLoad: sampled() }
  }
}

/** The API over a registry file under the closed-loop load: its memory, from start to the end of the load. */
const memoryServing = async (registry: Registry) => {
  const api = await jinengApi(registry.file)
  try {
    const idle = memoryOf(api.pid)
    const sampled = sampleMemory(api.pid)
    const closed = await maxThroughput(api.port, requestsFor(registry.lookups))
    return { idle, underLoad: sampled(), rate: closed.requestsPerSecond, statuses: closed.statuses }
  } finally {
    await api.stop()
  }
}

interface Registry {
  readonly file: string
  readonly rows: number
  readonly lookups: ReadonlyArray<Lookup>
  readonly note: string
}

/** A registry file of `rows` certificates built (or reused, migrated) in apps/api/.bench/. */
const ownFile = async (rows: number): Promise<Registry> => {
  const file = join(BENCH_DIR, `registry-${rows}.sqlite`)
  log(`building/reusing ${file} (${fmt(rows)} certificates; building 10,000,000 takes minutes) …`)
  const started = Date.now()
  const built = await ensureRegistryFile(file, rows, (done) =>
    log(`  … ${fmt(done)} rows (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  )
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  return {
    file,
    rows,
    lookups: builtLookups(rows, LOOKUPS),
    note: built ? `built in ${seconds} s` : "reused"
  }
}

/** The file of `rows` certificates packages/db's benchmark built, when there is one (migrated first). */
const sharedFile = async (rows: number): Promise<Registry | undefined> => {
  const file = join(DB_BENCH_DIR, `lookup-${rows}.sqlite`)
  if (rowsOf(file) !== rows) return undefined
  await migrate(file)
  return { file, rows, lookups: sampleLookups(file, LOOKUPS), note: "packages/db's" }
}

/** The 10M-row file for the second memory figure, or why there is none. */
const largeFile = async (): Promise<Registry | string> => {
  if (RSS_ROWS !== undefined) return (await sharedFile(RSS_ROWS)) ?? (await ownFile(RSS_ROWS))
  if (existsSync(join(BENCH_DIR, `registry-${TEN_MILLION}.sqlite`))) return ownFile(TEN_MILLION)
  return (
    (await sharedFile(TEN_MILLION)) ??
    "no 10,000,000-certificate file in apps/api/.bench/ or packages/db/.bench/; set BENCH_RSS_ROWS=10000000 to build one (takes minutes)"
  )
}

// ---------------------------------------------------------------------------------------------- main

const main = async () => {
  mkdirSync(BENCH_DIR, { recursive: true })
  const registry = await ownFile(ROWS)
  const { file } = registry
  const requests = requestsFor(registry.lookups)
  log(
    `node ${process.version}; ${availableParallelism()} CPUs (load average ${loadavg()[0]?.toFixed(2)}); registry ${fmt(ROWS)} certificates (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB, ${registry.note})`
  )
  log(
    `load: ${CONNECTIONS} keep-alive connections; warm-up ${WARMUP} s; closed loop ${SECONDS} s; open loop ${SECONDS} s at half each server's maximum; ${fmt(LOOKUPS)} lookups cycled, 1 in 10 an unknown number`
  )

  const raw = await rawServer(file)
  const a = await measure(raw, requests).finally(() => raw.stop())
  const api = await jinengApi(file)
  const b = await measure(api, requests).finally(() => api.stop())

  const large = await largeFile()
  let rss: Awaited<ReturnType<typeof memoryServing>> | undefined
  if (typeof large !== "string") {
    log(`memory on ${large.file} (${large.note}) …`)
    rss = await memoryServing(large)
  }

  const row = (label: string, m: Measured) =>
    `${label.padEnd(38)}${fmt(m.max).padStart(9)} req/s   at ${fmt(m.halfRate).padStart(6)} req/s: p50 ${ms(m.latency.p50)}  p99 ${ms(m.latency.p99)}  max ${ms(m.latency.max)}  (p99 from write ${ms(m.serviceTime.p99)})`
  log("")
  log("Public lookup, GET /api/public/certificates/lookup?number=…&name=…")
  log(row("A raw node:http + better-sqlite3", a))
  log(row("B Jineng API (dist/main.js)", b))
  log(`B/A max throughput = ${(b.max / a.max).toFixed(2)}  (target ≥ 0.8)`)
  log(`B p99 at half its max = ${ms(b.latency.p99)}  (target ≤ 5 ms)`)
  const memoryLine = (label: string, m: Measured["memory"]) =>
    `${label}: RSS ${mb(m.idle.rssKb)} idle, ${mb(m.underLoad.rssKb)} max under load, peak VmHWM ${mb(m.underLoad.hwmKb)}`
  log(memoryLine(`B memory serving ${fmt(ROWS)} certificates`, b.memory))
  log(memoryLine("A memory (same node + tsx loader, for reference)", a.memory))
  if (typeof large === "string") log(`B memory serving 10,000,000 certificates: skipped — ${large}`)
  else if (rss !== undefined)
    log(
      `B memory serving ${fmt(large.rows)} certificates: RSS ${mb(rss.idle.rssKb)} idle, ${mb(rss.underLoad.rssKb)} max under load, peak VmHWM ${mb(rss.underLoad.hwmKb)}  (target ≤ 200 MB; ${fmt(rss.rate)} req/s; ${statusLine(rss.statuses)})`
    )
  if (busiestOthers > 20)
    log(
      `WARNING: other processes used up to ${busiestOthers.toFixed(0)}% of a core while a server was measured: the throughput figures and ratio are not reliable; rerun on an idle machine`
    )
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
