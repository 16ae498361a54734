import type { FilingOpinionRequest } from "@jineng/domain/competition/CompetitionRequests"
import { openFiling } from "@jineng/domain/competition/Filing"
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
  await waitFor(app, "办赛计划（附件3）")
  await press(app, "f")
  await waitFor(app, "打开备案")
  await type(app, id)
  await press(app, KEY.enter, KEY.enter)
  await waitFor(app, "备案详情（附件1）")
}

describe("FilingsScreen", () => {
  it("lists the published competition plans of the bureau's region and opens one", async () => {
    current = renderScreen(FilingsScreen, "city")
    const { app, fake } = current
    await waitFor(app, "2025-06-01", "焊工", "南京市总工会", "comp-nj-1")
    expect(fake.argsOf("competitionPlans")[0]?.[0]).toMatchObject({ regionCode: "320100", offset: 0 })
    await press(app, KEY.enter)
    await waitFor(app, "赛项名称：焊工", "报名电话：025-83271773", "竞赛编号：comp-nj-1")
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
    const crossProvince = Either.getOrThrow(
      openFiling({
        id: "fil-x",
        submittedOn: "2025-03-01",
        competition: {
          ...COMPETITION,
          id: "comp-x",
          class: "provincial",
          regionCode: "320000",
          host: { ...COMPETITION.host, regionCode: "320102" },
          participatingRegions: ["320000", "330000"],
          contestants: [
            ...COMPETITION.contestants.slice(0, 10),
            ...Array.from({ length: 3 }, (_, i) => ({ id: `z${i}`, regionCode: "330106" }))
          ]
        }
      })
    )
    current = renderScreen(FilingsScreen, "province", {
      client: {
        filing: async () => ok(viewOf(crossProvince)),
        coSign: async () => ok(viewOf(crossProvince), 201)
      }
    })
    const { app, fake } = current
    await openById(app, "fil-x")
    await waitFor(app, "会签：浙江省未会签", "c 会签")
    await press(app, "c")
    await waitFor(app, "跨省会签", "[浙江省]")
    await press(app, KEY.enter, KEY.enter)
    await waitFor(app, "已记录浙江省会签")
    expect(fake.argsOf("coSign")[0]).toEqual(["fil-x", { province: "330000" }, expect.anything()])
  })

  it("opens the filing named by the route (from 待办)", async () => {
    current = renderScreen(FilingsScreen, "city", {
      route: { screen: "filings", filingId: "fil-1" },
      client: { filing: async () => ok(viewOf(filingFixture(false))) }
    })
    const { app } = current
    await waitFor(app, "备案详情（附件1）", "待出具意见：设区市人社局（本级）", "o 填写意见")
  })
})
