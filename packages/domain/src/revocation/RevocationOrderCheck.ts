/**
 * Whether a revocation order is complete enough to act on (54号·五): in force on its date, a basis document with
 * number and title, the credit-check referral the notice requires ("并启动信用核查联动机制"), and a scope that names
 * at least one well-formed certificate number, each once, or a batch id. The same checks as RevocationOrderInput's
 * schema, as a plain rule, so a use case can answer with a Decision and a precise error.
 */
import { certificateNumberMessage, certificateNumberProblem } from "../codes/CertificateNumber.js"
import { Cite } from "../rule/Citation.js"
import { type Decision, type Failure, type ProvisionalNote, type Verdict, verdict } from "../rule/Decision.js"
import { isInForce, notInForce } from "../time/InForce.js"
import { type RevocationOrderInput, referralRequired } from "./RevocationOrder.js"
import { revocationReasonName } from "./RevocationReason.js"

export const ORDER_RULE = "revocation.order"

const SAMPLE = 5

const failure = (
  code: string,
  field: string,
  message: string,
  seen: Failure["seen"],
  required: Failure["required"]
): Failure => ({ code, rule: ORDER_RULE, field, message, seen, required, citation: Cite.quality })

const blank = (s: string): boolean => s.trim().length === 0

export const checkRevocationOrder = (order: RevocationOrderInput): Decision<Verdict> => {
  if (!isInForce(order.orderedOn)) return notInForce(ORDER_RULE, order.orderedOn)
  const failures: Array<Failure> = []
  const provisional: Array<ProvisionalNote> = []

  if (blank(order.basis.documentNumber))
    failures.push(
      failure(
        "BasisDocumentNumberMissing",
        "basis.documentNumber",
        "注销决定应载明所依据文件的文号",
        order.basis.documentNumber,
        "非空文号"
      )
    )
  if (blank(order.basis.title))
    failures.push(
      failure(
        "BasisTitleMissing",
        "basis.title",
        "注销决定应载明所依据文件的标题",
        order.basis.title,
        "非空标题"
      )
    )

  if (referralRequired(order.reason)) {
    if (!order.creditCheck.referred)
      failures.push(
        failure(
          "CreditCheckReferralMissing",
          "creditCheck.referred",
          `因“${revocationReasonName(order.reason)}”注销证书的，应同时启动信用核查联动机制；本决定未启动`,
          false,
          true
        )
      )
  } else if (!order.creditCheck.referred) {
    provisional.push({
      rule: ORDER_RULE,
      reason:
        "通知仅对办赛标准不高、选手资格条件不符、违规发放证书等问题明确“启动信用核查联动机制”；原因为“其他”时暂不强制启动（待业务主管部门确认）",
      citation: Cite.quality
    })
  }

  const scope = order.scope
  if (scope._tag === "batch") {
    if (blank(scope.batchId))
      failures.push(
        failure("BatchIdMissing", "scope.batchId", "整批注销应载明批次编号", scope.batchId, "非空批次编号")
      )
  } else if (scope.numbers.length === 0) {
    failures.push(failure("NoCertificatesNamed", "scope.numbers", "注销范围至少应列明一本证书", 0, ">= 1"))
  } else {
    const seen = new Set<string>()
    const duplicates: Array<string> = []
    const malformed: Array<string> = []
    let firstProblem: string | undefined
    for (const n of scope.numbers) {
      if (seen.has(n)) duplicates.push(n)
      seen.add(n)
      const problem = certificateNumberProblem(n)
      if (problem !== undefined) {
        malformed.push(n)
        firstProblem ??= certificateNumberMessage(problem)
      }
    }
    if (duplicates.length > 0)
      failures.push(
        failure(
          "DuplicateCertificateNumbers",
          "scope.numbers",
          `注销范围中有 ${duplicates.length} 个证书编号重复列出（如 ${duplicates.slice(0, SAMPLE).join("、")}）`,
          duplicates.slice(0, SAMPLE),
          "每个证书编号只列一次"
        )
      )
    if (malformed.length > 0)
      failures.push(
        failure(
          "MalformedCertificateNumbers",
          "scope.numbers",
          `注销范围中有 ${malformed.length} 个证书编号格式不符（如 ${malformed.slice(0, SAMPLE).join("、")}：${firstProblem}）`,
          malformed.slice(0, SAMPLE),
          "22位证书编号"
        )
      )
  }

  return verdict(ORDER_RULE, [Cite.quality], failures, { provisional })
}
