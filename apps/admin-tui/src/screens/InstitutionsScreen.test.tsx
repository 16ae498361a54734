import type { AdmitInstitution, ScopeChangeRequest } from "@jineng/domain/institution/CatalogueCommands"
import { afterEach, describe, expect, it } from "vitest"
import { catalogueOf, institutionFixture } from "../../test/FakeClient.js"
import { KEY, press, type, waitFor } from "../../test/Keys.js"
import { renderScreen } from "../../test/RenderScreen.js"
import { ADMIT_FIELDS, InstitutionsScreen } from "./InstitutionsScreen.js"

/** From the name field, past the other four fields to 查询. */
const SUBMIT_FILTER = [KEY.tab, KEY.tab, KEY.tab, KEY.tab, KEY.tab, KEY.enter] as const

let current: ReturnType<typeof renderScreen> | undefined
afterEach(() => current?.app.unmount())

describe("InstitutionsScreen", () => {
  it("lists the catalogue of the bureau's region with status and the last day of authorisation", async () => {
    current = renderScreen(InstitutionsScreen, "city")
    const { app, fake } = current
    await waitFor(app, "江苏匠心职业技能评价中心", "玄武区", "第三方", "已纳入目录", "2025-03-31", "共 1 家")
    expect(fake.argsOf("institutions")[0]?.[0]).toMatchObject({ regionCode: "320100", offset: 0, limit: 10 })
  })

  it("asks the API for the name with region, status, occupation and level, and shows its matches", async () => {
    current = renderScreen(InstitutionsScreen, "province", {
      client: {
        institutions: catalogueOf([
          institutionFixture(),
          institutionFixture({ id: "inst-2", name: "海门区华瑞汽车有限公司" })
        ])
      }
    })
    const { app, fake } = current
    await waitFor(app, "江苏匠心职业技能评价中心", "海门区华瑞汽车有限公司", "共 2 家")
    await press(app, "/")
    await waitFor(app, "名称含")
    await type(app, " 华瑞 ")
    await press(app, KEY.tab)
    await type(app, "320600")
    await press(app, KEY.tab, KEY.right)
    await press(app, KEY.tab)
    await type(app, "6-18-02-04")
    await press(app, KEY.tab)
    await type(app, "4")
    await press(app, KEY.enter, KEY.enter)
    const frame = await waitFor(app, "名称含“华瑞”", "海门区华瑞汽车有限公司", "共 1 家")
    expect(frame).not.toContain("江苏匠心")
    expect(fake.argsOf("institutions")[1]?.[0]).toEqual({
      limit: 10,
      offset: 0,
      name: "华瑞",
      regionCode: "320600",
      status: "admitted",
      occupationCode: "6-18-02-04",
      level: "4"
    })
  })

  it("pages through every match of the name, beyond the first page, counting them all", async () => {
    const catalogue = Array.from({ length: 25 }, (_, i) =>
      institutionFixture({
        id: `inst-${i}`,
        name: i % 2 === 0 ? `华瑞评价中心${String(i).padStart(2, "0")}` : `匠心评价中心${i}`
      })
    )
    current = renderScreen(InstitutionsScreen, "province", {
      client: { institutions: catalogueOf(catalogue) }
    })
    const { app, fake } = current
    await waitFor(app, "共 25 家")
    await press(app, "/")
    await waitFor(app, "名称含")
    await type(app, "华瑞")
    await press(app, ...SUBMIT_FILTER)
    await waitFor(app, "名称含“华瑞”", "共 13 家", "华瑞评价中心00", "华瑞评价中心18")
    await press(app, KEY.pageDown)
    const second = await waitFor(app, "华瑞评价中心20", "华瑞评价中心24", "共 13 家")
    expect(second).not.toContain("华瑞评价中心18")
    expect(second).not.toContain("匠心评价中心")
    expect(fake.argsOf("institutions").at(-1)?.[0]).toMatchObject({ name: "华瑞", offset: 10, limit: 10 })
    // A filter form left with Esc changes neither the list nor its paging.
    await press(app, "/")
    await waitFor(app, "名称含")
    await type(app, "匠心")
    await press(app, KEY.escape)
    await waitFor(app, "名称含“华瑞”", "华瑞评价中心20")
    await press(app, KEY.pageUp)
    await waitFor(app, "华瑞评价中心00")
    expect(fake.argsOf("institutions").at(-1)?.[0]).toMatchObject({ name: "华瑞", offset: 0 })
  })

  it("refuses a name longer than 100 characters before asking the API", async () => {
    current = renderScreen(InstitutionsScreen, "province")
    const { app, fake } = current
    await waitFor(app, "共 1 家")
    await press(app, "/")
    await waitFor(app, "名称含")
    await type(app, "华".repeat(101))
    await press(app, ...SUBMIT_FILTER)
    await waitFor(app, "名称不超过100字")
    expect(fake.argsOf("institutions")).toHaveLength(1)
  })

  it("shows an institution's authorisations and its history with reasons and actors", async () => {
    current = renderScreen(InstitutionsScreen, "city")
    const { app } = current
    await waitFor(app, "江苏匠心职业技能评价中心")
    await press(app, KEY.enter)
    await waitFor(
      app,
      "机构详情",
      "证书编号前缀：S000032000001",
      "6-18-02-04",
      "5,4",
      "2022-05-01至2025-03-31"
    )
    await press(app, "h")
    await waitFor(app, "目录状态记录", "列入评价机构目录", "org-nanjing")
  })

  it("suspends an institution with a reason checked by the domain first", async () => {
    current = renderScreen(InstitutionsScreen, "city")
    const { app, fake } = current
    await waitFor(app, "江苏匠心职业技能评价中心")
    await press(app, KEY.enter)
    await waitFor(app, "s 暂停")
    await press(app, "s")
    await waitFor(app, "暂停评价", "变更理由")
    await press(app, KEY.enter, KEY.enter, KEY.enter)
    await waitFor(app, "✗ 变更理由不能为空")
    expect(fake.argsOf("changeStatus")).toHaveLength(0)
    await waitFor(app, "› 变更理由")
    await type(app, "质量专项评估不合格（苏人社督〔2025〕2号）")
    await press(app, KEY.enter, KEY.enter)
    await waitFor(app, "已暂停评价")
    expect(fake.argsOf("changeStatus")[0]?.slice(0, 3)).toEqual([
      "inst-0001",
      "suspension",
      { reason: "质量专项评估不合格（苏人社督〔2025〕2号）" }
    ])
  })

  it("offers a district bureau no catalogue changes (Permissions.ts)", async () => {
    current = renderScreen(InstitutionsScreen, "district")
    const { app } = current
    await waitFor(app, "江苏匠心职业技能评价中心")
    expect(app.lastFrame()).not.toContain("a 准入")
    await press(app, KEY.enter)
    const frame = await waitFor(app, "机构详情", "h 历史")
    expect(frame).not.toContain("s 暂停")
    await press(app, "s")
    await waitFor(app, "机构详情")
    expect(app.lastFrame()).not.toContain("变更理由")
  })

  it("admits an institution, refusing first what the domain's AdmitInstitution refuses", async () => {
    current = renderScreen(InstitutionsScreen, "city")
    const { app, fake } = current
    await waitFor(app, "a 准入")
    await press(app, "a")
    await waitFor(app, "准入评价机构", "机构名称")
    const values: Record<string, string> = {
      name: "南京精工职业技能评价中心",
      uscc: "91350100M000100Y44",
      prefix: "S000032000009",
      responsible: "李四",
      sealId: "seal-9",
      sealName: "南京精工职业技能评价中心职业技能等级认定专用章",
      "a0.occupations": "6-18-02-04",
      "a0.levels": "5,4,3",
      "a0.validUntil": "2027-12-31",
      reason: "宁人社〔2025〕9号"
    }
    for (const field of ADMIT_FIELDS) {
      const value = values[field.name]
      if (value !== undefined) await type(app, value)
      if (field.name === "kind") await press(app, KEY.right)
      await press(app, KEY.tab)
    }
    await press(app, KEY.enter)
    await waitFor(app, "✗ 统一社会信用代码")
    expect(fake.argsOf("admitInstitution")).toHaveLength(0)
    // The form has moved to the first field in error: the credit code (GB 32100 check character).
    await waitFor(app, "› 统一社会信用代码 91350100M000100Y44")
    await press(app, KEY.backspace)
    await type(app, "3")
    for (let i = 0; i < ADMIT_FIELDS.length - 2; i++) await press(app, KEY.tab)
    await press(app, KEY.enter)
    await waitFor(app, "已准入：南京精工职业技能评价中心（inst-new）")
    const body = fake.argsOf("admitInstitution")[0]?.[0] as AdmitInstitution
    expect(body.kind).toBe("third_party")
    expect(body.uscc).toBe("91350100M000100Y43")
    expect(body.numberingPrefix).toEqual({
      type: "S",
      institutionCode: "0000",
      province: "32",
      siteSerial: "000009"
    })
    expect(body.authorisations[0]).toMatchObject({
      occupations: [{ code: "6-18-02-04" }],
      levels: [5, 4, 3],
      region: "320100",
      validFrom: "2025-03-10",
      validUntil: "2027-12-31"
    })
  })

  it("changes the scope: each authorisation edited in place, the rest kept", async () => {
    current = renderScreen(InstitutionsScreen, "city")
    const { app, fake } = current
    await waitFor(app, "江苏匠心职业技能评价中心")
    await press(app, KEY.enter)
    await press(app, "e")
    await waitFor(app, "变更评价范围", "6-18-02-04", "2025-03-31")
    // region, 授权1 职业, 等级, 地域, 有效期起, 有效期止
    await press(app, KEY.tab, KEY.tab, KEY.tab, KEY.tab, KEY.tab)
    for (let i = 0; i < 10; i++) await press(app, KEY.backspace)
    await type(app, "2027-03-31")
    for (let i = 0; i < 7; i++) await press(app, KEY.tab)
    await type(app, "宁人社〔2025〕10号 延续授权")
    await press(app, KEY.enter, KEY.enter)
    await waitFor(app, "已变更评价范围")
    const [id, body] = fake.argsOf("changeScope")[0] ?? []
    expect(id).toBe("inst-0001")
    expect(body as ScopeChangeRequest).toEqual({
      region: "320102",
      authorisations: [
        {
          id: "auth-1",
          occupations: [{ code: "6-18-02-04" }],
          levels: [5, 4],
          region: "320100",
          validFrom: "2022-05-01",
          validUntil: "2027-03-31"
        }
      ],
      reason: "宁人社〔2025〕10号 延续授权"
    })
  })
})
