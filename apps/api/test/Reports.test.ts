/**
 * 54号·五 report handling through the real app (action report.handle; 属地管理): a bureau lists and reads the
 * reports of its region, assigns a handler, records verification and resolves — each step on the revision it
 * was prepared on (409 ReportChanged when stale), audited with the acting organisation's id. Roles without the
 * permission get 403 ActionNotPermitted, bureaus outside the report's region 403 ActionRefused, bad input 400
 * naming the field; the reporter's status view follows the steps without showing any of them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectProblem, makeTestApp, OUTSIDERS, type TestApp } from "./TestApp.js"

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp()
}, 60_000)
afterAll(() => t.close())

const SUZHOU = OUTSIDERS[0].id // city, 320500
const GULOU = OUTSIDERS[1].id // district 320106, inside 南京市 but not 玄武区
const HANDLER = { id: "staff-7", name: "周核查" }
const CONTACT = "13800001111"

interface ReportBody {
  id: string
  trackingCode: string
  regionCode: string
  revision: number
  reporterContact?: string
  state: { _tag: string; handler?: { id: string }; outcome?: string }
  history: Array<{ action: string; actor: { id: string; name: string }; note: string }>
}

/** A report filed online about 玄武区 (320102), with its id looked up as the Nanjing bureau. */
const fileReport = async (regionCode = "320102") => {
  const res = await t.call("POST", "/api/public/reports", {
    body: { regionCode, subject: "违规发证", details: "未考发证", reporterContact: CONTACT }
  })
  expect(res.status).toBe(201)
  const { trackingCode } = (await res.json()) as { trackingCode: string }
  const list = await t.call("GET", `/api/reports?regionCode=${regionCode}&limit=100`, {
    as: t.orgOf.province
  })
  const found = ((await list.json()) as { items: Array<ReportBody> }).items.find(
    (r) => r.trackingCode === trackingCode
  )
  if (found === undefined) throw new Error("the filed report is not listed")
  return found
}

const step = (reportId: string, path: string, as: string, body: unknown) =>
  t.call("POST", `/api/reports/${reportId}/${path}`, { as, body })

