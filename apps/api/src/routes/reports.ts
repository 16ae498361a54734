/** 举报受理与核查. (Stub: routes to come.) */
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const reportsDocs: ReadonlyArray<RouteDoc> = []

export const reports = (_deps: RouteDeps) => new Hono<ApiEnv>()
