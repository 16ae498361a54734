import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { expectChinese, leafMessages as messagesOf } from "../../test/ChineseMessages.js"
import { competitionFields } from "../../test/CompetitionFixtures.js"
import { COMPETITION_GROUP_NAMES, Competition } from "./Competition.js"

const leafMessages = messagesOf(Competition)

const valid = {
  ...competitionFields,
  contestants: [
    { id: "p1", regionCode: "320102" },
    { id: "p2", regionCode: "330102" }
  ]
}

const decode = Schema.decodeUnknownEither(Competition)

describe("Competition model (54号·二, domain.md §3)", () => {
  it("decodes a competition with contestants from any province", () => {
    const c = decode(valid)
    expect(Either.isRight(c)).toBe(true)
  })

  const broken: ReadonlyArray<readonly [string, unknown]> = [
    [
      "an invalid unified social credit code",
      { ...valid, host: { ...valid.host, creditCode: "91350100M000100Y44" } }
    ],
    ["an unknown Jiangsu region code", { ...valid, regionCode: "320199" }],
    ["a malformed contestant region", { ...valid, contestants: [{ id: "p", regionCode: "99" }] }],
    ["a negative fee", { ...valid, fees: [{ kind: "registration", amount: -1 }] }],
    ["an unknown fee kind", { ...valid, fees: [{ kind: "tip", amount: 0 }] }],
    [
      "a malformed occupation code",
      { ...valid, events: [{ ...valid.events[0], occupations: [{ code: "6-18", name: "x" }] }] }
    ],
    ["an unknown event scope", { ...valid, events: [{ ...valid.events[0], scope: "most" }] }],
    ["an impossible date", { ...valid, startsOn: "2023-02-30" }],
    ["an unknown class", { ...valid, class: "national" }],
    ["an unknown group", { ...valid, group: "youth" }]
  ]
  it.each(broken)("refuses %s", (_name, input) => {
    expect(Either.isLeft(decode(input))).toBe(true)
  })

  it("names the groups 职工组 and 学生组", () => {
    expect(COMPETITION_GROUP_NAMES).toEqual({ worker: "职工组", student: "学生组" })
  })
})

describe("Competition decode messages: zh-CN only, naming the 附件1 / 附件3 fields", () => {
  it("names each missing field in Chinese", () => {
    const messages = leafMessages({})
    expectChinese(messages)
    expect(messages).toContain("缺少主办单位")
    expect(messages).toContain("缺少竞赛名称")
    expect(messages).toHaveLength(11)
  })

  it("answers wrong values, unknown enum values and wrong types in Chinese", () => {
    expect(leafMessages("赛事")).toEqual(["竞赛信息应为对象"])
    const messages = leafMessages({
      ...valid,
      id: "",
      name: 5,
      class: "national",
      group: "youth",
      host: { name: " ", creditCode: "91350100M000100Y44", regionCode: "320571" },
      startsOn: "2023-02-30",
      events: [
        {
          name: "",
          occupations: [{ code: "6-18", name: " ", workType: "", inCatalogue: "是" }],
          scope: "most"
        },
        3
      ],
      fees: [
        { kind: "tip", amount: -1, description: "" },
        { kind: "other", amount: "5" }
      ],
      contestants: [{ id: "", regionCode: "99" }, {}],
      participatingRegions: "320102"
    })
    expectChinese(messages)
    expect(messages).toEqual(
      expect.arrayContaining([
        "竞赛编号不能为空",
        "竞赛名称应为文本",
        "竞赛类别应为 provincial（省级）、city_class_1（市级一类）、city_class_2（市级二类）或 county（区(县)级）",
        "组别应为 worker（职工组）或 student（学生组）",
        "主办单位不能为空",
        "赛项内容应为 whole（完整职业（工种））或 partial（职业（工种）部分工作内容）",
        "费用金额应为不小于0的数（元）",
        "缺少选手所在地区",
        "涉及参赛地区应为行政区划代码列表"
      ])
    )
    expect(leafMessages({ ...valid, host: "主办单位", events: "焊工", fees: {}, contestants: null })).toEqual(
      [
        "主办单位信息应为对象（名称、统一社会信用代码、所在地区）",
        "赛项设置应为列表",
        "收费项目应为列表",
        "参赛选手应为列表"
      ]
    )
  })
})
