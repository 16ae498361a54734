/**
 * GET /api/openapi.json documents every route of the app and nothing else: each mounted route has one doc and
 * each doc a route; every operation lists its errors as problem+json, write routes their API key and 401/403,
 * and every schema reference resolves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { appDocs } from "../src/App.js"
import { openApiPath } from "../src/openapi/OpenApi.js"
import { makeTestApp, type TestApp } from "./TestApp.js"

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp()
})
afterAll(() => t.close())

type Operation = {
  operationId: string
  summary: string
  security?: ReadonlyArray<unknown>
  responses: Record<string, { content?: Record<string, unknown> }>
  requestBody?: unknown
  parameters?: ReadonlyArray<{ name: string; in: string }>
}

const fetchDocument = async () => {
  const res = await t.call("GET", "/api/openapi.json")
  expect(res.status).toBe(200)
  return (await res.json()) as {
    openapi: string
    paths: Record<string, Record<string, Operation>>
    components: { schemas: Record<string, unknown> }
  }
}

describe("OpenAPI 3.1 document", () => {
  it("has exactly one doc for every mounted route and a route for every doc", () => {
    const mounted = new Set(
      t.app.routes
        .filter((r) => r.method !== "ALL")
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/\/$/, "") || "/"}`)
    )
    const documented = appDocs.map((d) => `${d.method} ${d.path}`)
    expect(new Set(documented).size).toBe(documented.length)
    expect([...mounted].filter((r) => !documented.includes(r))).toEqual([])
    expect(documented.filter((d) => !mounted.has(d))).toEqual([])
  })

  it("describes every operation with a summary, its errors as problem+json and its security", async () => {
    const document = await fetchDocument()
    expect(document.openapi).toBe("3.1.0")
    for (const doc of appDocs) {
      const operation = document.paths[openApiPath(doc.path)]?.[doc.method]
      expect(operation, `${doc.method} ${doc.path}`).toBeDefined()
      if (operation === undefined) continue
      expect(operation.summary).toMatch(/[\u4e00-\u9fff]/)
      expect(Object.keys(operation.responses)).toContain(String(doc.success.status))
      expect(Object.keys(operation.responses)).toContain("500")
      for (const [status, response] of Object.entries(operation.responses))
        if (Number(status) >= 400)
          expect(Object.keys(response.content ?? {})).toEqual(["application/problem+json"])
      if (doc.action !== undefined) {
        expect(operation.security).toEqual([{ apiKey: [] }])
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["401", "403"]))
      }
      if (doc.body !== undefined) expect(operation.requestBody).toBeDefined()
      for (const name of doc.path.match(/:([A-Za-z0-9_]+)/g) ?? [])
        expect(operation.parameters?.some((p) => p.in === "path" && `:${p.name}` === name)).toBe(true)
    }
  })

  it("has unique operation ids and every $ref resolves to a component schema", async () => {
    const document = await fetchDocument()
    const ids = Object.values(document.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId))
    expect(new Set(ids).size).toBe(ids.length)
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] as string)
    expect(refs.length).toBeGreaterThan(0)
    for (const ref of refs) {
      expect(ref.startsWith("#/components/schemas/"), ref).toBe(true)
      expect(document.components.schemas[ref.slice("#/components/schemas/".length)], ref).toBeDefined()
    }
  })
})
