import { screen, within } from "@solidjs/testing-library"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import * as api from "../api"
import { found, NOT_FOUND, REVOKED, TOO_MANY, VALID } from "../test/fixtures"
import { renderAt } from "../test/renderAt"

vi.mock("../api", async () => (await import("../test/mockApi")).mockApi())

const lookup = vi.mocked(api.lookupCertificates)

const numberBox = () => screen.getByRole("textbox", { name: /证书编号/ })
const nameBox = () => screen.getByRole("textbox", { name: /持证人姓名/ })
const submit = () => screen.getByRole("button", { name: "查询" })

describe("LookupPage (证书查询)", () => {
  it("refuses a malformed certificate number in the browser, next to the field, without a request", async () => {
    const user = userEvent.setup()
    renderAt("/")
    await user.type(await screen.findByRole("textbox", { name: /证书编号/ }), "S00003200000123500000")
    await user.type(nameBox(), "向一永")
    await user.click(submit())
    expect(lookup).not.toHaveBeenCalled()
    expect(numberBox().getAttribute("aria-invalid")).toBe("true")
    const error = document.getElementById(numberBox().getAttribute("aria-describedby")?.split(" ")[1] ?? "")
    expect(error?.textContent).toContain("证书编号应为22位")
    expect(document.activeElement).toBe(numberBox())
    expect(screen.getByRole("status").textContent).toContain("请更正上面 1 处填写错误")
  })

  it("refuses an ID number whose check digit is wrong, without a request", async () => {
    const user = userEvent.setup()
    renderAt("/")
    await user.click(await screen.findByRole("radio", { name: "身份证号＋姓名" }))
    const id = screen.getByRole("textbox", { name: /居民身份证号码/ })
    await user.type(id, "110105194912310021")
    await user.type(nameBox(), "张三")
    await user.click(submit())
    expect(lookup).not.toHaveBeenCalled()
    expect(id.getAttribute("aria-invalid")).toBe("true")
    expect(screen.getByText("身份证号码校验位错误，请核对")).toBeTruthy()
  })

  it("asks for the holder's name before sending anything", async () => {
    const user = userEvent.setup()
    renderAt("/")
    await user.type(await screen.findByRole("textbox", { name: /证书编号/ }), VALID.number)
    await user.click(submit())
    expect(lookup).not.toHaveBeenCalled()
    expect(screen.getByText("请填写持证人姓名（与证书上的姓名一致）")).toBeTruthy()
    expect(document.activeElement).toBe(nameBox())
  })

  it("sends the number (spaces removed, upper-cased) with the name and shows the valid certificate's fields", async () => {
    lookup.mockResolvedValue(found(VALID))
    const user = userEvent.setup()
    renderAt("/")
    await user.type(await screen.findByRole("textbox", { name: /证书编号/ }), "s0000 3200000 1235000001")
    await user.type(nameBox(), " 向一永 ")
    await user.click(submit())
    expect(lookup).toHaveBeenCalledWith({ name: "向一永", number: VALID.number })
    const card = await screen.findByRole("article", { name: /速录师/ })
    expect(within(card).getByText("有效").className).toContain("badge--valid")
    for (const text of [
      "向一永",
      "居民身份证",
      "321012********000X",
      "五级/初级工",
      VALID.number,
      "2023-07-26"
    ])
      expect(within(card).getAllByText(text).length).toBeGreaterThan(0)
    expect(within(card).getByText("江苏匠心职业技能评价中心（江都区）")).toBeTruthy()
    expect(within(card).getByRole("link", { name: "打印证书" }).getAttribute("href")).toBe(
      `/print/${VALID.number}`
    )
    expect(screen.getByRole("status").textContent).toBe("查询到 1 本证书：有效。")
  })

  it("shows a revoked certificate with the date and reason of its revocation", async () => {
    lookup.mockResolvedValue(found(REVOKED))
    const user = userEvent.setup()
    renderAt("/")
    await user.type(await screen.findByRole("textbox", { name: /证书编号/ }), REVOKED.number)
    await user.type(nameBox(), "陆兰")
    await user.click(submit())
    const card = await screen.findByRole("article", { name: /车工/ })
    expect(within(card).getByText("已注销").className).toContain("badge--revoked")
    expect(card.textContent).toContain("此证书已于 2026-11-26 注销，注销原因：资格条件不符")
    expect(within(card).getByText("数控车工")).toBeTruthy()
  })

  it("looks up by ID number (lower-case x accepted) and lists every certificate found", async () => {
    lookup.mockResolvedValue(found(VALID, REVOKED))
    const user = userEvent.setup()
    renderAt("/")
    await user.click(await screen.findByRole("radio", { name: "身份证号＋姓名" }))
    await user.type(screen.getByRole("textbox", { name: /居民身份证号码/ }), "11010519491231002x")
    await user.type(nameBox(), "向一永")
    await user.click(submit())
    expect(lookup).toHaveBeenCalledWith({ name: "向一永", idNumber: "11010519491231002X" })
    expect(await screen.findAllByRole("article")).toHaveLength(2)
    expect(screen.getByRole("status").textContent).toBe("查询到 2 本证书：有效、已注销。")
  })

  it("replaces the answer of one lookup with the next one's", async () => {
    lookup.mockResolvedValueOnce(found(VALID)).mockResolvedValueOnce(found(REVOKED))
    const user = userEvent.setup()
    renderAt("/")
    await user.type(await screen.findByRole("textbox", { name: /证书编号/ }), VALID.number)
    await user.type(nameBox(), "向一永")
    await user.click(submit())
    await screen.findByText("查询到 1 本证书：有效。")
    await user.clear(numberBox())
    await user.type(numberBox(), REVOKED.number)
    await user.click(submit())
    expect(await screen.findByText("查询到 1 本证书：已注销。")).toBeTruthy()
    expect(screen.getAllByRole("article")).toHaveLength(1)
  })

  it("says nothing was found when the API answers 404", async () => {
    lookup.mockResolvedValue(NOT_FOUND)
    const user = userEvent.setup()
    renderAt("/")
    await user.type(await screen.findByRole("textbox", { name: /证书编号/ }), VALID.number)
    await user.type(nameBox(), "王五")
    await user.click(submit())
    expect(await screen.findByText(/未查询到与所填信息一致的证书/)).toBeTruthy()
    expect(screen.queryByRole("article")).toBeNull()
  })

  it("asks politely to wait the Retry-After seconds on 429", async () => {
    lookup.mockResolvedValue(TOO_MANY)
    const user = userEvent.setup()
    renderAt("/")
    await user.type(await screen.findByRole("textbox", { name: /证书编号/ }), VALID.number)
    await user.type(nameBox(), "向一永")
    await user.click(submit())
    expect(await screen.findByText("查询较为频繁，请在 42 秒后再试。")).toBeTruthy()
    expect(screen.getByText("请稍候再试")).toBeTruthy()
  })

  it("shows the API's refusal of a field on that field", async () => {
    lookup.mockResolvedValue({
      ok: false,
      status: 400,
      problem: {
        code: "InvalidRequest",
        title: "请求参数有误",
        detail: "持证人姓名不能超过50个字符",
        field: "name"
      }
    })
    const user = userEvent.setup()
    renderAt("/")
    await user.type(await screen.findByRole("textbox", { name: /证书编号/ }), VALID.number)
    await user.type(nameBox(), "向一永")
    await user.click(submit())
    await screen.findAllByText("持证人姓名不能超过50个字符")
    expect(nameBox().getAttribute("aria-invalid")).toBe("true")
  })
})
