/**
 * What the OpenAPI document says of one route. Each routes file exports the docs of its routes next to them,
 * built from the same Schemas its validators decode with; test/OpenApi.test.ts checks that every mounted route
 * has exactly one doc and every doc a route.
 */
import type { Action } from "@jineng/domain/access/Permissions"
import type { Schema } from "effect"

export type Method = "get" | "post" | "put" | "patch" | "delete"

export interface RouteDoc {
  readonly method: Method
  /** The full path in Hono's form, e.g. "/api/batches/:batchId". */
  readonly path: string
  /** zh-CN, one line. */
  readonly summary: string
  readonly description?: string
  /** The group the route belongs to (zh-CN), e.g. "评价批次". */
  readonly tag: string
  /** A write route: an API key whose role has this permission is required (401/403 otherwise). */
  readonly action?: Action
  /** A read route that needs an API key but no particular permission. */
  readonly authenticated?: boolean
  readonly params?: Schema.Schema.Any
  readonly query?: Schema.Schema.Any
  readonly body?: Schema.Schema.Any
  /** Other accepted body media types (the schema then describes one record, e.g. a JSON Lines row). */
  readonly bodyMediaTypes?: ReadonlyArray<string>
  readonly success: {
    readonly status: number
    readonly description: string
    readonly schema?: Schema.Schema.Any
  }
  /** Error statuses beyond the ones the edge adds (400 with input, 401/403 with a key, 413, 429 declared here). */
  readonly errors?: ReadonlyArray<number>
}
