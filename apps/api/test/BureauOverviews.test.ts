/**
 * The bureaus' overviews for their to-do lists (54号·五 属地管理): institutions whose semiannual assessment is due or
 * overdue, and authorisations ending soon — over the whole region (default the key's own), checked against the
 * per-institution schedule and the public catalogue.
 */
import { addDays } from "@jineng/domain/time/LocalDate"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTestApp, problemOf, type TestApp } from "./TestApp.js"

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp()
})
afterAll(() => t.close())

const VALID_USCC = "91320100MA0000015Q"

type PublicInstitution = {
  id: string
  status: { state: string }
  authorisations: Array<{ id: string; validUntil: string }>
}

const admitted = async () =>
  (
    (await (await t.call("GET", "/api/public/institutions?status=admitted&limit=100")).json()) as {
      items: Array<PublicInstitution & { region: { code: string } }>
    }
  ).items

describe("GET /api/assessments/due", () => {
  it("lists exactly the region's institutions whose schedule says due or overdue", async () => {
    const res = await t.call("GET", "/api/assessments/due", { as: t.orgOf.province })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      date: string
      items: Array<{ institutionId: string; outcome: string }>
    }
    expect(body.date).toBe(t.today)
    const expected: Array<string> = []
    for (const i of await admitted()) {
      const schedule = (await (
        await t.call("GET", `/api/assessments/schedule?institutionId=${i.id}`, { as: t.orgOf.province })
      ).json()) as { outcome: string }
      if (schedule.outcome === "due" || schedule.outcome === "overdue") expected.push(i.id)
    }
    expect(body.items.map((i) => i.institutionId).sort()).toEqual(expected.sort())
    expect(body.items.length, "the demo has institutions with owed assessments").toBeGreaterThan(0)
    for (const item of body.items) expect(["due", "overdue"]).toContain(item.outcome)
  })

  it("keeps a city to its own region and refuses a bad date", async () => {
    const suzhou = (await (await t.call("GET", "/api/assessments/due", { as: "org-suzhou" })).json()) as {
      items: Array<{ regionCode: string }>
    }
    for (const item of suzhou.items) expect(item.regionCode.startsWith("3205")).toBe(true)
    const outside = (await (
      await t.call("GET", "/api/assessments/due?regionCode=320100", { as: "org-suzhou" })
    ).json()) as { items: Array<unknown> }
    expect(outside.items).toEqual([])
    const bad = await problemOf(
      await t.call("GET", "/api/assessments/due?date=2026-02-30", { as: t.orgOf.city })
    )
    expect(bad).toMatchObject({ status: 400, field: "date" })
    expect((await t.call("GET", "/api/assessments/due")).status).toBe(401)
  })
})

describe("GET /api/institutions/expiring", () => {
  it("lists the admitted institutions' authorisations ending within the days asked, soonest first", async () => {
    // An institution admitted with an authorisation ending in 20 days.
    const admitted_ = await t.call("POST", "/api/institutions", {
      as: t.orgOf.province,
      body: {
        id: "inst-expiring",
        name: "江苏测试到期职业技能评价中心",
        kind: "third_party",
        uscc: VALID_USCC,
        region: "320102",
        filedWith: "province",
        numberingPrefix: { type: "S", institutionCode: "0000", province: "32", siteSerial: "000977" },
        responsiblePerson: { name: "张三" },
        seal: { id: "seal-977", name: "江苏测试到期职业技能评价中心职业技能等级认定专用章" },
        authorisations: [
          {
            id: "auth-expiring",
            occupations: [{ code: "6-18-01-01" }],
            levels: [5, 4],
            region: "320100",
            validFrom: "2023-01-01",
            validUntil: addDays(t.today, 20)
          }
        ],
        reason: "苏人社函〔2024〕1号"
      }
    })
    expect(admitted_.status, await admitted_.clone().text()).toBe(201)
    const soon = (await (await t.call("GET", "/api/institutions/expiring", { as: t.orgOf.city })).json()) as {
      items: Array<{ institutionId: string; daysLeft: number }>
    }
    expect(soon.items).toContainEqual(
      expect.objectContaining({ institutionId: "inst-expiring", daysLeft: 20 })
    )
    const res = await t.call("GET", "/api/institutions/expiring?withinDays=366", { as: t.orgOf.province })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      date: string
      items: Array<{ institutionId: string; authorisationId: string; validUntil: string; daysLeft: number }>
    }
    const until = addDays(t.today, 366)
    const expected = (await admitted()).flatMap((i) =>
      i.authorisations
        .filter((a) => a.validUntil >= t.today && a.validUntil <= until)
        .map((a) => `${i.id}/${a.id}`)
    )
    expect(body.items.map((i) => `${i.institutionId}/${i.authorisationId}`).sort()).toEqual(expected.sort())
    expect(body.items.length, "the demo has authorisations ending within a year").toBeGreaterThan(0)
    const dates = body.items.map((i) => i.validUntil)
    expect(dates).toEqual([...dates].sort())
    for (const item of body.items) expect(addDays(t.today, item.daysLeft)).toBe(item.validUntil)
  })

  it("refuses a bad number of days and answers 401 without a key", async () => {
    const bad = await problemOf(
      await t.call("GET", "/api/institutions/expiring?withinDays=0", { as: t.orgOf.city })
    )
    expect(bad).toMatchObject({ status: 400, field: "withinDays" })
    expect((await t.call("GET", "/api/institutions/expiring")).status).toBe(401)
  })
})
