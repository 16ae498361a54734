import { screen } from "@solidjs/testing-library"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import * as api from "../api"
import { rememberLookup } from "../lib/lastLookup"
import { found, REVOKED, VALID } from "../test/fixtures"
import { decodeQrSvg } from "../test/qr"
import { renderAt } from "../test/renderAt"

vi.mock("../api", async () => (await import("../test/mockApi")).mockApi())

const lookup = vi.mocked(api.lookupCertificates)

describe("PrintPage (证书打印)", () => {
  it("lays out the national style's fields and a QR code that decodes to the verification address", async () => {
    rememberLookup([VALID])
    lookup.mockResolvedValue(found(VALID))
    renderAt(`/print/${VALID.number}`)
    const certificate = await screen.findByRole("article", { name: "职业技能等级证书" })
    for (const label of [
      "姓名",
      "证件类型",
      "证件号码",
      "职业名称",
      "工种",
      "职业技能等级",
      "证书编号",
      "评价机构",
      "发证日期"
    ])
      expect(certificate.querySelector("dl")?.textContent).toContain(label)
    const qr = screen.getByRole("img", { name: "证书验证二维码" })
    expect(decodeQrSvg(qr)).toBe(VALID.verificationUrl)
    expect(screen.getByRole("button", { name: "打印" })).toBeTruthy()
    expect(certificate.textContent).not.toContain("已注销")
  })

  it("asks the holder's name when opened directly, then shows the print view", async () => {
    lookup.mockResolvedValue(found(VALID))
    const user = userEvent.setup()
    renderAt(`/print/${VALID.number}`)
    await user.type(await screen.findByRole("textbox", { name: /持证人姓名/ }), "向一永")
    await user.click(screen.getByRole("button", { name: "查询并显示打印版" }))
    expect(lookup).toHaveBeenCalledWith({ number: VALID.number, name: "向一永" })
    expect(await screen.findByRole("article", { name: "职业技能等级证书" })).toBeTruthy()
  })

  it("marks a revoked certificate 已注销 on the printed page", async () => {
    rememberLookup([REVOKED])
    lookup.mockResolvedValue(found(REVOKED))
    renderAt(`/print/${REVOKED.number}`)
    const certificate = await screen.findByRole("article", { name: "职业技能等级证书" })
    expect(certificate.querySelector(".certificate__stamp")?.textContent).toBe("已注销")
    expect(screen.getByText("此证书已注销")).toBeTruthy()
  })
})
