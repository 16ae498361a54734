/**
 * 54号·五 public reporting through the real app: the hotline directory (the province's number from the notice,
 * each city's as on file or the province's with a notice — no invented numbers), online submission answering a
 * tracking code (audited as the public, nothing personal in the trail or the logs), the status by tracking code
 * without any reporter data, 404 for an unknown code and 400 for a malformed one, 400 with the field for bad
 * submissions (nothing stored), and 429 with Retry-After per client address.
 */
import { jiangsuCities } from "@jineng/domain/codes/Region"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTestApp, problemOf, type TestApp } from "./TestApp.js"

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp()
}, 60_000)
afterAll(() => t.close())

const CONTACT = "13912345678"
const SUBMISSION = {
  regionCode: "320104",
  subject: "某评价机构未考发证",
  details: "本人同事未参加考试即取得四级证书，收费 3000 元",
  concerning: "南京某职业技能评价中心",
  certificateNumbers: ["S000032000001243000001"],
  reporterContact: CONTACT
}

interface Submitted {
  trackingCode: string
  displayCode: string
  receivedOn: string
  notice: string
}

const submit = async (body: unknown = SUBMISSION) => {
  const res = await t.call("POST", "/api/public/reports", { body })
  expect(res.status).toBe(201)
  return (await res.json()) as Submitted
}

describe("54号·五 reporting hotlines (GET /api/public/hotlines)", () => {
  it("lists the province's 025-83271773 from the notice and every city, each without its own number showing the province's with a notice", async () => {
    const res = await t.call("GET", "/api/public/hotlines")
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      province: { regionCode: string; published: boolean; hotlines: Array<Record<string, unknown>> }
      cities: Array<{
        regionCode: string
        regionName: string
        published: boolean
        hotlines: Array<{ phone: string; regionCode: string }>
        notice?: string
      }>
      districts: Array<unknown>
    }
    expect(body.province).toMatchObject({ regionCode: "320000", published: true })
    expect(body.province.hotlines).toEqual([
      {
        regionCode: "320000",
        phone: "025-83271773",
        provenance: {
          source: "54号·五",
          note: expect.stringContaining("025-83271773"),
          confirmed: true,
          recordedOn: "2022-04-08"
        }
      }
    ])
    expect(body.cities.map((c) => c.regionCode)).toEqual(jiangsuCities.map((c) => c.code))
    for (const city of body.cities) {
      expect(city.published).toBe(false)
      expect(city.hotlines.map((h) => [h.regionCode, h.phone])).toEqual([["320000", "025-83271773"]])
      expect(city.notice).toContain(`${city.regionName}人力资源社会保障局的职业证书发放监督举报电话未登记`)
    }
    expect(body.districts).toEqual([])
  })
})

describe("54号·五 online report submission (POST /api/public/reports)", () => {
  it("takes a report in, answers its tracking code and records it audited as the public, with nothing personal in the trail or the logs", async () => {
    const submitted = await submit()
    expect(submitted.trackingCode).toMatch(/^JB[2-9A-HJ-NP-Z]{10}$/)
    expect(submitted.displayCode).toBe(
      `JB-${submitted.trackingCode.slice(2, 7)}-${submitted.trackingCode.slice(7)}`
    )
    expect(submitted.receivedOn).toBe(t.today)
    expect(submitted.notice).toContain("查询码")
    expect(submitted).not.toHaveProperty("id")
    const entries = (await t.audit()).filter((e) => e.action === "report.submit")
    const last = entries[entries.length - 1]
    expect(last).toMatchObject({
      actor: "public",
      reason: "online",
      details: { regionCode: "320104", channel: "online" }
    })
    const trail = JSON.stringify(await t.audit())
    const logs = t.logs.map((l) => JSON.stringify(l)).join("\n")
    for (const secret of [CONTACT, SUBMISSION.details, submitted.trackingCode]) {
      expect(trail).not.toContain(secret)
      expect(logs).not.toContain(secret)
    }
  })

  it("accepts an anonymous report with only the required fields", async () => {
    const submitted = await submit({ regionCode: "320500", subject: "竞赛收费", details: "报名收取证书费" })
    const status = await t.call("GET", `/api/public/reports/${submitted.trackingCode}`)
    expect(status.status).toBe(200)
  })

  it.each([
    [{ ...SUBMISSION, subject: undefined }, "subject", "缺少举报事项"],
    [{ ...SUBMISSION, subject: "   " }, "subject", "举报事项不能为空"],
    [{ ...SUBMISSION, regionCode: "999999" }, "regionCode", "行政区划代码无效"],
    [{ ...SUBMISSION, regionCode: "'; DROP TABLE quality_reports; --" }, "regionCode", "行政区划代码无效"],
    [{ ...SUBMISSION, details: 42 }, "details", "举报内容应为文本"],
    [{ ...SUBMISSION, details: "长".repeat(5001) }, "details", "举报内容不能超过5000个字符"],
    [{ ...SUBMISSION, certificateNumbers: "S000032000001243000001" }, "certificateNumbers", "应为列表"],
    [{ ...SUBMISSION, channel: "hotline" }, "channel", "不允许的字段"],
    [{ ...SUBMISSION, receivedBy: { id: "staff-1", name: "冒充" } }, "receivedBy", "不允许的字段"]
  ])("refuses a bad submission %# with 400 naming the field, storing nothing", async (body, field, text) => {
    const before = await t.fingerprint()
    const res = await t.call("POST", "/api/public/reports", { body })
    expect(res.status).toBe(400)
    const problem = await problemOf(res)
    expect(problem).toMatchObject({ code: "InvalidRequest", field })
    expect(problem.detail).toContain(text)
    expect(await t.fingerprint()).toBe(before)
  })

  it("refuses a body that is not JSON with 400", async () => {
    const res = await t.call("POST", "/api/public/reports", { body: "{regionCode:" })
    expect(res.status).toBe(400)
    expect((await problemOf(res)).field).toBe("body")
  })
})

