/** 公开：评价批次公示. (Stub: routes to come.) */
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const publicBatchesDocs: ReadonlyArray<RouteDoc> = []

export const publicBatches = (_deps: RouteDeps) => new Hono<ApiEnv>()
