import { screen, waitFor } from "@solidjs/testing-library"
import userEvent from "@testing-library/user-event"
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest"
import * as api from "../api"
import { rememberLookup } from "../lib/lastLookup"
import { found, NOT_FOUND, REVOKED, TOO_MANY, VALID } from "../test/fixtures"
import { renderAt } from "../test/renderAt"
import { makeSignedFixtures, type SignedFixtures, tamperName } from "../test/signedFixtures"

vi.mock("../api", async () => (await import("../test/mockApi")).mockApi())

const lookup = vi.mocked(api.lookupCertificates)
const keys = vi.mocked(api.getVerificationKeys)
const proof = vi.mocked(api.getCertificateProof)

let signed: SignedFixtures
beforeAll(async () => {
  signed = await makeSignedFixtures()
})
beforeEach(() => {
  keys.mockResolvedValue(signed.keys)
  proof.mockImplementation(async ({ number }) =>
    number === REVOKED.number ? signed.revoked.proof : signed.valid.proof
  )
})

/** The page's address for a QR code's URL (path, query and fragment). */
const pathOf = (url: string) => {
  const u = new URL(url)
  return `${u.pathname}${u.search}${u.hash}`
}

const step = (id: "signature" | "authority" | "log" | "status") => {
  const item = document.querySelector(`[data-step="${id}"]`)
  return {
    state: item?.querySelector(".check__state")?.textContent?.replace(/^\S+\s/, "") ?? "",
    text: item?.textContent ?? ""
  }
}

const settled = async () => {
  await waitFor(() => expect(screen.getByText(/^核验完成/)).toBeTruthy())
}

