/**
 * Rate limits at the edge: the client's address as the socket saw it (no proxy header is trusted), the 429
 * problem with Retry-After, and a middleware limiting one route per client address (FixedWindowLimiter).
 */
import type { Context } from "hono"
import { createMiddleware } from "hono/factory"
import type { ApiEnv } from "./ApiEnv.js"
import { type Problem, problem, TITLES } from "./Problem.js"
import type { FixedWindowLimiter } from "./RateLimit.js"

interface Incoming {
  readonly socket?: { readonly remoteAddress?: string | undefined } | undefined
}

/** The client's address as the socket saw it ("local" without a socket: app.request in tests). */
export const clientAddressOf = (incoming: Incoming | undefined): string =>
  incoming?.socket?.remoteAddress ?? "local"

export const clientOf = (c: Context) =>
  clientAddressOf((c.env as { incoming?: Incoming } | undefined)?.incoming)

export interface Limit {
  readonly code: string
  /** The limited act in the zh-CN detail ("查询", "提交举报"). */
  readonly what: string
  readonly field?: string
}

/** The 429 problem; its Retry-After header carries the same seconds. */
export const tooManyProblem = (retryAfterSeconds: number, limit: Limit): Problem => ({
  code: limit.code,
  title: TITLES.tooMany,
  detail: `${limit.what}过于频繁，请 ${retryAfterSeconds} 秒后再试`,
  field: limit.field
})

/** 429 with Retry-After. */
export const tooMany = (c: Context, retryAfterSeconds: number, limit: Limit) => {
  c.header("retry-after", String(retryAfterSeconds))
  return problem(c, 429, tooManyProblem(retryAfterSeconds, limit))
}

/** At most the limiter's hits per client address and window; 429 with Retry-After beyond. */
export const perClient = (limiter: FixedWindowLimiter<string>, limit: Limit) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const hit = limiter.hit(clientOf(c))
    return hit.allowed ? next() : tooMany(c, hit.retryAfterSeconds, limit)
  })
