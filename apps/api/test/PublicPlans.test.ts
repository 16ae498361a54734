/**
 * The public list of competition plans (54号·五, 附件3) through the API: no key needed; filtered by region (a city
 * includes its districts), occupation and dates, newest first, paginated as { items, total, limit, offset };
 * bad parameters answer 400 naming the parameter.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTestApp, problemOf, type TestApp } from "./TestApp.js"

let t: TestApp
/** A year no demo plan reaches, so date filters isolate the plans published here. */
let year: number

const competition = (
  id: string,
  regionCode: string,
  cls: string,
  occupation: { code: string; name: string },
  startsOn: string
) => ({
  id,
  name: `${id} 职业技能竞赛`,
  class: cls,
  group: "worker",
  host: { name: "某总工会", creditCode: "91350100M000100Y43", regionCode },
  regionCode,
  startsOn,
  endsOn: startsOn,
  events: [{ name: occupation.name, occupations: [occupation], scope: "whole" }],
  fees: [],
  contestants: [{ id: "p1", regionCode }],
  plans: [
    {
      id: `plan-${id}`,
      eventName: occupation.name,
      participationConditions: "具有我省户籍或参加我省基本养老保险一年以上",
      registrationPhone: "025-83271773"
    }
  ]
})

interface PlanPage {
  items: Array<{
    id: string
    listing: { regionCode: string; time: { from: string } }
    occupation?: { code: string }
  }>
  total: number
  limit: number
  offset: number
}

const list = async (query: Record<string, string>) => {
  const res = await t.call("GET", `/api/public/competition-plans?${new URLSearchParams(query)}`)
  if (res.status !== 200) throw new Error(`${res.status}: ${await res.text()}`)
  return (await res.json()) as PlanPage
}

beforeAll(async () => {
  t = await makeTestApp()
  year = Number(t.today.slice(0, 4)) + 5
  const welder = { code: "6-18-02-04", name: "焊工" }
  const electrician = { code: "6-31-01-03", name: "电工" }
  for (const body of [
    competition("pp-xuanwu", "320102", "county", welder, `${year}-03-01`),
    competition("pp-nanjing", "320100", "city_class_1", electrician, `${year}-05-01`),
    competition("pp-suzhou", "320500", "city_class_1", welder, `${year}-04-01`)
  ]) {
    const res = await t.call("POST", "/api/competitions", { as: t.orgOf.host, body })
    if (res.status !== 201) throw new Error(`${res.status}: ${await res.text()}`)
  }
}, 60_000)
afterAll(() => t.close())

describe("GET /api/public/competition-plans (附件3)", () => {
  it("lists every published plan without a key, newest first, with the demo's plans", async () => {
    const page = await list({ limit: "100" })
    expect(page.total).toBeGreaterThanOrEqual(3 + t.demo.competitions)
    expect(page.items.slice(0, 3).map((p) => p.id)).toEqual([
      "plan-pp-nanjing",
      "plan-pp-suzhou",
      "plan-pp-xuanwu"
    ])
    expect(page).toMatchObject({ limit: 100, offset: 0 })
  })

  it("filters by region including sub-regions, by occupation and by dates", async () => {
    const within = { from: `${year}-01-01`, until: `${year}-12-31` }
    expect((await list({ ...within, regionCode: "320100" })).items.map((p) => p.id)).toEqual([
      "plan-pp-nanjing",
      "plan-pp-xuanwu"
    ])
    expect((await list({ ...within, regionCode: "320102" })).items.map((p) => p.id)).toEqual([
      "plan-pp-xuanwu"
    ])
    expect((await list({ ...within, regionCode: "320000" })).total).toBe(3)
    expect((await list({ ...within, occupationCode: "6-18-02-04" })).items.map((p) => p.id)).toEqual([
      "plan-pp-suzhou",
      "plan-pp-xuanwu"
    ])
    expect((await list({ from: `${year}-03-15`, until: `${year}-04-15` })).items.map((p) => p.id)).toEqual([
      "plan-pp-suzhou"
    ])
  })

  it("paginates as { items, total, limit, offset } with limit 20 by default", async () => {
    const within = { from: `${year}-01-01`, until: `${year}-12-31` }
    const page = await list({ ...within, limit: "1", offset: "1" })
    expect(page).toEqual({
      items: [expect.objectContaining({ id: "plan-pp-suzhou" })],
      total: 3,
      limit: 1,
      offset: 1
    })
    expect(await list(within)).toMatchObject({ total: 3, limit: 20, offset: 0 })
  })

  it.each([
    [{ regionCode: "abc" }, "regionCode"],
    [{ regionCode: "320100' OR '1'='1" }, "regionCode"],
    [{ occupationCode: "6-18-02" }, "occupationCode"],
    [{ from: "2023-13-01" }, "from"],
    [{ limit: "0" }, "limit"],
    [{ limit: "101" }, "limit"],
    [{ offset: "-1" }, "offset"],
    [{ host: "某总工会" }, "host"]
  ])("answers 400 for %j naming %s", async (query, field) => {
    const res = await t.call("GET", `/api/public/competition-plans?${new URLSearchParams(query)}`)
    expect(res.status).toBe(400)
    const problem = await problemOf(res)
    expect(problem).toMatchObject({ code: "InvalidRequest", field })
    expect(problem.detail).toMatch(/[\u4e00-\u9fff]/)
  })
})
