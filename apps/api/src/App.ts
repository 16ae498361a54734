/**
 * The API application: routes mounted on one Hono app over one runtime. Unknown routes and defects answer
 * problem+json; a defect is logged once, without request data.
 */
import { Hono } from "hono"
import type { AppRuntime } from "./AppRuntime.js"
import { problem, TITLES } from "./http/Problem.js"
import { health } from "./routes/health.js"
import { publicCertificates } from "./routes/publicCertificates.js"

export interface AppOptions {
  /** The public base URL, for verification links printed on certificates. */
  readonly publicBaseUrl: string
}

export const makeApp = (runtime: AppRuntime, options: AppOptions) =>
  new Hono()
    .route("/", health(runtime))
    .route("/api/public/certificates", publicCertificates(runtime, options.publicBaseUrl))
    .notFound((c) =>
      problem(c, 404, {
        code: "RouteNotFound",
        title: TITLES.notFound,
        detail: `没有这个接口：${c.req.method} ${c.req.path}`
      })
    )
    .onError((error, c) => {
      console.error(JSON.stringify({ level: "error", msg: "unhandled", error: String(error) }))
      return problem(c, 500, {
        code: "InternalError",
        title: TITLES.internal,
        detail: "服务器内部错误，请稍后重试"
      })
    })

export type AppType = ReturnType<typeof makeApp>
