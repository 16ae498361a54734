/**
 * Rate limits at the edge: the client's address as the socket saw it (no proxy header is trusted), the 429
 * problem with Retry-After, and a middleware limiting one route per client address (FixedWindowLimiter).
 */
import type { Context } from "hono"
import { createMiddleware } from "hono/factory"
import type { ApiEnv } from "./ApiEnv.js"
import { problem, TITLES } from "./Problem.js"
import type { FixedWindowLimiter } from "./RateLimit.js"

export const clientOf = (c: Context) =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress ?? "local"

/** 429 with Retry-After; `what` names the limited act in the zh-CN detail ("查询", "提交举报"). */
export const tooMany = (
  c: Context,
  retryAfterSeconds: number,
  limit: { readonly code: string; readonly what: string; readonly field?: string }
) => {
  c.header("retry-after", String(retryAfterSeconds))
  return problem(c, 429, {
    code: limit.code,
    title: TITLES.tooMany,
    detail: `${limit.what}过于频繁，请 ${retryAfterSeconds} 秒后再试`,
    field: limit.field
  })
}

/** At most the limiter's hits per client address and window; 429 with Retry-After beyond. */
export const perClient = (
  limiter: FixedWindowLimiter,
  limit: { readonly code: string; readonly what: string }
) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const hit = limiter.hit(clientOf(c))
    return hit.allowed ? next() : tooMany(c, hit.retryAfterSeconds, limit)
  })
