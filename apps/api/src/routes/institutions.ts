/**
 * 评价机构目录管理 (54号·五 "实行能进能出的目录清单式动态管理"): admit an institution, change its scope, suspend,
 * remove and readmit it (恢复 or 重新准入), and read its history. Each write needs the role's permission (403
 * before the body is read) and the institution's region within the actor's (属地管理, checked by the domain's
 * InstitutionCatalogue, which records the history and the audit entry in one transaction).
 *
 * - POST /api/institutions                            institution.admit   → 201 the institution
 * - PUT  /api/institutions/:institutionId/scope       institution.change  → 200 (region and authorisations replaced)
 * - POST /api/institutions/:institutionId/suspension  institution.suspend → 200 (admitted → suspended)
 * - POST /api/institutions/:institutionId/removal     institution.remove  → 200 (admitted/suspended → removed)
 * - POST /api/institutions/:institutionId/readmission institution.admit   → 200 (suspended/removed → admitted)
 * - GET  /api/institutions/:institutionId/history     any valid key       → status entries and scope changes
 */
import type { Action } from "@jineng/domain/access/Permissions"
import { RegionCode } from "@jineng/domain/codes/RegionSchema"
import {
  AdmitInstitution,
  ScopeChangeRequest,
  StatusChange
} from "@jineng/domain/institution/CatalogueCommands"
import { CatalogueStatus, StatusEntry } from "@jineng/domain/institution/CatalogueStatusSchema"
import { expiringAuthorisations } from "@jineng/domain/institution/ExpiringAuthorisations"
import { Institution } from "@jineng/domain/institution/Institution"
import { InstitutionCatalogue } from "@jineng/domain/institution/InstitutionCatalogue"
import { ScopeChangeRecord } from "@jineng/domain/institution/InstitutionScope"
import { Id } from "@jineng/domain/shared/FieldSchema"
import { Schema } from "effect"
import { type Context, Hono } from "hono"
import { authenticated, requireAction } from "../http/Actor.js"
import type { ApiEnv } from "../http/ApiEnv.js"
import { answers } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { jsonBody, paramsOf, queryOf } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

const TAG = "评价机构目录"

const InstitutionParams = Schema.Struct({ institutionId: Id("机构编号") })

const InstitutionView = Institution.annotations({ identifier: "Institution", title: "评价机构（目录记录）" })

const HistoryView = Schema.Struct({
  institutionId: Schema.String,
  name: Schema.String,
  status: CatalogueStatus,
  statusHistory: Schema.Array(StatusEntry),
  scopeChanges: Schema.Array(ScopeChangeRecord)
}).annotations({ identifier: "InstitutionHistory", title: "评价机构目录状态记录与评价范围变更记录" })

type Move = "suspend" | "remove" | "readmit"

/** The status moves, for the docs (each route is chained in `institutions`, so the typed client sees it). */
const MOVES = [
  {
    segment: "suspension",
    action: "institution.suspend",
    summary: "暂停评价机构评价（已纳入目录 → 暂停评价）"
  },
  {
    segment: "removal",
    action: "institution.remove",
    summary: "将评价机构移出目录（已纳入目录或暂停评价 → 已移出目录）"
  },
  {
    segment: "readmission",
    action: "institution.admit",
    summary: "恢复评价（暂停评价 → 已纳入目录）或重新准入（已移出目录 → 已纳入目录）"
  }
] as const satisfies ReadonlyArray<{
  readonly segment: string
  readonly action: Action
  readonly summary: string
}>

const SCOPE_REFUSALS =
  "403：对象不在本机构管辖范围（属地管理）；409：状态不允许；422：变更后机构信息不符合规定"

const ExpiringQuery = Schema.Struct({
  withinDays: Schema.optionalWith(
    Schema.NumberFromString.pipe(
      Schema.int(),
      Schema.between(1, 366),
      Schema.annotations({
        message: () => ({ message: "天数 withinDays 应为 1 至 366 之间的整数", override: true })
      })
    ),
    { default: () => 30 }
  ),
  regionCode: Schema.optional(
    RegionCode.annotations({ description: "行政区划代码（含下级地区）；默认本单位所在地区" })
  )
})

const ExpiringAnswer = Schema.Struct({
  date: Schema.String,
  items: Schema.Array(
    Schema.Struct({
      institutionId: Schema.String,
      name: Schema.String,
      regionCode: Schema.String,
      authorisationId: Schema.String,
      validUntil: Schema.String,
      daysLeft: Schema.Number
    })
  )
}).annotations({ identifier: "ExpiringAuthorisations", title: "即将到期的评价授权" })

