/** 竞赛备案与跨区域备案意见（附件1）. (Stub: routes to come.) */
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const competitionsDocs: ReadonlyArray<RouteDoc> = []

export const competitions = (_deps: RouteDeps) => new Hono<ApiEnv>()
