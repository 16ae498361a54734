import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { deriveCertificateNumber } from "../codes/CertificateNumber.js"
import { CertificateNumber } from "../codes/CertificateNumberSchema.js"
import { Cite } from "../rule/Citation.js"
import type { RevocationOrderInput } from "./RevocationOrder.js"
import { checkRevocationOrder } from "./RevocationOrderCheck.js"

const n = (serial: number) =>
  Schema.decodeSync(CertificateNumber)(
    deriveCertificateNumber(
      { type: "Y", institutionCode: "0000", province: "32", siteSerial: "000009" },
      2022,
      3,
      serial
    )
  )

const order = (over: Partial<RevocationOrderInput> = {}): RevocationOrderInput => ({
  scope: { _tag: "certificates", numbers: [n(1)] },
  reason: "low_competition_standard",
  basis: { documentNumber: "苏人社督〔2022〕3号", title: "职业技能竞赛专项督查通报" },
  creditCheck: { referred: true },
  orderedBy: { level: "province", regionCode: "320000" },
  orderedOn: "2022-05-01",
  ...over
})

const codes = (o: RevocationOrderInput) => checkRevocationOrder(o).failures.map((f) => [f.code, f.field])

describe("54号·五 revocation order check", () => {
  it("allows a complete order on the notice's first day in force", () => {
    const d = checkRevocationOrder(order())
    expect(d.outcome).toBe("allowed")
    expect(d.rule).toBe("revocation.order")
    expect(d.citations).toEqual([Cite.quality])
    expect(d.provisional).toEqual([])
  })

  it("answers not in force for an order dated 2022-04-30", () => {
    const d = checkRevocationOrder(order({ orderedOn: "2022-04-30" }))
    expect(d.outcome).toBe("not_in_force")
    expect(d.failures[0]?.code).toBe("NotInForce")
  })

  it("lists a missing basis number and title", () => {
    expect(codes(order({ basis: { documentNumber: "", title: "  " } }))).toEqual([
      ["BasisDocumentNumberMissing", "basis.documentNumber"],
      ["BasisTitleMissing", "basis.title"]
    ])
  })

  it("requires the credit-check referral for a named reason", () => {
    const d = checkRevocationOrder(order({ creditCheck: { referred: false } }))
    expect(d.outcome).toBe("refused")
    expect(d.failures.map((f) => [f.code, f.field, f.seen, f.required, f.citation])).toEqual([
      ["CreditCheckReferralMissing", "creditCheck.referred", false, true, Cite.quality]
    ])
    expect(d.failures[0]?.message).toContain("办赛标准不高")
  })

  it("does not require it for 'other', and says that reading is provisional", () => {
    const d = checkRevocationOrder(order({ reason: "other", creditCheck: { referred: false } }))
    expect(d.outcome).toBe("allowed")
    expect(d.provisional.map((p) => [p.rule, p.citation])).toEqual([["revocation.order", Cite.quality]])
    expect(checkRevocationOrder(order({ reason: "other" })).provisional).toEqual([])
  })

  it("checks the scope: empty, repeated, malformed, blank batch id", () => {
    expect(codes(order({ scope: { _tag: "certificates", numbers: [] } }))).toEqual([
      ["NoCertificatesNamed", "scope.numbers"]
    ])
    const bad = "Y000032000009226000001" as typeof CertificateNumber.Type
    const d = checkRevocationOrder(order({ scope: { _tag: "certificates", numbers: [n(1), n(1), bad] } }))
    expect(d.failures.map((f) => [f.code, f.seen])).toEqual([
      ["DuplicateCertificateNumbers", [n(1)]],
      ["MalformedCertificateNumbers", [bad]]
    ])
    expect(d.failures[1]?.message).toContain("证书编号第16位等级代码应为1至5")
    expect(codes(order({ scope: { _tag: "batch", batchId: " " } }))).toEqual([
      ["BatchIdMissing", "scope.batchId"]
    ])
  })
})
