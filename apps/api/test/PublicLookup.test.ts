/**
 * The public certificate lookup through the real app on a real SQLite file with the demo registry: two
 * factors, masked ID, the status with revocation date and reason, uniform 404s, problem+json errors.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DEMO_SIZES, type DemoSummary, generateDemo } from "@jineng/db/demo/DemoData"
import { seedOccupations } from "@jineng/db/demo/DemoSeed"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApp } from "../src/App.js"
import { type AppRuntime, makeRuntime } from "../src/AppRuntime.js"

const dir = mkdtempSync(join(tmpdir(), "jineng-api-"))
let runtime: AppRuntime
let app: ReturnType<typeof makeApp>
let demo: DemoSummary

beforeAll(async () => {
  runtime = makeRuntime({ _tag: "sqlite", filename: join(dir, "registry.sqlite") })
  demo = await runtime.runPromise(
    generateDemo({ size: DEMO_SIZES.tiny, seed: 11, occupations: seedOccupations(), today: "2026-06-15" })
  )
  app = makeApp(runtime, { publicBaseUrl: "https://cx.example.gov.cn" })
}, 60_000)

afterAll(async () => {
  await runtime.dispose()
  rmSync(dir, { recursive: true, force: true })
})

const lookup = (query: Record<string, string>) =>
  app.request(`/api/public/certificates/lookup?${new URLSearchParams(query)}`)

describe("54号·四 public certificate lookup (two factors, domain.md §2)", () => {
  it("finds a valid certificate by number + name, with the ID masked and every printed field", async () => {
    const sample = demo.samples.find((s) => s.status === "valid")
    if (sample === undefined) throw new Error("the demo has no valid sample")
    const res = await lookup({ number: sample.number, name: sample.name })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { certificates: Array<Record<string, unknown>> }
    expect(body.certificates).toHaveLength(1)
    expect(body.certificates[0]).toMatchObject({
      number: sample.number,
      holder: {
        name: sample.name,
        idTypeName: "居民身份证",
        idNumberMasked: `${sample.idNumber.slice(0, 6)}********${sample.idNumber.slice(14)}`
      },
      status: { state: "valid", name: "有效" },
      verificationUrl: `https://cx.example.gov.cn/verify/${sample.number}?name=${encodeURIComponent(sample.name)}`
    })
    expect(JSON.stringify(body)).not.toContain(sample.idNumber)
  })

  it("finds by ID number + name, and shows a revoked certificate with its date and reason", async () => {
    const sample = demo.samples.find((s) => s.status === "revoked")
    if (sample === undefined) throw new Error("the demo has no revoked sample")
    const res = await lookup({ idNumber: sample.idNumber.toLowerCase(), name: sample.name })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      certificates: Array<{ number: string; status: Record<string, unknown> }>
    }
    const revoked = body.certificates.find((c) => c.number === sample.number)
    expect(revoked?.status).toMatchObject({
      state: "revoked",
      name: "已注销",
      reason: "qualification_mismatch",
      reasonName: "资格条件不符"
    })
    expect(revoked?.status.revokedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it("answers an unknown number and a wrong name with the same 404 problem", async () => {
    const sample = demo.samples[0]
    if (sample === undefined) throw new Error("no sample")
    const wrongName = await lookup({ number: sample.number, name: "不是本人" })
    const unknown = await lookup({ number: `${sample.number.slice(0, 16)}999999`, name: sample.name })
    expect([wrongName.status, unknown.status]).toEqual([404, 404])
    expect(wrongName.headers.get("content-type")).toContain("application/problem+json")
    expect(await wrongName.text()).toBe(await unknown.text())
  })

  it.each([
    [{ number: "S0000320000012430000", name: "张三" }, "InvalidCertificateNumber", "number", "22位"],
    [{ idNumber: "110105194912310021", name: "张三" }, "InvalidResidentId", "idNumber", "校验位"],
    [{ number: "S000032000001243000001" }, "InvalidRequest", "name", "姓名"],
    [{ name: "张三" }, "LookupFactorRequired", "number", "证书编号或身份证号"],
    [
      { number: "S000032000001243000001", idNumber: "11010519491231002X", name: "张三" },
      "LookupFactorRequired",
      "number",
      "之一"
    ],
    [{ number: "'; DROP TABLE certificates; --", name: "张三" }, "InvalidCertificateNumber", "number", "22位"]
  ])("refuses bad input %j with a 400 problem naming the field", async (query, code, field, text) => {
    const res = await lookup(query)
    expect(res.status).toBe(400)
    expect(res.headers.get("content-type")).toContain("application/problem+json")
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({ code, field, status: 400 })
    expect(String(body.detail)).toContain(text)
  })
})

describe("health and unknown routes", () => {
  it("answers /healthz and /readyz", async () => {
    expect((await app.request("/healthz")).status).toBe(200)
    expect(await (await app.request("/readyz")).json()).toEqual({ status: "ready" })
  })
  it("answers an unknown route with a 404 problem", async () => {
    const res = await app.request("/api/nope")
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ code: "RouteNotFound" })
  })
})
