/**
 * Competitions (54号·二、四、五; domain.md §4): a host files its competitions (a district bureau its 区(县)级 ones)
 * and learns the filing each requires, with the decision; plans (附件3) are published with the competition or
 * later; the filer submits the filing (附件1), the district, city and province bureaus record their opinions in
 * order, the province records the co-signature of a cross-province competition; the city appraisal centre (or a
 * commissioned host for 市级二类) issues the competition certificates. Scope and rules are checked by the domain
 * use cases (Competitions, CompetitionFilings, CompetitionCertificates); every write is audited there.
 */
import { Competition } from "@jineng/domain/competition/Competition"
import { CompetitionCertificates } from "@jineng/domain/competition/CompetitionCertificates"
import { CompetitionClass } from "@jineng/domain/competition/CompetitionClassSchema"
import { CompetitionNotFound } from "@jineng/domain/competition/CompetitionErrors"
import { CompetitionFilings } from "@jineng/domain/competition/CompetitionFilings"
import { CompetitionPlan } from "@jineng/domain/competition/CompetitionPlan"
import { CompetitionRepository } from "@jineng/domain/competition/CompetitionRepository"
import {
  CoSignatureRequest,
  FileCompetition,
  FilingOpinionRequest,
  IssueCompetitionCertificates,
  PublishPlans,
  SubmitFiling
} from "@jineng/domain/competition/CompetitionRequests"
import { Competitions } from "@jineng/domain/competition/Competitions"
import { completedFiling, Filing, filingIncentives, nextLevel } from "@jineng/domain/competition/Filing"
import { FilingLevel } from "@jineng/domain/competition/FilingLevelSchema"
import { FilingRepository } from "@jineng/domain/competition/FilingRepository"
import { reviewCompetition } from "@jineng/domain/competition/ReviewCompetition"
import { Decision, ProvisionalNote } from "@jineng/domain/rule/DecisionSchema"
import { Id } from "@jineng/domain/shared/FieldSchema"
import { type Context, Effect, Option, Schema } from "effect"
import { Hono } from "hono"
import { authenticated, requireAction } from "../http/Actor.js"
import type { ApiEnv } from "../http/ApiEnv.js"
import { CertificateViewSchema, certificateView } from "../http/CertificateView.js"
import { Page } from "../http/Page.js"
import { answers } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { jsonBody, paramsOf, queryOf } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"
import { PlanListQuery } from "./publicPlans.js"
import { CompetitionReviewSchema } from "./rules.js"

const CompetitionParams = Schema.Struct({ competitionId: Id("竞赛编号") })
const FilingParams = Schema.Struct({ filingId: Id("备案编号") })

const CompetitionFiled = Schema.Struct({
  competition: Competition.annotations({ identifier: "Competition", title: "职业技能竞赛" }),
  filer: Schema.Struct({
    organisationId: Schema.String.annotations({ description: "登记竞赛的机构账户" }),
    filedOn: Schema.String
  }),
  review: CompetitionReviewSchema,
  plans: Schema.Array(CompetitionPlan),
  alreadyFiled: Schema.Boolean.annotations({ description: "同一单位重复提交同一竞赛：未作任何变更" })
}).annotations({ identifier: "CompetitionFiled", title: "竞赛登记结果（含备案要求判定）" })

const PlansPublished = Schema.Struct({
  competitionId: Schema.String,
  plans: Schema.Array(CompetitionPlan),
  published: Schema.Array(Schema.String).annotations({ description: "本次新公布或更正的办赛计划编号" })
}).annotations({ identifier: "PlansPublished", title: "已公布的办赛计划（附件3）" })

const FilingView = Schema.Struct({
  filing: Filing.annotations({ identifier: "CompetitionFiling", title: "竞赛备案（附件1）" }),
  nextLevel: Schema.NullOr(FilingLevel).annotations({ description: "下一应出具意见的层级；无则为 null" }),
  incentives: Decision(Schema.Literal("available", "lost"))
}).annotations({ identifier: "FilingView", title: "竞赛备案及其对竞赛支持激励政策的影响" })

