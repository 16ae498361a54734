/** 公开：举报电话、举报提交与进度查询. (Stub: routes to come.) */
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const publicReportsDocs: ReadonlyArray<RouteDoc> = []

export const publicReports = (_deps: RouteDeps) => new Hono<ApiEnv>()
