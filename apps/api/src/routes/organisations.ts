/** 机构账户与 API 密钥. (Stub: routes to come.) */
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const organisationsDocs: ReadonlyArray<RouteDoc> = []

export const organisations = (_deps: RouteDeps) => new Hono<ApiEnv>()
