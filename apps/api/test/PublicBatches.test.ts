/**
 * The public 附件2 list of evaluation batches (54号·五) through the real app on the demo registry: published
 * batches only, filtered by region (with sub-regions), occupation, level and date range, paginated, and never
 * a candidate's data.
 */
import type { EvaluationBatchPlan } from "@jineng/domain/issuance/EvaluationBatch"
import { EvaluationBatchRepository } from "@jineng/domain/issuance/EvaluationBatchRepository"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTestApp, problemOf, type TestApp } from "./TestApp.js"

interface Item {
  batchId: string
  publishedOn: string
  listing: {
    institution: { id: string; name: string }
    occupation: { code: string; name: string; workType?: string }
    level: number
    evaluationTime: { from: string; until?: string }
    contact: { name: string; phone: string }
    regionCode: string
  }
}
interface PageBody {
  items: Array<Item>
  total: number
  limit: number
  offset: number
}

let t: TestApp
let all: Array<Item>

const list = async (query: Record<string, string> = {}) => {
  const res = await t.call("GET", `/api/public/batches?${new URLSearchParams(query)}`)
  expect(res.status).toBe(200)
  return (await res.json()) as PageBody
}

beforeAll(async () => {
  t = await makeTestApp()
  // A batch planned but not published: not on the public list.
  const first = await t.runtime.runPromise(
    Effect.flatMap(EvaluationBatchRepository, (r) => r.list({ limit: 1 }))
  )
  const model = first.items[0]
  if (model === undefined) throw new Error("the demo has no evaluation batch")
  const plan: EvaluationBatchPlan = {
    id: "PUB-planned-only",
    institution: model.institution,
    occupation: model.occupation,
    level: model.level,
    evaluationTime: model.evaluationTime,
    contact: model.contact,
    regionCode: model.regionCode,
    plannedOn: model.plannedOn
  }
  await t.runtime.runPromise(Effect.flatMap(EvaluationBatchRepository, (r) => r.plan(plan)))
  all = (await list({ limit: "100" })).items
}, 60_000)

afterAll(() => t.close())

const overlaps = (i: Item, from?: string, to?: string) =>
  (from === undefined || (i.listing.evaluationTime.until ?? i.listing.evaluationTime.from) >= from) &&
  (to === undefined || i.listing.evaluationTime.from <= to)

describe("GET /api/public/batches (附件2 评价批次公布目录)", () => {
  it("lists the published batches, newest evaluation first, with the 附件2 columns only", async () => {
    const page = await list()
    expect(page).toMatchObject({ limit: 20, offset: 0 })
    expect(page.total).toBe(all.length)
    expect(all.length).toBeGreaterThan(3)
    expect(all.map((i) => i.batchId)).not.toContain("PUB-planned-only")
    const starts = all.map((i) => i.listing.evaluationTime.from)
    expect(starts).toEqual([...starts].sort().reverse())
    for (const item of all) {
      expect(Object.keys(item).sort()).toEqual(["batchId", "listing", "publishedOn"])
      expect(Object.keys(item.listing).sort()).toEqual([
        "contact",
        "evaluationTime",
        "institution",
        "level",
        "occupation",
        "regionCode"
      ])
    }
  })

  it("shows no candidate or holder data", async () => {
    const text = JSON.stringify(await list({ limit: "100" }))
    for (const sample of t.demo.samples) {
      expect(text).not.toContain(sample.idNumber)
    }
  })

  it("filters by region, a city including its districts", async () => {
    const county = all[0]?.listing.regionCode ?? ""
    const city = `${county.slice(0, 4)}00`
    const inCity = await list({ regionCode: city, limit: "100" })
    expect(inCity.total).toBe(all.filter((i) => i.listing.regionCode.startsWith(county.slice(0, 4))).length)
    expect(inCity.items.map((i) => i.listing.regionCode)).toContain(county)
    const inCounty = await list({ regionCode: county, limit: "100" })
    expect(inCounty.items.every((i) => i.listing.regionCode === county)).toBe(true)
    expect(inCounty.total).toBeGreaterThan(0)
    expect((await list({ regionCode: "320000", limit: "100" })).total).toBe(all.length)
    expect((await list({ regionCode: "110000" })).total).toBe(0)
  })

  it("filters by occupation, level and date range (evaluated on a day of it)", async () => {
    const sample = all[Math.floor(all.length / 2)] as Item
    const byOccupation = await list({ occupationCode: sample.listing.occupation.code, limit: "100" })
    expect(byOccupation.total).toBe(
      all.filter((i) => i.listing.occupation.code === sample.listing.occupation.code).length
    )
    const byLevel = await list({ level: String(sample.listing.level), limit: "100" })
    expect(byLevel.total).toBe(all.filter((i) => i.listing.level === sample.listing.level).length)
    const from = sample.listing.evaluationTime.from
    const to = sample.listing.evaluationTime.until ?? from
    const byDates = await list({ from, to, limit: "100" })
    expect(byDates.items.map((i) => i.batchId)).toContain(sample.batchId)
    expect(byDates.total).toBe(all.filter((i) => overlaps(i, from, to)).length)
    expect((await list({ from: "2099-01-01" })).total).toBe(0)
  })

  it("paginates with limit and offset", async () => {
    const first = await list({ limit: "2", offset: "0" })
    const second = await list({ limit: "2", offset: "2" })
    expect([first.items.length, second.items.length]).toEqual([2, 2])
    expect(first.total).toBe(all.length)
    expect([...first.items, ...second.items].map((i) => i.batchId)).toEqual(
      all.slice(0, 4).map((i) => i.batchId)
    )
  })

  it.each([
    [{ regionCode: "abc" }, "regionCode"],
    [{ occupationCode: "6-18-01-01' OR '1'='1" }, "occupationCode"],
    [{ level: "6" }, "level"],
    [{ from: "2024-13-01" }, "from"],
    [{ limit: "101" }, "limit"],
    [{ offset: "-1" }, "offset"],
    [{ institutionId: "inst-0001" }, "institutionId"]
  ])("refuses %j with a 400 problem naming %s", async (query, field) => {
    const res = await t.call("GET", `/api/public/batches?${new URLSearchParams(query)}`)
    expect(res.status).toBe(400)
    expect(await problemOf(res)).toMatchObject({ code: "InvalidRequest", field })
  })
})
