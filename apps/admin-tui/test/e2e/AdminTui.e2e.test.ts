/**
 * End to end: the real API (apps/api main.ts on a temporary SQLite file with the tiny demo registry) and the real
 * terminal in tmux at 80×24, driven with send-keys and read with capture-pane, as the province's key:
 * - a batch revocation: the dry run (which changes nothing: the public lookup still says 有效), the confirmation by
 *   typing the count, and the public lookup (GET /api/public/certificates/lookup) then saying 已注销;
 * - a filing opinion: a competition filed by the host and agreed by the city (through the API), listed in 待办 as
 *   awaiting the province, found in 竞赛备案's competition list with the filters, its review read, its filing chosen
 *   there and the province's opinion recorded in the terminal, the filing then 备案完成 in the API.
 * Without tmux the test is skipped locally, and fails when CI is set.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const APP_DIR = fileURLToPath(new URL("../../", import.meta.url))
const API_MAIN = fileURLToPath(new URL("../../../api/src/main.ts", import.meta.url))
const SOCKET = `jineng-tui-e2e-${process.pid}`
const SESSION = "tui"

const hasTmux = (() => {
  try {
    execFileSync("tmux", ["-V"], { stdio: "ignore" })
    return true
  } catch {
    return false
  }
})()

if (!hasTmux && process.env.CI !== undefined && process.env.CI !== "")
  throw new Error("tmux 未安装：CI 必须运行终端端到端测试（apt-get install -y tmux）")

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })

/** tmux on a server of its own (its own socket), so no other session is touched; CI may have no TERM. */
const tmux = (...args: ReadonlyArray<string>) =>
  execFileSync("tmux", ["-L", SOCKET, ...args], {
    encoding: "utf8",
    env: { ...process.env, TERM: process.env.TERM || "xterm-256color", LANG: process.env.LANG || "C.UTF-8" }
  })

/** The screen as the operator sees it. */
const screen = () => tmux("capture-pane", "-p", "-t", SESSION)

/** One key at a time, as a keyboard types (tmux key names: Enter, Tab, Escape, BSpace…). */
const press = async (...keys: ReadonlyArray<string>) => {
  for (const key of keys) {
    tmux("send-keys", "-t", SESSION, key)
    await sleep(120)
  }
}

const typeText = async (text: string) => {
  tmux("send-keys", "-t", SESSION, "-l", text)
  await sleep(200)
}

const waitScreen = async (...texts: ReadonlyArray<string>) => {
  const deadline = Date.now() + 30_000
  for (;;) {
    const shown = screen()
    if (texts.every((t) => shown.includes(t))) return shown
    if (Date.now() > deadline)
      throw new Error(`屏幕上没有出现“${texts.find((t) => !shown.includes(t))}”：\n${shown}`)
    await sleep(200)
  }
}

let api: ChildProcess | undefined
let dir = ""
let base = ""
let output = ""
const keys: Record<string, string> = {}

/** The demo prints each role's name, then its key on the next line. */
const keyAfter = (roleName: string) => {
  const lines = output.split("\n")
  const at = lines.findIndex((l) => l.trimStart().startsWith(`${roleName} `))
  const key = lines[at + 1]?.trim()
  if (at === -1 || key === undefined || !key.startsWith("jn_"))
    throw new Error(`演示输出中没有 ${roleName} 的密钥`)
  return key
}

const call = async (method: string, path: string, as: string | undefined, body?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(as === undefined ? {} : { authorization: `Bearer ${as}` }),
      ...(body === undefined ? {} : { "content-type": "application/json" })
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  const json = (await res.json()) as Record<string, unknown>
  return { status: res.status, json }
}

