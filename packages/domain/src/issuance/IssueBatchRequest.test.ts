import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { expectChinese, leafMessages as messagesOf } from "../../test/ChineseMessages.js"
import { IssueBatchRequest } from "./IssueBatchRequest.js"

const leafMessages = messagesOf(IssueBatchRequest)

const TURNER = "6-18-01-01"

const valid = {
  batchId: "JS2024-0001-001",
  institutionId: "inst-s",
  issuedOn: "2024-06-01",
  evaluationRegion: "320104",
  candidates: [
    {
      holder: { name: "张三", idType: "resident_id", idNumber: "11010519491231002X" },
      occupationCode: TURNER,
      level: 3
    }
  ]
}

describe("54号·四 issuance request at the API edge: every message zh-CN (shared/FieldSchema)", () => {
  it("decodes a valid request", () => {
    expect(Either.isRight(Schema.decodeUnknownEither(IssueBatchRequest)(valid))).toBe(true)
  })

  it("names each missing field in Chinese", () => {
    const messages = leafMessages({})
    expectChinese(messages)
    expect(messages).toEqual([
      "缺少批次编号",
      "缺少评价机构编号",
      "缺少发证日期",
      "缺少评价所在地区",
      "缺少发证人员名单"
    ])
  })

  it("answers a non-object, a non-list and wrong values in Chinese", () => {
    expect(leafMessages(null)).toEqual(["发证申请应为对象"])
    expect(leafMessages({ ...valid, candidates: {} })).toEqual(["发证人员名单应为列表"])
    const messages = leafMessages({
      batchId: " ",
      institutionId: 5,
      issuedOn: "2024-02-30",
      evaluationRegion: "320571",
      candidates: [
        {
          holder: { name: "", idType: "id_card", idNumber: "" },
          employerUscc: "123",
          occupationCode: "6-18",
          workType: "",
          level: 6
        },
        {
          holder: { ...valid.candidates[0]?.holder, idNumber: "110105194912310021" },
          occupationCode: TURNER,
          level: "3"
        },
        "张三"
      ],
      face: { issuerNames: [""], signatories: "赵六" }
    })
    expectChinese(messages)
    expect(messages).toEqual(
      expect.arrayContaining([
        "批次编号不能为空",
        "评价机构编号应为文本",
        "证书等级应为1至5（五级/初级工至一级/高级技师）",
        "工种名称不能为空",
        "发证人员应为对象（持证人、职业编码、等级）",
        "签发负责人应为列表",
        "缺少印章编号"
      ])
    )
    expect(messages).toHaveLength(17)
  })
})
