/** 评价批次（附件2）与证书核发. (Stub: routes to come.) */
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const batchesDocs: ReadonlyArray<RouteDoc> = []

export const batches = (_deps: RouteDeps) => new Hono<ApiEnv>()
