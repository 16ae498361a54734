import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { expectChinese, leafMessages as messagesOf } from "../../test/ChineseMessages.js"
import { DEFAULT_COMPETITION_PROMOTION } from "./CompetitionPromotion.js"
import { CompetitionPromotionTable } from "./CompetitionPromotionSchema.js"
import { EligibilityFacts } from "./EligibilityFacts.js"
import { DEFAULT_ELIGIBILITY_VERSIONS } from "./EligibilityTables.js"
import { EligibilityRuleTable, EligibilityRuleTableVersions } from "./EligibilityTablesSchema.js"
import { DEFAULT_TITLE_BRIDGE } from "./TitleBridge.js"

const leafMessages = messagesOf(EligibilityFacts)

const OCC = "6-18-01-01"

const input = {
  route: "standard",
  occupationCode: OCC,
  targetLevel: 4,
  applicationDate: "2024-06-01",
  idNumber: "11010519491231002X",
  workPeriods: [{ from: "2018-01-01", to: "2024-05-31", occupationCode: OCC }],
  priorCertificates: [
    { number: "S000032000001215000001", occupationCode: OCC, level: 5, issuedOn: "2021-03-01" }
  ],
  education: [{ kind: "technical_school", specialtyRelated: true, status: "graduating" }],
  apprenticeshipCompleted: false,
  preparatoryTechnicianCertificate: false,
  standard: { occupationCode: OCC, edition: "2018", levels: [5, 4, 3, 2, 1] }
}

const decode = Schema.decodeUnknownEither(EligibilityFacts)
const errorOf = (u: unknown): string => {
  const r = decode(u)
  return Either.isLeft(r) ? String(r.left) : ""
}

describe("54号·一 eligibility facts at the API edge (Schema)", () => {
  it("decodes a complete application", () => {
    expect(Either.isRight(decode(input))).toBe(true)
  })

  it.each([0, 6, "特级技师", "首席技师", "学徒工"])(
    "refuses target level %s: only 1–5 are levels (domain.md §2)",
    (targetLevel) => {
      expect(Either.isLeft(decode({ ...input, targetLevel }))).toBe(true)
    }
  )

  it("accepts a legacy 16-digit 职业资格证书 number as a prior certificate", () => {
    const legacy = { number: "1510011001500001", occupationCode: OCC, level: 5, issuedOn: "2015-09-01" }
    expect(Either.isRight(decode({ ...input, priorCertificates: [legacy] }))).toBe(true)
  })

  it("refuses a prior certificate number of neither form, or whose level digit differs from the stated level", () => {
    const bad = { number: "ABC123", occupationCode: OCC, level: 5, issuedOn: "2015-09-01" }
    expect(errorOf({ ...input, priorCertificates: [bad] })).toContain(
      "22位职业技能等级证书编号或16位职业资格证书编号"
    )
    const mismatch = { number: "1510011001400001", occupationCode: OCC, level: 5, issuedOn: "2015-09-01" }
    expect(errorOf({ ...input, priorCertificates: [mismatch] })).toContain("等级代码与所填等级不一致")
  })

  it("refuses a work period that ends before it starts", () => {
    expect(
      errorOf({ ...input, workPeriods: [{ from: "2020-01-01", to: "2019-12-31", occupationCode: OCC }] })
    ).toContain("结束日期不得早于开始日期")
  })

  it("refuses an invalid resident ID number, and a birth date that contradicts it", () => {
    expect(Either.isLeft(decode({ ...input, idNumber: "110105194912310021" }))).toBe(true)
    expect(errorOf({ ...input, birthDate: "1950-01-01" })).toContain("出生日期与身份证号码中的出生日期不一致")
    expect(Either.isRight(decode({ ...input, birthDate: "1949-12-31" }))).toBe(true)
  })

  it("requires the facts of the route the application names", () => {
    expect(errorOf({ ...input, route: "title" })).toContain("依据专业技术资格申报应提供职称信息")
    expect(errorOf({ ...input, route: "exceptional" })).toContain("破格晋升申报应提供")
    expect(errorOf({ ...input, route: "competition" })).toContain("依据竞赛名次申报应提供竞赛成绩信息")
  })

  it("refuses a hukou region outside the GB/T 2260 codes, and a rank below 1", () => {
    const competition = {
      competitionId: "JS-1",
      competitionClass: "city_class_1",
      group: "student",
      occupationCode: OCC,
      heldOn: "2024-04-01",
      rank: 1,
      filingRequired: "none",
      jiangsuPensionMonths: 0,
      hukou: { regionCode: "329999", evidence: "户口簿" }
    }
    const jiangsu = { ...competition, hukou: { regionCode: "320102", evidence: "户口簿" } }
    expect(Either.isRight(decode({ ...input, route: "competition", competition: jiangsu }))).toBe(true)
    expect(Either.isLeft(decode({ ...input, route: "competition", competition }))).toBe(true)
    expect(
      Either.isLeft(decode({ ...input, route: "competition", competition: { ...jiangsu, rank: 0 } }))
    ).toBe(true)
  })
})

