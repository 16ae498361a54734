import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { competition as competitionOf, people, welderEvents } from "../../test/CompetitionFixtures.js"
import {
  completedFiling,
  coSign,
  type Filing,
  type FilingActor,
  Filing as FilingSchema,
  filingIncentives,
  latestDate,
  nextLevel,
  type Opinion,
  openFiling,
  recordOpinion,
  regionForLevel
} from "./Filing.js"

const ok = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw new Error(`expected success, got ${JSON.stringify(e.left)}`)
  return e.right
}
const fail = <A, E>(e: Either.Either<A, E>): E => {
  if (Either.isRight(e)) throw new Error("expected an error")
  return e.left
}

/** The 工种 电焊工 named; 3 of 13 (23%) from 秦淮区: file with the 设区市 bureau. */
const competition = (over: Record<string, unknown> = {}) => competitionOf({ events: welderEvents, ...over })

/** 市级一类 in 南京 with 11 of 21 (52%) from 无锡: file with the 省厅. */
const cityCompetition = () =>
  competition({
    class: "city_class_1",
    regionCode: "320100",
    name: "2023年南京市焊工职业技能竞赛",
    contestants: [...people("320102", 10), ...people("320205", 11)]
  })

/** 市级二类 in 苏州 with 上海 and 浙江 taking part: co-signed by both. */
const crossProvince = () =>
  competition({
    class: "city_class_2",
    regionCode: "320500",
    host: { name: "苏州市总工会", creditCode: "91350100M000100Y43", regionCode: "320508" },
    participatingRegions: ["320500", "310104", "330100"],
    contestants: [...people("320508", 10)]
  })

const open = (c = competition()) => ok(openFiling({ id: "fil_1", competition: c, submittedOn: "2023-03-01" }))

const district: FilingActor = { level: "district", regionCode: "320102" }
const city: FilingActor = { level: "city", regionCode: "320100" }
const province: FilingActor = { level: "province", regionCode: "320000" }

const opinion = (actor: FilingActor, over: Partial<Opinion> = {}): Opinion => ({
  level: actor.level,
  verdict: "agree",
  text: "同意",
  actor,
  date: "2023-03-05",
  ...over
})

const agreeAll = (filing: Filing, actors: ReadonlyArray<FilingActor>): Filing =>
  actors.reduce((f, a) => ok(recordOpinion(f, opinion(a))), filing)

describe("54号·附件1 opening a filing", () => {
  it("fills the form and asks the district, then the city, for a 区(县)级 competition with 23% out of region", () => {
    const f = open()
    expect(f.form).toEqual({
      host: "玄武区人力资源和社会保障局",
      competitionName: "2023年玄武区焊工职业技能竞赛",
      declarationType: "区(县)级赛",
      events: ["焊工：焊工·电焊工（6-18-02-04）"],
      regions: [
        { code: "320102", name: "江苏省南京市玄武区" },
        { code: "320104", name: "江苏省南京市秦淮区" }
      ]
    })
    expect(f).toMatchObject({
      status: "in_review",
      revision: 0,
      share: { total: 13, outOfRegion: 3 },
      shareRequirement: "city",
      route: "none",
      required: "city",
      filedWith: "city",
      levels: ["district", "city"],
      opinions: [],
      coSignatures: [],
      submittedOn: "2023-03-01"
    })
    // The share filing borrows the 附件1 form and its chain: an interpretation.
    expect(f.provisional.map((p) => p.citation)).toEqual(["domain.md §2"])
    expect(nextLevel(f)).toBe("district")
    expect(Schema.is(FilingSchema)(f)).toBe(true)
  })

  it("asks the city, then the province, for a 市级 competition over 50% out of region", () => {
    const f = open(cityCompetition())
    expect(f).toMatchObject({
      shareRequirement: "province",
      required: "province",
      levels: ["city", "province"]
    })
    expect(f.form.declarationType).toBe("市级一类赛")
  })

  it("files a 省级 competition needing a city filing with the province, flagged provisional", () => {
    const f = open(
      competition({
        class: "provincial",
        regionCode: "320000",
        contestants: [...people("320102", 8), ...people("330102", 2)]
      })
    )
    expect(f).toMatchObject({ required: "city", filedWith: "province", levels: ["province"] })
    expect(f.provisional).toHaveLength(2)
    expect(f.provisional[1]?.reason).toContain("省级竞赛")
  })

  it("routes a 区(县)际 competition to the city through 附件1, without the share-only note", () => {
    const f = open(
      competition({ contestants: people("320102", 10), participatingRegions: ["320102", "320104"] })
    )
    expect(f).toMatchObject({
      route: "city",
      shareRequirement: "none",
      required: "city",
      levels: ["district", "city"]
    })
    expect(f.provisional.map((p) => p.rule)).toEqual(["competition.required-filing"])
  })

  it("opens the co-signatures of the other provinces for a cross-province competition", () => {
    const f = open(crossProvince())
    expect(f).toMatchObject({
      route: "co_signature",
      required: "province",
      levels: ["city", "province"],
      coSignatures: [{ province: "310000" }, { province: "330000" }]
    })
  })

  it("refuses a competition that fails review, listing its failures", () => {
    const e = fail(
      openFiling({
        id: "fil_1",
        competition: competition({ fees: [{ kind: "registration", amount: 0.01 }], events: [] }),
        submittedOn: "2023-03-01"
      })
    )
    expect(e._tag).toBe("CompetitionRefused")
    if (e._tag !== "CompetitionRefused") return
    expect(e.failures.map((x) => x.code)).toEqual(["RegistrationFeeCharged", "CompetitionWithoutEvents"])
    expect(e.message).toContain("未通过审核")
    expect(e.message).toContain("报名费 0.01 元")
  })

  it("refuses a competition before 2022-05-01, and one that needs no filing", () => {
    const old = fail(
      openFiling({
        id: "fil_1",
        competition: competition({ startsOn: "2022-04-01", endsOn: "2022-04-02" }),
        submittedOn: "2022-03-01"
      })
    )
    expect(old._tag === "CompetitionRefused" && old.failures.map((x) => x.code)).toEqual(["NotInForce"])
    const none = fail(
      openFiling({
        id: "fil_1",
        competition: competition({ contestants: people("320102", 10) }),
        submittedOn: "2023-03-01"
      })
    )
    expect(none._tag).toBe("FilingNotRequired")
    expect(none.message).toBe(
      "竞赛 cmp_1 异地选手占比在10%之内且非跨区域办赛，无需备案（由主办单位从严把握）"
    )
  })
})

