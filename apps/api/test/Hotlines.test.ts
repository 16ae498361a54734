/**
 * The hotlines are the deployment's data (54号·五; HOTLINES_FILE in main.ts → RuntimeOptions.hotlines): a city
 * whose number is on file shows it as published with its provenance, the others still show the province's.
 * The number below is test data, marked unconfirmed — never a claim about a real city's number.
 */
import { PROVINCIAL_HOTLINE } from "@jineng/domain/quality/Hotline"
import { afterAll, beforeAll, expect, it } from "vitest"
import { makeTestApp, type TestApp } from "./TestApp.js"

const SUZHOU = {
  regionCode: "320500",
  phone: "0512-12345678",
  provenance: {
    source: "测试数据",
    note: "测试用号码，非真实号码",
    confirmed: false,
    recordedOn: "2026-01-01"
  }
}

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ hotlines: [PROVINCIAL_HOTLINE, SUZHOU] })
})
afterAll(() => t.close())

it("shows a city's own hotline from the deployment's list, and the province's for the others", async () => {
  const body = (await (await t.call("GET", "/api/public/hotlines")).json()) as {
    cities: Array<{ regionCode: string; published: boolean; hotlines: Array<{ phone: string }> }>
  }
  const suzhou = body.cities.find((c) => c.regionCode === "320500")
  expect(suzhou).toMatchObject({ published: true, hotlines: [SUZHOU] })
  const nanjing = body.cities.find((c) => c.regionCode === "320100")
  expect(nanjing).toMatchObject({ published: false, hotlines: [{ phone: "025-83271773" }] })
})
