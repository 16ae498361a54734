import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Institution } from "./Institution.js"

const valid = {
  id: "inst-s",
  name: "江苏某职业技能评价有限公司",
  kind: "third_party",
  uscc: "91320100MA0000015Q",
  region: "320102",
  filedWith: "province",
  numberingPrefix: { type: "S", institutionCode: "0000", province: "32", siteSerial: "000123" },
  responsiblePerson: { name: "张三" },
  seal: { id: "seal-1", name: "江苏某职业技能评价有限公司职业技能等级认定专用章" },
  authorisations: [],
  statusHistory: [{ status: "admitted", date: "2022-05-01", reason: "准入", actor: "hrss-320100" }]
}

const decode = Schema.decodeUnknownEither(Institution)
const problem = (input: unknown): string | undefined => {
  const r = decode(input)
  return r._tag === "Left" ? r.left.message : undefined
}

describe("54号·四、五 institution model", () => {
  it("decodes a provincially filed third-party institution", () => {
    expect(problem(valid)).toBeUndefined()
  })

  it.each([
    ["a type letter that does not match the kind", { kind: "employer" }, "证书编号机构类别代码应为 Y"],
    [
      "a provincial filing with an institution code other than 0000",
      { numberingPrefix: { ...valid.numberingPrefix, institutionCode: "0001" } },
      "在省级备案的机构，评价机构代码应为 0000"
    ],
    [
      "a MOHRSS filing with code 0000",
      { filedWith: "mohrss" },
      "在人社部备案的机构，评价机构代码应为 0001–9999"
    ],
    [
      "a province code other than the institution's",
      { numberingPrefix: { ...valid.numberingPrefix, province: "33" } },
      "证书编号省级代码应与机构所在地一致"
    ],
    ["an issuing institution without prefix", { numberingPrefix: undefined }, "应设证书编号前缀"],
    [
      "an appraisal centre with a prefix",
      { kind: "city_appraisal_centre" },
      "鉴定机构不核发职业技能等级证书"
    ],
    ["an invalid credit code", { uscc: "91320100MA0000015R" }, "统一社会信用代码校验位错误"],
    ["two seals", { seal: [valid.seal, valid.seal] }, "Expected"],
    [
      "a status history that starts with a suspension",
      { statusHistory: [{ ...valid.statusHistory[0], status: "suspended" }] },
      "目录状态记录第1条的状态变更不允许"
    ]
  ])("refuses %s", (_, change, message) => {
    expect(problem({ ...valid, ...change })).toContain(message)
  })

  it("accepts a MOHRSS-filed employer with its own institution code", () => {
    expect(
      problem({
        ...valid,
        kind: "employer",
        filedWith: "mohrss",
        numberingPrefix: { type: "Y", institutionCode: "0123", province: "32", siteSerial: "000001" }
      })
    ).toBeUndefined()
  })

  it("accepts an appraisal centre without prefix", () => {
    expect(
      problem({ ...valid, kind: "provincial_appraisal_centre", numberingPrefix: undefined })
    ).toBeUndefined()
  })
})
