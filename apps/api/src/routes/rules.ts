/**
 * Rules as a service (public): what an agency checks before it submits. Each route decodes the facts with the
 * domain's Schema and answers the full decision — outcome, failed conditions with the values seen and required,
 * citations, rule-table versions and provisional flags — exactly as the registry decides on submission.
 * Eligibility uses the rule-table versions in force on the application date (54号·一); the competition review
 * gives the filing required by the out-of-region share and the cross-region route and the incentives (54号·二);
 * the issuance dry run answers whether an institution may issue for given occupations and levels (54号·四).
 */
import { Competition } from "@jineng/domain/competition/Competition"
import { reviewCompetition } from "@jineng/domain/competition/ReviewCompetition"
import { Eligibility } from "@jineng/domain/eligibility/Eligibility"
import { EligibilityFacts } from "@jineng/domain/eligibility/EligibilityFacts"
import { CertificateIssuance } from "@jineng/domain/issuance/CertificateIssuance"
import { IssuanceCheckRequest } from "@jineng/domain/issuance/IssuanceCheckRequest"
import { Decision, VerdictDecision } from "@jineng/domain/rule/DecisionSchema"
import { Schema } from "effect"
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import { answers } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { jsonBody } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

const RequiredFiling = Schema.Literal("none", "city", "province")

export const CompetitionCheck = Schema.Struct({
  competition: Competition,
  /** The filing already completed, if any (none = not filed). */
  completedFiling: Schema.optionalWith(Schema.Literal("city", "province"), { exact: true }).annotations({
    description: "已完成的备案：city=设区市，province=省；不填表示未备案"
  })
}).annotations({ identifier: "CompetitionCheck", title: "竞赛备案要求核验请求" })

const ShareCounts = Schema.Struct({
  total: Schema.Number,
  inRegion: Schema.Number,
  outOfRegion: Schema.Number,
  share: Schema.Number.annotations({ description: "外地选手比例（0–1）" })
})

export const CompetitionReviewSchema = Schema.Struct({
  ...Decision(Schema.Literal("allowed", "incentives_lost", "refused", "not_in_force")).fields,
  compliance: VerdictDecision,
  share: Schema.Struct({ ...Decision(RequiredFiling).fields, seen: ShareCounts }),
  route: Schema.Struct({
    ...Decision(Schema.Literal("none", "city", "province", "co_signature")).fields,
    outside: Schema.Array(Schema.String),
    coSigners: Schema.Array(Schema.String)
  }),
  requiredFiling: Decision(RequiredFiling),
  incentives: Decision(Schema.Literal("available", "lost"))
}).annotations({ identifier: "CompetitionReview", title: "竞赛合规与备案要求的判定" })

const VerdictSchema = VerdictDecision.annotations({ identifier: "VerdictDecision", title: "规则判定" })

const IssuanceCheckAnswer = Schema.Struct({
  allowed: Schema.Boolean.annotations({ description: "是否每一名待核验人员都可发证" }),
  decisions: Schema.Array(VerdictSchema)
}).annotations({ identifier: "IssuanceCheckAnswer", title: "发证权限核验结果" })

export const rulesDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "post",
    path: "/api/public/rules/eligibility",
    summary: "申报资格核验（54号·一）：按申报日期适用的规则表版本给出完整判定",
    tag: "公开：规则服务",
    body: EligibilityFacts,
    success: {
      status: 200,
      description: "判定：结论、未满足的条件及其实际值与要求、依据条款、规则表版本、待确认事项",
      schema: VerdictSchema
    }
  },
  {
    method: "post",
    path: "/api/public/rules/competition-review",
    summary: "竞赛合规与备案要求核验（54号·二）：外地选手比例、跨区域办赛路径、应备案层级及激励政策",
    tag: "公开：规则服务",
    body: CompetitionCheck,
    success: { status: 200, description: "判定及其各组成部分", schema: CompetitionReviewSchema }
  },
  {
    method: "post",
    path: "/api/public/rules/issuance-authority",
    summary: "发证权限核验（54号·四）：评价机构在发证日能否为这些职业、等级发证（不提交、不写入）",
    tag: "公开：规则服务",
    body: IssuanceCheckRequest,
    success: { status: 200, description: "每名待核验人员的判定（按提交顺序）", schema: IssuanceCheckAnswer },
    errors: [404]
  }
]

export const rules = ({ runtime }: RouteDeps) => {
  const { ok } = answers(runtime)
  return new Hono<ApiEnv>()
    .post("/eligibility", jsonBody(EligibilityFacts), (c) =>
      ok(c, Eligibility, (eligibility) => eligibility.decide(c.req.valid("json")))
    )
    .post("/competition-review", jsonBody(CompetitionCheck), (c) => {
      const { competition, completedFiling } = c.req.valid("json")
      return c.json(reviewCompetition(competition, completedFiling), 200)
    })
    .post("/issuance-authority", jsonBody(IssuanceCheckRequest), (c) =>
      ok(c, CertificateIssuance, (issuance) => issuance.check(c.req.valid("json")))
    )
}
