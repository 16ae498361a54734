/**
 * Organisation accounts and their API keys (domain.md §4): who am I (any key — the terminal shows what its key
 * may do), and for the province (organisation.manage) the list of organisations, creating one, issuing a key
 * (shown once), listing and revoking keys. Keys are never listed: only their lookup prefix and dates.
 */
import { NewOrganisation, OrganisationAccounts } from "@jineng/db/access/OrganisationAccounts"
import { Organisation } from "@jineng/domain/access/Organisation"
import { OrganisationRepository } from "@jineng/domain/access/OrganisationRepository"
import { organisationRoleName } from "@jineng/domain/access/OrganisationRole"
import { OrganisationRole } from "@jineng/domain/access/OrganisationRoleSchema"
import { actionsOf, PERMISSIONS } from "@jineng/domain/access/Permissions"
import { RegionCode } from "@jineng/domain/codes/RegionSchema"
import { Id } from "@jineng/domain/shared/FieldSchema"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { authenticated, requireAction } from "../http/Actor.js"
import type { ApiEnv } from "../http/ApiEnv.js"
import { Page, PageQuery } from "../http/Page.js"
import { answers } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { jsonBody, paramsOf, queryOf } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

const OrganisationView = Organisation.annotations({ identifier: "Organisation", title: "机构账户" })

const Me = Schema.Struct({
  organisation: OrganisationView,
  roleName: Schema.String,
  actions: Schema.Array(
    Schema.Struct({ action: Schema.String, name: Schema.String, citation: Schema.String })
  )
}).annotations({ identifier: "Me", title: "当前 API 密钥所属机构及其可执行的操作" })

const KeyView = Schema.Struct({
  id: Schema.String,
  organisationId: Schema.String,
  prefix: Schema.String.annotations({ description: "密钥查找前缀（jn_<前缀>_…）" }),
  createdAt: Schema.String,
  revokedAt: Schema.optional(Schema.String)
}).annotations({ identifier: "ApiKeyView", title: "API 密钥记录（不含密钥本身）" })

const CreatedKey = Schema.Struct({
  key: Schema.String.annotations({ description: "完整密钥，只显示这一次" }),
  record: KeyView
}).annotations({ identifier: "CreatedApiKey", title: "新签发的 API 密钥" })

const OrganisationParams = Schema.Struct({ organisationId: Id("机构账户编号") })
const KeyParams = Schema.Struct({ organisationId: Id("机构账户编号"), keyId: Id("密钥编号") })

const OrganisationListQuery = Schema.Struct({
  ...PageQuery.fields,
  role: Schema.optional(OrganisationRole),
  regionCode: Schema.optional(RegionCode)
})

const TAG = "机构账户与 API 密钥"

export const organisationsDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/api/organisations/me",
    summary: "当前 API 密钥所属机构及其可执行的操作",
    tag: TAG,
    authenticated: true,
    success: { status: 200, description: "机构账户与权限", schema: Me }
  },
  {
    method: "get",
    path: "/api/organisations",
    summary: "机构账户列表（按角色、行政区划筛选，分页）",
    tag: TAG,
    action: "organisation.manage",
    query: OrganisationListQuery,
    success: { status: 200, description: "一页机构账户", schema: Page(OrganisationView) }
  },
  {
    method: "post",
    path: "/api/organisations",
    summary: "创建机构账户",
    tag: TAG,
    action: "organisation.manage",
    body: NewOrganisation,
    success: { status: 201, description: "已创建的机构账户", schema: OrganisationView },
    errors: [404, 409, 422]
  },
  {
    method: "get",
    path: "/api/organisations/:organisationId/keys",
    summary: "机构的 API 密钥记录",
    tag: TAG,
    action: "organisation.manage",
    params: OrganisationParams,
    success: {
      status: 200,
      description: "密钥记录（不含密钥）",
      schema: Schema.Struct({ items: Schema.Array(KeyView) })
    },
    errors: [404]
  },
  {
    method: "post",
    path: "/api/organisations/:organisationId/keys",
    summary: "签发 API 密钥（完整密钥只显示一次）",
    tag: TAG,
    action: "organisation.manage",
    params: OrganisationParams,
    success: { status: 201, description: "新密钥", schema: CreatedKey },
    errors: [404]
  },
  {
    method: "post",
    path: "/api/organisations/:organisationId/keys/:keyId/revocation",
    summary: "吊销 API 密钥",
    tag: TAG,
    action: "organisation.manage",
    params: KeyParams,
    success: { status: 200, description: "已吊销的密钥记录", schema: KeyView },
    errors: [404]
  }
]

export const organisations = ({ runtime }: RouteDeps) => {
  const { ok, created } = answers(runtime)
  return new Hono<ApiEnv>()
    .get("/me", authenticated(runtime), (c) => {
      const organisation = c.get("actor")
      return c.json(
        {
          organisation,
          roleName: organisationRoleName(organisation.role),
          actions: actionsOf(organisation.role).map((action) => ({
            action,
            name: PERMISSIONS[action].name,
            citation: PERMISSIONS[action].citation
          }))
        },
        200
      )
    })
    .get("/", requireAction(runtime, "organisation.manage"), queryOf(OrganisationListQuery), (c) => {
      const { limit, offset, role, regionCode } = c.req.valid("query")
      return ok(c, OrganisationRepository, (repository) =>
        repository.list({
          limit,
          offset,
          ...(role === undefined ? {} : { role }),
          ...(regionCode === undefined ? {} : { regionCode })
        })
      )
    })
    .post("/", requireAction(runtime, "organisation.manage"), jsonBody(NewOrganisation), (c) =>
      created(c, OrganisationAccounts, (accounts) => accounts.create(c.req.valid("json"), c.get("actor")))
    )
    .get(
      "/:organisationId/keys",
      requireAction(runtime, "organisation.manage"),
      paramsOf(OrganisationParams),
      (c) =>
        ok(c, OrganisationAccounts, (accounts) =>
          Effect.map(accounts.listKeys(c.req.valid("param").organisationId, c.get("actor")), (keys) => ({
            items: keys.map(withoutHash)
          }))
        )
    )
    .post(
      "/:organisationId/keys",
      requireAction(runtime, "organisation.manage"),
      paramsOf(OrganisationParams),
      (c) =>
        created(c, OrganisationAccounts, (accounts) =>
          Effect.map(accounts.issueKey(c.req.valid("param").organisationId, c.get("actor")), (created) => ({
            key: created.key,
            record: withoutHash(created.record)
          }))
        )
    )
    .post(
      "/:organisationId/keys/:keyId/revocation",
      requireAction(runtime, "organisation.manage"),
      paramsOf(KeyParams),
      (c) => {
        const { organisationId, keyId } = c.req.valid("param")
        return ok(c, OrganisationAccounts, (accounts) =>
          Effect.map(accounts.revokeKey(organisationId, keyId, c.get("actor")), withoutHash)
        )
      }
    )
}

/** A key record as shown: everything but the hash. */
const withoutHash = <R extends { readonly hash: string }>(record: R): Omit<R, "hash"> => {
  const { hash: _hash, ...shown } = record
  return shown
}