const lookup = async (number: string, name: string) => {
  const { json } = await call(
    "GET",
    `/api/public/certificates/lookup?number=${number}&name=${encodeURIComponent(name)}`,
    undefined
  )
  const [certificate] = json.certificates as ReadonlyArray<{ status: { name: string } }>
  return certificate?.status.name
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

describe.skipIf(!hasTmux)("admin terminal against the real API, in tmux", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jineng-tui-e2e-"))
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    api = spawn(process.execPath, ["--conditions=@jineng/source", "--import", "tsx", API_MAIN], {
      cwd: join(APP_DIR, "../api"),
      env: {
        ...process.env,
        SQLITE_FILE: join(dir, "registry.sqlite"),
        DEMO: "tiny",
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_BASE_URL: base,
        SITE_ROOT: join(dir, "no-site")
      },
      stdio: ["ignore", "pipe", "pipe"]
    })
    api.stdout?.setEncoding("utf8")
    api.stdout?.on("data", (chunk: string) => {
      output += chunk
    })
    api.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8")
    })
    const deadline = Date.now() + 90_000
    while (!output.includes("(已注销)")) {
      if (api.exitCode !== null || Date.now() > deadline) throw new Error(`API 未能启动：\n${output}`)
      await sleep(200)
    }
    keys.province = keyAfter("省人力资源社会保障厅")
    keys.city = keyAfter("设区市人力资源社会保障局")
    keys.host = keyAfter("竞赛主办单位")

    // The terminal runs as an operator's would: a clean environment (Ink renders only a final frame when it sees
    // CI variables), UTF-8, and the terminal type tmux gives its panes.
    const environment = `PATH='${process.env.PATH ?? ""}' HOME='${process.env.HOME ?? dir}' LANG=C.UTF-8 TERM=screen-256color`
    tmux(
      "-u",
      "-f",
      "/dev/null",
      "new-session",
      "-d",
      "-s",
      SESSION,
      "-x",
      "80",
      "-y",
      "24",
      "-c",
      APP_DIR,
      `exec env -i ${environment} '${process.execPath}' --conditions=@jineng/source --import tsx src/cli.tsx --url ${base} --key ${keys.province}`
    )
    tmux("set-option", "-s", "escape-time", "10")
    await waitScreen("主菜单", "江苏省人力资源和社会保障厅", "4. 证书注销")
  }, 120_000)

  afterAll(() => {
    try {
      tmux("kill-server")
    } catch {
      // already gone: the terminal quit
    }
    api?.kill("SIGTERM")
    rmSync(dir, { recursive: true, force: true })
  })

  it("revokes a whole batch after a dry run and a typed confirmation; the public lookup then says 已注销", async () => {
    // A published batch with valid certificates, and one of them to look up (the preview changes nothing).
    const batches = await call("GET", "/api/public/batches?limit=50", undefined)
    let target: { batchId: string; number: string; name: string } | undefined
    for (const b of batches.json.items as ReadonlyArray<{ batchId: string }>) {
      const preview = await call("POST", "/api/revocations/preview", keys.province, {
        scope: { _tag: "batch", batchId: b.batchId },
        reason: "qualification_mismatch",
        basis: { documentNumber: "苏人社督〔2025〕1号", title: "预览" },
        creditCheck: { referred: true },
        orderedOn: today()
      })
      const sample = (
        preview.json.sample as ReadonlyArray<{ number: string; effect: string; holderName: string }>
      ).find((s) => s.effect === "revoke")
      if (sample !== undefined) {
        target = { batchId: b.batchId, number: sample.number, name: sample.holderName }
        break
      }
    }
    if (target === undefined) throw new Error("演示数据中没有可注销的批次")

    await press("4")
    await waitScreen("证书注销 · 注销决定", "[整个批次]")
    await press("Tab")
    await typeText(target.batchId)
    await press("Tab", "Tab")
    await typeText("苏人社督〔2025〕3号")
    await press("Tab")
    await typeText("技能人才评价专项督查处理决定")
    await press("Enter", "Enter", "Enter", "Enter", "Enter")
    const dryRun = await waitScreen("预演结果（未作任何改动）", "请输入将注销的证书数以确认")
    const count = /将注销 (\d+) 本/.exec(dryRun)?.[1]
    expect(Number(count)).toBeGreaterThan(0)
    expect(dryRun).toContain(target.number)
    expect(await lookup(target.number, target.name)).toBe("有效")

    await typeText(String(Number(count) + 1))
    await press("Enter")
    await waitScreen(`输入的数量与预演不符：应输入 ${count}`)
    for (let i = 0; i < String(Number(count) + 1).length; i++) await press("BSpace")
    await typeText(String(count))
    await press("Enter")
    const done = await waitScreen("证书注销 · 已执行", `本次注销 ${count} 本`, "信用核查联动：已启动")
    for (const line of done.split("\n")) expect(line.length).toBeLessThanOrEqual(80)

    expect(await lookup(target.number, target.name)).toBe("已注销")
  }, 120_000)

  it("records the province's opinion on a filing the city has agreed to", async () => {
    const startsOn = addDays(today(), 60)
    const people = (regionCode: string, n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, regionCode }))
    const filed = await call("POST", "/api/competitions", keys.host, {
      id: "e2e-welding",
      name: "南京市焊工职业技能竞赛",
      class: "city_class_1",
      group: "worker",
      host: { name: "南京市总工会", creditCode: "91350100M000100Y43", regionCode: "320100" },
      regionCode: "320100",
      startsOn,
      endsOn: startsOn,
      events: [
        {
          name: "焊工",
          occupations: [{ code: "6-18-02-04", name: "焊工", workType: "电焊工" }],
          scope: "whole"
        }
      ],
      fees: [],
      contestants: [...people("320102", 10, "nj"), ...people("320505", 12, "sz")]
    })
    expect(filed.status).toBe(201)
    const submitted = await call("POST", "/api/filings", keys.host, { competitionId: "e2e-welding" })
    const filingId = (submitted.json.filing as { id: string }).id
    const agreed = await call("POST", `/api/filings/${filingId}/opinions`, keys.city, {
      level: "city",
      verdict: "agree",
      text: "同意报省厅备案"
    })
    expect(agreed.status).toBe(201)

    // 待办 lists it among the filings awaiting the province's opinion (GET /api/filings/awaiting).
    await press("Escape")
    await waitScreen("主菜单")
    await press("1")
    const todo = await waitScreen("备案·待出具意见", startsOn)
    expect(
      todo.split("\n").some((l) => l.includes("南京市焊工职业技能竞赛") && l.includes(startsOn)),
      todo
    ).toBe(true)
    await press("Escape")
    await waitScreen("主菜单")

    // 竞赛备案: the competition found with the filters, its review, then its filing chosen in it.
    await press("2")
    await waitScreen("竞赛列表")
    await press("/")
    await waitScreen("› 地区代码")
    await typeText("320100")
    await press("Tab", "Tab")
    await typeText("6-18-02-04")
    await press("Tab")
    await typeText(startsOn)
    await press("Tab")
    await typeText(startsOn)
    await press("Enter", "Enter")
    await waitScreen(
      `共 1 项  筛选：地区 320100  职业 6-18-02-04  时间 ${startsOn} 至 ${startsOn}`,
      "e2e-welding",
      "54.5%"
    )
    await press("Enter")
    await waitScreen(
      "竞赛详情（54号·二）",
      "外地选手 12/22 人（54.5%）→ 报省人力资源社会保障厅备案（54号·二）",
      "应备案层级：报省人力资源社会保障厅备案（54号·二）",
      `› ${filingId}`
    )
    await press("Enter")
    await waitScreen(
      "备案详情（附件1）",
      "外地选手 12/22 人（54.5%）→ 报省人力资源社会保障厅备案（54号·二）",
      "待出具意见：省人社厅（本级）"
    )
    await press("o")
    await waitScreen("省人社厅意见", "[同意]")
    await press("Tab")
    await typeText("同意备案")
    await press("Enter", "Enter")
    await waitScreen("已记录省人社厅意见：同意", "状态：备案完成")

    const after = await call("GET", `/api/filings/${filingId}`, keys.province)
    const filing = after.json.filing as {
      status: string
      opinions: ReadonlyArray<{ level: string; text: string; actor: { regionCode: string } }>
    }
    expect(filing.status).toBe("completed")
    expect(filing.opinions.at(-1)).toMatchObject({
      level: "province",
      text: "同意备案",
      actor: { regionCode: "320000" }
    })

    await press("Escape")
    await waitScreen("竞赛详情（54号·二）", "备案完成", "判定：符合规定，可享受竞赛支持激励政策")
    await press("Escape")
    await waitScreen("竞赛列表", "e2e-welding")
    await press("Escape")
    await waitScreen("主菜单")

    // 机构目录: the name searched by the API over the whole catalogue, its matches counted by `total`.
    const first = await call("GET", "/api/public/institutions?limit=1", undefined)
    const [institution] = first.json.items as ReadonlyArray<{ name: string }>
    const text = [...(institution?.name ?? "")].slice(2, 5).join("")
    const matching = await call("GET", `/api/public/institutions?name=${encodeURIComponent(text)}`, undefined)
    expect(matching.json.total).toBeGreaterThan(0)
    expect(matching.json.total).toBeLessThan(first.json.total as number)
    await press("3")
    await waitScreen("机构目录", "共 ")
    await press("/")
    await waitScreen("› 名称含")
    await typeText(text)
    await press("Tab", "Tab", "Tab", "Tab", "Tab", "Enter")
    await waitScreen(`名称含“${text}”`, `共 ${matching.json.total} 家`, institution?.name ?? "")
    await press("Escape")
    await waitScreen("主菜单")
    await press("q")
    const deadline = Date.now() + 10_000
    for (;;) {
      try {
        tmux("has-session", "-t", SESSION)
      } catch {
        break
      }
      if (Date.now() > deadline) throw new Error(`按 q 后终端未退出：\n${screen()}`)
      await sleep(200)
    }
  }, 120_000)
})
