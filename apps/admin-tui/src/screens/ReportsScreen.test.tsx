import type { ReportAssignment, ReportResolution } from "@jineng/domain/quality/ReportLifecycle"
import { afterEach, describe, expect, it } from "vitest"
import { ok, refused, reportFixture } from "../../test/FakeClient.js"
import { KEY, press, type, waitFor } from "../../test/Keys.js"
import { renderScreen } from "../../test/RenderScreen.js"
import { ReportsScreen } from "./ReportsScreen.js"

let current: ReturnType<typeof renderScreen> | undefined
afterEach(() => current?.app.unmount())

describe("ReportsScreen", () => {
  it("lists the region's reports and filters by status with Tab", async () => {
    current = renderScreen(ReportsScreen, "city")
    const { app, fake } = current
    await waitFor(app, "状态：全部", "2025-03-01", "玄武区", "证书核发", "举报电话", "已受理待核实")
    await press(app, KEY.tab)
    await waitFor(app, "状态：已受理待核实")
    expect(fake.argsOf("reports").map((a) => (a[0] as { status?: string }).status)).toEqual([
      undefined,
      "received"
    ])
  })

  it("assigns a handler on the revision shown, and shows the new state", async () => {
    current = renderScreen(ReportsScreen, "district")
    const { app, fake } = current
    await waitFor(app, "证书核发")
    await press(app, KEY.enter)
    await waitFor(
      app,
      "举报详情",
      "查询码 JB7Q2K9M",
      "版本 1",
      "内容：某评价机构未组织考试即发放证书",
      "a 指派"
    )
    await press(app, "a")
    await waitFor(app, "指派核实人员", "核实人员编号")
    await type(app, "xw-07")
    await press(app, KEY.tab)
    await type(app, "张三")
    await press(app, KEY.tab, KEY.tab, KEY.enter)
    await waitFor(app, "已指派（版本 2）", "核实中（张三）")
    const [reportId, body] = fake.argsOf("assignReport")[0] ?? []
    expect(reportId).toBe("rep-1")
    expect(body as ReportAssignment).toEqual({
      expectedRevision: 1,
      handler: { id: "xw-07", name: "张三" },
      note: ""
    })
  })

  it("shows 409 ReportChanged when someone else handled the report first", async () => {
    const verifying = reportFixture({
      state: { _tag: "verifying", handler: { id: "h1", name: "张三" } },
      revision: 2
    })
    current = renderScreen(ReportsScreen, "city", {
      route: { screen: "reports", reportId: "rep-1" },
      client: {
        report: async () => ok(verifying),
        verifyReport: async () =>
          refused(
            409,
            "ReportChanged",
            "举报 rep-1 已被他人办理（当前版本 3，提交所依据的版本 2），请刷新后重试"
          )
      }
    })
    const { app, fake } = current
    await waitFor(app, "举报详情", "核实中（张三）", "v 记录核实")
    await press(app, "v")
    await type(app, "已调取考务档案")
    await press(app, KEY.enter, KEY.enter)
    await waitFor(app, "（ReportChanged）", "请刷新后重试")
    expect(fake.argsOf("verifyReport")[0]?.[1]).toEqual({ expectedRevision: 2, note: "已调取考务档案" })
  })

  it("offers only 不予受理 when resolving a report that was never verified", async () => {
    current = renderScreen(ReportsScreen, "city")
    const { app, fake } = current
    await waitFor(app, "证书核发")
    await press(app, KEY.enter)
    await press(app, "d")
    const frame = await waitFor(app, "办结结论", "[不予受理]")
    expect(frame).not.toContain("属实并处理")
    await press(app, KEY.tab)
    await type(app, "举报事项不属本部门管辖")
    await press(app, KEY.enter, KEY.enter)
    await waitFor(app, "已办结", "已办结：不予受理")
    expect((fake.argsOf("resolveReport")[0]?.[1] as ReportResolution | undefined)?.outcome).toBe(
      "not_accepted"
    )
  })
})
