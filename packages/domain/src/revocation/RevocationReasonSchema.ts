/** Schema for RevocationReason. */
import { Schema } from "effect"

export const RevocationReason = Schema.Literal(
  "qualification_mismatch",
  "irregular_issuance",
  "low_competition_standard",
  "other"
).annotations({
  identifier: "RevocationReason",
  description:
    "注销原因：qualification_mismatch 资格条件不符；irregular_issuance 违规发放证书；low_competition_standard 办赛标准不高；other 其他",
  message: () => ({
    message:
      "注销原因应为 qualification_mismatch（资格条件不符）、irregular_issuance（违规发放证书）、low_competition_standard（办赛标准不高）或 other（其他）",
    override: true
  })
})