describe("54号·附件1 opinions, level by level", () => {
  it("completes (备案完成) when the last required level agrees; incentives become available", () => {
    const f0 = open()
    expect(filingIncentives(f0).outcome).toBe("lost")
    const f1 = ok(recordOpinion(f0, opinion(district, { date: "2023-03-02" })))
    expect(f1).toMatchObject({ status: "in_review", revision: 1 })
    expect(nextLevel(f1)).toBe("city")
    const f2 = ok(recordOpinion(f1, opinion(city, { date: "2023-03-03" })))
    expect(f2).toMatchObject({ status: "completed", revision: 2, closedOn: "2023-03-03" })
    expect(f2.opinions.map((o) => [o.level, o.verdict, o.actor.regionCode])).toEqual([
      ["district", "agree", "320102"],
      ["city", "agree", "320100"]
    ])
    expect(nextLevel(f2)).toBeUndefined()
    expect(completedFiling(f2)).toBe("city")
    expect(filingIncentives(f2).outcome).toBe("available")
  })

  it("records each opinion only by an actor of that level", () => {
    const e = fail(recordOpinion(open(), opinion(city, { level: "district" })))
    expect(e._tag).toBe("OpinionActorWrongLevel")
    expect(e.message).toBe(
      "区(县)人力资源社会保障局意见只能由区(县)人力资源社会保障局记录，当前操作者为设区市人力资源社会保障局"
    )
  })

  it("records each opinion only by the bureau of the host's county, city or province", () => {
    expect(regionForLevel(open(), "district")).toBe("320102")
    expect(regionForLevel(open(), "city")).toBe("320100")
    const wrongCounty = fail(recordOpinion(open(), opinion({ level: "district", regionCode: "320104" })))
    expect(wrongCounty).toMatchObject({
      _tag: "OpinionActorWrongRegion",
      level: "district",
      requiredRegion: "320102"
    })
    expect(wrongCounty.message).toBe(
      "区(县)人力资源社会保障局意见应由江苏省南京市玄武区（320102）记录，当前操作者属江苏省南京市秦淮区（320104）"
    )
    const afterDistrict = agreeAll(open(), [district])
    expect(
      fail(recordOpinion(afterDistrict, opinion({ level: "city", regionCode: "320200" })))
    ).toMatchObject({
      _tag: "OpinionActorWrongRegion",
      requiredRegion: "320100"
    })
    const provincial = agreeAll(open(cityCompetition()), [city])
    expect(fail(recordOpinion(provincial, opinion({ level: "province", regionCode: "330000" })))._tag).toBe(
      "OpinionActorWrongRegion"
    )
  })

  it("refuses opinions out of order: the city before the district", () => {
    const e = fail(recordOpinion(open(), opinion(city)))
    expect(e).toMatchObject({ _tag: "OpinionOutOfOrder", level: "city", expected: "district" })
    expect(e.message).toBe(
      "备案意见应逐级出具：现应由区(县)人力资源社会保障局出具意见，尚未轮到设区市人力资源社会保障局"
    )
  })

  it("refuses an opinion of a level the filing does not need, and a second opinion of a level", () => {
    expect(fail(recordOpinion(open(), opinion(province)))).toMatchObject({
      _tag: "OpinionLevelNotRequired",
      required: ["district", "city"]
    })
    expect(fail(recordOpinion(open(cityCompetition()), opinion(district)))._tag).toBe(
      "OpinionLevelNotRequired"
    )
    expect(fail(recordOpinion(agreeAll(open(), [district]), opinion(district)))._tag).toBe(
      "OpinionAlreadyRecorded"
    )
  })

  it("closes the filing as refused on 不同意; nothing more may be recorded and incentives stay lost", () => {
    const refused = ok(
      recordOpinion(open(), opinion(district, { verdict: "disagree", text: "不同意：赛项设置不规范" }))
    )
    expect(refused).toMatchObject({ status: "refused", closedOn: "2023-03-05" })
    const e = fail(recordOpinion(refused, opinion(city)))
    expect(e).toMatchObject({ _tag: "FilingClosed", status: "refused" })
    expect(e.message).toBe("备案 fil_1 已不予备案，不能再记录意见或会签")
    expect(completedFiling(refused)).toBeUndefined()
    expect(filingIncentives(refused).outcome).toBe("lost")
  })

  it("closes the filing as refused when a later level disagrees", () => {
    const f = ok(recordOpinion(agreeAll(open(), [district]), opinion(city, { verdict: "disagree" })))
    expect(f.status).toBe("refused")
  })

  it("refuses anything after completion", () => {
    expect(fail(recordOpinion(agreeAll(open(), [district, city]), opinion(city)))).toMatchObject({
      _tag: "FilingClosed",
      status: "completed"
    })
  })

  it("refuses an opinion dated before the previous act", () => {
    expect(fail(recordOpinion(open(), opinion(district, { date: "2023-02-28" })))).toMatchObject({
      _tag: "FilingDateBeforePrevious",
      date: "2023-02-28",
      earliest: "2023-03-01"
    })
    const f = ok(recordOpinion(open(), opinion(district, { date: "2023-03-10" })))
    expect(latestDate(f)).toBe("2023-03-10")
    expect(fail(recordOpinion(f, opinion(city, { date: "2023-03-09" })))._tag).toBe(
      "FilingDateBeforePrevious"
    )
  })
})

