/** 证书注销. (Stub: routes to come.) */
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const revocationsDocs: ReadonlyArray<RouteDoc> = []

export const revocations = (_deps: RouteDeps) => new Hono<ApiEnv>()
