/**
 * 技术标准、题库、企业评价规范与《江苏省技术资源发布目录》(54号·三 规范技术标准), mounted at /api:
 * - national standards and question banks recorded for the province (standard.manage);
 * - enterprise norm filings: the employer submits its own norm (enterprise-norm.file), an appraisal centre whose
 *   region covers the employer files or refuses it (standard.manage), both read by the parties in scope;
 * - catalogue entries approved by the provincial appraisal centre (catalogue-entry.approve);
 * - the occupation catalogue (public): an occupation with everything on file and whether it — or a given
 *   institution at a given level — may be evaluated on a date (MayEvaluate).
 * Scope, rules and audit live in the domain use cases (TechnicalResources, EnterpriseNormFilings).
 */

import { OccupationCode } from "@jineng/domain/codes/OccupationCodeSchema"
import { RegionCode } from "@jineng/domain/codes/RegionSchema"
import { SkillLevel } from "@jineng/domain/codes/SkillLevelSchema"
import { EnterpriseNorm } from "@jineng/domain/occupation/EnterpriseNorm"
import {
  EnterpriseNormFiling,
  EnterpriseNormFilingStatus,
  EnterpriseNormSubmission,
  FilingRefusal
} from "@jineng/domain/occupation/EnterpriseNormFiling"
import { EnterpriseNormFilings } from "@jineng/domain/occupation/EnterpriseNormFilings"
import { NationalStandard } from "@jineng/domain/occupation/NationalStandard"
import { OccupationOverview } from "@jineng/domain/occupation/OccupationOverview"
import {
  CatalogueEntryApproval,
  ProvincialCatalogueEntry
} from "@jineng/domain/occupation/ProvincialCatalogueEntry"
import { QuestionBank } from "@jineng/domain/occupation/QuestionBank"
import { TechnicalResources } from "@jineng/domain/occupation/TechnicalResources"
import { Id, Text } from "@jineng/domain/shared/FieldSchema"
import { LocalDate } from "@jineng/domain/time/LocalDateSchema"
import { Schema } from "effect"
import { Hono } from "hono"
import { authenticated, requireAction } from "../http/Actor.js"
import type { ApiEnv } from "../http/ApiEnv.js"
import { Page, PageQuery } from "../http/Page.js"
import { answers } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { jsonBody, paramsOf, queryOf } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

const Recorded = <S extends Schema.Schema.Any>(record: S, identifier: string, title: string) =>
  Schema.Struct({
    record,
    alreadyRecorded: Schema.Boolean.annotations({ description: "已登记过同一记录（重复提交，未再次写入）" })
  }).annotations({ identifier, title })

const RecordedStandard = Recorded(NationalStandard, "RecordedNationalStandard", "已登记的国家职业技能标准")
const RecordedBank = Recorded(QuestionBank, "RecordedQuestionBank", "已登记的评价题库")
const RecordedEntry = Recorded(ProvincialCatalogueEntry, "RecordedCatalogueEntry", "已纳入目录的条目")

const NormSubmitted = Schema.Struct({
  filing: EnterpriseNormFiling,
  alreadySubmitted: Schema.Boolean.annotations({ description: "已提交过同一申请（重复提交，未再次写入）" })
}).annotations({ identifier: "EnterpriseNormSubmitted", title: "已提交的企业评价规范备案申请" })

const NormDecided = Schema.Struct({
  filing: EnterpriseNormFiling,
  norm: Schema.NullOr(EnterpriseNorm).annotations({ description: "备案后的企业评价规范；不予备案时为 null" })
}).annotations({ identifier: "EnterpriseNormDecided", title: "企业评价规范备案办理结果" })

const NormParams = Schema.Struct({ normId: Id("评价规范编号") })
const CodeParams = Schema.Struct({ code: OccupationCode })

const FilingListQuery = Schema.Struct({
  ...PageQuery.fields,
  status: Schema.optional(EnterpriseNormFilingStatus)
})

const Major = Schema.Literal("1", "2", "3", "4", "5", "6", "7", "8").annotations({
  description: "《大典》大类代码 1–8",
  message: () => ({ message: "大类应为 1 至 8 之一", override: true })
})

const OccupationListQuery = Schema.Struct({
  ...PageQuery.fields,
  major: Schema.optional(Major),
  text: Schema.optional(Text("检索词（职业名称或编码开头）", 50))
})

