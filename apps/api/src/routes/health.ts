/** Liveness (/healthz: the process answers) and readiness (/readyz: the database answers). */
import { ping } from "@jineng/db/Database"
import { Schema } from "effect"
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import { problem } from "../http/Problem.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

const Status = Schema.Struct({ status: Schema.String })

export const healthDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/healthz",
    summary: "存活检查：进程在应答",
    tag: "运行状态",
    success: { status: 200, description: "进程在应答", schema: Status }
  },
  {
    method: "get",
    path: "/readyz",
    summary: "就绪检查：数据库可访问",
    tag: "运行状态",
    success: { status: 200, description: "可以受理请求", schema: Status },
    errors: [503]
  }
]

export const health = ({ runtime }: RouteDeps) =>
  new Hono<ApiEnv>()
    .get("/healthz", (c) => c.json({ status: "ok" }, 200))
    .get("/readyz", async (c) => {
      const ready = await runtime.runPromise(ping).catch(() => false)
      return ready
        ? c.json({ status: "ready" }, 200)
        : problem(c, 503, {
            code: "DatabaseUnavailable",
            title: "服务暂不可用",
            detail: "数据库暂时无法访问"
          })
    })
