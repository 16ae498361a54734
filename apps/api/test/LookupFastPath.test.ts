/**
 * The public lookup's fast path (http/LookupFastPath.ts) answers exactly as Hono's lookup route: the real
 * server's listener (apiListener, as main.ts composes it) and Hono's listener alone, both on ephemeral ports
 * over the same app (one lookup core: shared limiters), get the same requests; their responses must be the same
 * bytes (status line, headers in order, body; only Date differs), equal to app.request's, with the same log
 * line. Requests the fast path must not take (another method or path, a target or Host that Hono's adapter
 * reads differently, a defect in the core) are shown to reach Hono. The date is frozen, so that Retry-After
 * is the same second on both sides. On a SQLite file, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { createServer, type RequestListener, type Server } from "node:http"
import { connect } from "node:net"
import { layer } from "@effect/vitest"
import { getRequestListener } from "@hono/node-server"
import type { DatabaseTarget } from "@jineng/db/Database"
import { Context, Effect, Layer, Redacted, type Scope } from "effect"
import { Hono } from "hono"
import { describe, expect, it, vi } from "vitest"
import { freshPgUrl, testDatabaseUrl } from "../../../packages/db/test/TestDatabases.js"
import { type LogLine, logText } from "../src/http/Log.js"
import { LOOKUP_CORE, type LookupCore } from "../src/http/LookupCore.js"
import { apiListener, lookupFastPath, lookupRouteOf } from "../src/http/LookupFastPath.js"
import { requestLine } from "../src/http/RequestLog.js"
import { SECURE_HEADERS } from "../src/http/SecureHeaders.js"
import { makeTestApp, type TestApp } from "./TestApp.js"

const LOOKUP = "/api/public/certificates/lookup"

const listen = (listener: RequestListener) =>
  new Promise<{ readonly server: Server; readonly port: number }>((resolve) => {
    const server = createServer(listener)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      resolve({ server, port: typeof address === "object" && address !== null ? address.port : 0 })
    })
  })

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  })

interface Request {
  readonly method?: string
  readonly target: string
  /** Header lines after the request line; default Host: 127.0.0.1. */
  readonly headers?: ReadonlyArray<string>
  /** The client's address (each loopback address is its own client for the per-client limit). */
  readonly from?: string
}

/** One HTTP/1.1 exchange on a plain socket: the response's bytes as text, without its Date header. */
const exchange = (port: number, request: Request) =>
  new Promise<string>((resolve, reject) => {
    const head = [
      `${request.method ?? "GET"} ${request.target} HTTP/1.1`,
      ...(request.headers ?? ["Host: 127.0.0.1"]),
      "Connection: close"
    ].join("\r\n")
    const socket = connect({ port, host: "127.0.0.1", localAddress: request.from ?? "127.0.0.1" }, () =>
      socket.write(`${head}\r\n\r\n`)
    )
    const chunks: Array<Buffer> = []
    socket.on("data", (chunk: Buffer) => chunks.push(chunk))
    socket.on("error", reject)
    socket.on("close", () =>
      resolve(
        Buffer.concat(chunks)
          .toString("utf8")
          .replace(/\r\nDate: [^\r]*/, "")
      )
    )
  })

interface Parsed {
  readonly status: number
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: string
}

const parse = (response: string): Parsed => {
  const end = response.indexOf("\r\n\r\n")
  const [statusLine = "", ...lines] = response.slice(0, end).split("\r\n")
  return {
    status: Number(statusLine.split(" ")[1]),
    headers: lines.map((l) => {
      const colon = l.indexOf(":")
      return [l.slice(0, colon).toLowerCase(), l.slice(colon + 1).trim()] as const
    }),
    body: response.slice(end + 4)
  }
}

/** The headers an app.request Response shares with the wire (the wire adds length and connection ones). */
const appHeaders = (p: Parsed) =>
  p.headers.filter(([n]) => !["content-length", "connection", "keep-alive", "transfer-encoding"].includes(n))

class Servers extends Context.Tag("test/LookupFastPath/Servers")<
  Servers,
  {
    readonly t: TestApp
    /** The real server's listener (apiListener, as main.ts). */
    readonly real: number
    /** Hono's listener alone. */
    readonly hono: number
    /** The fast path in front of a recording Hono listener. */
    readonly recorded: number
    /** The targets the recording listener passed to Hono. */
    readonly handedOn: Array<string>
  }
