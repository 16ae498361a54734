/**
 * Quality special assessments through the API (54号·五 一年两次专项评估): the province or the provincial appraisal
 * centre records an assessment in its own name, audited with its id; a retry records nothing twice; an
 * institution's assessments and semiannual schedule are read within the reader's scope. Refusals: a role without
 * the permission, an institution outside the assessor's region, a reader outside its region or records (403),
 * malformed records (400 naming the field), a future date (422), an unknown institution (404).
 */

import { Institution } from "@jineng/domain/institution/Institution"
import { InstitutionRepository } from "@jineng/domain/institution/InstitutionRepository"
import { periodOf } from "@jineng/domain/quality/AssessmentPeriod"
import { Effect, Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTestApp, problemOf, type TestApp } from "./TestApp.js"

let t: TestApp
/** A demo institution in 苏州市, one elsewhere in Jiangsu, the demo institution's own organisation's. */
let inSuzhou: string
let elsewhere: string
let own: string
/** An institution of the catalogue seated in 上海市 (outside the province). */
const SHANGHAI = "inst-shanghai"

beforeAll(async () => {
  t = await makeTestApp()
  const institutions = await t.runtime.runPromise(
    Effect.gen(function* () {
      const repository = yield* InstitutionRepository
      yield* repository.insert(
        Schema.decodeUnknownSync(Institution)({
          id: SHANGHAI,
          name: "上海某职业技能评价有限公司",
          kind: "third_party",
          uscc: "91320100MA0000015Q",
          region: "310101",
          filedWith: "province",
          numberingPrefix: { type: "S", institutionCode: "0000", province: "31", siteSerial: "000777" },
          responsiblePerson: { name: "李四" },
          seal: { id: "seal-sh", name: "上海某职业技能评价有限公司职业技能等级认定专用章" },
          authorisations: [],
          statusHistory: [{ status: "admitted", date: "2022-05-01", reason: "准入", actor: "hrss-320000" }]
        })
      )
      return (yield* repository.list({ limit: 100 })).items
    }).pipe(Effect.orDie)
  )
  const jiangsu = institutions.filter((i) => i.region.startsWith("32"))
  own = t.orgOf.institution.replace(/^org-/, "")
  inSuzhou = jiangsu.find((i) => i.region.startsWith("3205"))?.id ?? ""
  elsewhere = jiangsu.find((i) => !i.region.startsWith("3205") && i.id !== own)?.id ?? ""
  if (inSuzhou === "" || elsewhere === "" || !jiangsu.some((i) => i.id === own))
    throw new Error("the demo lacks the institutions these tests need")
})
afterAll(() => t.close())

const submission = (over: Record<string, unknown> = {}) => ({
  institutionId: elsewhere,
  period: periodOf(t.today),
  assessedOn: t.today,
  result: "rectification_required",
  findings: "考务档案不完整，须限期整改",
  ...over
})

interface Recorded {
  id: string
  institutionId: string
  assessor: Record<string, unknown>
  result: string
}

const record = (body: unknown, as: string = t.orgOf.provincial_appraisal_centre) =>
  t.call("POST", "/api/assessments", { as, body })
const list = (query: Record<string, string>, as: string = t.orgOf.province) =>
  t.call("GET", `/api/assessments?${new URLSearchParams(query)}`, { as })
const schedule = (query: Record<string, string>, as: string = t.orgOf.province) =>
  t.call("GET", `/api/assessments/schedule?${new URLSearchParams(query)}`, { as })

