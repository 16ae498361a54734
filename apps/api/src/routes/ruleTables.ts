/** 资格审核规则表（贯通、竞赛晋升）. (Stub: routes to come.) */
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const ruleTablesDocs: ReadonlyArray<RouteDoc> = []

export const ruleTables = (_deps: RouteDeps) => new Hono<ApiEnv>()