describe("VerifyPage (证书验证, the QR code's address)", () => {
  it("asks for the name printed on the certificate, then shows the registry's live status", async () => {
    lookup.mockResolvedValue(found(VALID))
    const user = userEvent.setup()
    renderAt(`/verify/${VALID.number}`)
    expect(await screen.findByRole("heading", { level: 1, name: "证书验证" })).toBeTruthy()
    expect(screen.getByText(VALID.number)).toBeTruthy()
    expect(lookup).not.toHaveBeenCalled()
    expect(screen.getByText("核验尚未开始：请填写持证人姓名。")).toBeTruthy()
    expect(step("authority").state).toBe("待检查")
    await user.click(screen.getByRole("button", { name: "验证" }))
    expect(lookup).not.toHaveBeenCalled()
    expect(screen.getByText("请填写持证人姓名（与证书上的姓名一致）")).toBeTruthy()
    await user.type(screen.getByRole("textbox", { name: /持证人姓名/ }), "向一永")
    await user.click(screen.getByRole("button", { name: "验证" }))
    expect(lookup).toHaveBeenCalledWith({ number: VALID.number, name: "向一永" })
    expect(proof).toHaveBeenCalledWith({ number: VALID.number, name: "向一永" })
    expect(await screen.findByText("验证结果：有效（向一永，速录师）")).toBeTruthy()
  })

  it("passes all four checks for the QR code of a valid certificate, the signature checked in the browser", async () => {
    lookup.mockResolvedValue(found(VALID))
    renderAt(pathOf(signed.valid.signed.value.verificationUrl))
    await settled()
    expect(screen.getByText("核验完成：各项均未发现问题；4 项通过。")).toBeTruthy()
    for (const id of ["signature", "authority", "log", "status"] as const) expect(step(id).state).toBe("通过")
    expect(step("signature").text).toContain("密钥 registry-test-1 于 2026-11-26 签名")
    expect(step("log").text).toContain("与透明日志中的发证记录一致（日志序号 0")
    expect(lookup).toHaveBeenCalledWith({ number: VALID.number, name: "向一永" })
    const steps = screen.getByRole("list", { name: "核验步骤" })
    expect([...steps.querySelectorAll(":scope > li h3")].map((h) => h.textContent)).toEqual([
      "签名有效：✓ 通过",
      "发证机构有权核发：✓ 通过",
      "已记入透明日志：✓ 通过",
      "未注销：✓ 通过"
    ])
    expect(await screen.findByText("验证结果：有效（向一永，速录师）")).toBeTruthy()
  })

  it("refuses a record whose name was changed after signing: signature and log checks fail", async () => {
    lookup.mockResolvedValue(found(VALID))
    const url = new URL(signed.valid.signed.value.verificationUrl)
    const forged = tamperName(signed.valid.signed.value.compact, "王五")
    renderAt(`${url.pathname}${url.search}#r=${forged}`)
    await settled()
    expect(step("signature").state).toBe("未通过")
    expect(step("signature").text).toContain("签名无效")
    expect(step("signature").text).toContain("签名与证书记录不符：证书记录已被改动")
    expect(step("log").state).toBe("未通过")
    expect(step("log").text).toContain("与透明日志中的发证记录不符")
    expect(step("authority").state).toBe("通过")
    expect(step("status").state).toBe("通过")
    expect(screen.getByText(/^核验完成：2 项未通过（签名有效、已记入透明日志）/)).toBeTruthy()
  })

  it("refuses a genuine record presented under another certificate's address", async () => {
    lookup.mockResolvedValue(found(REVOKED))
    renderAt(
      `/verify/${REVOKED.number}?name=${encodeURIComponent("陆兰")}#r=${signed.valid.signed.value.compact}`
    )
    await settled()
    expect(step("signature").state).toBe("未通过")
    expect(step("signature").text).toContain(`与链接中的 ${REVOKED.number} 不符`)
  })

  it("fails the 未注销 check of a revoked certificate, with its date and reason", async () => {
    lookup.mockResolvedValue(found(REVOKED))
    renderAt(pathOf(signed.revoked.signed.value.verificationUrl))
    await settled()
    expect(step("signature").state).toBe("通过")
    expect(step("log").state).toBe("通过")
    expect(step("status").state).toBe("未通过")
    expect(step("status").text).toContain("此证书已于 2026-11-26 注销，注销原因：资格条件不符")
    expect(step("status").text).toContain("透明日志记有注销（日志序号 2，2026-11-26）")
    expect(screen.getByText(/^核验完成：1 项未通过（未注销）/)).toBeTruthy()
  })

  it("cannot check the signature of an address without a record, and still runs the other checks", async () => {
    lookup.mockResolvedValue(found(VALID))
    renderAt(new URL(VALID.verificationUrl).pathname + new URL(VALID.verificationUrl).search)
    await settled()
    expect(step("signature").state).toBe("无法检查")
    expect(step("signature").text).toContain("此链接不含证书的签名记录")
    expect(step("authority").state).toBe("通过")
    expect(step("log").state).toBe("通过")
    expect(step("log").text).toContain("未能核对记录内容")
    expect(step("status").state).toBe("通过")
    expect(screen.getByText("核验完成：各项均未发现问题；3 项通过，1 项无法检查。")).toBeTruthy()
    expect(await screen.findByText("验证结果：有效（向一永，速录师）")).toBeTruthy()
  })

  it("shows the registry's refusal of the issuer's authority with its reason", async () => {
    lookup.mockResolvedValue(found(VALID))
    const refused = {
      ...signed.valid.proof.value,
      issuerAuthority: {
        ...signed.valid.proof.value.issuerAuthority,
        outcome: "refused" as const,
        failures: [
          {
            code: "NotAuthorised",
            rule: "issuance.authority",
            field: "level",
            message: "该机构在 2023-07-26 无权评价速录师五级",
            seen: 5,
            required: [4],
            citation: signed.valid.proof.value.issuerAuthority.citations[0] as never
          }
        ]
      }
    }
    proof.mockResolvedValue({ ok: true, value: refused })
    renderAt(pathOf(signed.valid.signed.value.verificationUrl))
    await settled()
    expect(step("authority").state).toBe("未通过")
    expect(step("authority").text).toContain("该机构在 2023-07-26 无权评价速录师五级")
  })

  it("says which checks could not run when the registry asks to wait (429)", async () => {
    lookup.mockResolvedValue(found(VALID))
    proof.mockResolvedValue(TOO_MANY)
    renderAt(pathOf(signed.valid.signed.value.verificationUrl))
    await settled()
    expect(step("signature").state).toBe("通过")
    expect(step("authority").state).toBe("无法检查")
    expect(step("authority").text).toContain("请在 42 秒后刷新本页再试")
    expect(step("log").state).toBe("无法检查")
    expect(step("status").state).toBe("通过")
  })

  it("checks at once when the visitor has just found the certificate, and shows a revocation", async () => {
    rememberLookup([REVOKED])
    lookup.mockResolvedValue(found(REVOKED))
    renderAt(`/verify/${REVOKED.number}`)
    expect(await screen.findByText(/验证结果：已注销/)).toBeTruthy()
    expect(lookup).toHaveBeenCalledWith({ number: REVOKED.number, name: "陆兰" })
    expect(document.querySelector(".revocation")?.textContent).toContain("注销原因：资格条件不符")
    await settled()
    expect(step("signature").state).toBe("无法检查")
    expect(step("status").state).toBe("未通过")
  })

  it("says so when the registry has no such certificate for that name", async () => {
    lookup.mockResolvedValue(NOT_FOUND)
    proof.mockResolvedValue(NOT_FOUND)
    const user = userEvent.setup()
    renderAt(`/verify/${VALID.number}`)
    await user.type(await screen.findByRole("textbox", { name: /持证人姓名/ }), "王五")
    await user.click(screen.getByRole("button", { name: "验证" }))
    expect(await screen.findByText("未查询到证书")).toBeTruthy()
    await settled()
    expect(step("status").state).toBe("未通过")
  })

  it("refuses an address whose number breaks the 22-character rule, without a request", async () => {
    renderAt("/verify/S0000320000012")
    expect(await screen.findByText("证书编号无效")).toBeTruthy()
    expect(screen.getByText(/证书编号应为22位/)).toBeTruthy()
    expect(screen.queryByRole("button", { name: "验证" })).toBeNull()
    expect(lookup).not.toHaveBeenCalled()
    expect(keys).not.toHaveBeenCalled()
  })
})
