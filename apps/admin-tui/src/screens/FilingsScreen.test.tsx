import type { FilingOpinionRequest } from "@jineng/domain/competition/CompetitionRequests"
import { completedFiling, openFiling } from "@jineng/domain/competition/Filing"
import { reviewCompetition } from "@jineng/domain/competition/ReviewCompetition"
import { Either } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { COMPETITION, filingFixture, ok, refused, viewOf } from "../../test/FakeClient.js"
import { KEY, press, type, waitFor } from "../../test/Keys.js"
import { renderScreen } from "../../test/RenderScreen.js"
import { FilingsScreen } from "./FilingsScreen.js"

let current: ReturnType<typeof renderScreen> | undefined
afterEach(() => current?.app.unmount())

type App = ReturnType<typeof renderScreen>["app"]

const openById = async (app: App, id = "fil-1") => {
  await waitFor(app, "竞赛列表")
  await press(app, "f")
  await waitFor(app, "打开备案")
  await type(app, id)
  await press(app, KEY.enter, KEY.enter)
  await waitFor(app, "备案详情（附件1）")
}

/** Opens the first competition of the list. */
const openCompetition = async (app: App) => {
  await waitFor(app, "comp-nj-1")
  await press(app, KEY.enter)
}

describe("FilingsScreen", () => {
  it("lists the competitions of the bureau's region with the filing each requires, and filters them", async () => {
    current = renderScreen(FilingsScreen, "city")
    const { app, fake } = current
    await waitFor(app, "2025-06-01", "南京市焊工职业技能竞赛", "市级一类", "54.5%", "省人社厅", "comp-nj-1")
    expect(fake.argsOf("competitions")[0]?.[0]).toMatchObject({ regionCode: "320100", offset: 0 })
    await press(app, "/")
    await waitFor(app, "› 地区代码", "[全部]")
    await press(app, KEY.tab, KEY.right, KEY.right)
    await waitFor(app, "[市级一类]")
    await press(app, KEY.tab)
    await type(app, "6-18-02-04")
    await press(app, KEY.enter, KEY.enter, KEY.enter, KEY.enter)
    await waitFor(app, "筛选：地区 320100  类别 市级一类  职业 6-18-02-04")
    expect(fake.argsOf("competitions")[1]?.[0]).toMatchObject({
      regionCode: "320100",
      class: "city_class_1",
      occupationCode: "6-18-02-04",
      offset: 0
    })
  })

  it("opens a competition: the out-of-region counts and share, the route, the required level with citations, its filings", async () => {
    current = renderScreen(FilingsScreen, "province")
    const { app, fake } = current
    await openCompetition(app)
    await waitFor(
      app,
      "竞赛详情（54号·二）",
      "竞赛 comp-nj-1：南京市焊工职业技能竞赛",
      "类别：市级一类（职工组）  地区：江苏省南京市  举办：2025-06-01 至 2025-06-02",
      "赛项：焊工：焊工·电焊工（6-18-02-04）",
      "外地选手 12/22 人（54.5%）→ 报省人力资源社会保障厅备案（54号·二）",
      "跨区域办赛：非跨区域办赛（54号·二）",
      "应备案层级：报省人力资源社会保障厅备案（54号·二）",
      "判定：应备案而未完成备案：该竞赛应报省人力资源社会保障厅备案而未备案，不得享受竞赛支持激励政策（54号·二）",
      "fil-1",
      "逐级审核中"
    )
    expect(fake.argsOf("competition")[0]?.[0]).toBe("comp-nj-1")
  })

  it("shows a competition at the 50% boundary filed with the city, with the provisional reading it rests on", async () => {
    const half = {
      ...COMPETITION,
      id: "comp-half",
      // 11 of 22 from 苏州: exactly 50%, which is not "超过50%" (domain.md §2).
      contestants: [
        ...COMPETITION.contestants.slice(0, 10),
        { id: "a10", regionCode: "320102" },
        ...COMPETITION.contestants.slice(10, 21)
      ]
    }
    current = renderScreen(FilingsScreen, "city", {
      client: {
        competition: async () => ok({ competition: half, review: reviewCompetition(half), filings: [] })
      }
    })
    const { app } = current
    await openCompetition(app)
    await waitFor(
      app,
      "外地选手 11/22 人（50.0%）→ 报设区市人力资源社会保障局备案（54号·二）",
      "应备案层级：报设区市人力资源社会保障局备案（54号·二）",
      "待确认的解释：异地选手占比恰为50%",
      "尚未提交备案"
    )
  })

  it("records the opinion on a filing chosen in its competition, then shows the competition's review updated", async () => {
    current = renderScreen(FilingsScreen, "province")
    const { app, fake } = current
    await openCompetition(app)
    await waitFor(app, "竞赛详情（54号·二）", "› fil-1")
    await press(app, KEY.enter)
    await waitFor(app, "备案详情（附件1）", "待出具意见：省人社厅（本级）", "o 填写意见")
    // The filing shown is the competition's own view of it: no second read.
    expect(fake.argsOf("filing")).toHaveLength(0)
    await press(app, "o")
    await press(app, KEY.tab)
    await type(app, "同意备案")
    await press(app, KEY.enter, KEY.enter)
    await waitFor(app, "已记录省人社厅意见：同意", "状态：备案完成")
    await press(app, KEY.escape)
    await waitFor(app, "竞赛详情（54号·二）", "备案完成", "判定：符合规定，可享受竞赛支持激励政策")
    expect(fake.argsOf("competition")).toHaveLength(2)
    await press(app, KEY.escape)
    await waitFor(app, "竞赛列表", "comp-nj-1")
  })

  it("shows the 附件1 fields and the out-of-region computation with its citation", async () => {
    current = renderScreen(FilingsScreen, "province")
    const { app, fake } = current
    await openById(app)
    expect(fake.argsOf("filing")[0]?.[0]).toBe("fil-1")
    await waitFor(
      app,
      "主办单位：南京市总工会",
      "竞赛名称：南京市焊工职业技能竞赛",
      "申报类型：市级一类赛",
      "赛项设置：焊工：焊工·电焊工（6-18-02-04）",
      "外地选手 12/22 人（54.5%）→ 报省人力资源社会保障厅备案（54号·二）",
      "意见层级：设区市人社局 → 省人社厅",
      "设区市人社局  同意  2025-03-05  同意报省厅备案",
      "省人社厅  （待填写）",
      "待出具意见：省人社厅（本级）"
    )
  })

  it("records this level's opinion when it is due", async () => {
    current = renderScreen(FilingsScreen, "province")
    const { app, fake } = current
    await openById(app)
    await waitFor(app, "o 填写意见")
    await press(app, "o")
    await waitFor(app, "省人社厅意见", "[同意]")
    await press(app, KEY.tab)
    await type(app, "同意备案")
    await press(app, KEY.enter, KEY.enter)
    await waitFor(app, "已记录省人社厅意见：同意", "状态：备案完成", "省人社厅  同意  2025-03-10  同意备案")
    const [filingId, body] = fake.argsOf("recordOpinion")[0] ?? []
    expect(filingId).toBe("fil-1")
    expect(body as FilingOpinionRequest).toEqual({ level: "province", verdict: "agree", text: "同意备案" })
  })

  it("records 不同意 chosen with the arrows, and refuses an opinion without text", async () => {
    current = renderScreen(FilingsScreen, "province")
    const { app, fake } = current
    await openById(app)
    await press(app, "o")
    await waitFor(app, "[同意]")
    await press(app, KEY.right)
    await waitFor(app, "[不同意]")
    await press(app, KEY.enter, KEY.enter, KEY.enter)
    await waitFor(app, "✗ 请填写意见内容")
    expect(fake.argsOf("recordOpinion")).toHaveLength(0)
    await waitFor(app, "› 意见内容")
    await type(app, "外地选手占比过高")
    await press(app, KEY.enter, KEY.enter)
    await waitFor(app, "状态：不予备案")
    expect((fake.argsOf("recordOpinion")[0]?.[1] as FilingOpinionRequest | undefined)?.verdict).toBe(
      "disagree"
    )
  })

  it("offers no opinion to a level whose turn it is not", async () => {
    current = renderScreen(FilingsScreen, "city")
    const { app } = current
    await openById(app)
    const frame = await waitFor(app, "待出具意见：省人社厅")
    expect(frame).not.toContain("o 填写意见")
    await press(app, "o")
    await waitFor(app, "备案详情（附件1）")
    expect(app.lastFrame()).not.toContain("意见内容")
  })

  it("shows the API's refusal with its zh-CN detail and code", async () => {
    current = renderScreen(FilingsScreen, "province", {
      client: {
        recordOpinion: async () =>
          refused(409, "OpinionAlreadyRecorded", "备案 fil-1 已有省人力资源社会保障厅的意见", {
            field: "level"
          })
      }
    })
    const { app } = current
    await openById(app)
    await press(app, "o")
    await press(app, KEY.tab)
    await type(app, "同意")
    await press(app, KEY.enter, KEY.enter)
    await waitFor(
      app,
      "错误：备案 fil-1 已有省人力资源社会保障厅的意见（OpinionAlreadyRecorded，字段 level）"
    )
  })

  it("records the co-signature of a cross-province competition (54号·二 共同会签)", async () => {
    const crossCompetition = {
      ...COMPETITION,
      id: "comp-x",
      class: "provincial" as const,
      regionCode: "320000",
      host: { ...COMPETITION.host, regionCode: "320102" },
      participatingRegions: ["320000", "330000"],
      contestants: [
        ...COMPETITION.contestants.slice(0, 10),
        ...Array.from({ length: 3 }, (_, i) => ({ id: `z${i}`, regionCode: "330106" }))
      ]
    }
    const crossProvince = Either.getOrThrow(
      openFiling({ id: "fil-x", submittedOn: "2025-03-01", competition: crossCompetition })
    )
    current = renderScreen(FilingsScreen, "province", {
      client: {
        competition: async () =>
          ok({
            competition: crossCompetition,
            review: reviewCompetition(crossCompetition, completedFiling(crossProvince)),
            filings: [viewOf(crossProvince)]
          }),
        coSign: async () => ok(viewOf(crossProvince), 201)
      }
    })
    const { app, fake } = current
    await openCompetition(app)
    await waitFor(
      app,
      "跨区域办赛：省级（跨省）跨区域办赛，由相关省级人力资源社会保障部门共同会签竞赛工作文件（区外参赛地区：浙江省）（54号·二）",
      "› fil-x"
    )
    await press(app, KEY.enter)
    await waitFor(app, "会签：浙江省未会签", "c 会签")
    await press(app, "c")
    await waitFor(app, "跨省会签", "[浙江省]")
    await press(app, KEY.enter, KEY.enter)
    await waitFor(app, "已记录浙江省会签")
    expect(fake.argsOf("coSign")[0]).toEqual(["fil-x", { province: "330000" }, expect.anything()])
  })

  it("opens the filing named by the route (from 待办), and goes back to the competition list", async () => {
    current = renderScreen(FilingsScreen, "city", {
      route: { screen: "filings", filingId: "fil-1" },
      client: { filing: async () => ok(viewOf(filingFixture(false))) }
    })
    const { app, fake } = current
    await waitFor(app, "备案详情（附件1）", "待出具意见：设区市人社局（本级）", "o 填写意见")
    expect(fake.argsOf("competitions")).toHaveLength(0)
    await press(app, KEY.escape)
    await waitFor(app, "竞赛列表", "comp-nj-1")
    expect(fake.argsOf("competitions")).toHaveLength(1)
  })

  it("shows a competition the API does not know with its zh-CN detail and code, and stays on the list", async () => {
    current = renderScreen(FilingsScreen, "city", {
      client: {
        competition: async () =>
          refused(404, "CompetitionNotFound", "未找到竞赛 comp-nj-1", { field: "competitionId" })
      }
    })
    const { app } = current
    await openCompetition(app)
    await waitFor(app, "竞赛列表", "错误：未找到竞赛 comp-nj-1（CompetitionNotFound，字段 competitionId）")
  })
})
