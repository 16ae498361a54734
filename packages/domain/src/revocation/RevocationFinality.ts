/**
 * Revoked is final (54号·五 "一律注销"; certificate/Certificate.ts): a revoked certificate keeps the reason, date and
 * order of its first revocation; revoking it again changes nothing and is reported as already revoked; there is
 * no reinstatement. The notice is silent on reinstatement, so its refusal is flagged provisional.
 */
import type { CertificateStatus } from "../certificate/Certificate.js"
import { Cite } from "../rule/Citation.js"
import { type Decision, type Verdict, verdict } from "../rule/Decision.js"
import { revocationReasonName } from "./RevocationReason.js"

export const FINALITY_RULE = "revocation.final"

export type RevokedStatus = Extract<CertificateStatus, { readonly _tag: "revoked" }>

/** What a revocation does to one certificate. */
export type RevocationEffect = "revoke" | "already_revoked"

export const revocationEffect = (current: CertificateStatus): RevocationEffect =>
  current._tag === "revoked" ? "already_revoked" : "revoke"

/** The status after applying `revocation`: the first revocation stands (the same object is returned). */
export const applyRevocation = (current: CertificateStatus, revocation: RevokedStatus): CertificateStatus =>
  current._tag === "revoked" ? current : revocation

const sameRevocation = (a: RevokedStatus, b: RevokedStatus): boolean =>
  a.revokedOn === b.revokedOn && a.reason === b.reason && a.orderId === b.orderId

/** Whether a certificate's status may change from `current` to `next`. */
export const statusChange = (current: CertificateStatus, next: CertificateStatus): Decision<Verdict> => {
  if (current._tag === "valid") return verdict(FINALITY_RULE, [Cite.quality], [])
  if (next._tag === "revoked" && sameRevocation(current, next))
    return verdict(FINALITY_RULE, [Cite.quality], [])
  const was = `证书已于 ${current.revokedOn} 因“${revocationReasonName(current.reason)}”注销（决定 ${current.orderId}）`
  if (next._tag === "valid") {
    return verdict(
      FINALITY_RULE,
      [Cite.quality, Cite.domainDecisions],
      [
        {
          code: "RevocationIsFinal",
          rule: FINALITY_RULE,
          field: "status",
          message: `${was}，注销不可撤回，不能恢复为有效`,
          seen: "valid",
          required: "revoked",
          citation: Cite.quality
        }
      ],
      {
        provisional: [
          {
            rule: FINALITY_RULE,
            reason:
              "通知未规定注销后的恢复程序；本系统不提供恢复操作（如注销决定经复议或诉讼被撤销，需另行处理）",
            citation: Cite.domainDecisions
          }
        ]
      }
    )
  }
  return verdict(
    FINALITY_RULE,
    [Cite.quality],
    [
      {
        code: "AlreadyRevoked",
        rule: FINALITY_RULE,
        field: "status",
        message: `${was}，再次注销不改变原注销原因和日期`,
        seen: [next.revokedOn, next.reason, next.orderId],
        required: [current.revokedOn, current.reason, current.orderId],
        citation: Cite.quality
      }
    ]
  )
}