const LevelParam = Schema.Literal("1", "2", "3", "4", "5")
  .annotations({
    description: "职业技能等级：5=五级/初级工 … 1=一级/高级技师",
    message: () => ({ message: "等级应为 1 至 5（五级/初级工至一级/高级技师）", override: true })
  })
  .pipe(
    Schema.transform(SkillLevel, {
      strict: true,
      decode: (s) => Number(s) as SkillLevel,
      encode: (n) => String(n) as "1" | "2" | "3" | "4" | "5"
    })
  )

const OccupationQuery = Schema.Struct({
  date: Schema.optional(LocalDate.annotations({ description: "查询日期（默认今日）" })),
  workType: Schema.optional(Text("工种名称")),
  institutionId: Schema.optional(Id("评价机构编号")),
  level: Schema.optional(LevelParam),
  region: Schema.optional(RegionCode.annotations({ description: "评价所在地（核对授权地域范围）" }))
}).pipe(
  Schema.filter((q) =>
    (q.institutionId === undefined) === (q.level === undefined)
      ? true
      : {
          path: [q.institutionId === undefined ? "institutionId" : "level"],
          message: "核验机构能否评价时，评价机构编号（institutionId）与等级（level）须同时填写"
        }
  )
)

const TAG = "技术标准与题库（54号·三）"
const NORMS_TAG = "企业评价规范备案（54号·三）"
const OCCUPATIONS_TAG = "公开：职业目录"

export const standardsDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "post",
    path: "/api/standards",
    summary: "登记国家职业技能标准（版本、等级、申报条件）",
    description:
      "国家职业技能标准适用于全省，由省人社厅或省职业技能鉴定中心登记；同一编号重复提交相同内容视为已登记。",
    tag: TAG,
    action: "standard.manage",
    body: NationalStandard,
    success: { status: 201, description: "已登记的标准", schema: RecordedStandard },
    errors: [404, 409, 422]
  },
  {
    method: "post",
    path: "/api/question-banks",
    summary: "登记评价题库（职业或工种、等级、审定及失效日期）",
    tag: TAG,
    action: "standard.manage",
    body: QuestionBank,
    success: { status: 201, description: "已登记的题库", schema: RecordedBank },
    errors: [404, 409, 422]
  },
  {
    method: "post",
    path: "/api/catalogue-entries",
    summary: "审定纳入《江苏省技术资源发布目录》（评价规范及已登记的评价题库）",
    tag: TAG,
    action: "catalogue-entry.approve",
    body: CatalogueEntryApproval,
    success: { status: 201, description: "已纳入目录的条目（审定机构为当前机构）", schema: RecordedEntry },
    errors: [404, 409, 422]
  },
  {
    method: "post",
    path: "/api/enterprise-norms/filings",
    summary: "用人单位提交本单位企业评价规范备案（仅限尚无国家职业技能标准的职业）",
    tag: NORMS_TAG,
    action: "enterprise-norm.file",
    body: EnterpriseNormSubmission,
    success: { status: 201, description: "备案申请", schema: NormSubmitted },
    errors: [404, 409, 422]
  },
  {
    method: "get",
    path: "/api/enterprise-norms/filings",
    summary: "企业评价规范备案申请列表（用人单位看本单位，鉴定机构看辖区）",
    tag: NORMS_TAG,
    authenticated: true,
    query: FilingListQuery,
    success: {
      status: 200,
      description: "一页备案申请（按提交日期倒序）",
      schema: Page(EnterpriseNormFiling)
    }
  },
  {
    method: "get",
    path: "/api/enterprise-norms/filings/:normId",
    summary: "企业评价规范备案申请",
    tag: NORMS_TAG,
    authenticated: true,
    params: NormParams,
    success: { status: 200, description: "备案申请及办理结果", schema: EnterpriseNormFiling },
    errors: [404]
  },
  {
    method: "post",
    path: "/api/enterprise-norms/filings/:normId/acceptance",
    summary: "职业技能鉴定机构予以备案（辖区内用人单位）",
    tag: NORMS_TAG,
    action: "standard.manage",
    params: NormParams,
    success: {
      status: 200,
      description: "已备案：企业评价规范自今日起可用于本单位职工评价",
      schema: NormDecided
    },
    errors: [404, 409, 422]
  },
  {
    method: "post",
    path: "/api/enterprise-norms/filings/:normId/refusal",
    summary: "职业技能鉴定机构不予备案（须说明理由）",
    tag: NORMS_TAG,
    action: "standard.manage",
    params: NormParams,
    body: FilingRefusal,
    success: { status: 200, description: "不予备案", schema: NormDecided },
    errors: [404, 409]
  },
  {
    method: "get",
    path: "/api/occupations",
    summary: "职业目录（《大典》及人社部新增、变更通知；按大类、名称或编码检索，分页）",
    tag: OCCUPATIONS_TAG,
    query: OccupationListQuery,
    success: {
      status: 200,
      description: "一页职业（按编码）",
      schema: Page(
        Schema.Struct({
          code: Schema.String,
          name: Schema.String,
          listedFrom: Schema.String,
          source: Schema.String,
          certifiableMajor: Schema.Boolean.annotations({
            description: "属第三至第六大类（可开展职业技能等级认定）"
          })
        })
      )
    }
  },
  {
    method: "get",
    path: "/api/occupations/:code",
    summary: "职业及其国家标准、题库、企业评价规范、目录条目，及能否评价（可指定评价机构与等级）",
    tag: OCCUPATIONS_TAG,
    params: CodeParams,
    query: OccupationQuery,
    success: { status: 200, description: "职业及其技术资源与判定", schema: OccupationOverview },
    errors: [404]
  }
]

