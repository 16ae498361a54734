/**
 * Every request gets an id (the caller's `X-Request-Id` when it is a plain token, else a fresh UUID), echoed in
 * the response header and written in one JSON log line at the end: method, path without the query string (which
 * carries ID numbers and names), status, duration, and the acting organisation when a key was presented.
 */
import { randomUUID } from "node:crypto"
import { createMiddleware } from "hono/factory"
import type { ApiEnv } from "./ApiEnv.js"
import type { LogSink } from "./Log.js"

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/

export const requestLog = (log: LogSink) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const presented = c.req.header("x-request-id")
    const requestId = presented !== undefined && REQUEST_ID.test(presented) ? presented : randomUUID()
    c.set("requestId", requestId)
    c.header("x-request-id", requestId)
    const started = performance.now()
    await next()
    const actor = c.get("actor")
    log({
      level: c.res.status >= 500 ? "error" : "info",
      msg: "request",
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 100) / 100,
      ...(actor === undefined ? {} : { actor: actor.id })
    })
  })
