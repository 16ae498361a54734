import { render } from "ink-testing-library"
import { afterEach, describe, expect, it } from "vitest"
import { fakeClient, NOW, refused } from "../test/FakeClient.js"
import { KEY, press, pressUntil, waitFor } from "../test/Keys.js"
import { App } from "./App.js"

let app: ReturnType<typeof render> | undefined
afterEach(() => app?.unmount())

describe("App", () => {
  it("names the key's organisation and role in the header and offers only the screens the role may use", async () => {
    app = render(<App client={fakeClient("city").client} now={() => NOW} />)
    const frame = await waitFor(app, "南京市人力资源和社会保障局（设区市人力资源社会保障局）", "1. 待办")
    expect(frame).toContain("竞赛备案")
    expect(frame).toContain("证书注销")
    expect(frame).toContain("举报处理")
    // The city may neither record assessments nor issue certificates (Permissions.ts).
    expect(frame).not.toContain("质量评估")
    expect(frame).not.toContain("批次导入")
  })

  it("shows an institution only the catalogue and the batch import", async () => {
    app = render(<App client={fakeClient("institution").client} now={() => NOW} />)
    const frame = await waitFor(app, "1. 机构目录", "2. 批次导入")
    expect(frame).not.toContain("证书注销")
    expect(frame).not.toContain("待办")
  })

  it("opens a screen by its number and returns to the menu with Esc", async () => {
    app = render(<App client={fakeClient("province").client} now={() => NOW} />)
    await waitFor(app, "4. 证书注销")
    await press(app, "4")
    await waitFor(app, "证书注销 · 注销决定", "决定机关为本单位（江苏省人力资源和社会保障厅）")
    await pressUntil(app, KEY.escape, "主菜单", "1. 待办")
  })

  it("moves through the menu with the arrows and opens with Enter", async () => {
    app = render(<App client={fakeClient("province").client} now={() => NOW} />)
    await waitFor(app, "› 1. 待办")
    await press(app, KEY.down, KEY.down)
    await waitFor(app, "› 3. 机构目录")
    await press(app, KEY.enter)
    await waitFor(app, "机构目录", "江苏匠心职业技能评价中心")
  })

  it("shows a refused key with its zh-CN detail and code, and retries with r", async () => {
    let answer = refused<never>(401, "ApiKeyRejected", "API 密钥无效或已吊销，请联系省人社厅重新申领")
    const fake = fakeClient("city", { me: async () => answer })
    app = render(<App client={fake.client} now={() => NOW} />)
    await waitFor(app, "错误：API 密钥无效或已吊销，请联系省人社厅重新申领（ApiKeyRejected）", "r 刷新")
    answer = (await fakeClient("city").client.me()) as never
    await press(app, "r")
    await waitFor(app, "1. 待办")
    expect(fake.argsOf("me")).toHaveLength(2)
  })

  it("fits 80 columns and 24 rows on every menu", async () => {
    for (const role of [
      "province",
      "city",
      "district",
      "institution",
      "provincial_appraisal_centre"
    ] as const) {
      const instance = render(<App client={fakeClient(role).client} now={() => NOW} />)
      const frame = await waitFor(instance, "主菜单")
      await waitFor(instance, "1. ")
      const lines = (instance.lastFrame() ?? frame).split("\n")
      expect(lines.length).toBeLessThanOrEqual(24)
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(80)
      instance.unmount()
    }
  })
})
