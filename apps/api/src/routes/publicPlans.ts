/** 公开：竞赛计划公示（附件3）. (Stub: routes to come.) */
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const publicPlansDocs: ReadonlyArray<RouteDoc> = []

export const publicPlans = (_deps: RouteDeps) => new Hono<ApiEnv>()
