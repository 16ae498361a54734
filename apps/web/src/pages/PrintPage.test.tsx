import { screen } from "@solidjs/testing-library"
import userEvent from "@testing-library/user-event"
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest"
import * as api from "../api"
import { rememberLookup } from "../lib/lastLookup"
import { found, REVOKED, TOO_MANY, VALID } from "../test/fixtures"
import { decodeQrSvg } from "../test/qr"
import { renderAt } from "../test/renderAt"
import { makeSignedFixtures, type SignedFixtures } from "../test/signedFixtures"

vi.mock("../api", async () => (await import("../test/mockApi")).mockApi())

const lookup = vi.mocked(api.lookupCertificates)
const signedRecord = vi.mocked(api.getSignedRecord)

let signed: SignedFixtures
beforeAll(async () => {
  signed = await makeSignedFixtures()
})
beforeEach(() => {
  signedRecord.mockImplementation(async ({ number }) =>
    number === REVOKED.number ? signed.revoked.signed : signed.valid.signed
  )
})

describe("PrintPage (证书打印)", () => {
  it("lays out the national style's fields and a QR code that carries the signed record", async () => {
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
    const qr = await screen.findByRole("img", { name: "证书验证二维码" })
    expect(signedRecord).toHaveBeenCalledWith({ number: VALID.number, name: "向一永" })
    const url = signed.valid.signed.value.verificationUrl
    expect(url).toContain("#r=r1.")
    expect(decodeQrSvg(qr)).toBe(url)
    expect(certificate.textContent).toContain("二维码含证书登记库的电子签名")
    // The printed address is the one to type: without the record.
    expect(certificate.querySelector(".certificate__url")?.textContent).toBe(url.split("#")[0])
    expect(screen.getByRole("button", { name: "打印" })).toBeTruthy()
    expect(screen.queryByText("二维码未含电子签名")).toBeNull()
    expect(certificate.textContent).not.toContain("已注销")
  })

  it("falls back to the plain verification address, and says so, when the registry cannot sign", async () => {
    rememberLookup([VALID])
    lookup.mockResolvedValue(found(VALID))
    signedRecord.mockResolvedValue(TOO_MANY)
    renderAt(`/print/${VALID.number}`)
    const qr = await screen.findByRole("img", { name: "证书验证二维码" })
    expect(decodeQrSvg(qr)).toBe(VALID.verificationUrl)
    expect(screen.getByText("二维码未含电子签名")).toBeTruthy()
    expect(screen.getByText(/查询过于频繁，请 42 秒后再试/)).toBeTruthy()
    const certificate = screen.getByRole("article", { name: "职业技能等级证书" })
    expect(certificate.textContent).not.toContain("电子签名")
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