>() {}

const NOW = new Date("2026-06-15T02:00:20.500Z")

/** The servers over a TestApp on `target` (undefined: a SQLite file), with the date frozen at NOW. */
const serversOn = (target: Effect.Effect<DatabaseTarget | undefined, never, Scope.Scope>) =>
  Layer.scoped(
    Servers,
    Effect.flatMap(target, (database) =>
      Effect.acquireRelease(
        Effect.promise(async () => {
          vi.useFakeTimers({ toFake: ["Date"] })
          vi.setSystemTime(NOW)
          const t = await makeTestApp({
            lookupLimits: { perClientPerMinute: 40, perIdentityPerMinute: 100 },
            ...(database === undefined ? {} : { target: database })
          })
          const log = (line: LogLine) => void t.logs.push(line)
          const honoListener = getRequestListener(t.app.fetch, { hostname: "127.0.0.1" })
          const handedOn: Array<string> = []
          const real = await listen(apiListener(t.app, { hostname: "127.0.0.1", log }))
          const hono = await listen(honoListener)
          const recorded = await listen(
            lookupFastPath(t.app, log, (req, res) => {
              handedOn.push(`${req.method} ${req.url}`)
              return honoListener(req, res)
            })
          )
          return { t, real, hono, recorded, handedOn }
        }),
        (s) =>
          Effect.promise(async () => {
            await Promise.all([s.real, s.hono, s.recorded].map(({ server }) => closeServer(server)))
            await s.t.close()
            vi.useRealTimers()
          })
      )
    ).pipe(Effect.map((s) => ({ ...s, real: s.real.port, hono: s.hono.port, recorded: s.recorded.port })))
  )

/** A SQLite file always; PostgreSQL too when TEST_DATABASE_URL is set (its reads answer asynchronously). */
const TARGETS = [
  { name: "a SQLite file", live: serversOn(Effect.succeed(undefined)) },
  ...(testDatabaseUrl === undefined
    ? []
    : [
        {
          name: "PostgreSQL",
          live: serversOn(
            Effect.map(
              freshPgUrl(testDatabaseUrl),
              ({ url }): DatabaseTarget => ({ _tag: "pg", url: Redacted.make(url) })
            )
          )
        }
      ])
]

const query = (params: Record<string, string>) => `${LOOKUP}?${new URLSearchParams(params)}`