export const institutionsDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/api/institutions/expiring",
    summary: "辖区内评价授权即将到期的评价机构（默认30天内、本单位所在地区）",
    tag: TAG,
    authenticated: true,
    query: ExpiringQuery,
    success: { status: 200, description: "按截止日期排列的授权", schema: ExpiringAnswer }
  },
  {
    method: "post",
    path: "/api/institutions",
    summary: "评价机构准入（纳入目录）",
    description:
      "设区市只能准入本市的机构，且评价授权的地域范围不得超出本市；省厅不限。未给出机构编号时由系统生成；证书编号前缀不得与已有机构重复（409）。",
    tag: TAG,
    action: "institution.admit",
    body: AdmitInstitution,
    success: { status: 201, description: "已纳入目录的机构", schema: InstitutionView },
    errors: [409, 422]
  },
  {
    method: "put",
    path: "/api/institutions/:institutionId/scope",
    summary: "变更评价机构评价范围（所在地、评价职业、等级、地域范围、有效期）",
    description: `以新的所在地与评价授权整体替换原有内容，变更前后内容均记入变更记录。已移出目录的机构须先重新准入。${SCOPE_REFUSALS}`,
    tag: TAG,
    action: "institution.change",
    params: InstitutionParams,
    body: ScopeChangeRequest,
    success: { status: 200, description: "变更后的机构", schema: InstitutionView },
    errors: [404, 409, 422]
  },
  ...MOVES.map(
    (m): RouteDoc => ({
      method: "post",
      path: `/api/institutions/:institutionId/${m.segment}`,
      summary: m.summary,
      description: `记入目录状态记录（生效日期、理由、操作机构）与审计日志。${SCOPE_REFUSALS}`,
      tag: TAG,
      action: m.action,
      params: InstitutionParams,
      body: StatusChange,
      success: { status: 200, description: "变更后的机构", schema: InstitutionView },
      errors: [404, 409]
    })
  ),
  {
    method: "get",
    path: "/api/institutions/:institutionId/history",
    summary: "评价机构目录状态记录与评价范围变更记录",
    tag: TAG,
    authenticated: true,
    params: InstitutionParams,
    success: {
      status: 200,
      description: "状态记录（含操作机构）与范围变更记录，按时间先后",
      schema: HistoryView
    },
    errors: [404]
  }
]

export const institutions = ({ runtime }: RouteDeps) => {
  const { ok, created } = answers(runtime)
  /** A status move of MOVES on the institution of the path, by the request's actor. */
  const move = (c: Context<ApiEnv>, method: Move, institutionId: string, change: StatusChange) =>
    ok(c, InstitutionCatalogue, (catalogue) => catalogue[method](institutionId, change, c.get("actor")))
  return new Hono<ApiEnv>()
    .get("/expiring", authenticated(runtime), queryOf(ExpiringQuery), (c) => {
      const { withinDays, regionCode } = c.req.valid("query")
      return ok(c, expiringAuthorisations(c.get("actor"), { withinDays, regionCode }))
    })
    .post("/", requireAction(runtime, "institution.admit"), jsonBody(AdmitInstitution), (c) =>
      created(c, InstitutionCatalogue, (catalogue) => catalogue.admit(c.req.valid("json"), c.get("actor")))
    )
    .put(
      "/:institutionId/scope",
      requireAction(runtime, "institution.change"),
      paramsOf(InstitutionParams),
      jsonBody(ScopeChangeRequest),
      (c) =>
        ok(c, InstitutionCatalogue, (catalogue) =>
          catalogue.changeScope(c.req.valid("param").institutionId, c.req.valid("json"), c.get("actor"))
        )
    )
    .post(
      "/:institutionId/suspension",
      requireAction(runtime, "institution.suspend"),
      paramsOf(InstitutionParams),
      jsonBody(StatusChange),
      (c) => move(c, "suspend", c.req.valid("param").institutionId, c.req.valid("json"))
    )
    .post(
      "/:institutionId/removal",
      requireAction(runtime, "institution.remove"),
      paramsOf(InstitutionParams),
      jsonBody(StatusChange),
      (c) => move(c, "remove", c.req.valid("param").institutionId, c.req.valid("json"))
    )
    .post(
      "/:institutionId/readmission",
      requireAction(runtime, "institution.admit"),
      paramsOf(InstitutionParams),
      jsonBody(StatusChange),
      (c) => move(c, "readmit", c.req.valid("param").institutionId, c.req.valid("json"))
    )
    .get("/:institutionId/history", authenticated(runtime), paramsOf(InstitutionParams), (c) =>
      ok(c, InstitutionCatalogue, (catalogue) => catalogue.history(c.req.valid("param").institutionId))
    )
}
