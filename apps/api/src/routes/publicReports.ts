/**
 * 公开：举报电话、举报提交与进度查询 (54号·五 "主动向社会公布职业证书发放监督举报电话，严肃核实查处相关举报问题").
 * The hotline directory: the province's 025-83271773 (from the notice) and each city's as on file with its
 * provenance — a city without its own number shows the province's with a notice saying so (HotlinesOnFile; no
 * number is invented). A member of the public files a report online and gets a tracking code; with the code
 * they see the state and outcome only — never the report's content, contact details, handlers or notes.
 * Submissions and status queries are rate-limited per client address (429 with Retry-After).
 */
import { HotlineDirectory, HotlinesOnFile, hotlineDirectory } from "@jineng/domain/quality/Hotline"
import { OnlineReportSubmission, ReportStatusView } from "@jineng/domain/quality/Report"
import { Reports } from "@jineng/domain/quality/Reports"
import { displayTrackingCode } from "@jineng/domain/quality/TrackingCode"
import { TrackingCodeInput } from "@jineng/domain/quality/TrackingCodeSchema"
import { LocalDate } from "@jineng/domain/time/LocalDateSchema"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import { perClient } from "../http/ClientLimit.js"
import { FixedWindowLimiter } from "../http/RateLimit.js"
import { answers } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { jsonBody, paramsOf } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

const TAG = "公开：举报"

const TrackingParams = Schema.Struct({ trackingCode: TrackingCodeInput })

export const SubmittedReportView = Schema.Struct({
  trackingCode: Schema.String.annotations({ description: "查询码（凭此查询办理进度，请妥善保存）" }),
  displayCode: Schema.String.annotations({ description: "便于抄写、朗读的查询码，如 JB-23456-789AB" }),
  receivedOn: LocalDate,
  notice: Schema.String
}).annotations({ identifier: "SubmittedReport", title: "举报已受理" })

export const publicReportsDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/api/public/hotlines",
    summary: "职业证书发放监督举报电话（省厅及各设区市）",
    description:
      "省人力资源社会保障厅举报电话 025-83271773（54号·五原文）；各设区市、区（县）的号码按登记的来源公布，未登记的显示省厅号码并予说明。",
    tag: TAG,
    success: { status: 200, description: "举报电话目录（含号码来源）", schema: HotlineDirectory }
  },
  {
    method: "post",
    path: "/api/public/reports",
    summary: "网上提交举报，返回查询码",
    description: "可匿名举报（联系方式选填）。按客户端地址限制频率（429，见 Retry-After）。",
    tag: TAG,
    body: OnlineReportSubmission,
    success: { status: 201, description: "举报已受理，附查询码", schema: SubmittedReportView },
    errors: [429]
  },
  {
    method: "get",
    path: "/api/public/reports/:trackingCode",
    summary: "凭查询码查询举报办理进度",
    description: "只显示办理状态和办结结论，不含举报内容、举报人信息及办理人员。按客户端地址限制频率。",
    tag: TAG,
    params: TrackingParams,
    success: { status: 200, description: "办理进度", schema: ReportStatusView },
    errors: [404, 429]
  }
]

const SUBMITTED_NOTICE =
  "举报已受理。请妥善保存查询码，凭查询码可查询办理进度；查询码遗失无法补发。属地人力资源社会保障部门将依法核实查处（54号·五）。"

export const publicReports = ({ runtime, lookupLimits }: RouteDeps) => {
  const { ok, created } = answers(runtime)
  const submissions = new FixedWindowLimiter(lookupLimits.perClientPerMinute, 60_000)
  const statusQueries = new FixedWindowLimiter(lookupLimits.perClientPerMinute, 60_000)
  return new Hono<ApiEnv>()
    .get("/hotlines", (c) => ok(c, Effect.map(HotlinesOnFile, hotlineDirectory)))
    .post(
      "/reports",
      perClient(submissions, { code: "ReportRateLimited", what: "提交举报" }),
      jsonBody(OnlineReportSubmission),
      (c) =>
        created(c, Reports, (reports) =>
          Effect.map(reports.submitOnline(c.req.valid("json")), (submitted) => ({
            trackingCode: submitted.trackingCode,
            displayCode: displayTrackingCode(submitted.trackingCode),
            receivedOn: submitted.receivedOn,
            notice: SUBMITTED_NOTICE
          }))
        )
    )
    .get(
      "/reports/:trackingCode",
      perClient(statusQueries, { code: "ReportRateLimited", what: "查询" }),
      paramsOf(TrackingParams),
      (c) => ok(c, Reports, (reports) => reports.statusByTrackingCode(c.req.valid("param").trackingCode))
    )
}