const CompetitionListQuery = Schema.Struct({
  ...PlanListQuery.fields,
  class: Schema.optional(CompetitionClass)
})

const CompetitionSummary = Schema.Struct({
  competition: Competition.annotations({ identifier: "Competition", title: "职业技能竞赛" }),
  review: CompetitionReviewSchema
}).annotations({ identifier: "CompetitionSummary", title: "竞赛及其合规、备案要求判定" })

const CompetitionDetail = Schema.Struct({
  ...CompetitionSummary.fields,
  filings: Schema.Array(FilingView)
}).annotations({ identifier: "CompetitionDetail", title: "竞赛、备案要求判定及其备案（附件1）" })

const CompetitionCertificatesIssued = Schema.Struct({
  competitionId: Schema.String,
  submissionId: Schema.String,
  batchId: Schema.String.annotations({ description: "证书登记库中的批次：<竞赛编号>/<提交编号>" }),
  alreadyIssued: Schema.Boolean.annotations({
    description: "同一提交编号已核发过：返回首次核发的证书，未新增"
  }),
  issuerDecision: Schema.Struct({
    ...Decision(Schema.Literal("allowed", "refused", "not_in_force", "not_covered")).fields,
    mayIssue: Schema.Array(Schema.String)
  }),
  provisional: Schema.Array(ProvisionalNote),
  certificates: Schema.Array(CertificateViewSchema)
}).annotations({ identifier: "CompetitionCertificatesIssued", title: "已核发的竞赛职业证书" })

const TAG = "竞赛与备案"

