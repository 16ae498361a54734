/**
 * The behaviour every route shares (issue #4 "Behaviour"): request ids echoed and logged, one JSON log line a
 * request with no query string, ID number or key in it; secure headers; body limits (413); malformed JSON and
 * unknown routes as problem+json; the public lookup's rate limits per client address and per looked-up
 * identity (429 with Retry-After).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTestApp, problemOf, type TestApp } from "./TestApp.js"

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ lookupLimits: { perClientPerMinute: 8, perIdentityPerMinute: 3 } })
})
afterAll(() => t.close())

const sample = () => {
  const s = t.demo.samples.find((x) => x.status === "valid")
  if (s === undefined) throw new Error("no valid demo sample")
  return s
}

describe("request ids, logs and headers", () => {
  it("echoes a caller's request id, makes one otherwise, and logs one line per request without personal data", async () => {
    const s = sample()
    const mine = await t.call(
      "GET",
      `/api/public/certificates/lookup?idNumber=${s.idNumber}&name=${encodeURIComponent(s.name)}`,
      {
        headers: { "x-request-id": "req-0001" }
      }
    )
    expect(mine.headers.get("x-request-id")).toBe("req-0001")
    const made = await t.call("GET", "/healthz", { headers: { "x-request-id": "bad id with spaces" } })
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/)
    const line = t.logs.find((l) => l.requestId === "req-0001")
    expect(line).toMatchObject({
      level: "info",
      msg: "request",
      method: "GET",
      path: "/api/public/certificates/lookup",
      status: 200
    })
    const all = t.logs.map((l) => JSON.stringify(l)).join("\n")
    expect(all).not.toContain(s.idNumber)
    expect(all).not.toContain(s.name)
    for (const key of Object.values(t.keys)) expect(all).not.toContain(key)
  })

  it("logs the acting organisation of a keyed request and never its key", async () => {
    await t.call("GET", "/api/organisations/me", { as: t.orgOf.city, headers: { "x-request-id": "req-me" } })
    const line = t.logs.find((l) => l.requestId === "req-me")
    expect(line).toMatchObject({ actor: t.orgOf.city, status: 200 })
    expect(JSON.stringify(line)).not.toContain(t.keys[t.orgOf.city] as string)
  })

  it("sends secure headers", async () => {
    const res = await t.call("GET", "/healthz")
    expect(res.headers.get("x-content-type-options")).toBe("nosniff")
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN")
    expect(res.headers.get("strict-transport-security")).toContain("max-age=")
    expect(res.headers.get("referrer-policy")).toBe("no-referrer")
  })
})

describe("bodies and routes", () => {
  it("refuses a body over 1 MiB with 413 before reading it whole", async () => {
    const res = await t.call("POST", "/api/public/rules/eligibility", {
      body: JSON.stringify({ pad: "x".repeat(1024 * 1024 + 1) })
    })
    expect(res.status).toBe(413)
    expect((await problemOf(res)).code).toBe("BodyTooLarge")
  })

  it("answers malformed JSON with 400 MalformedBody and an unknown route with 404 RouteNotFound", async () => {
    const malformed = await problemOf(
      await t.call("POST", "/api/public/rules/eligibility", { body: '{"route":' })
    )
    expect(malformed).toMatchObject({ status: 400, code: "MalformedBody", field: "body" })
    const unknown = await problemOf(await t.call("GET", "/api/nothing-here"))
    expect(unknown).toMatchObject({ status: 404, code: "RouteNotFound" })
  })
})

describe("public lookup rate limits", () => {
  it("limits lookups of one identity (3 a minute), whoever asks, with Retry-After", async () => {
    const s = sample()
    const ask = () =>
      t.call("GET", `/api/public/certificates/lookup?number=${s.number}&name=${encodeURIComponent("别人")}`)
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(404)
    const limited = await ask()
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1)
    expect((await problemOf(limited)).code).toBe("LookupRateLimitedForIdentity")
  })

  it("limits lookups from one client address (8 a minute)", async () => {
    const statuses: Array<number> = []
    for (let i = 0; i < 12; i++)
      statuses.push(
        (await t.call("GET", `/api/public/certificates/lookup?number=S00003200000124300000${i % 10}&name=x`))
          .status
      )
    expect(statuses).toContain(429)
    const limited = await t.call(
      "GET",
      "/api/public/certificates/lookup?number=S000032000001243000001&name=x"
    )
    expect(limited.status).toBe(429)
    expect((await problemOf(limited)).code).toBe("LookupRateLimited")
  })
})
