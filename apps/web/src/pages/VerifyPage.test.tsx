import { screen } from "@solidjs/testing-library"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import * as api from "../api"
import { rememberLookup } from "../lib/lastLookup"
import { found, NOT_FOUND, REVOKED, VALID } from "../test/fixtures"
import { renderAt } from "../test/renderAt"

vi.mock("../api", async () => (await import("../test/mockApi")).mockApi())

const lookup = vi.mocked(api.lookupCertificates)

describe("VerifyPage (证书验证, the QR code's address)", () => {
  it("asks for the name printed on the certificate, then shows the registry's live status", async () => {
    lookup.mockResolvedValue(found(VALID))
    const user = userEvent.setup()
    renderAt(`/verify/${VALID.number}`)
    expect(await screen.findByRole("heading", { level: 1, name: "证书验证" })).toBeTruthy()
    expect(screen.getByText(VALID.number)).toBeTruthy()
    expect(lookup).not.toHaveBeenCalled()
    await user.click(screen.getByRole("button", { name: "验证" }))
    expect(lookup).not.toHaveBeenCalled()
    expect(screen.getByText("请填写持证人姓名（与证书上的姓名一致）")).toBeTruthy()
    await user.type(screen.getByRole("textbox", { name: /持证人姓名/ }), "向一永")
    await user.click(screen.getByRole("button", { name: "验证" }))
    expect(lookup).toHaveBeenCalledWith({ number: VALID.number, name: "向一永" })
    expect(await screen.findByText("验证结果：有效（向一永，速录师）")).toBeTruthy()
  })

  it("checks at once when the visitor has just found the certificate, and shows a revocation", async () => {
    rememberLookup([REVOKED])
    lookup.mockResolvedValue(found(REVOKED))
    renderAt(`/verify/${REVOKED.number}`)
    expect(await screen.findByText(/验证结果：已注销/)).toBeTruthy()
    expect(lookup).toHaveBeenCalledWith({ number: REVOKED.number, name: "陆兰" })
    expect(screen.getByText(/注销原因：/).textContent).toContain("资格条件不符")
  })

  it("checks at once when the scanned QR code's address carries the printed name", async () => {
    lookup.mockResolvedValue(found(VALID))
    renderAt(new URL(VALID.verificationUrl).pathname + new URL(VALID.verificationUrl).search)
    expect(await screen.findByText("验证结果：有效（向一永，速录师）")).toBeTruthy()
    expect(lookup).toHaveBeenCalledWith({ number: VALID.number, name: "向一永" })
  })

  it("says so when the registry has no such certificate for that name", async () => {
    lookup.mockResolvedValue(NOT_FOUND)
    const user = userEvent.setup()
    renderAt(`/verify/${VALID.number}`)
    await user.type(await screen.findByRole("textbox", { name: /持证人姓名/ }), "王五")
    await user.click(screen.getByRole("button", { name: "验证" }))
    expect(await screen.findByText("未查询到证书")).toBeTruthy()
  })

  it("refuses an address whose number breaks the 22-character rule, without a request", async () => {
    renderAt("/verify/S0000320000012")
    expect(await screen.findByText("证书编号无效")).toBeTruthy()
    expect(screen.getByText(/证书编号应为22位/)).toBeTruthy()
    expect(screen.queryByRole("button", { name: "验证" })).toBeNull()
    expect(lookup).not.toHaveBeenCalled()
  })
})
