/**
 * The API's request listener: the public lookup's fast path in front of Hono's listener (issue #4, the lookup's
 * throughput and latency targets). `GET /api/public/certificates/lookup?…` is answered straight from node's
 * IncomingMessage and ServerResponse — no Request or Response objects, no Hono context, no middleware chain —
 * by the very core the app's lookup route mounts (LookupCore.ts: the same limiters, the same rules), and written
 * as the app would write it: the same status, headers (secure headers, X-Request-Id, Retry-After; in the same
 * order), body, and one request log line. Everything else goes to Hono, and so does any lookup whose request
 * Hono's adapter would read differently from its raw bytes: another method (HEAD included), a path that is not
 * literally the route's (percent-encoded, trailing slash, dot segments), a request target with characters that
 * the adapter's URL parsing would rewrite (an unencoded apostrophe, non-ASCII), a missing or unusual Host header.
 * test/LookupFastPath.test.ts compares both paths answer for answer, byte for byte.
 *
 * A defect in the core (a broken database) hands the request to Hono too, whose error handler answers 500 and
 * logs it as for every route (the limiters then count that request twice).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http"
import { getRequestListener } from "@hono/node-server"
import type { Hono } from "hono"
import { getQueryParams } from "hono/utils/url"
import { clientAddressOf } from "./ClientLimit.js"
import type { LogSink } from "./Log.js"
import { LOOKUP_CORE, type LookupAnswer, type LookupCore, type RawQuery } from "./LookupCore.js"
import { PROBLEM_CONTENT_TYPE, problemBody } from "./Problem.js"
import { requestIdOf, requestLine } from "./RequestLog.js"
import { SECURE_HEADERS } from "./SecureHeaders.js"

// biome-ignore lint/suspicious/noExplicitAny: any app, whatever its environment and schema
type AnyHono = Hono<any, any, any>

/** The lookup route's path and core, as the app mounts them; the app must mount the lookup. */
export const lookupRouteOf = (app: AnyHono): { readonly path: string; readonly core: LookupCore } => {
  for (const route of app.routes) {
    const core = (route.handler as { [LOOKUP_CORE]?: LookupCore })[LOOKUP_CORE]
    if (core !== undefined && route.method === "GET") return { path: route.path, core }
  }
  throw new Error("the app mounts no public lookup route (routes/publicCertificates.ts)")
}

/**
 * Request targets that @hono/node-server passes on as they are (its reValidRequestUrl: no URL parsing, so no
 * rewriting), widened by "%" and narrowed by "'": in the query, URL parsing only percent-encodes "'" among these
 * characters, and Hono decodes the query after it, so every target matching this reads the same both ways.
 */
const PLAIN_TARGET = /^\/[!#$%&(-;=?-[\]_a-z~]*$/

/** Host headers @hono/node-server takes as they are (its reValidHost); any other may be refused (400) there. */
const PLAIN_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/

/**
 * The query's parameters as Hono's query validator gives them (`Object.fromEntries` of its `c.req.queries()`,
 * a parameter given once as a string), from the same parser (hono/utils/url), built without the intermediate
 * arrays. A parameter named "__proto__" takes Hono's own way, so it stays a field (refused as unknown).
 */
const rawQueryOf = (target: string): RawQuery => {
  const all = getQueryParams(target) as Record<string, Array<string>>
  if ("__proto__" in all)
    return Object.fromEntries(Object.entries(all).map(([k, v]) => (v.length === 1 ? [k, v[0]] : [k, v])))
  const query: Record<string, string | ReadonlyArray<string>> = {}
  for (const name in all) {
    const values = all[name] as Array<string>
    query[name] = values.length === 1 ? (values[0] as string) : values
  }
  return query
}

/**
 * The response headers, in the order Hono's adapter writes them (a Headers object iterates its names sorted),
 * then Content-Length: a flat [name, value, …] template per header set, with the request's values filled in.
 */
const headerTemplate = (retryAfter: boolean) => {
  const names = [
    "content-type",
    "x-request-id",
    ...(retryAfter ? ["retry-after"] : []),
    ...SECURE_HEADERS.map(([n]) => n)
  ].sort()
  const fixed = new Map(SECURE_HEADERS)
  const flat = names.flatMap((n) => [n, fixed.get(n) ?? ""])
  return {
    flat,
    contentType: flat.indexOf("content-type") + 1,
    requestId: flat.indexOf("x-request-id") + 1,
    retryAfter: flat.indexOf("retry-after") + 1
  }
}

const PLAIN = headerTemplate(false)
const LIMITED = headerTemplate(true)

const write = (res: ServerResponse, requestId: string, answer: LookupAnswer): void => {
  let body: string
  let headers: Array<string>
  if (answer.status === 200) {
    body = JSON.stringify(answer.value)
    headers = PLAIN.flat.slice()
    headers[PLAIN.contentType] = "application/json"
    headers[PLAIN.requestId] = requestId
  } else {
    body = JSON.stringify(problemBody(answer.status, answer.problem))
    const template = answer.retryAfterSeconds === undefined ? PLAIN : LIMITED
    headers = template.flat.slice()
    headers[template.contentType] = PROBLEM_CONTENT_TYPE
    headers[template.requestId] = requestId
    if (answer.retryAfterSeconds !== undefined)
      headers[template.retryAfter] = String(answer.retryAfterSeconds)
  }
  headers.push("Content-Length", String(Buffer.byteLength(body)))
  res.writeHead(answer.status, headers)
  res.end(body)
}

/** `next` behind the lookup's fast path: the lookup of `app`'s route answered here, every other request there. */
export const lookupFastPath = (app: AnyHono, log: LogSink, next: RequestListener): RequestListener => {
  const { path, core } = lookupRouteOf(app)
  const isLookup = (req: IncomingMessage, target: string) =>
    req.method === "GET" &&
    target.startsWith(path) &&
    (target.length === path.length || target.charCodeAt(path.length) === 63) && // "?"
    PLAIN_TARGET.test(target) &&
    PLAIN_HOST.test(req.headers.host ?? "")
  return (req, res) => {
    const target = req.url ?? ""
    if (!isLookup(req, target)) return next(req, res)
    const started = performance.now()
    const presented = req.headers["x-request-id"]
    const requestId = requestIdOf(typeof presented === "string" ? presented : undefined)
    const answered = (answer: LookupAnswer) => {
      log(requestLine(requestId, "GET", path, answer.status, started))
      try {
        write(res, requestId, answer)
      } catch (error) {
        // Not expected (every header value is checked or fixed); logged once, like the app's defects.
        log({ level: "error", msg: "unhandled", requestId, error: String(error) })
        res.destroy()
      }
    }
    let answer: LookupAnswer | Promise<LookupAnswer>
    try {
      answer = core.lookup(clientAddressOf(req), rawQueryOf(target))
    } catch {
      return next(req, res)
    }
    if (answer instanceof Promise) answer.then(answered, () => next(req, res))
    else answered(answer)
  }
}

/** The server's listener (main.ts): Hono's node adapter for `app`, behind the lookup's fast path. */
export const apiListener = (app: AnyHono, options: { readonly hostname?: string; readonly log: LogSink }) =>
  lookupFastPath(
    app,
    options.log,
    getRequestListener(app.fetch, options.hostname === undefined ? {} : { hostname: options.hostname })
  )
