import { afterEach, describe, expect, it } from "vitest"
import { fakeClient, institutionFixture, meOf, ok, TODAY } from "../../test/FakeClient.js"
import { KEY, press, waitFor } from "../../test/Keys.js"
import { renderScreen } from "../../test/RenderScreen.js"
import { loadTodo, TodoScreen } from "./TodoScreen.js"

let current: ReturnType<typeof renderScreen> | undefined
afterEach(() => current?.app.unmount())

describe("TodoScreen", () => {
  it("lists a city's reports and the authorisations ending within 30 days, and says how to reach filings", async () => {
    current = renderScreen(TodoScreen, "city")
    const { app, fake } = current
    await waitFor(
      app,
      "待出具意见的备案：接口未提供列表",
      "举报·待核实",
      "玄武区 证书核发",
      "授权到期",
      "江苏匠心职业技能评价中心：6-18-02-04 授权",
      "2025-03-31"
    )
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
