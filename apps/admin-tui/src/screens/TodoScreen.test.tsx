import { afterEach, describe, expect, it } from "vitest"
import {
  fakeClient,
  filingFixture,
  institutionFixture,
  meOf,
  ok,
  refused,
  TODAY,
  viewOf
} from "../../test/FakeClient.js"
import { KEY, press, waitFor } from "../../test/Keys.js"
import { renderScreen } from "../../test/RenderScreen.js"
import { loadTodo, TodoScreen } from "./TodoScreen.js"

let current: ReturnType<typeof renderScreen> | undefined
afterEach(() => current?.app.unmount())

describe("TodoScreen", () => {
  it("lists a city's reports and the authorisations ending within 30 days", async () => {
    current = renderScreen(TodoScreen, "city")
    const { app, fake } = current
    await waitFor(
      app,
      "举报·待核实",
      "玄武区 证书核发",
      "授权到期",
      "江苏匠心职业技能评价中心：6-18-02-04 授权",
      "2025-03-31"
    )
    // The filing awaits the province's opinion, not the city's: the API lists none for the city.
    expect(fake.argsOf("awaitingFilings")).toHaveLength(1)
    expect(app.lastFrame()).not.toContain("备案·")
    // A city bureau records no assessments (Permissions.ts): no schedule is asked for.
    expect(fake.argsOf("assessmentSchedule")).toHaveLength(0)
    expect(fake.argsOf("institutions")[0]?.[0]).toMatchObject({ regionCode: "320100", status: "admitted" })
  })

  it("opens the chosen item on its screen", async () => {
    current = renderScreen(TodoScreen, "city")
    const { app, visited } = current
    await waitFor(app, "举报·待核实")
    await press(app, KEY.enter)
    expect(visited).toEqual([{ screen: "reports", reportId: "rep-1" }])
  })

  it("lists the filings awaiting this bureau's opinion first, and opens one in 竞赛备案", async () => {
    current = renderScreen(TodoScreen, "province")
    const { app, visited } = current
    await waitFor(app, "› 备案·待出具意见", "南京市 南京市焊工职业技能竞赛", "2025-06-01", "评估·逾期")
    await press(app, KEY.enter)
    expect(visited).toEqual([{ screen: "filings", filingId: "fil-1" }])
  })

  it("names a filing awaiting co-signature as such, and asks nothing of a role that gives no opinion", async () => {
    const awaiting = { ...viewOf(filingFixture(true)) }
    const cosigning = {
      ...awaiting,
      filing: { ...awaiting.filing, id: "fil-x", status: "awaiting_co_signature" as const },
      nextLevel: null
    }
    const { client } = fakeClient("province", { awaitingFilings: async () => ok({ items: [cosigning] }) })
    const answer = await loadTodo(client, meOf("province"), TODAY, new AbortController().signal)
    expect(answer.ok ? answer.value.items[0] : undefined).toMatchObject({
      kind: "备案·待会签",
      route: { screen: "filings", filingId: "fil-x" }
    })
    const centre = fakeClient("provincial_appraisal_centre")
    await loadTodo(centre.client, meOf("provincial_appraisal_centre"), TODAY, new AbortController().signal)
    expect(centre.argsOf("awaitingFilings")).toHaveLength(0)
  })

  it("shows the API's refusal of the awaiting list with its zh-CN detail and code", async () => {
    current = renderScreen(TodoScreen, "city", {
      client: {
        awaitingFilings: async () => refused(403, "NotAuthorised", "本单位无权查看待办备案")
      }
    })
    await waitFor(current.app, "错误：本单位无权查看待办备案（NotAuthorised）")
  })

  it("lists the province's overdue assessments and leaves out authorisations ending later", async () => {
    const far = institutionFixture({
      id: "inst-far",
      name: "远期授权机构",
      authorisations: [{ ...institutionFixture().authorisations[0], validUntil: "2025-04-10" } as never]
    })
    const { client } = fakeClient("province", {
      institutions: async () => ok({ items: [institutionFixture(), far], total: 2, limit: 100, offset: 0 })
    })
    const controller = new AbortController()
    const answer = await loadTodo(client, meOf("province"), TODAY, controller.signal)
    expect(answer.ok).toBe(true)
    if (!answer.ok) return
    const kinds = answer.value.items.map((i) => `${i.kind} ${i.text}`)
    expect(kinds).toContain("评估·逾期 江苏匠心职业技能评价中心：有逾期未评估的半年")
    expect(kinds).toContain("授权到期 江苏匠心职业技能评价中心：6-18-02-04 授权")
    // 2025-04-10 is 31 days after 2025-03-10: not within 30 days.
    expect(kinds.filter((k) => k.startsWith("授权到期 远期"))).toEqual([])
  })
})