describe("54号·五 recording quality special assessments", () => {
  it("records the centre's assessment in its own name, audited with its id, listed newest first", async () => {
    const res = await record(submission())
    expect(res.status).toBe(201)
    const recorded = (await res.json()) as Recorded
    expect(recorded).toMatchObject({ institutionId: elsewhere, result: "rectification_required" })
    expect(recorded.assessor).toEqual({ _tag: "provincial_appraisal_centre", name: "江苏省职业技能鉴定中心" })

    const audit = (await t.audit()).filter((e) => e.subject === recorded.id)
    expect(audit.map((e) => [e.actor, e.action, e.reason])).toEqual([
      [t.orgOf.provincial_appraisal_centre, "assessment.record", "rectification_required"]
    ])
    expect(audit[0]?.details).toMatchObject({ institutionId: elsewhere, period: periodOf(t.today) })

    const page = (await (await list({ institutionId: elsewhere })).json()) as {
      items: Array<Recorded>
      total: number
      limit: number
      offset: number
    }
    expect(page.items[0]?.id).toBe(recorded.id)
    expect([page.limit, page.offset]).toEqual([20, 0])
    expect(page.total).toBeGreaterThanOrEqual(1)
  })

  it("records the province's assessment as a bureau's, with findings optional for 合格", async () => {
    const res = await record(
      { ...submission({ institutionId: inSuzhou, result: "qualified" }), findings: undefined },
      t.orgOf.province
    )
    expect(res.status).toBe(201)
    expect(((await res.json()) as Recorded).assessor).toEqual({
      _tag: "bureau",
      level: "province",
      regionCode: "320000",
      name: "江苏省人力资源和社会保障厅"
    })
  })

  it("answers a retried submission with the record on file: nothing recorded or audited twice", async () => {
    const body = submission({ result: "unqualified", findings: "未按规定组织考评" })
    const first = (await (await record(body)).json()) as Recorded
    const before = await t.fingerprint()
    const again = await record(body)
    expect(again.status).toBe(201)
    expect(((await again.json()) as Recorded).id).toBe(first.id)
    expect(await t.fingerprint()).toBe(before)
    expect((await t.audit()).filter((e) => e.subject === first.id)).toHaveLength(1)
  })

  it.each([
    ["a city", "org-suzhou"],
    ["a district", "org-gulou"],
    ["a city appraisal centre", "org-suzhou-centre"],
    ["a host", "org-suzhou-host"]
  ])("refuses %s (403 ActionNotPermitted)", async (_role, as) => {
    const res = await record(submission(), as)
    expect(res.status).toBe(403)
    expect(await problemOf(res)).toMatchObject({ code: "ActionNotPermitted", field: "authorization" })
    for (const role of ["city", "institution", "employer"] as const)
      expect((await record(submission(), t.orgOf[role])).status).toBe(403)
    expect((await t.call("POST", "/api/assessments", { body: submission() })).status).toBe(401)
  })

  it("refuses the provincial centre an institution outside its region (403), changing nothing", async () => {
    const before = await t.fingerprint()
    const res = await record(submission({ institutionId: SHANGHAI }))
    expect(res.status).toBe(403)
    const problem = await problemOf(res)
    expect(problem).toMatchObject({ code: "ActionRefused", codes: ["OutsideActorRegion"] })
    expect(problem.detail).toContain("属地管理")
    expect((await record(submission({ institutionId: SHANGHAI }), t.orgOf.province)).status).toBe(201)
    expect(await t.fingerprint()).not.toBe(before)
  })

  it("refuses a future date (422) and an unknown institution (404), changing nothing", async () => {
    const before = await t.fingerprint()
    const tomorrow = new Date(Date.parse(`${t.today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    const future = await record(submission({ assessedOn: tomorrow, period: periodOf(tomorrow) }))
    expect(future.status).toBe(422)
    expect(await problemOf(future)).toMatchObject({ code: "AssessmentDatedInFuture", field: "assessedOn" })
    const unknown = await record(submission({ institutionId: "'; DROP TABLE institutions; --" }))
    expect(unknown.status).toBe(404)
    expect(await problemOf(unknown)).toMatchObject({ code: "InstitutionNotFound", field: "institutionId" })
    expect(await t.fingerprint()).toBe(before)
  })

  const cases: ReadonlyArray<readonly [string, () => unknown, string, string]> = [
    ["no institution", () => ({ ...submission(), institutionId: undefined }), "institutionId", "机构编号"],
    ["a third half-year", () => submission({ period: "2023-H3" }), "period", "评估期间"],
    ["a half-year before the notice", () => submission({ period: "2021-H2" }), "period", "2022-H1"],
    ["an injection string as period", () => submission({ period: "' OR 1=1 --" }), "period", "评估期间"],
    ["an impossible date", () => submission({ assessedOn: "2023-02-30" }), "assessedOn", "日期"],
    [
      "a date before its half-year",
      () => submission({ period: "2023-H2", assessedOn: "2023-06-30" }),
      "assessedOn",
      "早于"
    ],
    ["an unknown result", () => submission({ result: "excellent" }), "result", "评估结论"],
    ["a result of the wrong type", () => submission({ result: 3 }), "result", "评估结论"],
    ["限期整改 without findings", () => submission({ findings: "  " }), "findings", "评估发现"],
    [
      "an assessor named in the body",
      () => submission({ assessor: { _tag: "provincial_appraisal_centre", name: "冒名" } }),
      "assessor",
      "不允许"
    ]
  ]

  it.each(cases)("refuses %s with 400 naming the field", async (_name, body, field, text) => {
    const before = await t.fingerprint()
    const res = await record(body())
    expect(res.status).toBe(400)
    const problem = await problemOf(res)
    expect(problem).toMatchObject({ code: "InvalidRequest", field, status: 400 })
    expect(problem.detail).toContain(text)
    expect(await t.fingerprint()).toBe(before)
  })
})

describe("54号·五 reading assessments and the semiannual schedule, within the reader's scope", () => {
  it("lets a city read within its city and an institution its own record; refuses the rest (403)", async () => {
    expect((await list({ institutionId: inSuzhou }, "org-suzhou")).status).toBe(200)
    expect((await list({ institutionId: own }, t.orgOf.institution)).status).toBe(200)
    const refusals = [
      await list({ institutionId: elsewhere }, "org-suzhou"),
      await list({ institutionId: inSuzhou }, t.orgOf.institution),
      await schedule({ institutionId: elsewhere }, "org-suzhou-centre"),
      await schedule({ institutionId: inSuzhou }, t.orgOf.host)
    ]
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403])
    const codes = await Promise.all(refusals.map(async (r) => (await problemOf(r)).codes))
    expect(codes).toEqual([
      ["OutsideActorRegion"],
      ["NotOwnRecord"],
      ["OutsideActorRegion"],
      ["NotOwnRecord"]
    ])
    expect((await t.call("GET", `/api/assessments?institutionId=${elsewhere}`)).status).toBe(401)
    expect((await t.call("GET", `/api/assessments/schedule?institutionId=${elsewhere}`)).status).toBe(401)
  })

  it("pages an institution's assessments", async () => {
    const all = (await (await list({ institutionId: elsewhere })).json()) as {
      items: Array<Recorded>
      total: number
    }
    const second = (await (await list({ institutionId: elsewhere, limit: "1", offset: "1" })).json()) as {
      items: Array<Recorded>
      total: number
    }
    expect(second.total).toBe(all.total)
    expect(second.items.map((a) => a.id)).toEqual(all.items.slice(1, 2).map((a) => a.id))
  })

  it("tells the half-years owed: the current one no longer due once assessed, due where it is not", async () => {
    const current = periodOf(t.today)
    const assessed = await schedule({ institutionId: elsewhere })
    expect(assessed.status).toBe(200)
    const body = (await assessed.json()) as {
      institutionId: string
      date: string
      outcome: string
      due: string | null
      overdue: Array<string>
      decision: { outcome: string; citations: Array<string> }
    }
    expect(body).toMatchObject({ institutionId: elsewhere, date: t.today, due: null })
    expect(body.decision.outcome).toBe(body.outcome)
    expect(body.decision.citations.join()).toContain("54号")

    const owed = (await (await schedule({ institutionId: own }, t.orgOf.institution)).json()) as {
      outcome: string
      due: string | null
    }
    expect(owed.due).toBe(current)
    expect(["due", "overdue"]).toContain(owed.outcome)

    const early = (await (await schedule({ institutionId: own, date: "2022-04-30" })).json()) as {
      outcome: string
    }
    expect(early.outcome).toBe("not_in_force")
  })

  it.each([
    ["/api/assessments", {}, "institutionId"],
    ["/api/assessments", { institutionId: "x", limit: "0" }, "limit"],
    ["/api/assessments", { institutionId: "x", offset: "-1" }, "offset"],
    ["/api/assessments", { institutionId: "x", role: "city" }, "role"],
    ["/api/assessments/schedule", { institutionId: "x", date: "2023-13-01" }, "date"],
    ["/api/assessments/schedule", { institutionId: "x", date: "'; DROP TABLE x; --" }, "date"]
  ])("refuses GET %s?%j with 400 naming %s", async (path, query, field) => {
    const res = await t.call("GET", `${path}?${new URLSearchParams(query)}`, { as: t.orgOf.province })
    expect(res.status).toBe(400)
    expect(await problemOf(res)).toMatchObject({ code: "InvalidRequest", field })
  })

  it("answers an unknown institution with 404", async () => {
    for (const res of [
      await list({ institutionId: "inst-unknown" }),
      await schedule({ institutionId: "inst-unknown" })
    ]) {
      expect(res.status).toBe(404)
      expect(await problemOf(res)).toMatchObject({ code: "InstitutionNotFound", field: "institutionId" })
    }
  })
})