describe("54号·五 report status by tracking code (GET /api/public/reports/:trackingCode)", () => {
  it("shows the state only — no content, reporter data, handlers or notes — and accepts the code as typed", async () => {
    const submitted = await submit()
    const res = await t.call("GET", `/api/public/reports/${submitted.trackingCode}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toEqual({
      trackingCode: submitted.trackingCode,
      state: "received",
      stateName: "已受理待核实",
      receivedOn: t.today,
      updatedOn: t.today
    })
    const text = JSON.stringify(body)
    for (const personal of [CONTACT, SUBMISSION.details, SUBMISSION.subject, SUBMISSION.concerning])
      expect(text).not.toContain(personal)
    const typed = await t.call(
      "GET",
      `/api/public/reports/${encodeURIComponent(submitted.displayCode.toLowerCase())}`
    )
    expect(await typed.json()).toEqual(body)
  })

  it("answers an unknown well-formed code with 404 TrackingCodeUnknown", async () => {
    const res = await t.call("GET", "/api/public/reports/JB9999999999")
    expect(res.status).toBe(404)
    expect(await problemOf(res)).toMatchObject({ code: "TrackingCodeUnknown", field: "trackingCode" })
  })

  it.each(["JB0000000000", "JB23456789A", "XX23456789AB", encodeURIComponent("' OR 1=1 --")])(
    "answers a malformed code %s with 400 naming trackingCode",
    async (code) => {
      const res = await t.call("GET", `/api/public/reports/${code}`)
      expect(res.status).toBe(400)
      const problem = await problemOf(res)
      expect(problem).toMatchObject({ code: "InvalidRequest", field: "trackingCode" })
      expect(problem.detail).toContain("查询码应为 JB")
    }
  )
})

describe("54号·五 rate limits of public reporting", () => {
  let limited: TestApp
  beforeAll(async () => {
    limited = await makeTestApp({ lookupLimits: { perClientPerMinute: 2, perIdentityPerMinute: 10 } })
  }, 60_000)
  afterAll(() => limited.close())

  it("answers 429 with Retry-After beyond the per-client limit, for submissions and status queries alike", async () => {
    const send = () =>
      limited.call("POST", "/api/public/reports", {
        body: { regionCode: "320102", subject: "事项", details: "内容" }
      })
    const first = await send()
    expect(first.status).toBe(201)
    const { trackingCode } = (await first.json()) as Submitted
    expect((await send()).status).toBe(201)
    const before = await limited.fingerprint()
    const third = await send()
    expect(third.status).toBe(429)
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(1)
    expect(await problemOf(third)).toMatchObject({ code: "ReportRateLimited" })
    expect(await limited.fingerprint()).toBe(before)

    const query = () => limited.call("GET", `/api/public/reports/${trackingCode}`)
    expect((await query()).status).toBe(200)
    expect((await query()).status).toBe(200)
    const over = await query()
    expect(over.status).toBe(429)
    expect(over.headers.get("retry-after")).not.toBeNull()
  })
})
