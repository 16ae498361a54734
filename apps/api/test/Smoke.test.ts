import { afterAll, beforeAll, expect, it } from "vitest"
import { makeTestApp, type TestApp } from "./TestApp.js"
let t: TestApp
beforeAll(async () => { t = await makeTestApp() })
afterAll(() => t.close())
it("smoke", async () => {
  const r = await t.call("GET", "/api/openapi.json")
  expect(r.status).toBe(200)
  const doc = await r.json() as any
  console.log(Object.keys(doc.paths), JSON.stringify(doc.paths["/api/public/certificates/lookup"]).slice(0, 800))
  console.log(Object.keys(doc.components.schemas))
  const u = await t.call("POST", "/api/batches", { body: "{not json" })
  console.log(u.status, await u.text(), t.logs.slice(-2))
})
