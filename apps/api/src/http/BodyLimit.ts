/**
 * Request body limits: 1 MiB for every JSON body, 64 MiB for a batch's results (up to 100,000 certificates a
 * submission, JSON or JSON Lines). A larger body answers 413 problem+json before it is read in full.
 */
import { bodyLimit } from "hono/body-limit"
import { createMiddleware } from "hono/factory"
import type { ApiEnv } from "./ApiEnv.js"
import { problem, TITLES } from "./Problem.js"

export const DEFAULT_BODY_LIMIT = 1024 * 1024
export const BULK_BODY_LIMIT = 64 * 1024 * 1024

/** The routes that take bulk bodies: POST /api/batches/:batchId/certificates. */
const isBulk = (method: string, path: string) =>
  method === "POST" && /^\/api\/batches\/[^/]+\/certificates$/.test(path)

const limitOf = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: (c) =>
      problem(c, 413, {
        code: "BodyTooLarge",
        title: TITLES.tooLarge,
        detail: `请求内容超过 ${maxSize / 1024 / 1024} MiB 的上限${maxSize === DEFAULT_BODY_LIMIT ? "（批量发证请使用 JSON Lines 提交到批次发证接口）" : "，请分批提交"}`,
        field: "body"
      })
  })

const normal = limitOf(DEFAULT_BODY_LIMIT)
const bulk = limitOf(BULK_BODY_LIMIT)

/** GET and HEAD carry no body: they pass without the limiter touching the request. */
export const bodyLimits = createMiddleware<ApiEnv>((c, next) =>
  c.req.method === "GET" || c.req.method === "HEAD"
    ? next()
    : (isBulk(c.req.method, c.req.path) ? bulk : normal)(c, next)
)
