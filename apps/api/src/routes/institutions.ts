/** 评价机构目录管理. (Stub: routes to come.) */
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const institutionsDocs: ReadonlyArray<RouteDoc> = []

export const institutions = (_deps: RouteDeps) => new Hono<ApiEnv>()