describe("54号·一 eligibility rule tables (Schema)", () => {
  it("decodes the shipped defaults", () => {
    expect(Schema.decodeUnknownSync(EligibilityRuleTableVersions)(DEFAULT_ELIGIBILITY_VERSIONS)).toEqual(
      DEFAULT_ELIGIBILITY_VERSIONS
    )
    expect(Schema.decodeUnknownSync(EligibilityRuleTable)(DEFAULT_TITLE_BRIDGE)).toEqual(DEFAULT_TITLE_BRIDGE)
    expect(Schema.decodeUnknownSync(EligibilityRuleTable)(DEFAULT_COMPETITION_PROMOTION)).toEqual(
      DEFAULT_COMPETITION_PROMOTION
    )
  })

  it("refuses a row whose rank range is inverted or whose target is not above the current level", () => {
    const row = DEFAULT_COMPETITION_PROMOTION.rows[0]
    const table = (r: unknown) => ({ ...DEFAULT_COMPETITION_PROMOTION, rows: [r] })
    expect(
      Either.isLeft(
        Schema.decodeUnknownEither(CompetitionPromotionTable)(table({ ...row, rankFrom: 3, rankTo: 1 }))
      )
    ).toBe(true)
    expect(
      Either.isLeft(
        Schema.decodeUnknownEither(CompetitionPromotionTable)(
          table({ ...row, currentLevel: 3, targetLevel: 3 })
        )
      )
    ).toBe(true)
  })

  it("refuses a table whose name does not match its rows", () => {
    expect(
      Either.isLeft(
        Schema.decodeUnknownEither(EligibilityRuleTable)({
          ...DEFAULT_TITLE_BRIDGE,
          table: "competition-promotion"
        })
      )
    ).toBe(true)
  })
})

describe("54号·一 eligibility facts decode messages: zh-CN only", () => {
  it("names each missing field in Chinese", () => {
    const messages = leafMessages({})
    expectChinese(messages)
    expect(messages).toContain("缺少申报等级")
    expect(messages).toContain("缺少所依据的标准")
    expect(messages).toHaveLength(10)
  })

  it("answers wrong values of every route, unknown enum values and wrong types in Chinese", () => {
    const messages = leafMessages({
      ...input,
      route: "magic",
      targetLevel: 6,
      applicationDate: "2024-6-1",
      workPeriods: [{ from: "2020-01-01", to: "2019-12-31", occupationCode: OCC }, {}],
      priorCertificates: [{ number: "ABC", occupationCode: OCC, level: 7, issuedOn: "2021-03-01" }],
      education: [{ kind: "college", specialtyRelated: "是", status: "done" }],
      apprenticeshipCompleted: "否",
      standard: {
        occupationCode: OCC,
        edition: "",
        levels: [],
        conditions: [{ level: 9, alternatives: "无" }]
      },
      exceptional: {
        employerId: "",
        rule: {
          employerId: "emp-1",
          documentId: "",
          title: "",
          publishedOn: "2020-01-01",
          publishedToAllStaff: "是",
          writtenForm: 1,
          allowedLevels: [0],
          maxLevelsAbove: 9
        }
      },
      title: { titleName: "", titleLevel: "chief", obtainedOn: "2020-01-01", fieldRelation: "maybe" },
      competition: {
        competitionId: "",
        competitionClass: "national",
        group: "youth",
        occupationCode: OCC,
        heldOn: "2024-01-01",
        rank: 0,
        filingRequired: "county",
        filingCompleted: "none",
        jiangsuPensionMonths: -1,
        hukou: { regionCode: "320571", evidence: "" },
        enrolment: { institutionName: "", institutionKind: "school", regionCode: "320102" }
      }
    })
    expectChinese(messages)
    expect(messages).toEqual(
      expect.arrayContaining([
        "申报途径应为 standard（按标准申报条件）、exceptional（用人单位破格晋升）、title（专业技术资格贯通）或 competition（竞赛名次晋升）",
        "申报等级应为1至5（五级/初级工至一级/高级技师）",
        "缺少工作开始日期",
        "毕业状态应为 graduated（已毕业）或 graduating（应届毕业生）",
        "标准所设等级至少应有一个",
        "可越级数应为1至5的整数",
        "职称等级应为 junior（初级/助理）、intermediate（中级）、deputy_senior（副高级）或 senior（正高级）",
        "名次应为正整数（1 为第一名）",
        "参加我省基本养老保险月数应为不小于0的整数",
        "户籍证明不能为空"
      ])
    )
    expect(leafMessages([])).toEqual(["申报信息应为对象"])
    expect(
      leafMessages({ ...input, workPeriods: "十年", standard: { ...input.standard, levels: "5" } })
    ).toEqual(["工作经历应为列表", "标准所设等级应为列表"])
    expectChinese(leafMessages({ ...input, route: "competition" }))
  })
})