export const standards = ({ runtime }: RouteDeps) => {
  const { ok, created } = answers(runtime)
  return new Hono<ApiEnv>()
    .post("/standards", requireAction(runtime, "standard.manage"), jsonBody(NationalStandard), (c) =>
      created(c, TechnicalResources, (r) => r.recordStandard(c.req.valid("json"), c.get("actor")))
    )
    .post("/question-banks", requireAction(runtime, "standard.manage"), jsonBody(QuestionBank), (c) =>
      created(c, TechnicalResources, (r) => r.recordQuestionBank(c.req.valid("json"), c.get("actor")))
    )
    .post(
      "/catalogue-entries",
      requireAction(runtime, "catalogue-entry.approve"),
      jsonBody(CatalogueEntryApproval),
      (c) =>
        created(c, TechnicalResources, (r) => r.approveCatalogueEntry(c.req.valid("json"), c.get("actor")))
    )
    .post(
      "/enterprise-norms/filings",
      requireAction(runtime, "enterprise-norm.file"),
      jsonBody(EnterpriseNormSubmission),
      (c) => created(c, EnterpriseNormFilings, (f) => f.submit(c.req.valid("json"), c.get("actor")))
    )
    .get("/enterprise-norms/filings", authenticated(runtime), queryOf(FilingListQuery), (c) =>
      ok(c, EnterpriseNormFilings, (f) => f.list(c.req.valid("query"), c.get("actor")))
    )
    .get("/enterprise-norms/filings/:normId", authenticated(runtime), paramsOf(NormParams), (c) =>
      ok(c, EnterpriseNormFilings, (f) => f.get(c.req.valid("param").normId, c.get("actor")))
    )
    .post(
      "/enterprise-norms/filings/:normId/acceptance",
      requireAction(runtime, "standard.manage"),
      paramsOf(NormParams),
      (c) => ok(c, EnterpriseNormFilings, (f) => f.file(c.req.valid("param").normId, c.get("actor")))
    )
    .post(
      "/enterprise-norms/filings/:normId/refusal",
      requireAction(runtime, "standard.manage"),
      paramsOf(NormParams),
      jsonBody(FilingRefusal),
      (c) =>
        ok(c, EnterpriseNormFilings, (f) =>
          f.refuse(c.req.valid("param").normId, c.req.valid("json").reason, c.get("actor"))
        )
    )
    .get("/occupations", queryOf(OccupationListQuery), (c) =>
      ok(c, TechnicalResources, (r) => r.listOccupations(c.req.valid("query")))
    )
    .get("/occupations/:code", paramsOf(CodeParams), queryOf(OccupationQuery), (c) => {
      const { date, workType, institutionId, level, region } = c.req.valid("query")
      return ok(c, TechnicalResources, (r) =>
        r.occupation(c.req.valid("param").code, {
          date,
          workType,
          evaluation:
            institutionId === undefined || level === undefined ? undefined : { institutionId, level, region }
        })
      )
    })
}
