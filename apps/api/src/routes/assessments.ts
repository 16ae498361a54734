/** 评价质量专项评估. (Stub: routes to come.) */
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const assessmentsDocs: ReadonlyArray<RouteDoc> = []

export const assessments = (_deps: RouteDeps) => new Hono<ApiEnv>()
