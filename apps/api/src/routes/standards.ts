/** 技术标准、题库、企业评价规范与技术资源发布目录. (Stub: routes to come.) */
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const standardsDocs: ReadonlyArray<RouteDoc> = []

export const standards = (_deps: RouteDeps) => new Hono<ApiEnv>()
