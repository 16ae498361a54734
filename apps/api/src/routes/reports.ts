/**
 * 举报受理与核查 (54号·五 "各设区市、区（县）人力资源社会保障局要…严肃核实查处相关举报问题"): for the bureaus
 * (action report.handle), the reports of their region (属地管理: a city sees its districts'; the province all),
 * filterable by status, region and received dates, paginated; one report in full; and the handling steps —
 * assign a handler, record verification, resolve — each on the revision it was prepared on (`expectedRevision`;
 * 409 ReportChanged when someone else handled the report meanwhile). The region scope is checked by the use case
 * (Reports), which also audits each step with the acting organisation in the same transaction.
 */
import { RegionCode } from "@jineng/domain/codes/RegionSchema"
import { Report } from "@jineng/domain/quality/Report"
import {
  ReportAssignment,
  ReportResolution,
  ReportVerification
} from "@jineng/domain/quality/ReportLifecycle"
import { Reports } from "@jineng/domain/quality/Reports"
import { Id } from "@jineng/domain/shared/FieldSchema"
import { LocalDate } from "@jineng/domain/time/LocalDateSchema"
import { Schema } from "effect"
import { Hono } from "hono"
import { requireAction } from "../http/Actor.js"
import type { ApiEnv } from "../http/ApiEnv.js"
import { Page, PageQuery } from "../http/Page.js"
import { answers } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { jsonBody, paramsOf, queryOf } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

const TAG = "举报受理与核查"

const ReportParams = Schema.Struct({ reportId: Id("举报编号") })

const ReportStatus = Schema.Literal("received", "verifying", "resolved").annotations({
  message: () => ({
    message: "办理状态 status 应为 received（已受理待核实）、verifying（核实中）或 resolved（已办结）",
    override: true
  })
})

export const ReportListQuery = Schema.Struct({
  ...PageQuery.fields,
  status: Schema.optional(ReportStatus),
  /** Within the actor's region (its own region by default). */
  regionCode: Schema.optional(RegionCode),
  receivedFrom: Schema.optional(LocalDate),
  receivedUntil: Schema.optional(LocalDate)
})

/** The three handling steps, for their docs. */
const STEPS = [
  {
    path: "assignment",
    summary: "指派核实人员（已受理 → 核实中；核实中可改派）",
    body: ReportAssignment
  },
  { path: "verification", summary: "记录核实情况（核实中）", body: ReportVerification },
  { path: "resolution", summary: "办结（核实后作出结论；受理时可不予受理）", body: ReportResolution }
] as const

export const reportsDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/api/reports",
    summary: "本辖区的举报（按办理状态、地区、受理日期筛选，分页）",
    description: "设区市、区（县）只能查看本辖区（含下辖区县）的举报；省厅可查看全部。最新受理的在前。",
    tag: TAG,
    action: "report.handle",
    query: ReportListQuery,
    success: { status: 200, description: "一页举报", schema: Page(Report) }
  },
  {
    method: "get",
    path: "/api/reports/:reportId",
    summary: "举报详情（含办理记录和当前版本号）",
    tag: TAG,
    action: "report.handle",
    params: ReportParams,
    success: { status: 200, description: "举报", schema: Report },
    errors: [404]
  },
  ...STEPS.map(
    (step): RouteDoc => ({
      method: "post",
      path: `/api/reports/:reportId/${step.path}`,
      summary: step.summary,
      description:
        "须提交所依据的版本号 expectedRevision；他人已先行办理时答 409（ReportChanged），请刷新后重试。",
      tag: TAG,
      action: "report.handle",
      params: ReportParams,
      body: step.body,
      success: { status: 200, description: "办理后的举报（版本号加1）", schema: Report },
      errors: [404, 409, 422]
    })
  )
]

export const reports = ({ runtime }: RouteDeps) => {
  const { ok } = answers(runtime)
  const handle = requireAction(runtime, "report.handle")
  const params = paramsOf(ReportParams)
  return new Hono<ApiEnv>()
    .get("/", handle, queryOf(ReportListQuery), (c) => {
      const { status, regionCode, receivedFrom, receivedUntil, limit, offset } = c.req.valid("query")
      return ok(c, Reports, (use) =>
        use.list(c.get("actor"), {
          limit,
          offset,
          ...(status === undefined ? {} : { state: status }),
          ...(regionCode === undefined ? {} : { regionCode }),
          ...(receivedFrom === undefined ? {} : { receivedFrom }),
          ...(receivedUntil === undefined ? {} : { receivedUntil })
        })
      )
    })
    .get("/:reportId", handle, params, (c) =>
      ok(c, Reports, (use) => use.get(c.get("actor"), c.req.valid("param").reportId))
    )
    .post("/:reportId/assignment", handle, params, jsonBody(ReportAssignment), (c) =>
      ok(c, Reports, (use) => use.assign(c.get("actor"), c.req.valid("param").reportId, c.req.valid("json")))
    )
    .post("/:reportId/verification", handle, params, jsonBody(ReportVerification), (c) =>
      ok(c, Reports, (use) =>
        use.recordVerification(c.get("actor"), c.req.valid("param").reportId, c.req.valid("json"))
      )
    )
    .post("/:reportId/resolution", handle, params, jsonBody(ReportResolution), (c) =>
      ok(c, Reports, (use) => use.resolve(c.get("actor"), c.req.valid("param").reportId, c.req.valid("json")))
    )
}
