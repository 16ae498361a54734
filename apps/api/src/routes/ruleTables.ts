/**
 * 资格审核规则表 (54号·一; domain.md §2), mounted at /api/rule-tables: the dated 贯通 (苏人社发〔2021〕132号) and
 * competition promotion (苏人社函〔2022〕65号) tables with every version's provenance and provisional flag (public:
 * rule tables are policy), a new dated version published by the province (rule-table.publish), and employers'
 * 破格晋升 rules — registered by the employer itself (promotion-rule.file), read with any key. Rules, scope and
 * audit live in the domain use cases (RuleTableVersions, EmployerPromotionRules).
 */
import { CompetitionPromotionTable } from "@jineng/domain/eligibility/CompetitionPromotionSchema"
import { EmployerPromotionRule } from "@jineng/domain/eligibility/EligibilityFacts"
import { RegisteredPromotionRule } from "@jineng/domain/eligibility/EmployerPromotionRuleRepository"
import { EmployerPromotionRules } from "@jineng/domain/eligibility/EmployerPromotionRules"
import {
  CompetitionPromotionVersionInput,
  TitleBridgeVersionInput
} from "@jineng/domain/eligibility/RuleTableVersionInput"
import { RuleTableVersions, RuleTableView } from "@jineng/domain/eligibility/RuleTableVersions"
import { TitleBridgeTable } from "@jineng/domain/eligibility/TitleBridgeSchema"
import { Id } from "@jineng/domain/shared/FieldSchema"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { authenticated, requireAction } from "../http/Actor.js"
import type { ApiEnv } from "../http/ApiEnv.js"
import { answers } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { jsonBody, paramsOf } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

const NameParams = Schema.Struct({
  name: Id("规则表名称").annotations({
    description: "title-bridge（贯通）或 competition-promotion（竞赛晋升）"
  })
})
const EmployerParams = Schema.Struct({ employerId: Id("用人单位编号") })

const Tables = Schema.Struct({ items: Schema.Array(RuleTableView) })

const PublishedTitleBridge = TitleBridgeTable.annotations({
  identifier: "TitleBridgeTable",
  title: "贯通规则表版本"
})
const PublishedCompetitionPromotion = CompetitionPromotionTable.annotations({
  identifier: "CompetitionPromotionTable",
  title: "竞赛晋升规则表版本"
})

const PromotionRuleInput = EmployerPromotionRule.annotations({
  identifier: "EmployerPromotionRule",
  title: "破格晋升规章制度"
})

const RuleRegistered = Schema.Struct({
  registered: RegisteredPromotionRule,
  alreadyRegistered: Schema.Boolean.annotations({
    description: "已登记过同一规章制度（重复提交，未再次写入）"
  })
}).annotations({ identifier: "PromotionRuleRegistered", title: "破格晋升规章制度登记结果" })

const TAG = "资格审核规则表（54号·一）"

const versionDoc = (
  table: string,
  summary: string,
  body: Schema.Schema.Any,
  schema: Schema.Schema.Any
): RouteDoc => ({
  method: "post",
  path: `/api/rule-tables/${table}/versions`,
  summary,
  description:
    "新版本自今日或以后生效，且须晚于该表现行最新版本的生效日期，版本号不得重复；发布机构记入来源说明。已作出的判定所依据的版本不变。",
  tag: TAG,
  action: "rule-table.publish",
  body,
  success: { status: 201, description: "已发布的版本", schema },
  errors: [409, 422]
})

export const ruleTablesDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/api/rule-tables",
    summary: "资格审核规则表（贯通、竞赛晋升）及其各版本",
    tag: TAG,
    success: { status: 200, description: "各规则表、今日施行的版本及全部版本", schema: Tables }
  },
  {
    method: "get",
    path: "/api/rule-tables/:name",
    summary: "一张资格审核规则表的各版本（来源说明、是否暂定、生效日期）",
    tag: TAG,
    params: NameParams,
    success: { status: 200, description: "规则表及其各版本", schema: RuleTableView },
    errors: [404]
  },
  versionDoc(
    "title-bridge",
    "发布专业技术资格贯通规则表新版本（苏人社发〔2021〕132号）",
    TitleBridgeVersionInput,
    PublishedTitleBridge
  ),
  versionDoc(
    "competition-promotion",
    "发布竞赛名次晋升规则表新版本（苏人社函〔2022〕65号）",
    CompetitionPromotionVersionInput,
    PublishedCompetitionPromotion
  ),
  {
    method: "post",
    path: "/api/rule-tables/exceptional-promotion-rules",
    summary: "用人单位登记本单位破格晋升规章制度（须书面制定并向全体职工公布）",
    tag: TAG,
    action: "promotion-rule.file",
    body: PromotionRuleInput,
    success: { status: 201, description: "登记结果", schema: RuleRegistered },
    errors: [409, 422]
  },
  {
    method: "get",
    path: "/api/rule-tables/exceptional-promotion-rules/:employerId",
    summary: "用人单位已登记的破格晋升规章制度",
    tag: TAG,
    authenticated: true,
    params: EmployerParams,
    errors: [404],
    success: {
      status: 200,
      description: "按公布日期排列",
      schema: Schema.Struct({ items: Schema.Array(RegisteredPromotionRule) })
    }
  }
]

export const ruleTables = ({ runtime }: RouteDeps) => {
  const { ok, created } = answers(runtime)
  return new Hono<ApiEnv>()
    .get("/", (c) => ok(c, RuleTableVersions, (v) => Effect.map(v.list(), (items) => ({ items }))))
    .post(
      "/title-bridge/versions",
      requireAction(runtime, "rule-table.publish"),
      jsonBody(TitleBridgeVersionInput),
      (c) => created(c, RuleTableVersions, (v) => v.publishTitleBridge(c.req.valid("json"), c.get("actor")))
    )
    .post(
      "/competition-promotion/versions",
      requireAction(runtime, "rule-table.publish"),
      jsonBody(CompetitionPromotionVersionInput),
      (c) =>
        created(c, RuleTableVersions, (v) =>
          v.publishCompetitionPromotion(c.req.valid("json"), c.get("actor"))
        )
    )
    .post(
      "/exceptional-promotion-rules",
      requireAction(runtime, "promotion-rule.file"),
      jsonBody(EmployerPromotionRule),
      (c) => created(c, EmployerPromotionRules, (r) => r.register(c.req.valid("json"), c.get("actor")))
    )
    .get("/exceptional-promotion-rules/:employerId", authenticated(runtime), paramsOf(EmployerParams), (c) =>
      ok(c, EmployerPromotionRules, (r) =>
        Effect.map(r.ofEmployer(c.req.valid("param").employerId), (items) => ({ items }))
      )
    )
    .get("/:name", paramsOf(NameParams), (c) =>
      ok(c, RuleTableVersions, (v) => v.get(c.req.valid("param").name))
    )
}
