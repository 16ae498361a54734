/** Liveness (/healthz: the process answers) and readiness (/readyz: the database answers). */
import { ping } from "@jineng/db/Database"
import { Hono } from "hono"
import type { AppRuntime } from "../AppRuntime.js"
import { problem } from "../http/Problem.js"

export const health = (runtime: AppRuntime) =>
  new Hono()
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
