/**
 * Public certificate lookup with two factors (domain.md §2): certificate number + name, or ID number + name.
 * The rules — factors, rate limits per client address and per looked-up number or ID number (429 with
 * Retry-After), the uniform 404 — are http/LookupCore.ts's, shared with the server's fast path
 * (http/LookupFastPath.ts), which answers the same requests byte for byte without Hono. This route serves
 * app.request, the OpenAPI document and the typed client, and carries its core for the fast path to find.
 */
import { Hono } from "hono"
import { validator } from "hono/validator"
import type { ApiEnv } from "../http/ApiEnv.js"
import { clientOf } from "../http/ClientLimit.js"
import {
  LOOKUP_CORE,
  LookupAnswerSchema,
  type LookupCore,
  LookupQuery,
  makeLookupCore,
  type RawQuery
} from "../http/LookupCore.js"
import { problem } from "../http/Problem.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export { LookupAnswerSchema as LookupAnswer, LookupQuery } from "../http/LookupCore.js"

export const publicCertificatesDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/api/public/certificates/lookup",
    summary: "证书查询：证书编号＋姓名，或身份证号＋姓名",
    description:
      "两项信息须同时相符；不相符与不存在的回答相同（404）。按客户端地址和被查询的号码限制频率（429，见 Retry-After）。",
    tag: "公开：证书查询",
    query: LookupQuery,
    success: {
      status: 200,
      description: "相符的证书（身份证号只显示前6位和后4位）",
      schema: LookupAnswerSchema
    },
    errors: [404, 429]
  }
]

export const publicCertificates = (deps: RouteDeps) => {
  const core: LookupCore = makeLookupCore(deps)
  // Types the typed client's query; the value passes unchanged, for the core decodes it (LookupQuery), after
  // the per-client limit as the rules order it. It carries the core, for the fast path to serve the same one.
  const query = Object.assign(
    validator("query", (value) => value as RawQuery as typeof LookupQuery.Encoded),
    { [LOOKUP_CORE]: core }
  )
  return new Hono<ApiEnv>().get("/lookup", query, async (c) => {
    const answer = await core.lookup(clientOf(c), c.req.valid("query") as RawQuery)
    if (answer.status === 200) return c.json(answer.value, 200)
    if (answer.retryAfterSeconds !== undefined) c.header("retry-after", String(answer.retryAfterSeconds))
    return problem(c, answer.status, answer.problem)
  })
}