describe("54号·五 report list (GET /api/reports)", () => {
  it("shows a bureau the reports of its region only, newest first, filtered by status and paginated", async () => {
    const xuanwu = await fileReport("320102")
    const qinhuai = await fileReport("320104")
    const suzhou = await fileReport("320505")
    const ids = async (path: string, as: string) => {
      const res = await t.call("GET", path, { as })
      expect(res.status).toBe(200)
      const body = (await res.json()) as {
        items: Array<ReportBody>
        total: number
        limit: number
        offset: number
      }
      return { ...body, ids: body.items.map((r) => r.id) }
    }
    const nanjing = await ids("/api/reports?limit=100", t.orgOf.city)
    expect(nanjing.ids).toEqual(expect.arrayContaining([xuanwu.id, qinhuai.id]))
    expect(nanjing.ids).not.toContain(suzhou.id)
    expect(nanjing.items.every((r) => r.regionCode.startsWith("3201"))).toBe(true)
    expect(nanjing).toMatchObject({ limit: 100, offset: 0, total: nanjing.items.length })
    const district = await ids("/api/reports?limit=100", t.orgOf.district)
    expect(district.ids).toContain(xuanwu.id)
    expect(district.ids).not.toContain(qinhuai.id)
    expect(district.items.every((r) => r.regionCode === "320102")).toBe(true)
    const outsider = await ids("/api/reports?limit=100", SUZHOU)
    expect(outsider.ids).toContain(suzhou.id)
    expect(outsider.ids).not.toContain(xuanwu.id)
    const province = await ids("/api/reports?limit=100", t.orgOf.province)
    expect(province.ids).toEqual(expect.arrayContaining([xuanwu.id, qinhuai.id, suzhou.id]))

    const page = await ids("/api/reports?limit=1&offset=1", t.orgOf.city)
    expect(page).toMatchObject({ limit: 1, offset: 1, total: nanjing.total })
    expect(page.ids).toEqual([nanjing.ids[1]])
    const defaults = await ids("/api/reports", t.orgOf.city)
    expect(defaults).toMatchObject({ limit: 20, offset: 0 })
    const received = await ids("/api/reports?status=received&limit=100", t.orgOf.city)
    expect(received.items.every((r) => r.state._tag === "received")).toBe(true)
    expect((await ids("/api/reports?status=resolved&regionCode=320102", t.orgOf.district)).ids).not.toContain(
      xuanwu.id
    )
    const dated = await ids(
      `/api/reports?receivedFrom=${t.today}&receivedUntil=${t.today}&limit=100`,
      t.orgOf.city
    )
    expect(dated.ids).toEqual(expect.arrayContaining([xuanwu.id, qinhuai.id]))
  })

  it("refuses a region outside the bureau's with 403 ActionRefused", async () => {
    await expectProblem(
      await t.call("GET", "/api/reports?regionCode=320100", { as: SUZHOU }),
      403,
      "ActionRefused"
    )
    await expectProblem(
      await t.call("GET", "/api/reports?regionCode=320100", { as: GULOU }),
      403,
      "ActionRefused"
    )
  })

  it("refuses roles without report.handle with 403 ActionNotPermitted, and no key with 401", async () => {
    for (const role of ["institution", "host", "provincial_appraisal_centre"] as const)
      await expectProblem(
        await t.call("GET", "/api/reports", { as: t.orgOf[role] }),
        403,
        "ActionNotPermitted"
      )
    expect((await t.call("GET", "/api/reports")).status).toBe(401)
  })

  it.each([
    ["status=closed", "status"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["offset=-1", "offset"],
    ["regionCode=abc", "regionCode"],
    ["receivedFrom=2024-02-30", "receivedFrom"],
    [`q=${encodeURIComponent("' OR 1=1 --")}`, "q"]
  ])("refuses the query %s with 400 naming %s", async (query, field) => {
    await expectProblem(
      await t.call("GET", `/api/reports?${query}`, { as: t.orgOf.city }),
      400,
      "InvalidRequest",
      field
    )
  })
})

describe("54号·五 one report (GET /api/reports/:reportId)", () => {
  it("shows the bureau of the report's region the whole report with its revision", async () => {
    const filed = await fileReport()
    for (const as of [t.orgOf.city, t.orgOf.district, t.orgOf.province]) {
      const res = await t.call("GET", `/api/reports/${filed.id}`, { as })
      expect(res.status).toBe(200)
      const body = (await res.json()) as ReportBody
      expect(body).toMatchObject({
        id: filed.id,
        revision: 1,
        reporterContact: CONTACT,
        state: { _tag: "received" }
      })
    }
  })

  it("refuses bureaus outside the region (403), roles without the permission (403) and answers an unknown id 404", async () => {
    const filed = await fileReport()
    for (const outsider of [SUZHOU, GULOU])
      await expectProblem(
        await t.call("GET", `/api/reports/${filed.id}`, { as: outsider }),
        403,
        "ActionRefused"
      )
    await expectProblem(
      await t.call("GET", `/api/reports/${filed.id}`, { as: t.orgOf.employer }),
      403,
      "ActionNotPermitted"
    )
    await expectProblem(
      await t.call("GET", "/api/reports/rpt_missing", { as: t.orgOf.city }),
      404,
      "ReportNotFound",
      "reportId"
    )
    await expectProblem(
      await t.call("GET", `/api/reports/${"x".repeat(101)}`, { as: t.orgOf.city }),
      400,
      "InvalidRequest",
      "reportId"
    )
  })
})

describe("54号·五 handling steps (POST /api/reports/:reportId/assignment | verification | resolution)", () => {
  it("assigns, records verification and resolves on the expected revisions, audited with the actor's id; the reporter sees only the state", async () => {
    const filed = await fileReport()
    const assigned = await step(filed.id, "assignment", t.orgOf.district, {
      expectedRevision: 1,
      handler: HANDLER,
      note: "请于五个工作日内核实"
    })
    expect(assigned.status).toBe(200)
    const a = (await assigned.json()) as ReportBody
    expect(a).toMatchObject({ revision: 2, state: { _tag: "verifying", handler: HANDLER } })
    expect(a.history[1]).toMatchObject({
      action: "assigned",
      actor: { id: t.orgOf.district },
      note: "请于五个工作日内核实"
    })

    const status = await t.call("GET", `/api/public/reports/${filed.trackingCode}`)
    expect(await status.json()).toMatchObject({ state: "verifying", stateName: "核实中" })

    const verified = await step(filed.id, "verification", t.orgOf.city, {
      expectedRevision: 2,
      note: "调取考务档案，确有未考发证"
    })
    expect(verified.status).toBe(200)
    expect(((await verified.json()) as ReportBody).revision).toBe(3)

    const resolved = await step(filed.id, "resolution", t.orgOf.city, {
      expectedRevision: 3,
      outcome: "substantiated",
      note: "已注销相关证书并移送信用核查"
    })
    expect(resolved.status).toBe(200)
    const r = (await resolved.json()) as ReportBody
    expect(r).toMatchObject({ revision: 4, state: { _tag: "resolved", outcome: "substantiated" } })
    expect(r.history.map((e) => [e.action, e.actor.id])).toEqual([
      ["received", "public"],
      ["assigned", t.orgOf.district],
      ["verification_recorded", t.orgOf.city],
      ["resolved", t.orgOf.city]
    ])

    const view = (await (await t.call("GET", `/api/public/reports/${filed.trackingCode}`)).json()) as Record<
      string,
      unknown
    >
    expect(view).toEqual({
      trackingCode: filed.trackingCode,
      state: "resolved",
      stateName: "已办结",
      outcome: "substantiated",
      outcomeName: "属实并处理",
      receivedOn: t.today,
      updatedOn: t.today
    })
    const shown = JSON.stringify(view)
    for (const hidden of [CONTACT, HANDLER.name, "调取考务档案", t.orgOf.city, "未考发证"])
      expect(shown).not.toContain(hidden)

    const audit = (await t.audit()).filter((e) => e.subject === filed.id)
    expect(audit.map((e) => [e.action, e.actor, e.details.revision])).toEqual([
      ["report.submit", "public", undefined],
      ["report.assign", t.orgOf.district, 2],
      ["report.record-verification", t.orgOf.city, 3],
      ["report.resolve", t.orgOf.city, 4]
    ])
    expect(JSON.stringify(audit)).not.toContain(CONTACT)
  })

  it("refuses a step on a stale revision with 409 ReportChanged, changing nothing", async () => {
    const filed = await fileReport()
    expect(
      (await step(filed.id, "assignment", t.orgOf.city, { expectedRevision: 1, handler: HANDLER })).status
    ).toBe(200)
    const before = await t.fingerprint()
    const stale = await step(filed.id, "assignment", t.orgOf.district, {
      expectedRevision: 1,
      handler: { id: "staff-9", name: "吴" }
    })
    const problem = await expectProblem(stale, 409, "ReportChanged", "expectedRevision")
    expect(problem).toMatchObject({ expectedRevision: 1, currentRevision: 2 })
    expect(problem.detail).toContain("已被他人办理")
    for (const [path, body] of [
      ["verification", { expectedRevision: 1, note: "核实" }],
      ["resolution", { expectedRevision: 3, outcome: "unsubstantiated", note: "不属实" }]
    ] as const)
      await expectProblem(
        await step(filed.id, path, t.orgOf.city, body),
        409,
        "ReportChanged",
        "expectedRevision"
      )
    expect(await t.fingerprint()).toBe(before)
    const stored = (await (
      await t.call("GET", `/api/reports/${filed.id}`, { as: t.orgOf.city })
    ).json()) as ReportBody
    expect(stored).toMatchObject({ revision: 2, state: { handler: HANDLER } })
  })

  it("lets exactly one of two simultaneous assignments on the same revision through", async () => {
    const filed = await fileReport()
    const [first, second] = await Promise.all([
      step(filed.id, "assignment", t.orgOf.city, { expectedRevision: 1, handler: HANDLER }),
      step(filed.id, "assignment", t.orgOf.district, {
        expectedRevision: 1,
        handler: { id: "s-2", name: "郑" }
      })
    ])
    expect([first?.status, second?.status].sort()).toEqual([200, 409])
    const audit = (await t.audit()).filter((e) => e.subject === filed.id && e.action === "report.assign")
    expect(audit).toHaveLength(1)
  })

  it("refuses a step the report's state does not admit (409) and a blank note (422), changing nothing", async () => {
    const filed = await fileReport()
    const before = await t.fingerprint()
    await expectProblem(
      await step(filed.id, "verification", t.orgOf.city, { expectedRevision: 1, note: "核实" }),
      409,
      "ReportTransitionInvalid",
      "state"
    )
    await expectProblem(
      await step(filed.id, "resolution", t.orgOf.city, {
        expectedRevision: 1,
        outcome: "substantiated",
        note: "属实"
      }),
      409,
      "ReportTransitionInvalid"
    )
    await expectProblem(
      await step(filed.id, "resolution", t.orgOf.city, {
        expectedRevision: 1,
        outcome: "not_accepted",
        note: "  "
      }),
      422,
      "ReportNoteMissing",
      "note"
    )
    expect(await t.fingerprint()).toBe(before)
    const closed = await step(filed.id, "resolution", t.orgOf.city, {
      expectedRevision: 1,
      outcome: "not_accepted",
      note: "不属于职业证书发放事项"
    })
    expect(closed.status).toBe(200)
    expect(await closed.json()).toMatchObject({
      revision: 2,
      state: { _tag: "resolved", outcome: "not_accepted" }
    })
  })

  it.each(["assignment", "verification", "resolution"])(
    "%s: refuses bureaus outside the report's region (403 ActionRefused) and roles without the permission (403), changing nothing",
    async (path) => {
      const filed = await fileReport()
      const before = await t.fingerprint()
      const body = { expectedRevision: 1, handler: HANDLER, note: "x", outcome: "not_accepted" }
      const valid =
        path === "assignment"
          ? { expectedRevision: 1, handler: HANDLER }
          : path === "verification"
            ? { expectedRevision: 1, note: "x" }
            : { expectedRevision: 1, outcome: "not_accepted", note: "x" }
      for (const outsider of [SUZHOU, GULOU]) {
        const problem = await expectProblem(
          await step(filed.id, path, outsider, valid),
          403,
          "ActionRefused",
          "action"
        )
        expect(problem.codes).toEqual(["OutsideActorRegion"])
      }
      for (const role of ["institution", "employer", "host", "city_appraisal_centre"] as const)
        await expectProblem(await step(filed.id, path, t.orgOf[role], body), 403, "ActionNotPermitted")
      expect((await t.call("POST", `/api/reports/${filed.id}/${path}`, { body: valid })).status).toBe(401)
      await expectProblem(
        await step("rpt_missing", path, t.orgOf.city, valid),
        404,
        "ReportNotFound",
        "reportId"
      )
      expect(await t.fingerprint()).toBe(before)
    }
  )

  it.each([
    ["assignment", { handler: HANDLER }, "expectedRevision", "缺少版本号"],
    [
      "assignment",
      { expectedRevision: "1", handler: HANDLER },
      "expectedRevision",
      "版本号应为不小于1的整数"
    ],
    ["assignment", { expectedRevision: 0, handler: HANDLER }, "expectedRevision", "版本号应为不小于1的整数"],
    ["assignment", { expectedRevision: 1 }, "handler", "缺少核实人员"],
    ["assignment", { expectedRevision: 1, handler: { id: "", name: "张" } }, "handler.id", "不能为空"],
    ["assignment", { expectedRevision: 1, handler: HANDLER, actor: HANDLER }, "actor", "不允许的字段"],
    ["verification", { expectedRevision: 1 }, "note", "缺少核实情况说明"],
    ["verification", { expectedRevision: 1, note: 7 }, "note", "说明应为文本"],
    ["resolution", { expectedRevision: 1, outcome: "closed", note: "x" }, "outcome", "办结结论应为"],
    [
      "resolution",
      { expectedRevision: 1, outcome: "'; DROP TABLE quality_reports; --", note: "x" },
      "outcome",
      "办结结论应为"
    ],
    ["resolution", { expectedRevision: 1, outcome: "unsubstantiated" }, "note", "缺少办结说明"],
    ["resolution", [], "body", "办结请求应为对象"]
  ])("%s: refuses the body %j with 400 naming %s", async (path, body, field, text) => {
    const filed = await fileReport()
    const before = await t.fingerprint()
    const problem = await expectProblem(
      await step(filed.id, path, t.orgOf.city, body),
      400,
      "InvalidRequest",
      field
    )
    expect(problem.detail).toContain(text)
    expect(await t.fingerprint()).toBe(before)
  })
})
