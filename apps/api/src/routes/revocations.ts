/**
 * Revocation orders (注销, 54号·五 "一律注销相关人员或批次的证书，并启动信用核查联动机制"): preview what an order would
 * do (count and a sample; nothing changes), then execute it — named certificates or a whole batch, with reason,
 * basis document and credit-check referral. The ordering authority is the key's organisation (the province, or a
 * city bureau for certificates issued within its city): the body names no `orderedBy`. Execution is one
 * transaction with its audit entry; re-executing an order revokes nothing twice (counted as already revoked).
 */

import {
  ExecutedRevocationOrder,
  RevocationOrder,
  RevocationRequest
} from "@jineng/domain/revocation/RevocationOrder"
import {
  PREVIEW_SAMPLE,
  type RevocationPreview,
  type RevocationSummary,
  Revocations
} from "@jineng/domain/revocation/Revocations"
import { VerdictDecision } from "@jineng/domain/rule/DecisionSchema"
import { Id, required } from "@jineng/domain/shared/FieldSchema"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { authenticated, requireAction } from "../http/Actor.js"
import type { ApiEnv } from "../http/ApiEnv.js"
import { answers } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { jsonBody, paramsOf } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

const OrderParams = Schema.Struct({ orderId: required(Id("注销决定编号"), "注销决定编号") })

const Decision = VerdictDecision.annotations({ identifier: "VerdictDecision", title: "规则判定" })

export const RevocationPreviewView = Schema.Struct({
  toRevoke: Schema.Number.annotations({ description: "执行后将注销的证书数" }),
  alreadyRevoked: Schema.Number.annotations({ description: "范围内此前已注销的证书数（保留原注销）" }),
  notFound: Schema.Number.annotations({ description: "列明但证书库中不存在的证书编号数（执行时将被拒绝）" }),
  outsideRegion: Schema.Number.annotations({ description: "发证机构不在决定机关辖区内的证书数" }),
  sample: Schema.Array(
    Schema.Struct({
      number: Schema.String,
      effect: Schema.Literal("revoke", "already_revoked", "not_found"),
      holderName: Schema.NullOr(Schema.String),
      issuerRegionCode: Schema.NullOr(Schema.String)
    })
  ).annotations({ description: `范围内前 ${PREVIEW_SAMPLE} 本证书` }),
  authority: Decision,
  order: Decision
}).annotations({ identifier: "RevocationPreview", title: "注销预览（不作任何改动）" })

const AlreadyRevokedView = Schema.Struct({
  number: Schema.String,
  revokedOn: Schema.String,
  reason: Schema.String,
  orderId: Schema.String
})

export const RevocationResultView = Schema.Struct({
  order: RevocationOrder,
  revoked: Schema.Number.annotations({ description: "本决定注销的证书数" }),
  alreadyRevoked: Schema.Number.annotations({ description: "范围内此前已注销、未再次注销的证书数" }),
  alreadyRevokedSample: Schema.Array(AlreadyRevokedView).annotations({
    description: `此前已注销的证书（前 ${PREVIEW_SAMPLE} 本），保留其首次注销的日期、原因和决定`
  }),
  creditCheckReferred: Schema.Boolean,
  authority: Decision,
  check: Decision
}).annotations({ identifier: "RevocationResult", title: "已执行的注销决定" })

const resultView = (s: RevocationSummary): typeof RevocationResultView.Type => ({
  order: s.order,
  revoked: s.revoked,
  alreadyRevoked: s.alreadyRevoked.length,
  alreadyRevokedSample: s.alreadyRevoked.slice(0, PREVIEW_SAMPLE),
  creditCheckReferred: s.creditCheckReferred,
  authority: s.authority,
  check: s.check
})

const _previewChecked: (p: RevocationPreview) => typeof RevocationPreviewView.Type = (p) => p
void _previewChecked

const TAG = "证书注销"
const ORDERED_BY =
  "决定机关为 API 密钥所属机构：省人社厅可注销全省证书，设区市人社局只能注销本市发证机构核发的证书。"

export const revocationsDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "post",
    path: "/api/revocations/preview",
    summary: "预览注销决定：将注销的证书数及样例（不作任何改动）",
    description: `${ORDERED_BY}决定不完整、日期晚于今天或超出决定机关权限的，与执行时一样拒绝。`,
    tag: TAG,
    action: "revocation.preview",
    body: RevocationRequest,
    success: { status: 200, description: "预览", schema: RevocationPreviewView },
    errors: [404, 422]
  },
  {
    method: "post",
    path: "/api/revocations",
    summary: "执行注销决定（列明的证书或整个批次），同时启动信用核查联动",
    description: `${ORDERED_BY}注销证书、登记决定和审计记录在同一事务中完成；已注销的证书保留首次注销，不重复注销。`,
    tag: TAG,
    action: "revocation.execute",
    body: RevocationRequest,
    success: { status: 201, description: "已执行的注销决定及其结果", schema: RevocationResultView },
    errors: [404, 422]
  },
  {
    method: "get",
    path: "/api/revocations/:orderId",
    summary: "查看已执行的注销决定",
    tag: TAG,
    authenticated: true,
    params: OrderParams,
    success: { status: 200, description: "注销决定及其执行结果", schema: ExecutedRevocationOrder },
    errors: [404]
  }
]

export const revocations = ({ runtime }: RouteDeps) => {
  const { ok, created } = answers(runtime)
  return new Hono<ApiEnv>()
    .post("/preview", requireAction(runtime, "revocation.preview"), jsonBody(RevocationRequest), (c) =>
      ok(c, Revocations, (r) => r.previewAs(c.get("actor"), c.req.valid("json")))
    )
    .post("/", requireAction(runtime, "revocation.execute"), jsonBody(RevocationRequest), (c) =>
      created(c, Revocations, (r) => Effect.map(r.executeAs(c.get("actor"), c.req.valid("json")), resultView))
    )
    .get("/:orderId", authenticated(runtime), paramsOf(OrderParams), (c) =>
      ok(c, Revocations, (r) => r.findOrder(c.req.valid("param").orderId))
    )
}
