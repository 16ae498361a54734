/** 公开：规则服务（申报资格、竞赛备案要求、发证权限）. (Stub: routes to come.) */
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const rulesDocs: ReadonlyArray<RouteDoc> = []

export const rules = (_deps: RouteDeps) => new Hono<ApiEnv>()
