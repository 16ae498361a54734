/**
 * Why certificates are revoked (注销) after a special inspection (54号·五): "办赛标准不高、选手资格条件不符、
 * 违规发放证书等问题" — and 其他 for the "等".
 */

export type RevocationReason =
  | "qualification_mismatch"
  | "irregular_issuance"
  | "low_competition_standard"
  | "other"

export const REVOCATION_REASONS: ReadonlyArray<RevocationReason> = [
  "qualification_mismatch",
  "irregular_issuance",
  "low_competition_standard",
  "other"
]

const NAMES: Record<RevocationReason, string> = {
  qualification_mismatch: "资格条件不符",
  irregular_issuance: "违规发放证书",
  low_competition_standard: "办赛标准不高",
  other: "其他"
}

export const revocationReasonName = (reason: RevocationReason): string => NAMES[reason]
