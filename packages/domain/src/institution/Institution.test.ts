import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { expectChinese, leafMessages as messagesOf } from "../../test/ChineseMessages.js"
import { thirdPartyFields } from "../../test/InstitutionFixtures.js"
import { Institution } from "./Institution.js"

const leafMessages = messagesOf(Institution)

const valid = thirdPartyFields

/** `valid` with some fields changed; "omit" leaves a field out. */
const withChange = (change: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...valid, ...change }
  for (const [key, value] of Object.entries(change)) if (value === "omit") delete out[key]
  return out
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
    ["an issuing institution without prefix", { numberingPrefix: "omit" }, "应设证书编号前缀"],
    [
      "an appraisal centre with a prefix",
      { kind: "city_appraisal_centre" },
      "鉴定机构不核发职业技能等级证书"
    ],
    ["an invalid credit code", { uscc: "91320100MA0000015R" }, "统一社会信用代码校验位错误"],
    ["two seals", { seal: [valid.seal, valid.seal] }, "印章应为对象（印章编号、印章名称），且只有一枚"],
    [
      "a status history that starts with a suspension",
      { statusHistory: [{ ...valid.statusHistory[0], status: "suspended" }] },
      "目录状态记录第1条的状态变更不允许"
    ]
  ])("refuses %s", (_, change, message) => {
    expect(problem(withChange(change))).toContain(message)
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
      problem(withChange({ kind: "provincial_appraisal_centre", numberingPrefix: "omit" }))
    ).toBeUndefined()
  })
})

describe("Institution decode messages: zh-CN only, naming the catalogue's fields", () => {
  it("names each missing field in Chinese", () => {
    const messages = leafMessages({})
    expectChinese(messages)
    expect(messages).toContain("缺少机构名称")
    expect(messages).toContain("缺少备案层级")
    expect(messages).toHaveLength(10)
  })

  it("answers wrong values, unknown enum values and wrong types in Chinese", () => {
    const messages = leafMessages({
      ...valid,
      id: "",
      name: " ",
      kind: "school",
      region: "320571",
      filedWith: "national",
      numberingPrefix: { type: "X", institutionCode: "12", province: "99", siteSerial: "1" },
      responsiblePerson: { name: "" },
      seal: [valid.seal, valid.seal],
      authorisations: [
        { id: "", occupations: [], levels: [0], region: "320571", validFrom: "x", validUntil: "2022-13-01" },
        {
          id: "auth-2",
          occupations: [{ code: "6-18-01-01", workType: "" }],
          levels: [],
          region: "320102",
          validFrom: "2023-01-01",
          validUntil: "2024-12-31"
        }
      ],
      statusHistory: [{ status: "closed", date: "2022-05-01", reason: "", actor: "" }]
    })
    expectChinese(messages)
    expect(messages).toEqual(
      expect.arrayContaining([
        "机构名称不能为空",
        "机构类别应为 employer（用人单位）、third_party（第三方评价机构）、city_appraisal_centre（市职业技能鉴定机构）或 provincial_appraisal_centre（省职业技能鉴定中心）",
        "备案层级应为 province（省级备案）或 mohrss（人力资源社会保障部备案）",
        "证书编号机构类别代码应为 S（社会培训评价组织）或 Y（用人单位）",
        "评价机构代码应为4位数字",
        "印章应为对象（印章编号、印章名称），且只有一枚",
        "授权职业至少应有一个",
        "认定等级应为1至5（五级/初级工至一级/高级技师）",
        "认定等级至少应有一个",
        "目录状态应为 admitted（已纳入目录）、suspended（暂停评价）或 removed（已移出目录）"
      ])
    )
    expect(
      leafMessages({
        ...valid,
        numberingPrefix: "S0000",
        responsiblePerson: "张三",
        authorisations: "全部",
        statusHistory: {}
      })
    ).toEqual([
      "证书编号前缀应为对象（机构类别代码、评价机构代码、省级代码、机构序号）",
      "负责人应为对象（姓名）",
      "评价授权应为列表",
      "目录状态记录应为列表"
    ])
    expectChinese(leafMessages({ ...valid, kind: "employer" }))
  })
})
