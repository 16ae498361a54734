import { describe, expect, it } from "vitest"
import type { CertificateStatus } from "../certificate/Certificate.js"
import { Cite } from "../rule/Citation.js"
import { applyRevocation, type RevokedStatus, revocationEffect, statusChange } from "./RevocationFinality.js"

const VALID: CertificateStatus = { _tag: "valid" }
const FIRST: RevokedStatus = {
  _tag: "revoked",
  revokedOn: "2023-03-01",
  reason: "irregular_issuance",
  orderId: "rev_1"
}
const SECOND: RevokedStatus = {
  _tag: "revoked",
  revokedOn: "2023-06-01",
  reason: "qualification_mismatch",
  orderId: "rev_2"
}

describe("54号·五 revoked is final", () => {
  it("revokes a valid certificate", () => {
    expect(revocationEffect(VALID)).toBe("revoke")
    expect(applyRevocation(VALID, FIRST)).toBe(FIRST)
    expect(statusChange(VALID, FIRST).outcome).toBe("allowed")
  })

  it("keeps the first reason, date and order when revoked again", () => {
    expect(revocationEffect(FIRST)).toBe("already_revoked")
    expect(applyRevocation(FIRST, SECOND)).toBe(FIRST)
    const d = statusChange(FIRST, SECOND)
    expect(d.outcome).toBe("refused")
    expect(d.rule).toBe("revocation.final")
    expect(d.failures.map((f) => [f.code, f.field, f.seen, f.required])).toEqual([
      [
        "AlreadyRevoked",
        "status",
        ["2023-06-01", "qualification_mismatch", "rev_2"],
        ["2023-03-01", "irregular_issuance", "rev_1"]
      ]
    ])
    expect(d.failures[0]?.message).toContain("证书已于 2023-03-01 因“违规发放证书”注销")
  })

  it("accepts the identical revocation (an idempotent retry)", () => {
    expect(statusChange(FIRST, { ...FIRST }).outcome).toBe("allowed")
  })

  it("has no un-revoke: back to valid is refused, flagged provisional", () => {
    const d = statusChange(FIRST, VALID)
    expect(d.outcome).toBe("refused")
    expect(d.failures.map((f) => [f.code, f.seen, f.required])).toEqual([
      ["RevocationIsFinal", "valid", "revoked"]
    ])
    expect(d.failures[0]?.message).toContain("不能恢复为有效")
    expect(d.citations).toEqual([Cite.quality, Cite.domainDecisions])
    expect(d.provisional).toHaveLength(1)
  })
})
