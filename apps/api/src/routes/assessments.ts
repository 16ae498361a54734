/**
 * Quality special assessments (54号·五 "高质量实施一年两次技能人才评价质量专项评估"): record one (the assessor is the
 * key's organisation — the province or the provincial appraisal centre; audited), an institution's assessments
 * (newest first, paginated) and its semiannual schedule on a date (which half-years are due or overdue). Reading
 * is scoped: the province everywhere, a department or centre within its region, an institution its own record.
 */

import { RegionCode } from "@jineng/domain/codes/RegionSchema"
import { Assessments, type InstitutionSchedule } from "@jineng/domain/quality/Assessments"
import { AssessmentSubmission, RecordedAssessment } from "@jineng/domain/quality/QualityAssessment"
import { Decision } from "@jineng/domain/rule/DecisionSchema"
import { Id, required } from "@jineng/domain/shared/FieldSchema"
import { LocalDate } from "@jineng/domain/time/LocalDateSchema"
import { Schema } from "effect"
import { Hono } from "hono"
import { authenticated, requireAction } from "../http/Actor.js"
import type { ApiEnv } from "../http/ApiEnv.js"
import { Page, PageQuery } from "../http/Page.js"
import { answers } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { jsonBody, queryOf } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

const institutionId = required(Id("机构编号"), "机构编号")

const AssessmentListQuery = Schema.Struct({ institutionId, ...PageQuery.fields })

const ScheduleQuery = Schema.Struct({
  institutionId,
  date: Schema.optional(LocalDate.annotations({ description: "查询日期（默认今天，北京时间）" }))
})

const ScheduleOutcome = Schema.Literal(
  "up_to_date",
  "due",
  "overdue",
  "suspended",
  "not_listed",
  "not_in_force"
)

export const InstitutionScheduleView = Schema.Struct({
  institutionId: Schema.String,
  date: Schema.String,
  outcome: ScheduleOutcome.annotations({
    description:
      "up_to_date 已按期评估；due 本半年待评估；overdue 有逾期未评估的半年；suspended 暂停评价；not_listed 未列入目录；not_in_force 通知施行前"
  }),
  due: Schema.NullOr(Schema.String).annotations({ description: "本半年（待评估时）" }),
  overdue: Schema.Array(Schema.String).annotations({ description: "逾期未评估的半年，由早到晚" }),
  decision: Decision(ScheduleOutcome)
}).annotations({ identifier: "AssessmentSchedule", title: "评价机构专项评估安排（一年两次）" })

const DueQuery = Schema.Struct({
  regionCode: Schema.optional(
    RegionCode.annotations({ description: "行政区划代码（含下级地区）；默认本单位所在地区" })
  ),
  date: Schema.optional(LocalDate.annotations({ description: "核对日期；默认今日" }))
})

const DueAnswer = Schema.Struct({
  date: Schema.String,
  items: Schema.Array(
    Schema.Struct({
      institutionId: Schema.String,
      name: Schema.String,
      regionCode: Schema.String,
      outcome: Schema.Literal("due", "overdue"),
      due: Schema.NullOr(Schema.String),
      overdue: Schema.Array(Schema.String)
    })
  )
}).annotations({ identifier: "DueAssessments", title: "待评估、逾期的评价机构" })

const _scheduleChecked: (s: InstitutionSchedule) => typeof InstitutionScheduleView.Type = (s) => s
void _scheduleChecked

const AssessmentView = RecordedAssessment.annotations({ title: "专项评估记录" })

const TAG = "评价质量专项评估"

export const assessmentsDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "post",
    path: "/api/assessments",
    summary: "记录技能人才评价质量专项评估（评估单位为 API 密钥所属机构）",
    description:
      "评估日期不得晚于今天；结论非“合格”时须写明评估发现。重复提交相同的记录（机构、期间、日期、评估单位、结论、发现均相同）返回已登记的记录，不重复登记。",
    tag: TAG,
    action: "assessment.record",
    body: AssessmentSubmission,
    success: { status: 201, description: "已登记的专项评估记录", schema: AssessmentView },
    errors: [404, 422]
  },
  {
    method: "get",
    path: "/api/assessments",
    summary: "评价机构的专项评估记录（由新到旧，分页）",
    tag: TAG,
    authenticated: true,
    query: AssessmentListQuery,
    success: { status: 200, description: "一页专项评估记录", schema: Page(AssessmentView) },
    errors: [404]
  },
  {
    method: "get",
    path: "/api/assessments/schedule",
    summary: "评价机构的半年专项评估安排：本半年是否待评估、哪些半年逾期",
    tag: TAG,
    authenticated: true,
    query: ScheduleQuery,
    success: { status: 200, description: "评估安排及其判定", schema: InstitutionScheduleView },
    errors: [404]
  },
  {
    method: "get",
    path: "/api/assessments/due",
    summary: "辖区内本半年待评估或已逾期的评价机构（默认本单位所在地区）",
    tag: TAG,
    authenticated: true,
    query: DueQuery,
    success: { status: 200, description: "待评估、逾期的评价机构", schema: DueAnswer }
  }
]

export const assessments = ({ runtime }: RouteDeps) => {
  const { ok, created } = answers(runtime)
  return new Hono<ApiEnv>()
    .get("/due", authenticated(runtime), queryOf(DueQuery), (c) => {
      const { regionCode, date } = c.req.valid("query")
      return ok(c, Assessments, (a) => a.due(c.get("actor"), { regionCode, date }))
    })
    .post("/", requireAction(runtime, "assessment.record"), jsonBody(AssessmentSubmission), (c) =>
      created(c, Assessments, (a) => a.record(c.get("actor"), c.req.valid("json")))
    )
    .get("/", authenticated(runtime), queryOf(AssessmentListQuery), (c) => {
      const { institutionId, limit, offset } = c.req.valid("query")
      return ok(c, Assessments, (a) => a.list(c.get("actor"), institutionId, { limit, offset }))
    })
    .get("/schedule", authenticated(runtime), queryOf(ScheduleQuery), (c) => {
      const { institutionId, date } = c.req.valid("query")
      return ok(c, Assessments, (a) => a.schedule(c.get("actor"), institutionId, date))
    })
}
