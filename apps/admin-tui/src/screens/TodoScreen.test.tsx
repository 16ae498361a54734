import { afterEach, describe, expect, it } from "vitest"
import { fakeClient, filingFixture, meOf, ok, refused, TODAY, viewOf } from "../../test/FakeClient.js"
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
      "江苏匠心职业技能评价中心：授权还剩 21 天",
      "2025-03-31"
    )
    // The filing awaits the province's opinion, not the city's: the API lists none for the city.
    expect(fake.argsOf("awaitingFilings")).toHaveLength(1)
    expect(app.lastFrame()).not.toContain("备案·")
    // A city bureau records no assessments (Permissions.ts): none is asked for, and nothing per institution.
    expect(fake.argsOf("assessmentsDue")).toHaveLength(0)
    expect(fake.argsOf("assessmentSchedule")).toHaveLength(0)
    expect(fake.argsOf("institutions")).toHaveLength(0)
    // One call for the expiring authorisations of the key's own region, within 30 days.
    expect(fake.argsOf("expiringAuthorisations").map((a) => a[0])).toEqual([{ withinDays: 30 }])
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

  it("lists the province's due and overdue assessments and expiring authorisations, one call each", async () => {
    const due = (institutionId: string, name: string, outcome: "due" | "overdue") => ({
      institutionId,
      name,
      regionCode: "320505",
      outcome,
      due: outcome === "due" ? "2025-H1" : null,
      overdue: outcome === "overdue" ? ["2024-H1", "2024-H2"] : []
    })
    // 150 institutions due: more than the one catalogue page (100) the terminal used to look at.
    const many = Array.from({ length: 150 }, (_, i) => due(`inst-${i}`, `机构${i}`, "due"))
    const fake = fakeClient("province", {
      assessmentsDue: async (query) =>
        ok({ date: query.date ?? TODAY, items: [due("inst-late", "逾期机构", "overdue"), ...many] }),
      expiringAuthorisations: async () =>
        ok({
          date: TODAY,
          items: [
            {
              institutionId: "inst-2",
              name: "苏州评价机构",
              regionCode: "320505",
              authorisationId: "auth-2",
              validUntil: "2025-03-12",
              daysLeft: 2
            }
          ]
        })
    })
    const answer = await loadTodo(fake.client, meOf("province"), TODAY, new AbortController().signal)
    expect(answer.ok).toBe(true)
    if (!answer.ok) return
    const rows = answer.value.items.map((i) => `${i.kind} ${i.text} ${i.date}`)
    expect(rows).toContain("评估·逾期 逾期机构：有逾期未评估的半年 2024-H1")
    expect(rows).toContain("评估·待评估 机构149：本半年待评估 2025-H1")
    expect(rows.filter((r) => r.startsWith("评估·"))).toHaveLength(151)
    expect(rows).toContain("授权到期 苏州评价机构：授权还剩 2 天 2025-03-12")
    expect(answer.value.items.find((i) => i.text.startsWith("逾期机构"))?.route).toEqual({
      screen: "assessments",
      institutionId: "inst-late"
    })
    expect(answer.value.items.find((i) => i.kind === "授权到期")?.route).toEqual({
      screen: "institutions",
      institutionId: "inst-2"
    })
    expect(answer.value.notes.some((n) => n.includes("机构"))).toBe(false)
    expect(fake.argsOf("assessmentsDue").map((a) => a[0])).toEqual([{ date: TODAY }])
    expect(fake.argsOf("expiringAuthorisations").map((a) => a[0])).toEqual([{ withinDays: 30 }])
    expect(fake.argsOf("assessmentSchedule")).toHaveLength(0)
    expect(fake.argsOf("institutions")).toHaveLength(0)
  })

  it("shows the API's refusal of the due assessments with its zh-CN detail and code", async () => {
    current = renderScreen(TodoScreen, "province", {
      client: { assessmentsDue: async () => refused(403, "NotAuthorised", "本单位无权查看本辖区评估安排") }
    })
    await waitFor(current.app, "错误：本单位无权查看本辖区评估安排（NotAuthorised）")
  })
})
