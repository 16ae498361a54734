/** GET /api/openapi.json: the OpenAPI 3.1 document of every route (openapi/OpenApi.ts). */
import { Schema } from "effect"
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import { openApiDocument } from "../openapi/OpenApi.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const openapiDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/api/openapi.json",
    summary: "本接口的 OpenAPI 3.1 文档",
    tag: "运行状态",
    success: { status: 200, description: "OpenAPI 文档", schema: Schema.Object }
  }
]

export const openapi = (docs: ReadonlyArray<RouteDoc>) => {
  let document: unknown
  return new Hono<ApiEnv>().get("/openapi.json", (c) => {
    document ??= openApiDocument(docs, { version: "0.1.0" })
    return c.json(document as Record<string, unknown>, 200)
  })
}
