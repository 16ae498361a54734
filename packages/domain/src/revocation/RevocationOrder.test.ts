import { Either, ParseResult, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { deriveCertificateNumber } from "../codes/CertificateNumber.js"
import { RevocationOrder, RevocationOrderInput, referralRequired } from "./RevocationOrder.js"

const n = (serial: number) =>
  deriveCertificateNumber(
    { type: "S", institutionCode: "0000", province: "32", siteSerial: "000001" },
    2023,
    4,
    serial
  )

const VALID = {
  scope: { _tag: "certificates", numbers: [n(1), n(2)] },
  reason: "irregular_issuance",
  basis: { documentNumber: "苏人社督〔2023〕1号", title: "专项督查情况通报" },
  creditCheck: { referred: true },
  orderedBy: { level: "province", regionCode: "320000" },
  orderedOn: "2023-03-01"
}

const issues = (input: unknown) => {
  const r = Schema.decodeUnknownEither(RevocationOrderInput, { errors: "all" })(input)
  return Either.isLeft(r)
    ? ParseResult.ArrayFormatter.formatErrorSync(r.left).map((i) => [i.path.join("."), i.message])
    : []
}

describe("54号·五 revocation order (RevocationOrderInput)", () => {
  it("decodes a complete order naming certificates, and one for a whole batch", () => {
    expect(issues(VALID)).toEqual([])
    expect(issues({ ...VALID, scope: { _tag: "batch", batchId: "B1" } })).toEqual([])
    expect(Schema.decodeUnknownSync(RevocationOrder)({ ...VALID, id: "rev_1" }).id).toBe("rev_1")
  })

  it("requires the referral for the three reasons the notice names, not for 'other'", () => {
    for (const reason of [
      "low_competition_standard",
      "qualification_mismatch",
      "irregular_issuance"
    ] as const) {
      expect(referralRequired(reason)).toBe(true)
      expect(issues({ ...VALID, reason, creditCheck: { referred: false } })).toEqual([
        [
          "creditCheck.referred",
          "因办赛标准不高、选手资格条件不符或违规发放证书注销的，应同时启动信用核查联动机制（54号·五）"
        ]
      ])
    }
    expect(referralRequired("other")).toBe(false)
    expect(issues({ ...VALID, reason: "other", creditCheck: { referred: false, note: "" } })).toEqual([])
  })

  it("refuses an empty list, a repeated number and a malformed number", () => {
    expect(issues({ ...VALID, scope: { _tag: "certificates", numbers: [] } })).toEqual([
      ["scope.numbers", "注销范围至少应列明一本证书"]
    ])
    expect(issues({ ...VALID, scope: { _tag: "certificates", numbers: [n(1), n(1)] } })).toEqual([
      ["scope.numbers", `证书编号 ${n(1)} 重复列出`]
    ])
    expect(issues({ ...VALID, scope: { _tag: "certificates", numbers: ["S0000320000012341"] } })).toEqual([
      ["scope.numbers.0", "证书编号应为22位"]
    ])
  })

  it("refuses a blank or missing basis document and a blank batch id", () => {
    expect(issues({ ...VALID, basis: { documentNumber: " ", title: "" } })).toEqual([
      ["basis.documentNumber", "依据文件文号不能为空"],
      ["basis.title", "依据文件标题不能为空"]
    ])
    const { basis: _, ...noBasis } = VALID
    expect(issues(noBasis)).toEqual([["basis", "缺少注销依据文件"]])
    expect(issues({ ...VALID, scope: { _tag: "batch", batchId: "" } })).toEqual([
      ["scope.batchId", "批次编号不能为空"]
    ])
  })

  it("accepts only the province or a city as the ordering actor (domain.md §4)", () => {
    expect(issues({ ...VALID, orderedBy: { level: "district", regionCode: "320102" } })).toEqual([
      [
        "orderedBy.level",
        "注销决定只能由省人力资源社会保障厅（province）或设区市人力资源社会保障局（city）作出"
      ]
    ])
  })

  it("requires a real order date", () => {
    expect(issues({ ...VALID, orderedOn: "2023-02-30" })).toEqual([
      ["orderedOn", "日期格式应为 YYYY-MM-DD 且为真实日期"]
    ])
  })

  it("answers an unknown scope kind or reason in Chinese, and a known scope with its own field messages", () => {
    expect(
      issues({ ...VALID, scope: { _tag: "person" }, reason: "fraud", creditCheck: { referred: "是" } })
    ).toEqual([
      ["scope", "注销范围应为列明的证书（_tag 为 certificates）或整个批次（_tag 为 batch）"],
      [
        "reason",
        "注销原因应为 qualification_mismatch（资格条件不符）、irregular_issuance（违规发放证书）、low_competition_standard（办赛标准不高）或 other（其他）"
      ],
      ["creditCheck.referred", "信用核查联动标记应为 true 或 false"]
    ])
    expect(issues({ ...VALID, scope: { _tag: "batch" } })).toEqual([["scope.batchId", "缺少批次编号"]])
  })
})
