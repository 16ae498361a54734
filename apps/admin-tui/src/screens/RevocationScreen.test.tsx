import type { RevocationRequest } from "@jineng/domain/revocation/RevocationOrder"
import { verdict } from "@jineng/domain/rule/Decision"
import { afterEach, describe, expect, it } from "vitest"
import { ok, slow } from "../../test/FakeClient.js"
import { KEY, press, type, waitFor } from "../../test/Keys.js"
import { renderScreen } from "../../test/RenderScreen.js"
import type { CertificateView } from "../api/AdminClient.js"
import { RevocationScreen } from "./RevocationScreen.js"

let current: ReturnType<typeof renderScreen> | undefined
afterEach(() => current?.app.unmount())

type App = ReturnType<typeof renderScreen>["app"]

/** Fills the batch order: batch id, basis document, then Enter down to 〔预演〕 and Enter. */
const fillBatchOrder = async (app: App, batchId = "JS2025-0001-001") => {
  await press(app, KEY.tab)
  await type(app, batchId)
  await press(app, KEY.tab, KEY.tab)
  await type(app, "苏人社督〔2025〕3号")
  await press(app, KEY.tab)
  await type(app, "技能人才评价专项督查处理决定")
}

const submit = (app: App) => press(app, KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter)

describe("RevocationScreen", () => {
  it("checks the order with the domain's schema before any call", async () => {
    current = renderScreen(RevocationScreen, "province")
    const { app, fake } = current
    await waitFor(app, "证书注销 · 注销决定")
    await press(
      app,
      KEY.enter,
      KEY.enter,
      KEY.enter,
      KEY.enter,
      KEY.enter,
      KEY.enter,
      KEY.enter,
      KEY.enter,
      KEY.enter
    )
    await waitFor(app, "✗ 批次编号不能为空", "✗ 依据文件文号不能为空")
    expect(fake.argsOf("previewRevocation")).toHaveLength(0)
  })

  it("requires the credit-check referral for the reasons 54号·五 names", async () => {
    current = renderScreen(RevocationScreen, "province")
    const { app, fake } = current
    await waitFor(app, "注销决定")
    await fillBatchOrder(app)
    await press(app, KEY.tab, KEY.right)
    await waitFor(app, "[不启动]")
    await press(app, KEY.enter, KEY.enter, KEY.enter, KEY.enter)
    await waitFor(app, "应同时启动信用核查联动机制（54号·五）")
    expect(fake.argsOf("previewRevocation")).toHaveLength(0)
  })

  it("dry-runs the order, refuses a wrong count and executes on the count the dry run gave", async () => {
    current = renderScreen(RevocationScreen, "province")
    const { app, fake } = current
    await waitFor(app, "注销决定")
    await fillBatchOrder(app)
    await submit(app)
    await waitFor(
      app,
      "预演结果（未作任何改动）",
      "将注销 2 本",
      "此前已注销 1 本",
      "万娟子",
      "请输入将注销的证书数以确认（2）"
    )
    const [previewed] = fake.argsOf("previewRevocation")
    const request = previewed?.[0] as RevocationRequest
    expect(request.scope).toEqual({ _tag: "batch", batchId: "JS2025-0001-001" })
    expect(request.reason).toBe("qualification_mismatch")
    expect(request.creditCheck.referred).toBe(true)
    expect(request.orderedOn).toBe("2025-03-10")

    await type(app, "3")
    await press(app, KEY.enter)
    await waitFor(app, "输入的数量与预演不符：应输入 2")
    expect(fake.argsOf("executeRevocation")).toHaveLength(0)

    await press(app, KEY.backspace)
    await type(app, "2")
    await press(app, KEY.enter)
    await waitFor(
      app,
      "注销决定 rev-1 已执行",
      "本次注销 2 本",
      "信用核查联动：已启动",
      "S000032000001234000003"
    )
    expect(fake.argsOf("executeRevocation")[0]?.[0]).toEqual(request)
  })

  it("finds a person's certificates by ID number and name, then previews those", async () => {
    const found = [{ number: "S000032000001234000007" }] as unknown as ReadonlyArray<CertificateView>
    current = renderScreen(RevocationScreen, "city", {
      client: { lookupCertificates: async () => ok({ certificates: found }) }
    })
    const { app, fake } = current
    await waitFor(app, "注销决定")
    await press(app, KEY.right, KEY.right)
    await waitFor(app, "[身份证号+姓名]", "持证人姓名")
    await press(app, KEY.tab)
    await type(app, "11010519491231002X")
    await press(app, KEY.tab)
    await type(app, "王五")
    await press(app, KEY.tab, KEY.tab)
    await type(app, "宁人社督〔2025〕7号")
    await press(app, KEY.tab)
    await type(app, "关于注销部分职业技能等级证书的决定")
    await press(app, KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter)
    await waitFor(app, "预演结果", "列明证书 1 本")
    expect(fake.argsOf("lookupCertificates")[0]?.[0]).toEqual({
      idNumber: "11010519491231002X",
      name: "王五"
    })
    const request = fake.argsOf("previewRevocation")[0]?.[0] as RevocationRequest
    expect(request.scope).toEqual({ _tag: "certificates", numbers: ["S000032000001234000007"] })
  })

  it("spins while the dry run is slow and Esc cancels it", async () => {
    const pending = slow(ok({} as never))
    current = renderScreen(RevocationScreen, "province", {
      client: { previewRevocation: pending.call as never }
    })
    const { app } = current
    await waitFor(app, "注销决定")
    await fillBatchOrder(app)
    await submit(app)
    await waitFor(app, "预演注销（不作任何改动）…", "（Esc 取消）")
    await press(app, KEY.escape)
    await waitFor(app, "已取消：预演注销（不作任何改动）", "注销决定")
  })

  it("shows a refused dry run and will not confirm an order that revokes nothing", async () => {
    const refusedAuthority = verdict(
      "revocation.authority",
      ["54号·五"],
      [
        {
          code: "outside_region",
          rule: "revocation.authority",
          field: "scope",
          message: "设区市人力资源社会保障局只能注销本市发证机构核发的证书",
          seen: 2,
          required: 0,
          citation: "54号·五"
        }
      ]
    )
    current = renderScreen(RevocationScreen, "city", {
      client: {
        previewRevocation: async () =>
          ok({
            toRevoke: 0,
            alreadyRevoked: 0,
            notFound: 0,
            outsideRegion: 2,
            sample: [],
            authority: refusedAuthority,
            order: verdict("revocation.order", ["54号·五"], [])
          })
      }
    })
    const { app, fake } = current
    await waitFor(app, "注销决定")
    await fillBatchOrder(app)
    await submit(app)
    await waitFor(
      app,
      "超出辖区 2 本",
      "不予注销：设区市人力资源社会保障局只能注销本市发证机构核发的证书（54号·五）"
    )
    await type(app, "0")
    await press(app, KEY.enter)
    await waitFor(app, "没有可注销的证书")
    expect(fake.argsOf("executeRevocation")).toHaveLength(0)
  })
})
