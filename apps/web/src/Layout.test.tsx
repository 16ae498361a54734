import { screen, within } from "@solidjs/testing-library"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import * as api from "./api"
import { renderAt } from "./test/renderAt"

vi.mock("./api", async () => (await import("./test/mockApi")).mockApi())

describe("Layout", () => {
  it("starts with a skip link that moves the focus to the main content", async () => {
    const user = userEvent.setup()
    renderAt("/")
    await screen.findByRole("heading", { level: 1, name: "证书查询" })
    await user.tab()
    const skip = screen.getByRole("link", { name: "跳到主要内容" })
    expect(document.activeElement).toBe(skip)
    await user.keyboard("{Enter}")
    expect(document.activeElement).toBe(screen.getByRole("main"))
  })

  it("marks the current page in the main navigation and titles the document", async () => {
    vi.mocked(api.getBatches).mockResolvedValue({
      ok: true,
      value: { items: [], total: 0, limit: 20, offset: 0 }
    })
    renderAt("/batches")
    await screen.findByRole("heading", { level: 1, name: "评价批次公布" })
    const nav = screen.getByRole("navigation", { name: "主导航" })
    expect(within(nav).getByRole("link", { name: "评价批次公布" }).getAttribute("aria-current")).toBe("page")
    expect(within(nav).getByRole("link", { name: "证书查询" }).getAttribute("aria-current")).toBeNull()
    expect(document.title).toBe("评价批次公布 - 江苏技能人才评价信息服务")
  })

  it("moves the focus to the new page's heading after a navigation", async () => {
    vi.mocked(api.getPlans).mockResolvedValue({
      ok: true,
      value: { items: [], total: 0, limit: 20, offset: 0 }
    })
    const user = userEvent.setup()
    renderAt("/")
    await screen.findByRole("heading", { level: 1, name: "证书查询" })
    await user.click(screen.getByRole("link", { name: "竞赛计划公布" }))
    const heading = await screen.findByRole("heading", { level: 1, name: "竞赛计划公布" })
    expect(document.activeElement).toBe(heading)
  })

  it("answers an unknown address with a page that leads back", async () => {
    renderAt("/no/such/page")
    expect(await screen.findByRole("heading", { level: 1, name: "页面不存在" })).toBeTruthy()
    expect(screen.getByRole("link", { name: "返回证书查询" }).getAttribute("href")).toBe("/")
  })
})