export const competitionsDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/api/competitions",
    summary: "竞赛列表（按地区、类别、职业、日期筛选，分页），每项附合规与备案要求判定",
    tag: TAG,
    authenticated: true,
    query: CompetitionListQuery,
    success: { status: 200, description: "一页竞赛", schema: Page(CompetitionSummary) }
  },
  {
    method: "get",
    path: "/api/competitions/:competitionId",
    summary: "竞赛详情：外地选手比例、跨区域办赛路径、应备案层级（附依据条款）及其备案",
    tag: TAG,
    authenticated: true,
    params: CompetitionParams,
    success: { status: 200, description: "竞赛及备案", schema: CompetitionDetail },
    errors: [404]
  },
  {
    method: "get",
    path: "/api/filings/awaiting",
    summary: "待本部门出具意见的竞赛备案（省厅另含待会签的跨省竞赛）",
    tag: TAG,
    action: "filing.opinion",
    success: {
      status: 200,
      description: "待办备案",
      schema: Schema.Struct({ items: Schema.Array(FilingView) })
    }
  },
  {
    method: "post",
    path: "/api/competitions",
    summary: "登记竞赛并计算备案要求（54号·二），可同时公布办赛计划（附件3）",
    description:
      "主办单位登记本单位竞赛，区（县）人社局登记本区（县）的区(县)级竞赛。收费、赛项不完整等不合规的竞赛不予登记（422）；答复含外地选手比例、跨区域办赛路径与应备案层级的完整判定。同一单位重复提交同一竞赛不作变更。",
    tag: TAG,
    action: "competition.file",
    body: FileCompetition,
    success: { status: 201, description: "登记结果与备案要求判定", schema: CompetitionFiled },
    errors: [409, 422]
  },
  {
    method: "post",
    path: "/api/competitions/:competitionId/plans",
    summary: "公布竞赛的办赛计划（附件3）",
    description: "办赛计划须对应本竞赛的赛项；同一编号再次提交即更正，内容相同则不作变更。",
    tag: TAG,
    action: "competition.file",
    params: CompetitionParams,
    body: PublishPlans,
    success: { status: 201, description: "竞赛的办赛计划", schema: PlansPublished },
    errors: [404, 409, 422]
  },
  {
    method: "post",
    path: "/api/competitions/:competitionId/certificates",
    summary: "核发竞赛职业证书（54号·四：按竞赛类别确定核发机构）",
    description:
      "市级一类赛、区(县)级竞赛由市职业技能鉴定机构代章核发；市级二类赛也可由受委托且具有职业技能等级认定权限的竞赛主办方核发；省级竞赛不在通知规定范围内。全部核发或全部不核发；同一提交编号重复提交返回首次核发的证书。",
    tag: TAG,
    action: "competition-certificate.issue",
    params: CompetitionParams,
    body: IssueCompetitionCertificates,
    success: { status: 201, description: "核发的证书", schema: CompetitionCertificatesIssued },
    errors: [404, 409, 422]
  },
  {
    method: "post",
    path: "/api/filings",
    summary: "提交竞赛备案（附件1）",
    tag: TAG,
    action: "competition.file",
    body: SubmitFiling,
    success: { status: 201, description: "已提交的备案", schema: FilingView },
    errors: [404, 409, 422]
  },
  {
    method: "get",
    path: "/api/filings/:filingId",
    summary: "查看竞赛备案及其意见、会签和激励政策影响",
    tag: TAG,
    authenticated: true,
    params: FilingParams,
    success: { status: 200, description: "备案", schema: FilingView },
    errors: [404]
  },
  {
    method: "post",
    path: "/api/filings/:filingId/opinions",
    summary: "填写备案意见（附件1：区(县)、设区市、省逐级出具）",
    description: "只能由该层级、备案所属地区的人社部门填写，且须按层级顺序；不同意即不予备案。",
    tag: TAG,
    action: "filing.opinion",
    params: FilingParams,
    body: FilingOpinionRequest,
    success: { status: 201, description: "记录意见后的备案", schema: FilingView },
    errors: [404, 409, 422]
  },
  {
    method: "post",
    path: "/api/filings/:filingId/cosignature",
    summary: "记录跨省竞赛工作文件的会签（54号·二）",
    tag: TAG,
    action: "filing.cosign",
    params: FilingParams,
    body: CoSignatureRequest,
    success: { status: 201, description: "记录会签后的备案", schema: FilingView },
    errors: [404, 409, 422]
  }
]

const filingView = (filing: Filing) => ({
  filing,
  nextLevel: nextLevel(filing) ?? null,
  incentives: filingIncentives(filing)
})

/** A CompetitionFilings step, answered as the filing's view. */
const asFiling = <E>(step: Effect.Effect<Filing, E>) => Effect.map(step, filingView)

type CertificatesService = Context.Tag.Service<typeof CompetitionCertificates>

/** A page of competitions, each with its review (before any filing). */
const competitionPage = ({
  limit,
  offset,
  regionCode,
  occupationCode,
  from,
  until,
  class: competitionClass
}: typeof CompetitionListQuery.Type) =>
  Effect.flatMap(CompetitionRepository, (repository) =>
    Effect.map(
      repository.list({
        limit,
        offset,
        ...(regionCode === undefined ? {} : { regionCode }),
        ...(occupationCode === undefined ? {} : { occupationCode }),
        ...(from === undefined ? {} : { from }),
        ...(until === undefined ? {} : { until }),
        ...(competitionClass === undefined ? {} : { class: competitionClass })
      }),
      (page) => ({
        ...page,
        items: page.items.map((competition) => ({ competition, review: reviewCompetition(competition) }))
      })
    )
  )

/** A competition with its review, given its filings (the latest completed one decides the incentives). */
const competitionDetail = (competition: Competition, filings: ReadonlyArray<Filing>) => {
  const completed = filings.map(completedFiling).find((level) => level !== undefined)
  return {
    competition,
    review: reviewCompetition(competition, completed),
    filings: filings.map(filingView)
  }
}

