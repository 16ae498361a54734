/** 公开：评价机构目录. (Stub: routes to come.) */
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const publicInstitutionsDocs: ReadonlyArray<RouteDoc> = []

export const publicInstitutions = (_deps: RouteDeps) => new Hono<ApiEnv>()
