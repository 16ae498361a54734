import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import type { IssueBatchRequest } from "@jineng/domain/issuance/IssueBatchRequest"
import { afterEach, describe, expect, it } from "vitest"
import { residentId } from "../../test/People.js"
import { makeHttpAdminClient } from "./HttpAdminClient.js"

interface Seen {
  readonly method: string
  readonly url: string
  readonly headers: IncomingMessage["headers"]
  readonly body: string
}

let server: Server | undefined
afterEach(
  () => new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())))
)

/** A local HTTP server that records each request and answers with `answer`. */
const serve = async (answer: (seen: Seen, res: ServerResponse) => void) => {
  const seen: Array<Seen> = []
  server = createServer((req, res) => {
    let body = ""
    req.setEncoding("utf8")
    req.on("data", (chunk: string) => {
      body += chunk
    })
    req.on("end", () => {
      const s = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body }
      seen.push(s)
      answer(s, res)
    })
  })
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, seen }
}

const json = (res: ServerResponse, status: number, body: unknown, type = "application/json") => {
  res.writeHead(status, { "content-type": type })
  res.end(JSON.stringify(body))
}

describe("HttpAdminClient", () => {
  it("sends the key as a bearer token and answers the JSON value", async () => {
    const { url, seen } = await serve((_, res) => json(res, 200, { roleName: "设区市人力资源社会保障局" }))
    const result = await makeHttpAdminClient(url, "jn_key_1").me()
    expect(result).toEqual({ ok: true, status: 200, value: { roleName: "设区市人力资源社会保障局" } })
    expect(seen[0]?.url).toBe("/api/organisations/me")
    expect(seen[0]?.headers.authorization).toBe("Bearer jn_key_1")
  })

  it("sends queries as strings and only the parameters that are set", async () => {
    const { url, seen } = await serve((_, res) =>
      json(res, 200, { items: [], total: 0, limit: 10, offset: 20 })
    )
    await makeHttpAdminClient(url, "k").reports({
      limit: 10,
      offset: 20,
      status: "verifying",
      regionCode: undefined
    })
    expect(seen[0]?.url).toBe("/api/reports?limit=10&offset=20&status=verifying")
  })

  it("searches the catalogue by name with the other filters and paging, the name percent-encoded", async () => {
    const { url, seen } = await serve((_, res) =>
      json(res, 200, { items: [], total: 13, limit: 10, offset: 10 })
    )
    const client = makeHttpAdminClient(url, "k")
    const page = await client.institutions({
      limit: 10,
      offset: 10,
      name: "华瑞 & Co",
      regionCode: "320600",
      status: "admitted",
      level: ""
    })
    await client.institutions({ limit: 10, offset: 0, name: "", regionCode: undefined })
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      `GET /api/public/institutions?limit=10&offset=10&name=${encodeURIComponent("华瑞 & Co").replace(/%20/g, "+")}&regionCode=320600&status=admitted`,
      "GET /api/public/institutions?limit=10&offset=0"
    ])
    expect(new URL(seen[0]?.url ?? "", url).searchParams.get("name")).toBe("华瑞 & Co")
    expect(page).toEqual({ ok: true, status: 200, value: { items: [], total: 13, limit: 10, offset: 10 } })
  })

  it("reads the competitions, one competition and the filings awaiting the bureau at their routes", async () => {
    const { url, seen } = await serve((_, res) => json(res, 200, { items: [] }))
    const client = makeHttpAdminClient(url, "k")
    await client.competitions({
      limit: 10,
      offset: 0,
      regionCode: "320100",
      class: "city_class_1",
      occupationCode: "",
      from: "2025-06-01",
      until: undefined
    })
    await client.competition("comp-nj-1")
    const awaiting = await client.awaitingFilings()
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "GET /api/competitions?limit=10&offset=0&regionCode=320100&class=city_class_1&from=2025-06-01",
      "GET /api/competitions/comp-nj-1",
      "GET /api/filings/awaiting"
    ])
    expect(awaiting).toEqual({ ok: true, status: 200, value: { items: [] } })
  })

  it("reads the due assessments and the expiring authorisations of a region in one call each", async () => {
    const { url, seen } = await serve((_, res) => json(res, 200, { date: "2025-03-10", items: [] }))
    const client = makeHttpAdminClient(url, "k")
    await client.assessmentsDue({ date: "2025-03-10", regionCode: undefined })
    await client.assessmentsDue({ regionCode: "320100" })
    await client.expiringAuthorisations({ withinDays: 30 })
    const expiring = await client.expiringAuthorisations({ withinDays: 7, regionCode: "320505" })
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "GET /api/assessments/due?date=2025-03-10",
      "GET /api/assessments/due?regionCode=320100",
      "GET /api/institutions/expiring?withinDays=30",
      "GET /api/institutions/expiring?withinDays=7&regionCode=320505"
    ])
    expect(expiring).toEqual({ ok: true, status: 200, value: { date: "2025-03-10", items: [] } })
  })

  it("turns problem+json into the problem: zh-CN detail, code, field and row issues", async () => {
    const { url } = await serve((_, res) =>
      json(
        res,
        422,
        {
          status: 422,
          code: "BatchRefused",
          title: "不符合规定，未予办理",
          detail: "批次 B1 有 1 行不符合核发条件，整批未核发。",
          field: "candidates",
          refused: [{ index: 0, decision: { failures: [{ message: "无权评价" }] } }],
          refusedCount: 1
        },
        "application/problem+json; charset=utf-8"
      )
    )
    const result = await makeHttpAdminClient(url, "k").batch("B1")
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problem).toMatchObject({
      status: 422,
      code: "BatchRefused",
      detail: "批次 B1 有 1 行不符合核发条件，整批未核发。",
      field: "candidates",
      refusedCount: 1
    })
    expect(result.problem.refused?.[0]?.decision?.failures[0]?.message).toBe("无权评价")
  })

  it("gives a zh-CN problem for an answer that is not problem+json, and for no server at all", async () => {
    const { url } = await serve((_, res) => {
      res.writeHead(502)
      res.end()
    })
    const bad = await makeHttpAdminClient(url, "k").me()
    expect(bad.ok ? undefined : bad.problem).toMatchObject({ code: "HTTP502", detail: "服务器答复 HTTP 502" })
    await new Promise<void>((resolve) => server?.close(() => resolve()))
    server = undefined
    const down = await makeHttpAdminClient(url, "k").me()
    expect(down.ok ? undefined : down.problem.code).toBe("NetworkError")
    expect(down.ok ? "" : down.problem.detail).toMatch(/^无法连接服务器/)
  })

  it("answers Cancelled when the call's signal aborts", async () => {
    const { url } = await serve(() => undefined)
    const controller = new AbortController()
    const pending = makeHttpAdminClient(url, "k").previewRevocation({} as never, {
      signal: controller.signal
    })
    setTimeout(() => controller.abort(), 50)
    const result = await pending
    expect(result.ok ? undefined : result.problem.code).toBe("Cancelled")
  })

  it("streams a batch as JSON Lines — the request without candidates, then one candidate a line — with progress", async () => {
    const { url, seen } = await serve((s, res) =>
      json(res, 201, { batchId: "B1", count: s.body.trim().split("\n").length - 1, certificates: [] })
    )
    const candidates = Array.from({ length: 1_203 }, (_, i) => ({
      holder: {
        name: `考生${i}`,
        idType: "resident_id" as const,
        idNumber: residentId("320102", "19900101", i % 999)
      },
      occupationCode: "6-18-02-04",
      level: 4 as const
    }))
    const request = {
      batchId: "B1",
      institutionId: "inst-0001",
      issuedOn: "2025-03-10",
      evaluationRegion: "320102",
      candidates
    } as IssueBatchRequest
    const progress: Array<[number, number]> = []
    const result = await makeHttpAdminClient(url, "k").issueBatch(request, {
      onProgress: (sent, total) => progress.push([sent, total])
    })
    expect(result.ok ? (result.value as { count: number }).count : 0).toBe(1_203)
    expect(seen[0]?.url).toBe("/api/batches/B1/certificates")
    expect(seen[0]?.headers["content-type"]).toBe("application/x-ndjson")
    const lines = (seen[0]?.body ?? "")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
    expect(lines[0]).toEqual({
      batchId: "B1",
      institutionId: "inst-0001",
      issuedOn: "2025-03-10",
      evaluationRegion: "320102"
    })
    expect(lines[1]).toEqual(candidates[0])
    expect(lines).toHaveLength(1_204)
    expect(progress).toEqual([
      [0, 1_203],
      [500, 1_203],
      [1_000, 1_203],
      [1_203, 1_203]
    ])
  })
})