for (const { name, live } of TARGETS)
  layer(live, { timeout: 120_000 })(`public lookup on ${name}: fast path and Hono route`, (it) => {
    let requestCount = 0
    /**
     * Sends `request` to Hono's listener, then to the real server, then through app.request (from the same client
     * address: by default one of its own, so that no earlier case counts against its per-client limit), each with
     * the same request id; expects equal bytes, equal log lines and app.request's status, headers and body.
     */
    const same = (request: Request) =>
      Effect.gen(function* () {
        const { t, real, hono } = yield* Servers
        const id = `case-${++requestCount}`
        const from = request.from ?? `127.0.0.${100 + requestCount}`
        const sent = {
          ...request,
          from,
          headers: [...(request.headers ?? ["Host: 127.0.0.1"]), `X-Request-Id: ${id}`]
        }
        const viaHono = yield* Effect.promise(() => exchange(hono, sent))
        const viaFast = yield* Effect.promise(() => exchange(real, sent))
        expect(viaFast).toBe(viaHono)
        const [honoLine, fastLine, ...more] = t.logs.filter((l) => l.requestId === id)
        expect(more).toEqual([])
        expect({ ...fastLine, ms: 0 }).toEqual({ ...honoLine, ms: 0 })
        const res = yield* Effect.promise(async () =>
          t.app.request(
            request.target,
            { headers: { "x-request-id": id } },
            { incoming: { socket: { remoteAddress: from } } }
          )
        )
        const parsed = parse(viaFast)
        expect(res.status).toBe(parsed.status)
        expect(yield* Effect.promise(() => res.text())).toBe(parsed.body)
        expect([...res.headers]).toEqual(appHeaders(parsed))
        return parsed
      })

    const sample = (status: "valid" | "revoked") =>
      Effect.map(Servers, ({ t }) => {
        const s = t.demo.samples.find((x) => x.status === status)
        if (s === undefined) throw new Error(`no ${status} demo sample`)
        return s
      })

    it.effect("found by number: 200 with the certificate, secure headers and the request id", () =>
      Effect.gen(function* () {
        const s = yield* sample("valid")
        const r = yield* same({ target: query({ number: s.number, name: s.name }) })
        expect(r.status).toBe(200)
        expect(JSON.parse(r.body).certificates[0].number).toBe(s.number)
        for (const [name, value] of SECURE_HEADERS) expect(r.headers).toContainEqual([name, value])
        expect(r.headers).toContainEqual(["x-request-id", `case-${requestCount}`])
        expect(r.headers).toContainEqual(["content-type", "application/json"])
      })
    )

    it.effect("found by ID number (lower-case x normalised), with a revoked certificate", () =>
      Effect.gen(function* () {
        const s = yield* sample("revoked")
        const r = yield* same({ target: query({ idNumber: s.idNumber.toLowerCase(), name: s.name }) })
        expect(r.status).toBe(200)
        expect(r.body).toContain('"state":"revoked"')
      })
    )

    it.effect("wrong name and unknown number: the same 404 problem", () =>
      Effect.gen(function* () {
        const s = yield* sample("valid")
        const wrong = yield* same({ target: query({ number: s.number, name: "不是本人" }) })
        const unknown = yield* same({
          target: query({ number: `${s.number.slice(0, 16)}999999`, name: s.name })
        })
        expect([wrong.status, unknown.status]).toEqual([404, 404])
        expect(wrong.body).toBe(unknown.body)
        expect(wrong.headers).toContainEqual(["content-type", "application/problem+json; charset=utf-8"])
      })
    )

    it.effect("malformed requests: the same 400 problems", () =>
      Effect.gen(function* () {
        const s = yield* sample("valid")
        const badId = `${s.idNumber.slice(0, 17)}${s.idNumber.endsWith("1") ? "2" : "1"}`
        const cases = [
          query({ number: `${s.number.slice(0, 15)}9${s.number.slice(16)}`, name: s.name }), // level 9
          query({ idNumber: badId, name: s.name }), // wrong check character
          query({ number: s.number }), // no name
          query({ number: s.number, idNumber: s.idNumber, name: s.name }), // both factors
          `${query({ number: s.number, name: s.name })}&name=${encodeURIComponent("别人")}`, // repeated
          `${query({ number: s.number, name: s.name })}&page=2`, // unknown parameter
          query({ number: s.number, name: "名".repeat(51) }), // too long
          LOOKUP, // nothing
          `${query({ number: s.number, name: s.name })}&__proto__=x` // a field, not a prototype
        ]
        const codes: Array<string> = []
        for (const target of cases) {
          const r = yield* same({ target })
          expect(r.status).toBe(400)
          codes.push(JSON.parse(r.body).code)
        }
        expect(codes).toEqual([
          "InvalidCertificateNumber",
          "InvalidResidentId",
          "InvalidRequest",
          "LookupFactorRequired",
          "InvalidRequest",
          "InvalidRequest",
          "InvalidRequest",
          "InvalidRequest",
          "InvalidRequest"
        ])
      })
    )

    it.effect(
      "encodings Hono decodes: + for a space, escapes in names and numbers, an undecodable escape",
      () =>
        Effect.gen(function* () {
          const s = yield* sample("valid")
          const spaced = yield* same({
            target: `${LOOKUP}?number=${s.number}&name=+${encodeURIComponent(s.name)}+`
          })
          expect(spaced.status).toBe(200) // names compare trimmed
          const escaped = yield* same({
            target: `${LOOKUP}?%6Eumber=%${s.number.charCodeAt(0).toString(16)}${s.number.slice(1)}&name=${encodeURIComponent(s.name)}`
          })
          expect(escaped.status).toBe(200)
          expect((yield* same({ target: `${LOOKUP}?number=${s.number}&name=%E8%B0` })).status).toBe(404)
          expect((yield* same({ target: `${LOOKUP}?number=${s.number}&name=%` })).status).toBe(404)
        })
    )

    it.effect("many lookups at once (one batch of reads): each gets its own answer, as from Hono", () =>
      Effect.gen(function* () {
        const { t, real, hono } = yield* Servers
        const requests = t.demo.samples.flatMap((s, i) => [
          { target: query({ number: s.number, name: s.name }), from: `127.0.2.${i}` },
          { target: query({ idNumber: s.idNumber, name: s.name }), from: `127.0.3.${i}` },
          { target: query({ number: s.number, name: "别人" }), from: `127.0.4.${i}` }
        ])
        const all = (port: number) =>
          Promise.all(
            requests.map((r, i) =>
              exchange(port, { ...r, headers: ["Host: 127.0.0.1", `X-Request-Id: batch-${i}`] })
            )
          )
        const viaHono = yield* Effect.promise(() => all(hono))
        const viaFast = yield* Effect.promise(() => all(real))
        expect(viaFast).toEqual(viaHono)
        expect(new Set(viaFast.map((r) => parse(r).status))).toEqual(new Set([200, 404]))
      })
    )

    it.effect("a request id that is not a plain token is replaced by a fresh UUID on both paths", () =>
      Effect.gen(function* () {
        const { real, hono } = yield* Servers
        const s = yield* sample("valid")
        const request = {
          target: query({ number: s.number, name: s.name }),
          headers: ["Host: 127.0.0.1", "X-Request-Id: not a token"]
        }
        const ids = []
        for (const port of [hono, real]) {
          const r = parse(yield* Effect.promise(() => exchange(port, request)))
          const id = r.headers.find(([n]) => n === "x-request-id")?.[1]
          expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
          ids.push(id)
        }
        expect(ids[0]).not.toBe(ids[1])
      })
    )

    it.effect("one identity looked up too often (whoever asks): the same 429 with Retry-After", () =>
      Effect.gen(function* () {
        const { real, hono } = yield* Servers
        const s = yield* sample("valid")
        const number = `${s.number.slice(0, 16)}888888` // well-formed, unknown
        // 100 lookups of one number a minute, counted over both listeners (one core), from many clients.
        const statuses: Array<number> = []
        for (let i = 0; i < 100; i++) {
          const request = { target: query({ number, name: `第${i}人` }), from: `127.0.1.${i}` }
          statuses.push(
            parse(yield* Effect.promise(() => exchange(i % 2 === 0 ? hono : real, request))).status
          )
        }
        expect(new Set(statuses)).toEqual(new Set([404]))
        const r = yield* same({ target: query({ number, name: "再一次" }) })
        expect(r.status).toBe(429)
        expect(JSON.parse(r.body).code).toBe("LookupRateLimitedForIdentity")
        expect(r.headers).toContainEqual(["retry-after", "40"]) // the frozen clock is 20.5 s into its minute
      })
    )

    it.effect("one client asking too often: the same 429 with Retry-After, other clients unaffected", () =>
      Effect.gen(function* () {
        const { real, hono } = yield* Servers
        const from = "127.0.0.9"
        let n = 0
        const target = () => query({ number: `S00003200000124300000${n++ % 10}`, name: "某人" })
        // 40 lookups a minute per client address, counted over both listeners (one core).
        for (let i = 0; i < 20; i++) {
          expect(
            parse(yield* Effect.promise(() => exchange(hono, { target: target(), from }))).status
          ).not.toBe(429)
          expect(
            parse(yield* Effect.promise(() => exchange(real, { target: target(), from }))).status
          ).not.toBe(429)
        }
        const r = yield* same({ target: target(), from })
        expect(r.status).toBe(429)
        expect(JSON.parse(r.body).code).toBe("LookupRateLimited")
        expect(r.headers).toContainEqual(["retry-after", "40"])
        const other = parse(
          yield* Effect.promise(() => exchange(real, { target: target(), from: "127.0.0.10" }))
        )
        expect(other.status).toBe(404)
      })
    )

    it.effect(
      "lookups never reach Hono's listener behind the fast path; every other request does, answered alike",
      () =>
        Effect.gen(function* () {
          const { recorded, hono, handedOn } = yield* Servers
          const s = yield* sample("valid")
          const name = encodeURIComponent(s.name)
          const fast: ReadonlyArray<Request> = [
            { target: query({ number: s.number, name: s.name }), from: "127.0.0.20" },
            { target: `${LOOKUP}?number=${s.number}&name=${name}#fragment`, from: "127.0.0.20" },
            { target: `${LOOKUP}`, from: "127.0.0.20" },
            {
              target: query({ number: s.number, name: s.name }),
              headers: ["Host: cx.example.gov.cn"],
              from: "127.0.0.20"
            }
          ]
          const handed: ReadonlyArray<Request> = [
            { target: "/healthz" },
            { target: "/api/public/institutions?limit=1" },
            { method: "HEAD", target: query({ number: s.number, name: s.name }) },
            { method: "POST", target: query({ number: s.number, name: s.name }) },
            { target: `${LOOKUP}/?number=${s.number}&name=${name}` },
            { target: `${LOOKUP}x?number=${s.number}&name=${name}` },
            { target: `/api/public/certificates/%6Cookup?number=${s.number}&name=${name}` },
            { target: `/api/public/certificates/./lookup?number=${s.number}&name=${name}` },
            { target: `${LOOKUP}?number=${s.number}&name=O'${name}` },
            { target: query({ number: s.number, name: s.name }), headers: ["Host: CX.example.gov.cn"] },
            { target: query({ number: s.number, name: s.name }), headers: ["Host: [::1]:3000"] },
            { target: query({ number: s.number, name: s.name }), headers: ["Host: cx.example.gov.cn:80"] }
          ]
          for (const request of fast) {
            const before = handedOn.length
            const r = parse(yield* Effect.promise(() => exchange(recorded, request)))
            expect(r.status).toBe(request.target === LOOKUP ? 400 : 200)
            expect(handedOn.length).toBe(before)
          }
          for (const request of handed) {
            const before = handedOn.length
            const viaRecorded = parse(yield* Effect.promise(() => exchange(recorded, request)))
            expect(handedOn.slice(before)).toEqual([`${request.method ?? "GET"} ${request.target}`])
            const viaHono = parse(yield* Effect.promise(() => exchange(hono, request)))
            expect(viaRecorded.status).toBe(viaHono.status)
            if (request.target === "/healthz") expect(viaRecorded.body).toBe(viaHono.body)
          }
        })
    )
  })

