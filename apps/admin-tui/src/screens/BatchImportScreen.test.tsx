import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { IssueBatchRequest } from "@jineng/domain/issuance/IssueBatchRequest"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { refused } from "../../test/FakeClient.js"
import { KEY, press, type, waitFor } from "../../test/Keys.js"
import { residentId } from "../../test/People.js"
import { renderScreen } from "../../test/RenderScreen.js"
import { decodeCsvBytes, parseCsv, writeCsv } from "../batch/Csv.js"
import { readXlsx, writeXlsx } from "../batch/Xlsx.js"
import { BatchImportScreen } from "./BatchImportScreen.js"

let dir = ""
let current: ReturnType<typeof renderScreen> | undefined
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "jineng-tui-"))
})
afterEach(() => {
  current?.app.unmount()
  rmSync(dir, { recursive: true, force: true })
})

type App = ReturnType<typeof renderScreen>["app"]

const HEADER = ["姓名", "证件类型", "证件号码", "职业编码", "工种", "证书等级", "用人单位统一社会信用代码"]
const row = (name: string, id: string, level = "4") => [name, "居民身份证", id, "6-18-02-04", "", level, ""]
const GOOD = [
  row("王五", residentId("320102", "19900101", 1)),
  row("李四", residentId("320102", "19910202", 2))
]

/** Fills the file and batch fields (institution and date are prefilled) and starts the check. */
const load = async (app: App, file: string) => {
  await waitFor(app, "批次导入 · 评价结果")
  await type(app, file)
  await press(app, KEY.tab)
  await type(app, "JS2025-0001-001")
  await press(app, KEY.tab, KEY.tab, KEY.tab, KEY.tab, KEY.enter)
}

describe("BatchImportScreen", () => {
  it("exports the template with the expected columns as .csv and .xlsx (Ctrl+T)", async () => {
    current = renderScreen(BatchImportScreen, "institution", { workDir: dir })
    const { app } = current
    await waitFor(app, "Ctrl+T 导出模板")
    await press(app, KEY.ctrlT)
    await waitFor(app, "已导出模板")
    const csv = join(dir, "jineng-batch-template.csv")
    expect(parseCsv(decodeCsvBytes(readFileSync(csv)))).toEqual([HEADER])
    expect(readXlsx(readFileSync(join(dir, "jineng-batch-template.xlsx")))).toEqual([HEADER])
  })

  it("lists failing rows, issues nothing until they are excluded, then submits only the passing rows", async () => {
    const file = join(dir, "results.csv")
    writeFileSync(
      file,
      writeCsv([
        HEADER,
        ...GOOD,
        row("赵六", "320102199001010011"),
        row("钱七", residentId("320102", "19920303", 3), "3"),
        GOOD[0] ?? []
      ])
    )
    current = renderScreen(BatchImportScreen, "institution", { workDir: dir })
    const { app, fake } = current
    await load(app, "results.csv")
    await waitFor(app, "共 5 行：2 行可核发，3 行有误（未排除）", "行号", "赵六", "证件号码：")
    await waitFor(app, "第 4 行：证件号码：身份证号码校验位错误")
    await press(app, KEY.down)
    await waitFor(app, "第 5 行：证书等级：与评价批次不符：应为“四级/中级工”，实为“三级/高级工”")
    await press(app, KEY.down)
    await waitFor(app, "第 6 行：证件号码：与第 2 行为同一人（证件号码相同），同一人在一个批次中只能出现一次")

    await press(app, "y")
    await waitFor(app, "有 3 行有误：请修改文件后重新读取（r），或按 x 明确排除有误的行")
    expect(fake.argsOf("issueBatch")).toHaveLength(0)

    await press(app, "x")
    await waitFor(app, "（已排除有误的行）")
    await press(app, "y")
    await waitFor(app, "将为 2 人核发证书（排除有误的 3 行）：再按 y 确认提交")
    expect(fake.argsOf("issueBatch")).toHaveLength(0)
    await press(app, "y")
    await waitFor(app, "批次 JS2025-0001-001 已核发 2 本证书", "证书清单已保存")
    const request = fake.argsOf("issueBatch")[0]?.[0] as IssueBatchRequest
    expect(request).toMatchObject({
      batchId: "JS2025-0001-001",
      institutionId: "inst-0001",
      issuedOn: "2025-03-10",
      evaluationRegion: "320102"
    })
    expect(request.candidates.map((c) => c.holder.name)).toEqual(["王五", "李四"])
    const saved = parseCsv(decodeCsvBytes(readFileSync(`${file}.issued.csv`)))
    expect(saved[0]).toEqual(["证书编号", "姓名", "证件号码（脱敏）"])
    expect(saved).toHaveLength(3)
  })

  it("reads an .xlsx file and submits when every row passes", async () => {
    writeFileSync(join(dir, "results.xlsx"), writeXlsx([HEADER, ...GOOD], "结果"))
    current = renderScreen(BatchImportScreen, "institution", { workDir: dir })
    const { app, fake } = current
    await load(app, "results.xlsx")
    await waitFor(app, "共 2 行：2 行可核发，0 行有误", "全部行校验通过")
    await press(app, "y", "y")
    await waitFor(app, "已核发 2 本证书")
    expect(fake.argsOf("issueBatch")).toHaveLength(1)
  })

  it("puts the rows the API refuses back on their lines", async () => {
    writeFileSync(join(dir, "results.csv"), writeCsv([HEADER, ...GOOD]))
    current = renderScreen(BatchImportScreen, "institution", {
      workDir: dir,
      client: {
        issueBatch: async () =>
          refused(422, "BatchRefused", "批次 JS2025-0001-001 有 1 行不符合核发条件，整批未核发。", {
            refused: [{ index: 1, decision: { failures: [{ message: "该机构无权在此地区评价该职业等级" }] } }]
          })
      }
    })
    const { app } = current
    await load(app, "results.csv")
    await waitFor(app, "2 行可核发")
    await press(app, "y", "y")
    await waitFor(
      app,
      "1 行可核发，1 行有误",
      "服务器拒绝：该机构无权在此地区评价该职业等级",
      "（BatchRefused）"
    )
    expect(app.lastFrame()).toMatch(/3 李四/)
  })

  it("names a missing file and a batch the API does not know, and issues nothing", async () => {
    current = renderScreen(BatchImportScreen, "institution", {
      workDir: dir,
      client: { batch: async () => refused(404, "EvaluationBatchNotFound", "没有批次 JS2025-0001-001") }
    })
    const { app, fake } = current
    await load(app, "nowhere.csv")
    await waitFor(app, "错误：没有批次 JS2025-0001-001（EvaluationBatchNotFound）")
    expect(fake.argsOf("issueBatch")).toHaveLength(0)
    expect(existsSync(join(dir, "nowhere.csv.issued.csv"))).toBe(false)
  })
})
