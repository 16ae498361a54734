import { screen, waitFor, within } from "@solidjs/testing-library"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import * as api from "../api"
import { INSTITUTION, page } from "../test/fixtures"
import { renderAt } from "../test/renderAt"

vi.mock("../api", async () => (await import("../test/mockApi")).mockApi())

const list = vi.mocked(api.getInstitutions)

describe("InstitutionsPage (评价机构目录)", () => {
  it("reads the filters from the address, shows them in the form and asks the API for them", async () => {
    list.mockResolvedValue(page([INSTITUTION], 45))
    renderAt("/institutions?kind=employer&level=3&regionCode=320600")
    const table = await screen.findByRole("table", { name: /评价机构目录/ })
    expect(list).toHaveBeenCalledWith({ kind: "employer", level: "3", regionCode: "320600" })
    expect((screen.getByRole("combobox", { name: /机构类别/ }) as HTMLSelectElement).value).toBe("employer")
    expect((screen.getByRole("combobox", { name: /认定等级/ }) as HTMLSelectElement).value).toBe("3")
    const row = within(table).getByRole("row", { name: /海门区华瑞汽车有限公司/ })
    expect(row.textContent).toContain("江苏省南通市海门区")
    expect(row.textContent).toContain("6-18-01-01（数控车工）")
    expect(row.textContent).toContain("五级/初级工、四级/中级工")
    expect(row.textContent).toContain("2022-05-01 至 2029-05-26")
    expect(screen.getByText("共 45 家评价机构，当前显示第 1–1 条。")).toBeTruthy()
    const next = screen.getByRole("link", { name: "下一页" })
    expect(next.getAttribute("href")).toBe("/institutions?regionCode=320600&kind=employer&level=3&offset=20")
    expect(screen.queryByRole("link", { name: "上一页" })).toBeNull()
  })

  it("applies the chosen filters from the first page and shows the new answer", async () => {
    list.mockImplementation(async (params) =>
      page([INSTITUTION], params.status === undefined ? 30 : 1, Number(params.offset ?? 0))
    )
    const user = userEvent.setup()
    const { history } = renderAt("/institutions?offset=20")
    await screen.findByText("共 30 家评价机构，当前显示第 21–21 条。")
    await user.selectOptions(screen.getByRole("combobox", { name: /目录状态/ }), "suspended")
    await user.type(screen.getByRole("textbox", { name: /职业编码/ }), "6-18-01-01")
    await user.click(screen.getByRole("button", { name: "筛选" }))
    await waitFor(() =>
      expect(history.get()).toBe("/institutions?status=suspended&occupationCode=6-18-01-01")
    )
    await waitFor(() =>
      expect(list).toHaveBeenLastCalledWith({ status: "suspended", occupationCode: "6-18-01-01" })
    )
    expect(await screen.findByText("共 1 家评价机构，当前显示第 1–1 条。")).toBeTruthy()
  })

  it("refuses a malformed occupation code next to the field and keeps the address", async () => {
    list.mockResolvedValue(page([INSTITUTION]))
    const user = userEvent.setup()
    const { history } = renderAt("/institutions")
    await screen.findByRole("table")
    const code = screen.getByRole("textbox", { name: /职业编码/ })
    await user.type(code, "61801")
    await user.click(screen.getByRole("button", { name: "筛选" }))
    expect(screen.getByText(/职业编码应为“大类-中类-小类-细类”格式/)).toBeTruthy()
    expect(code.getAttribute("aria-invalid")).toBe("true")
    expect(document.activeElement).toBe(code)
    expect(history.get()).toBe("/institutions")
  })

  it("says when no institution matches", async () => {
    list.mockResolvedValue(page([]))
    renderAt("/institutions?kind=third_party")
    expect(await screen.findByText("没有符合条件的记录。")).toBeTruthy()
    expect(screen.queryByRole("table")).toBeNull()
  })
})
