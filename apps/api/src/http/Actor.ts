/**
 * Who acts (domain.md §4): `authenticated` and `requireAction` read the API key from `Authorization: Bearer <key>`, verify it
 * (hashed, compared in constant time, revoked keys refused — @jineng/db ApiKeys) and sets the organisation as
 * the request's actor; no key or a bad one → 401, without saying which. `requireAction` also refuses with 403
 * a role the action's permission row does not list (Permissions.ts), before the body is even read; the region
 * and own-record scope of the actual target is checked by the use case (Authorise.ts).
 */

import { ApiKeys } from "@jineng/db/access/ApiKeys"
import { authorise } from "@jineng/domain/access/Authorise"
import { type Action, PERMISSIONS } from "@jineng/domain/access/Permissions"
import { Effect, Either } from "effect"
import type { Context } from "hono"
import { createMiddleware } from "hono/factory"
import type { AppRuntime } from "../AppRuntime.js"
import type { ApiEnv } from "./ApiEnv.js"
import { problem, TITLES } from "./Problem.js"

const BEARER = /^Bearer\s+(\S+)\s*$/i

/** Verifies the presented key and sets the actor; the 401 problem response otherwise. */
const verifyActor = async (runtime: AppRuntime, c: Context<ApiEnv>) => {
  const header = c.req.header("authorization")
  const presented = header === undefined ? undefined : BEARER.exec(header)?.[1]
  const verified =
    presented === undefined
      ? undefined
      : await runtime.runPromise(Effect.either(Effect.flatMap(ApiKeys, (keys) => keys.verify(presented))))
  if (verified !== undefined && Either.isRight(verified)) {
    c.set("actor", verified.right.organisation)
    return undefined
  }
  c.header("www-authenticate", 'Bearer realm="jineng"')
  return problem(c, 401, {
    code: "ApiKeyRejected",
    title: TITLES.unauthorized,
    detail:
      presented === undefined
        ? "请在请求头 Authorization 中以 “Bearer <API 密钥>” 提供本单位的 API 密钥"
        : "API 密钥无效或已吊销，请联系省人社厅重新申领",
    field: "authorization"
  })
}

/** For read routes that need a key but no particular permission. */
export const authenticated = (runtime: AppRuntime) =>
  createMiddleware<ApiEnv>(async (c, next) => (await verifyActor(runtime, c)) ?? next())

/**
 * For write routes: a valid key (401 otherwise) whose role may perform the action at all (403 otherwise, the
 * first check of `authorise`), before the body is read. Per route, not per sub-app: a sub-app's `use` would
 * apply to everything under its mount point.
 */
export const requireAction = (runtime: AppRuntime, action: Action) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const refused = await verifyActor(runtime, c)
    if (refused !== undefined) return refused
    const decision = authorise(c.get("actor"), action)
    if (decision.outcome !== "allowed")
      return problem(c, 403, {
        code: "ActionNotPermitted",
        title: TITLES.forbidden,
        detail: decision.failures.map((f) => f.message).join("；"),
        field: "authorization",
        extensions: { action, citation: PERMISSIONS[action].citation }
      })
    await next()
  })