/** The competition of the path with its filings, latest first; CompetitionNotFound if there is none. */
const competitionWithFilings = (competitionId: string) =>
  Effect.gen(function* () {
    const found = yield* (yield* CompetitionRepository).findById(competitionId)
    if (Option.isNone(found)) return yield* new CompetitionNotFound({ field: "competitionId", competitionId })
    const filings = yield* (yield* FilingRepository).listByCompetition(competitionId)
    return competitionDetail(found.value, [...filings].reverse())
  })

export const competitions = ({ runtime, publicBaseUrl }: RouteDeps) => {
  const { ok, created } = answers(runtime)
  /** Issued competition certificates, each as the certificate view with its verification link. */
  const issuedView = (issued: Effect.Effect.Success<ReturnType<CertificatesService["issue"]>>) => ({
    ...issued,
    certificates: issued.certificates.map((x) => certificateView(x, publicBaseUrl))
  })
  return new Hono<ApiEnv>()
    .get("/competitions", authenticated(runtime), queryOf(CompetitionListQuery), (c) =>
      ok(c, competitionPage(c.req.valid("query")))
    )
    .get("/competitions/:competitionId", authenticated(runtime), paramsOf(CompetitionParams), (c) =>
      ok(c, competitionWithFilings(c.req.valid("param").competitionId))
    )
    .get("/filings/awaiting", requireAction(runtime, "filing.opinion"), (c) =>
      ok(c, CompetitionFilings, (uc) =>
        Effect.map(uc.awaiting(c.get("actor")), (filings) => ({ items: filings.map(filingView) }))
      )
    )
    .post("/competitions", requireAction(runtime, "competition.file"), jsonBody(FileCompetition), (c) =>
      created(c, Competitions, (uc) => uc.file(c.req.valid("json"), c.get("actor")))
    )
    .post(
      "/competitions/:competitionId/plans",
      requireAction(runtime, "competition.file"),
      paramsOf(CompetitionParams),
      jsonBody(PublishPlans),
      (c) =>
        created(c, Competitions, (uc) =>
          uc.publishPlans(c.req.valid("param").competitionId, c.req.valid("json").plans, c.get("actor"))
        )
    )
    .post(
      "/competitions/:competitionId/certificates",
      requireAction(runtime, "competition-certificate.issue"),
      paramsOf(CompetitionParams),
      jsonBody(IssueCompetitionCertificates),
      (c) =>
        created(c, CompetitionCertificates, (uc) =>
          Effect.map(
            uc.issue(c.req.valid("param").competitionId, c.req.valid("json"), c.get("actor")),
            issuedView
          )
        )
    )
    .post("/filings", requireAction(runtime, "competition.file"), jsonBody(SubmitFiling), (c) =>
      created(c, CompetitionFilings, (uc) =>
        asFiling(uc.submit(c.req.valid("json").competitionId, c.get("actor")))
      )
    )
    .get("/filings/:filingId", authenticated(runtime), paramsOf(FilingParams), (c) =>
      ok(c, CompetitionFilings, (uc) => asFiling(uc.get(c.req.valid("param").filingId)))
    )
    .post(
      "/filings/:filingId/opinions",
      requireAction(runtime, "filing.opinion"),
      paramsOf(FilingParams),
      jsonBody(FilingOpinionRequest),
      (c) =>
        created(c, CompetitionFilings, (uc) =>
          asFiling(uc.recordOpinion(c.req.valid("param").filingId, c.req.valid("json"), c.get("actor")))
        )
    )
    .post(
      "/filings/:filingId/cosignature",
      requireAction(runtime, "filing.cosign"),
      paramsOf(FilingParams),
      jsonBody(CoSignatureRequest),
      (c) =>
        created(c, CompetitionFilings, (uc) =>
          asFiling(uc.coSign(c.req.valid("param").filingId, c.req.valid("json"), c.get("actor")))
        )
    )
}
