/**
 * Every request gets an id (the caller's `X-Request-Id` when it is a plain token, else a fresh UUID), echoed in
 * the response header and written in one JSON log line at the end: method, path without the query string (which
 * carries ID numbers and names), status, duration, and the acting organisation when a key was presented. The
 * public lookup's fast path (LookupFastPath.ts) writes the same line with the same two functions.
 */
import { randomUUID } from "node:crypto"
import { createMiddleware } from "hono/factory"
import type { ApiEnv } from "./ApiEnv.js"
import type { LogLine, LogSink } from "./Log.js"

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/

/** The request's id: the presented `X-Request-Id` when it is a plain token of at most 64 characters, else a UUID. */
export const requestIdOf = (presented: string | undefined): string =>
  presented !== undefined && REQUEST_ID.test(presented) ? presented : randomUUID()

/** The one log line of a request (never its query string). */
export const requestLine = (
  requestId: string,
  method: string,
  path: string,
  status: number,
  started: number,
  actor?: string
): LogLine => {
  const line: LogLine = {
    level: status >= 500 ? "error" : "info",
    msg: "request",
    requestId,
    method,
    path,
    status,
    ms: Math.round((performance.now() - started) * 100) / 100
  }
  return actor === undefined ? line : { ...line, actor }
}

export const requestLog = (log: LogSink) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const requestId = requestIdOf(c.req.header("x-request-id"))
    c.set("requestId", requestId)
    c.header("x-request-id", requestId)
    const started = performance.now()
    await next()
    log(requestLine(requestId, c.req.method, c.req.path, c.res.status, started, c.get("actor")?.id))
  })