describe("log lines", () => {
  it("are the time, then the line's fields, as JSON.stringify({ time, ...line }) writes them", () => {
    const line = requestLine("req-1", "GET", LOOKUP, 404, performance.now() - 1.234)
    const text = logText(line)
    const time = (JSON.parse(text) as { time: string }).time
    expect(text).toBe(`${JSON.stringify({ time, ...line })}\n`)
    expect(Object.keys(JSON.parse(text))).toEqual([
      "time",
      "level",
      "msg",
      "requestId",
      "method",
      "path",
      "status",
      "ms"
    ])
    const timed = { level: "info", msg: "x", time: "earlier" } as const
    expect(JSON.parse(logText(timed))).toEqual(timed)
  })
})

describe("the fast path's hand-over", () => {
  const appWith = (core: LookupCore) =>
    new Hono().get(
      LOOKUP,
      Object.assign(() => new Response("hono"), { [LOOKUP_CORE]: core })
    )

  it("hands a lookup whose core throws or rejects (a defect) to Hono", async () => {
    for (const lookup of [
      () => {
        throw new Error("the registry is gone")
      },
      () => Promise.reject(new Error("the registry is gone"))
    ]) {
      const app = appWith({ lookup })
      const { server, port } = await listen(
        lookupFastPath(app, () => undefined, getRequestListener(app.fetch, { hostname: "127.0.0.1" }))
      )
      try {
        const r = parse(await exchange(port, { target: `${LOOKUP}?number=1&name=x` }))
        expect([r.status, r.body]).toEqual([200, "hono"])
      } finally {
        await closeServer(server)
      }
    }
  })

  it("finds the core the app mounts, and refuses an app without the lookup", () => {
    const core: LookupCore = {
      lookup: () => ({ status: 404, problem: { code: "x", title: "x", detail: "x" } })
    }
    expect(lookupRouteOf(new Hono().route("/", appWith(core)))).toEqual({ path: LOOKUP, core })
    expect(() => lookupRouteOf(new Hono().get(LOOKUP, (c) => c.text("x")))).toThrow(/no public lookup route/)
  })
})