describe("54号·二 共同会签 for a cross-province competition", () => {
  const suzhou: FilingActor = { level: "city", regionCode: "320500" }
  const shanghai: FilingActor = { level: "province", regionCode: "310000" }

  it("waits for every co-signature after the province agrees, then completes", () => {
    const agreed = agreeAll(open(crossProvince()), [suzhou, province])
    expect(agreed.status).toBe("awaiting_co_signature")
    expect(filingIncentives(agreed).outcome).toBe("lost")
    const one = ok(coSign(agreed, { province: "310000", actor: shanghai, date: "2023-03-06" }))
    expect(one.status).toBe("awaiting_co_signature")
    // The Jiangsu province records 浙江's co-signature on its behalf.
    const both = ok(coSign(one, { province: "330000", actor: province, date: "2023-03-07" }))
    expect(both).toMatchObject({ status: "completed", closedOn: "2023-03-07", revision: 4 })
    expect(both.coSignatures).toEqual([
      { province: "310000", signed: { actor: shanghai, date: "2023-03-06" } },
      { province: "330000", signed: { actor: province, date: "2023-03-07" } }
    ])
    expect(completedFiling(both)).toBe("province")
    expect(filingIncentives(both).outcome).toBe("available")
  })

  it("completes on the province's opinion when the co-signatures came first", () => {
    let f = open(crossProvince())
    f = ok(coSign(f, { province: "310000", actor: shanghai, date: "2023-03-02" }))
    f = ok(coSign(f, { province: "330000", actor: province, date: "2023-03-02" }))
    expect(f.status).toBe("in_review")
    f = agreeAll(f, [suzhou, province])
    expect(f.status).toBe("completed")
  })

  it("refuses a co-signature the filing does not need", () => {
    expect(
      fail(coSign(open(crossProvince()), { province: "340000", actor: province, date: "2023-03-05" }))
    ).toMatchObject({
      _tag: "CoSignatureNotRequired",
      province: "340000"
    })
    expect(fail(coSign(open(), { province: "310000", actor: shanghai, date: "2023-03-05" }))._tag).toBe(
      "CoSignatureNotRequired"
    )
  })

  it("accepts a co-signature only from that province's department or the Jiangsu province", () => {
    for (const actor of [suzhou, { level: "province", regionCode: "340000" } as const, city]) {
      expect(
        fail(coSign(open(crossProvince()), { province: "310000", actor, date: "2023-03-05" }))._tag
      ).toBe("CoSignatureActorNotPermitted")
    }
  })

  it("refuses a second co-signature of a province, and any after a 不同意", () => {
    const once = ok(
      coSign(open(crossProvince()), { province: "310000", actor: shanghai, date: "2023-03-05" })
    )
    expect(fail(coSign(once, { province: "310000", actor: province, date: "2023-03-05" }))._tag).toBe(
      "CoSignatureAlreadyRecorded"
    )
    const refused = ok(recordOpinion(open(crossProvince()), opinion(suzhou, { verdict: "disagree" })))
    expect(fail(coSign(refused, { province: "310000", actor: shanghai, date: "2023-03-06" }))._tag).toBe(
      "FilingClosed"
    )
  })
})

