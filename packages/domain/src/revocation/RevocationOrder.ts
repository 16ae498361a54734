/**
 * A revocation order (注销决定) after a special inspection, 54号·五: "确有办赛标准不高、选手资格条件不符、违规发放证书等
 * 问题的，一律注销相关人员或批次的证书，并启动信用核查联动机制". The scope is the certificates of named persons or a whole
 * batch; the order states its reason, the document it rests on, the credit-check referral, who orders it and when.
 */
import { Predicate, Schema } from "effect"
import { CertificateNumber } from "../codes/CertificateNumberSchema.js"
import { RegionCode } from "../codes/RegionSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import type { RevocationReason as Reason } from "./RevocationReason.js"
import { RevocationReason } from "./RevocationReasonSchema.js"

/**
 * true when the notice requires a credit-check referral for `reason`: for the three reasons it names, "并启动信用
 * 核查联动机制" makes the referral mandatory (54号·五); not for "other" (see RevocationOrderCheck).
 */
export const referralRequired = (reason: Reason): boolean => reason !== "other"

/** 注销相关人员的证书: the named certificates, at least one, each once. */
export const NamedCertificates = Schema.TaggedStruct("certificates", {
  numbers: required(
    Schema.Array(CertificateNumber)
      .annotations({ message: () => "证书编号清单应为列表" })
      .pipe(
        Schema.minItems(1, { message: () => "注销范围至少应列明一本证书" }),
        Schema.filter((numbers) => {
          const seen = new Set<string>()
          for (const n of numbers) {
            if (seen.has(n)) return `证书编号 ${n} 重复列出`
            seen.add(n)
          }
          return true
        })
      ),
    "证书编号清单"
  )
})
export type NamedCertificates = typeof NamedCertificates.Type

/** 注销相关批次的证书: every certificate of one evaluation batch (附件2) or competition. */
export const WholeBatch = Schema.TaggedStruct("batch", {
  batchId: required(Id("批次编号"), "批次编号")
})
export type WholeBatch = typeof WholeBatch.Type

export const RevocationScope = Schema.Union(NamedCertificates, WholeBatch).annotations({
  identifier: "RevocationScope",
  // An unknown or missing `_tag` gets this message; a known one, the messages of its own fields.
  message: (issue) => ({
    message: "注销范围应为列明的证书（_tag 为 certificates）或整个批次（_tag 为 batch）",
    override: !(
      Predicate.hasProperty(issue.actual, "_tag") &&
      ["certificates", "batch"].includes(String(issue.actual._tag))
    )
  }),
  description: "注销范围：列明的证书（certificates）或整个批次（batch）"
})
export type RevocationScope = typeof RevocationScope.Type

/** The document the order rests on (督查通报、处理决定 …): its number (文号) and title. */
export const RevocationBasis = Schema.Struct({
  documentNumber: required(Text("依据文件文号"), "依据文件文号"),
  title: required(Text("依据文件标题"), "依据文件标题")
}).annotations({ message: () => "注销依据文件应为对象（文号、标题）" })
export type RevocationBasis = typeof RevocationBasis.Type

/** 信用核查联动: whether the case is referred to the credit-management departments, with an optional note. */
export const CreditCheckReferral = Schema.Struct({
  referred: required(
    Schema.Boolean.annotations({ message: () => "信用核查联动标记应为 true 或 false" }),
    "信用核查联动标记"
  ),
  note: Schema.optionalWith(Schema.String.annotations({ message: () => "信用核查联动说明应为文本" }), {
    exact: true
  })
}).annotations({ message: () => "信用核查联动应为对象" })
export type CreditCheckReferral = typeof CreditCheckReferral.Type

/** Who orders: the province (anywhere) or a 设区市 bureau (within its city), domain.md §4. */
export const OrderingActor = Schema.Struct({
  level: required(
    Schema.Literal("province", "city").annotations({
      message: () => ({
        message: "注销决定只能由省人力资源社会保障厅（province）或设区市人力资源社会保障局（city）作出",
        override: true
      })
    }),
    "决定机关层级"
  ),
  regionCode: required(RegionCode, "决定机关行政区划代码")
}).annotations({ message: () => "决定机关应为对象（层级、行政区划代码）" })
export type OrderingActor = typeof OrderingActor.Type

const requestFields = {
  scope: required(RevocationScope, "注销范围"),
  reason: required(RevocationReason, "注销原因"),
  basis: required(RevocationBasis, "注销依据文件"),
  creditCheck: required(CreditCheckReferral, "信用核查联动"),
  orderedOn: required(LocalDate, "决定日期")
}

const orderFields = { ...requestFields, orderedBy: required(OrderingActor, "决定机关") }

const referralIssue = (o: {
  readonly reason: Reason
  readonly creditCheck: CreditCheckReferral
}): true | Schema.FilterIssue =>
  !referralRequired(o.reason) ||
  o.creditCheck.referred || {
    path: ["creditCheck", "referred"],
    message: "因办赛标准不高、选手资格条件不符或违规发放证书注销的，应同时启动信用核查联动机制（54号·五）"
  }

/** An order as submitted, before it has an id. */
export const RevocationOrderInput = Schema.Struct(orderFields)
  .annotations({ message: () => "注销决定应为对象" })
  .pipe(Schema.filter(referralIssue))
  .annotations({ identifier: "RevocationOrderInput" })
export type RevocationOrderInput = typeof RevocationOrderInput.Type

/**
 * An order as an organisation submits it through the API: everything but the ordering actor, which is the acting
 * organisation itself (Revocations.previewAs / executeAs) — no organisation orders in another's name.
 */
export const RevocationRequest = Schema.Struct(requestFields)
  .annotations({ message: () => "注销决定应为对象" })
  .pipe(Schema.filter(referralIssue))
  .annotations({ identifier: "RevocationRequest", title: "注销决定（决定机关为提交的机构本身）" })
export type RevocationRequest = typeof RevocationRequest.Type

export const RevocationOrder = Schema.Struct({ id: Schema.String, ...orderFields })
  .pipe(Schema.filter(referralIssue))
  .annotations({ identifier: "RevocationOrder" })
export type RevocationOrder = typeof RevocationOrder.Type

/**
 * An order as executed and kept on file (54号·五: "一律注销…" with its reason and basis): the order, how many
 * certificates it revoked, how many in its scope had been revoked before (their first revocation stands), who
 * recorded it (the audit actor) and when (an ISO-8601 instant).
 */
export const ExecutedRevocationOrder = Schema.Struct({
  order: RevocationOrder,
  revoked: Schema.Int.pipe(Schema.nonNegative()),
  alreadyRevoked: Schema.Int.pipe(Schema.nonNegative()),
  executedBy: Schema.String,
  executedAt: Schema.String
}).annotations({ identifier: "ExecutedRevocationOrder" })
export type ExecutedRevocationOrder = typeof ExecutedRevocationOrder.Type
