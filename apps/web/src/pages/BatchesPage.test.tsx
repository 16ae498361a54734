import { screen, within } from "@solidjs/testing-library"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import * as api from "../api"
import { BATCH, PLAN, page } from "../test/fixtures"
import { renderAt } from "../test/renderAt"

vi.mock("../api", async () => (await import("../test/mockApi")).mockApi())

describe("BatchesPage (评价批次公布, 附件2)", () => {
  it("shows each batch's institution, occupation, level name, time, contact and region", async () => {
    vi.mocked(api.getBatches).mockResolvedValue(page([BATCH], 21, 20))
    renderAt("/batches?level=4&offset=20")
    const row = within(await screen.findByRole("table")).getByRole("row", { name: /江苏弘毅/ })
    for (const text of [
      "收银员",
      "4-01-02-04",
      "四级/中级工",
      "2025-08-26 至 2025-08-27",
      "严建国",
      "江苏省宿迁市泗洪县"
    ])
      expect(row.textContent).toContain(text)
    expect(within(row).getByRole("link", { name: "0527-70543933" }).getAttribute("href")).toBe(
      "tel:0527-70543933"
    )
    expect(screen.getByRole("link", { name: "上一页" }).getAttribute("href")).toBe("/batches?level=4")
    expect(screen.getByText("第 2 页，共 2 页")).toBeTruthy()
  })

  it("refuses an end date before the start date", async () => {
    vi.mocked(api.getBatches).mockResolvedValue(page([BATCH]))
    const user = userEvent.setup()
    const { history } = renderAt("/batches")
    await screen.findByRole("table")
    await user.type(screen.getByLabelText(/评价时间自/), "2025-09-01")
    await user.type(screen.getByLabelText(/评价时间至/), "2025-08-01")
    await user.click(screen.getByRole("button", { name: "筛选" }))
    expect(screen.getByText("结束日期 2025-08-01 早于开始日期 2025-09-01")).toBeTruthy()
    expect(history.get()).toBe("/batches")
  })
})

describe("PlansPage (竞赛计划公布, 附件3)", () => {
  it("shows each plan's host, event, time, conditions and registration phone", async () => {
    vi.mocked(api.getPlans).mockResolvedValue(page([PLAN]))
    renderAt("/competition-plans?regionCode=320000")
    const row = within(await screen.findByRole("table")).getByRole("row", { name: /美发师赛项/ })
    for (const text of [
      "江苏省总工会",
      "美发师",
      "2026-11-26",
      "参加我省基本养老保险一年以上",
      "江苏省",
      "2026-09-26"
    ])
      expect(row.textContent).toContain(text)
    expect(within(row).getByRole("link", { name: "025-62453000" })).toBeTruthy()
    expect(vi.mocked(api.getPlans)).toHaveBeenCalledWith({ regionCode: "320000" })
  })

  it("shows the API's problem when the list cannot be read", async () => {
    vi.mocked(api.getPlans).mockResolvedValue({
      ok: false,
      status: 400,
      problem: {
        code: "InvalidRequest",
        title: "请求参数有误",
        detail: "行政区划代码无效",
        field: "regionCode"
      }
    })
    renderAt("/competition-plans?regionCode=999999")
    expect(await screen.findByText("行政区划代码无效")).toBeTruthy()
  })
})