describe("54号·二 跨区域办赛应提前报备案: a filing is made, and completed, before the competition starts", () => {
  const countyCross = (over: Record<string, unknown> = {}) =>
    competition({ contestants: people("320102", 10), participatingRegions: ["320102", "320104"], ...over })
  const submit = (c: ReturnType<typeof competition>, submittedOn: string) =>
    openFiling({ id: "fil_1", competition: c, submittedOn })

  it("records the competition's first day on the filing", () => {
    const f = open()
    expect(f.competitionStartsOn).toBe("2023-06-01")
    expect(Schema.is(FilingSchema)(f)).toBe(true)
  })

  it.each([
    ["2023-05-31", true],
    ["2023-06-01", false],
    ["2023-06-02", false]
  ] as const)(
    "a cross-region filing submitted on %s (start 2023-06-01) is accepted: %s",
    (submittedOn, accepted) => {
      const r = submit(countyCross(), submittedOn)
      expect(Either.isRight(r)).toBe(accepted)
      if (accepted) return
      const e = fail(r)
      expect(e).toMatchObject({
        _tag: "CrossRegionFilingLate",
        field: "submittedOn",
        competitionId: "cmp_1",
        startsOn: "2023-06-01",
        submittedOn
      })
      expect(e.message).toBe(
        `竞赛 cmp_1 为跨区域办赛，应在竞赛开始（2023-06-01）前提前报上一级人力资源社会保障部门备案；提交日期 ${submittedOn} 不早于开始日期，不予备案`
      )
    }
  )

  it("refuses a late cross-province (co-signed) filing too, but accepts a late share-only filing", () => {
    expect(fail(submit(crossProvince(), "2023-06-01"))._tag).toBe("CrossRegionFilingLate")
    const shareOnly = ok(submit(competition(), "2023-06-01"))
    expect(shareOnly.route).toBe("none")
  })

  it("keeps the incentives only for a filing completed before the first day", () => {
    const inTime = ok(recordOpinion(agreeAll(open(), [district]), opinion(city, { date: "2023-05-31" })))
    expect(completedFiling(inTime)).toBe("city")
    expect(filingIncentives(inTime)).toMatchObject({ outcome: "available", failures: [], provisional: [] })

    const late = ok(recordOpinion(agreeAll(open(), [district]), opinion(city, { date: "2023-06-01" })))
    expect(late).toMatchObject({ status: "completed", closedOn: "2023-06-01" })
    expect(completedFiling(late)).toBeUndefined()
    const d = filingIncentives(late)
    expect(d.outcome).toBe("lost")
    expect(d.rule).toBe("competition.incentives")
    expect(d.citations).toEqual(["54号·二"])
    expect(d.failures).toEqual([
      {
        code: "FilingCompletedLate",
        rule: "competition.incentives",
        field: "filing.closedOn",
        message:
          "该竞赛的备案（报设区市人力资源社会保障局）于 2023-06-01 完成，不早于竞赛开始日期 2023-06-01；备案应在竞赛开始前完成，未按时备案的，不得享受竞赛支持激励政策",
        seen: "2023-06-01",
        required: "早于 2023-06-01",
        citation: "54号·二"
      }
    ])
    expect(d.provisional.map((p) => [p.rule, p.citation])).toEqual([
      ["competition.incentives", "domain.md §2"]
    ])
    expect(d.provisional[0]?.reason).toContain("应提前报上一级人力资源社会保障部门备案")
  })

  it("loses the incentives of a co-signed filing whose last co-signature came on the first day", () => {
    const suzhou: FilingActor = { level: "city", regionCode: "320500" }
    let f = agreeAll(open(crossProvince()), [suzhou, province])
    f = ok(
      coSign(f, {
        province: "310000",
        actor: { level: "province", regionCode: "310000" },
        date: "2023-05-20"
      })
    )
    f = ok(coSign(f, { province: "330000", actor: province, date: "2023-06-01" }))
    expect(f.status).toBe("completed")
    expect(filingIncentives(f).failures.map((x) => x.code)).toEqual(["FilingCompletedLate"])
  })
})
