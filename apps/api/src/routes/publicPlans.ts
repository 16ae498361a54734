/**
 * 公开：竞赛办赛计划公示 (54号·五 "面向社会定期公布…职业技能竞赛的主办单位、赛项名称、举办时间、参赛条件、报名电话等
 * 信息（见附件3）"): the published plans, filterable by region (a city includes its districts), occupation code and
 * dates (plans held on at least one day of the range), newest first, paginated.
 */

import { OccupationCode } from "@jineng/domain/codes/OccupationCodeSchema"
import { RegionCode } from "@jineng/domain/codes/RegionSchema"
import { CompetitionPlan } from "@jineng/domain/competition/CompetitionPlan"
import { CompetitionRepository } from "@jineng/domain/competition/CompetitionRepository"
import { LocalDate } from "@jineng/domain/time/LocalDateSchema"
import { Schema } from "effect"
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import { Page, PageQuery } from "../http/Page.js"
import { answers } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { queryOf } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

export const PlanListQuery = Schema.Struct({
  ...PageQuery.fields,
  regionCode: Schema.optional(
    RegionCode.annotations({ description: "行政区划代码（含下级地区，如 320100 含南京市各区）" })
  ),
  occupationCode: Schema.optional(OccupationCode),
  from: Schema.optional(LocalDate.annotations({ description: "举办时间不早于此日（含）" })),
  until: Schema.optional(LocalDate.annotations({ description: "举办时间不晚于此日（含）" }))
})

export const publicPlansDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/api/public/competition-plans",
    summary: "竞赛办赛计划公示（附件3）：按地区、职业、日期筛选，分页",
    tag: "公开：办赛计划",
    query: PlanListQuery,
    success: { status: 200, description: "一页办赛计划（最近举办的在前）", schema: Page(CompetitionPlan) }
  }
]

export const publicPlans = ({ runtime }: RouteDeps) => {
  const { ok } = answers(runtime)
  return new Hono<ApiEnv>().get("/", queryOf(PlanListQuery), (c) => {
    const { limit, offset, regionCode, occupationCode, from, until } = c.req.valid("query")
    return ok(c, CompetitionRepository, (repository) =>
      repository.listPlans({
        limit,
        offset,
        ...(regionCode === undefined ? {} : { regionCode }),
        ...(occupationCode === undefined ? {} : { occupationCode }),
        ...(from === undefined ? {} : { from }),
        ...(until === undefined ? {} : { until })
      })
    )
  })
}
