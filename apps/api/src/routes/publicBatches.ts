/**
 * Public: the evaluation batches published under 54号·五 (附件2 评价批次公布目录) — institution, occupation (工种),
 * level, evaluation time, contact and region of every batch published or later, newest evaluation first. Filters:
 * the region (a city or province code includes its districts), the occupation code, the level and a date range
 * (batches evaluated on at least one day of it). No candidate or holder data is ever part of the answer.
 */
import { OccupationCode } from "@jineng/domain/codes/OccupationCodeSchema"
import { RegionCode } from "@jineng/domain/codes/RegionSchema"
import { SkillLevel } from "@jineng/domain/codes/SkillLevelSchema"
import { EvaluationBatchRepository } from "@jineng/domain/issuance/EvaluationBatchRepository"
import { EvaluationBatchListing } from "@jineng/domain/quality/EvaluationBatchListing"
import { LocalDate } from "@jineng/domain/time/LocalDateSchema"
import { Schema } from "effect"
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import { Page, PageQuery } from "../http/Page.js"
import { answers } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { queryOf } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

const LevelParam = Schema.compose(Schema.NumberFromString, SkillLevel).annotations({
  message: () => ({ message: "评价等级 level 应为1至5", override: true })
})

const optional = <S extends Schema.Schema.AnyNoContext>(schema: S) =>
  Schema.optionalWith(schema, { exact: true })

export const PublicBatchQuery = Schema.Struct({
  ...PageQuery.fields,
  regionCode: optional(
    RegionCode.annotations({ description: "评价所在地区（设区市或省的代码包含其下辖地区）" })
  ),
  occupationCode: optional(OccupationCode),
  level: optional(LevelParam.annotations({ description: "评价等级 1–5" })),
  from: optional(LocalDate.annotations({ description: "评价时间不早于此日（含）" })),
  to: optional(LocalDate.annotations({ description: "评价时间不晚于此日（含）" }))
})

export const PublishedBatchView = Schema.Struct({
  batchId: Schema.String.annotations({ description: "批次编号" }),
  publishedOn: LocalDate.annotations({ description: "公布日期" }),
  listing: EvaluationBatchListing
}).annotations({ identifier: "PublishedEvaluationBatch", title: "已公布的评价批次（附件2）" })

export const PublishedBatchPage = Page(PublishedBatchView).annotations({
  identifier: "PublishedEvaluationBatchPage",
  title: "评价批次公布目录（分页）"
})

export const publicBatchesDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/api/public/batches",
    summary: "评价批次公布目录（附件2）",
    description:
      "已公布的职业技能等级认定评价批次：评价机构、评价职业（工种）、等级、评价时间、联系方式和评价所在地区，按评价开始日期由近及远排列。可按地区（含下辖地区）、职业编码、等级和日期区间筛选；不含任何考生信息。",
    tag: "公开：评价批次",
    query: PublicBatchQuery,
    success: { status: 200, description: "一页已公布的评价批次", schema: PublishedBatchPage }
  }
]

export const publicBatches = ({ runtime }: RouteDeps) => {
  const { ok } = answers(runtime)
  return new Hono<ApiEnv>().get("/", queryOf(PublicBatchQuery), (c) => {
    const { to, ...query } = c.req.valid("query")
    return ok(c, EvaluationBatchRepository, (batches) =>
      batches.listPublished(to === undefined ? query : { ...query, until: to })
    )
  })
}
