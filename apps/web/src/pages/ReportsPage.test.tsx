import { screen, within } from "@solidjs/testing-library"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import * as api from "../api"
import { renderAt } from "../test/renderAt"

vi.mock("../api", async () => (await import("../test/mockApi")).mockApi())

const PROVINCE = {
  regionCode: "320000",
  phone: "025-83271773",
  provenance: { source: "54号·五", note: "原文", confirmed: true, recordedOn: "2022-04-08" }
}

const HOTLINES = {
  ok: true,
  value: {
    province: { regionCode: "320000", regionName: "江苏省", published: true, hotlines: [PROVINCE] },
    cities: [
      {
        regionCode: "320100",
        regionName: "南京市",
        published: false,
        hotlines: [PROVINCE],
        notice:
          "南京市人力资源社会保障局的职业证书发放监督举报电话未登记；公众暂按省厅举报电话 025-83271773 举报"
      }
    ],
    districts: []
  }
} as const

const withHotlines = () => vi.mocked(api.getHotlines).mockResolvedValue(HOTLINES as never)

describe("ReportsPage (监督举报)", () => {
  it("publishes the province's hotline and each city's, saying when a city has none of its own", async () => {
    withHotlines()
    renderAt("/reports")
    const table = await screen.findByRole("table", { name: /各设区市/ })
    const row = within(table).getByRole("row", { name: /南京市/ })
    expect(within(row).getByRole("link", { name: "025-83271773" }).getAttribute("href")).toBe(
      "tel:025-83271773"
    )
    expect(row.textContent).toContain("未登记；公众暂按省厅举报电话")
  })

  it("requires the region, the subject and the details before sending", async () => {
    withHotlines()
    const user = userEvent.setup()
    renderAt("/reports")
    await user.click(await screen.findByRole("button", { name: "提交举报" }))
    expect(api.submitReport).not.toHaveBeenCalled()
    expect(screen.getByText("请选择举报事项所在地区")).toBeTruthy()
    expect(screen.getByText("请填写举报事项")).toBeTruthy()
    expect(screen.getByText("请填写举报内容")).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: /举报事项所在地区/ }))
  })

  it("files a report (anonymous, numbers split) and shows the tracking code", async () => {
    withHotlines()
    vi.mocked(api.submitReport).mockResolvedValue({
      ok: true,
      value: {
        trackingCode: "JB23456789AB",
        displayCode: "JB-23456-789AB",
        receivedOn: "2026-11-26",
        notice: "举报已受理。请妥善保存查询码。"
      }
    })
    const user = userEvent.setup()
    renderAt("/reports")
    await user.selectOptions(await screen.findByRole("combobox", { name: /举报事项所在地区/ }), "320102")
    await user.type(screen.getByRole("textbox", { name: /^举报事项/ }), "证书核发")
    await user.type(screen.getByRole("textbox", { name: /举报内容/ }), " 未组织考试即发放证书 ")
    await user.type(
      screen.getByRole("textbox", { name: /涉及证书编号/ }),
      "s000032000001235000001，Y000032000003253000001"
    )
    await user.click(screen.getByRole("button", { name: "提交举报" }))
    expect(api.submitReport).toHaveBeenCalledWith({
      regionCode: "320102",
      subject: "证书核发",
      details: "未组织考试即发放证书",
      certificateNumbers: ["S000032000001235000001", "Y000032000003253000001"]
    })
    const receipt = await screen.findByRole("heading", { name: "举报已受理" })
    expect(document.activeElement).toBe(receipt)
    expect(screen.getByText("JB-23456-789AB")).toBeTruthy()
  })

  it("checks a tracking code's form before asking, then shows the state and outcome", async () => {
    withHotlines()
    vi.mocked(api.getReportStatus).mockResolvedValue({
      ok: true,
      value: {
        trackingCode: "JB23456789AB",
        state: "resolved",
        stateName: "已办结",
        outcome: "substantiated",
        outcomeName: "属实并处理",
        receivedOn: "2026-11-01",
        updatedOn: "2026-11-20"
      }
    })
    const user = userEvent.setup()
    renderAt("/reports")
    const code = await screen.findByRole("textbox", { name: /查询码/ })
    await user.type(code, "JB-1234")
    await user.click(screen.getByRole("button", { name: "查询进度" }))
    expect(api.getReportStatus).not.toHaveBeenCalled()
    expect(code.getAttribute("aria-invalid")).toBe("true")
    await user.clear(code)
    await user.type(code, "jb-23456-789ab")
    await user.click(screen.getByRole("button", { name: "查询进度" }))
    expect(api.getReportStatus).toHaveBeenCalledWith("JB23456789AB")
    expect(await screen.findByText("属实并处理")).toBeTruthy()
    expect(screen.getByText("办理状态：已办结")).toBeTruthy()
  })
})
