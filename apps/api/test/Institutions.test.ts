/**
 * 评价机构目录管理 through the API (54号·五 能进能出, 属地管理): admission, scope changes, suspension, removal and
 * readmission, each refused for a role without the permission (403), for a city acting on another city's
 * institution (403), for a move the status machine forbids (409) and for bad input (400 naming the field); the
 * history and the audit trail name the acting organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectProblem, makeTestApp, type TestApp } from "./TestApp.js"

let t: TestApp
let province: string
let nanjing: string
beforeAll(async () => {
  t = await makeTestApp()
  province = t.orgOf.province
  nanjing = t.orgOf.city
})
afterAll(() => t.close())

const SUZHOU = "org-suzhou"
const VALID_USCC = "91320100MA0000015Q"

const AUTH = {
  id: "auth-1",
  occupations: [{ code: "6-18-01-01" }],
  levels: [5, 4, 3],
  region: "320100",
  validFrom: "2023-01-01",
  validUntil: "2030-12-31"
}

let serial = 900
/** An admission body for a Nanjing third-party institution with a fresh numbering prefix. */
const admission = (over: Record<string, unknown> = {}) => {
  serial += 1
  return {
    name: `江苏测试职业技能评价中心${serial}`,
    kind: "third_party",
    uscc: VALID_USCC,
    region: "320102",
    filedWith: "province",
    numberingPrefix: { type: "S", institutionCode: "0000", province: "32", siteSerial: `000${serial}` },
    responsiblePerson: { name: "张三" },
    seal: { id: `seal-${serial}`, name: `江苏测试职业技能评价中心${serial}职业技能等级认定专用章` },
    authorisations: [AUTH],
    reason: "苏人社函〔2024〕1号",
    ...over
  }
}

interface InstitutionBody {
  readonly id: string
  readonly region: string
  readonly authorisations: ReadonlyArray<{ readonly levels: ReadonlyArray<number> }>
  readonly statusHistory: ReadonlyArray<{ status: string; date: string; reason: string; actor: string }>
}

const admit = async (as: string, over: Record<string, unknown> = {}) => {
  const res = await t.call("POST", "/api/institutions", { as, body: admission(over) })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as InstitutionBody
}

const move = (id: string, segment: string, as: string, body: Record<string, unknown> = { reason: "依据" }) =>
  t.call("POST", `/api/institutions/${id}/${segment}`, { as, body })

const auditOf = async (subject: string) => (await t.audit()).filter((e) => e.subject === subject)

describe("54号·五 POST /api/institutions (admission)", () => {
  it("admits with a generated id, today's admission entry by the province, audited with its id", async () => {
    const body = await admit(province)
    expect(body.id).toMatch(/^inst_[0-9a-f]{32}$/)
    expect(body.statusHistory).toEqual([
      { status: "admitted", date: t.today, reason: "苏人社函〔2024〕1号", actor: province }
    ])
    const audit = await auditOf(body.id)
    expect(audit).toEqual([
      expect.objectContaining({
        actor: province,
        action: "institution.admit",
        reason: "苏人社函〔2024〕1号",
        details: expect.objectContaining({ transition: "准入", region: "320102" })
      })
    ])
  })

  it("lets the Nanjing bureau admit an institution of its city with the given id and date", async () => {
    const body = await admit(nanjing, { id: "inst-nj-admit", date: "2024-01-02" })
    expect(body.id).toBe("inst-nj-admit")
    expect(body.statusHistory[0]).toMatchObject({ date: "2024-01-02", actor: nanjing })
  })

  it.each([
    ["a third-party institution", "institution"],
    ["a district bureau", "district"],
    ["the provincial appraisal centre", "provincial_appraisal_centre"],
    ["a competition host", "host"]
  ] as const)(
    "refuses %s (role without institution.admit) with 403 before reading the body",
    async (_, role) => {
      const res = await t.call("POST", "/api/institutions", { as: t.orgOf[role], body: admission() })
      const problem = await expectProblem(res, 403, "ActionNotPermitted", "authorization")
      expect(problem.detail).toContain("无权")
    }
  )

  it("refuses Suzhou admitting a Nanjing institution, and Nanjing granting evaluation province-wide (属地管理)", async () => {
    const before = await t.fingerprint()
    const suzhou = await t.call("POST", "/api/institutions", {
      as: SUZHOU,
      body: admission({ id: "inst-x1" })
    })
    const p1 = await expectProblem(suzhou, 403, "ActionRefused")
    expect(p1.detail).toContain("属地管理")
    const wide = await t.call("POST", "/api/institutions", {
      as: nanjing,
      body: admission({ id: "inst-x2", authorisations: [{ ...AUTH, region: "320000" }] })
    })
    await expectProblem(wide, 403, "ActionRefused")
    expect(await t.fingerprint()).toBe(before)
    expect((await t.call("GET", "/api/public/institutions/inst-x1")).status).toBe(404)
  })

  it("refuses a numbering prefix already held and a taken id with 409, writing nothing", async () => {
    const first = admission({ id: "inst-prefix-a" })
    expect((await t.call("POST", "/api/institutions", { as: province, body: first })).status).toBe(201)
    const before = await t.fingerprint()
    const samePrefix = await t.call("POST", "/api/institutions", {
      as: province,
      body: { ...admission({ id: "inst-prefix-b" }), numberingPrefix: first.numberingPrefix }
    })
    const p = await expectProblem(samePrefix, 409, "NumberingPrefixTaken", "numberingPrefix")
    expect(p.detail).toContain("inst-prefix-a")
    const sameId = await t.call("POST", "/api/institutions", { as: province, body: first })
    await expectProblem(sameId, 409, "InstitutionAlreadyExists", "id")
    expect(await t.fingerprint()).toBe(before)
  })

  it.each([
    ["a missing name", { name: undefined }, "name", "缺少机构名称"],
    ["a bad credit code checksum", { uscc: "91320100MA0000015R" }, "uscc", "校验位"],
    ["a wrong type", { authorisations: [{ ...AUTH, levels: "全部" }] }, "authorisations.0.levels", "列表"],
    [
      "a level out of range",
      { authorisations: [{ ...AUTH, levels: [6] }] },
      "authorisations.0.levels.0",
      "1至5"
    ],
    ["a prefix letter unfit for the kind", { kind: "employer" }, "numberingPrefix", "应为 Y"],
    ["an injection string as region", { region: "320102' OR '1'='1" }, "region", "行政区划代码无效"],
    ["an unknown field", { licence: "x" }, "licence", "不允许的字段"],
    ["an unreal date", { date: "2024-02-30" }, "date", "真实日期"],
    [
      "an occupation outside 大典 categories 3–6 (54号·三)",
      { authorisations: [{ ...AUTH, occupations: [{ code: "2-02-07-01" }] }] },
      "authorisations.0.occupations.0.code",
      "第三至六大类"
    ],
    [
      "a validity ending before it starts",
      { authorisations: [{ ...AUTH, validUntil: "2022-12-31" }] },
      "authorisations.0",
      "截止日期不得早于起始日期"
    ]
  ])("answers 400 naming the field for %s, writing nothing", async (_, over, field, message) => {
    const before = await t.fingerprint()
    const body: Record<string, unknown> = admission(over)
    for (const [k, v] of Object.entries(over)) if (v === undefined) delete body[k]
    const problem = await expectProblem(
      await t.call("POST", "/api/institutions", { as: province, body }),
      400,
      "InvalidRequest",
      field
    )
    expect(problem.detail).toContain(message)
    expect(await t.fingerprint()).toBe(before)
  })

  it("answers 401 without a key", async () => {
    expect((await t.call("POST", "/api/institutions", { body: admission() })).status).toBe(401)
  })
})

describe("54号·五 能进能出: suspension, removal, readmission", () => {
  it("suspends, restores, removes and readmits, each entry and audit row naming the actor", async () => {
    const { id } = await admit(province, { date: "2024-01-01" })
    const suspended = await move(id, "suspension", nanjing, { reason: "质量评估不合格", date: "2024-02-01" })
    expect(suspended.status).toBe(200)
    expect(((await suspended.json()) as InstitutionBody).statusHistory.at(-1)).toEqual({
      status: "suspended",
      date: "2024-02-01",
      reason: "质量评估不合格",
      actor: nanjing
    })
    expect((await move(id, "readmission", nanjing, { reason: "整改完成", date: "2024-03-01" })).status).toBe(
      200
    )
    expect((await move(id, "removal", province, { reason: "违规发证", date: "2024-04-01" })).status).toBe(200)
    expect((await move(id, "readmission", province, { reason: "重新申请" })).status).toBe(200)

    const history = await t.call("GET", `/api/institutions/${id}/history`, { as: t.orgOf.host })
    expect(history.status).toBe(200)
    const body = (await history.json()) as {
      status: string
      statusHistory: ReadonlyArray<{ status: string; date: string; actor: string }>
    }
    expect(body.status).toBe("admitted")
    expect(body.statusHistory.map((e) => [e.status, e.date, e.actor])).toEqual([
      ["admitted", "2024-01-01", province],
      ["suspended", "2024-02-01", nanjing],
      ["admitted", "2024-03-01", nanjing],
      ["removed", "2024-04-01", province],
      ["admitted", t.today, province]
    ])
    expect((await auditOf(id)).map((e) => [e.action, e.actor, e.details.transition])).toEqual([
      ["institution.admit", province, "准入"],
      ["institution.suspend", nanjing, "暂停"],
      ["institution.readmit", nanjing, "恢复"],
      ["institution.remove", province, "移出"],
      ["institution.readmit", province, "重新准入"]
    ])
  })

  it("answers 409 for a move the status machine forbids, and for a date before the last change", async () => {
    const { id } = await admit(province, { date: "2024-01-01" })
    const before = await t.fingerprint()
    const again = await expectProblem(await move(id, "readmission", province), 409, "InvalidStatusTransition")
    expect(again.detail).toContain("不能由“已纳入目录”变更为“已纳入目录”")
    const backdated = await move(id, "suspension", province, { reason: "倒签", date: "2023-12-31" })
    expect((await expectProblem(backdated, 409, "InvalidStatusTransition")).detail).toContain(
      "早于最近一次变更日期"
    )
    expect(await t.fingerprint()).toBe(before)
    expect((await move(id, "removal", province)).status).toBe(200)
    await expectProblem(await move(id, "suspension", province), 409, "InvalidStatusTransition")
    await expectProblem(await move(id, "removal", province), 409, "InvalidStatusTransition")
  })

  it.each(["suspension", "removal", "readmission"])(
    "refuses Suzhou's %s of a Nanjing institution (403, 属地管理) and a role without the permission",
    async (segment) => {
      const { id } = await admit(nanjing)
      if (segment === "readmission") expect((await move(id, "suspension", nanjing)).status).toBe(200)
      const before = await t.fingerprint()
      const refused = await expectProblem(await move(id, segment, SUZHOU), 403, "ActionRefused")
      expect(refused.detail).toContain("属地管理")
      await expectProblem(await move(id, segment, t.orgOf.employer), 403, "ActionNotPermitted")
      await expectProblem(await move(id, segment, "org-gulou"), 403, "ActionNotPermitted")
      expect(await t.fingerprint()).toBe(before)
    }
  )

  it("answers 404 for an unknown institution and 400 naming the field for a bad body", async () => {
    await expectProblem(
      await move("inst-none", "suspension", province),
      404,
      "InstitutionNotFound",
      "institutionId"
    )
    const { id } = await admit(province)
    await expectProblem(await move(id, "suspension", province, {}), 400, "InvalidRequest", "reason")
    await expectProblem(
      await move(id, "suspension", province, { reason: " " }),
      400,
      "InvalidRequest",
      "reason"
    )
    await expectProblem(
      await move(id, "suspension", province, { reason: "x", date: "明天" }),
      400,
      "InvalidRequest",
      "date"
    )
    const malformed = await t.call("POST", `/api/institutions/${id}/suspension`, { as: province, body: "{" })
    await expectProblem(malformed, 400, "MalformedBody", "body")
  })
})

describe("54号·五 PUT /api/institutions/:institutionId/scope", () => {
  const scope = (over: Record<string, unknown> = {}) => ({
    region: "320104",
    authorisations: [{ ...AUTH, levels: [5, 4, 3, 2], validUntil: "2031-12-31" }],
    reason: "增加二级",
    ...over
  })

  it("replaces region and authorisations; the history keeps before and after with the actor; audited", async () => {
    const admitted = await admit(province)
    const res = await t.call("PUT", `/api/institutions/${admitted.id}/scope`, { as: nanjing, body: scope() })
    expect(res.status).toBe(200)
    const changed = (await res.json()) as InstitutionBody
    expect(changed.region).toBe("320104")
    expect(changed.authorisations[0]?.levels).toEqual([5, 4, 3, 2])
    const history = (await (
      await t.call("GET", `/api/institutions/${admitted.id}/history`, { as: nanjing })
    ).json()) as {
      scopeChanges: ReadonlyArray<Record<string, unknown>>
    }
    expect(history.scopeChanges).toEqual([
      {
        date: t.today,
        reason: "增加二级",
        actor: nanjing,
        before: { region: "320102", authorisations: admitted.authorisations },
        after: { region: "320104", authorisations: changed.authorisations }
      }
    ])
    expect(await auditOf(admitted.id)).toEqual([
      expect.objectContaining({ action: "institution.admit" }),
      expect.objectContaining({
        actor: nanjing,
        action: "institution.change",
        reason: "增加二级",
        details: expect.objectContaining({ before: expect.objectContaining({ region: "320102" }) })
      })
    ])
  })

  it("refuses Suzhou (403), Nanjing moving it out of its city (403), a role without institution.change (403)", async () => {
    const { id } = await admit(nanjing)
    const before = await t.fingerprint()
    const path = `/api/institutions/${id}/scope`
    await expectProblem(await t.call("PUT", path, { as: SUZHOU, body: scope() }), 403, "ActionRefused")
    await expectProblem(
      await t.call("PUT", path, { as: nanjing, body: scope({ region: "320505" }) }),
      403,
      "ActionRefused"
    )
    await expectProblem(
      await t.call("PUT", path, { as: t.orgOf.city_appraisal_centre, body: scope() }),
      403,
      "ActionNotPermitted"
    )
    expect(await t.fingerprint()).toBe(before)
  })

  it("answers 422 for a scope that leaves the institution invalid, 409 once removed, 400 for bad input", async () => {
    const { id } = await admit(province)
    const path = `/api/institutions/${id}/scope`
    const otherProvince = await t.call("PUT", path, { as: province, body: scope({ region: "310101" }) })
    expect((await expectProblem(otherProvince, 422, "InvalidInstitutionScope", "scope")).detail).toContain(
      "证书编号省级代码应与机构所在地一致"
    )
    await expectProblem(
      await t.call("PUT", path, { as: province, body: scope({ authorisations: undefined }) }),
      400,
      "InvalidRequest",
      "authorisations"
    )
    await expectProblem(
      await t.call("PUT", path, { as: province, body: scope({ region: 320104 }) }),
      400,
      "InvalidRequest",
      "region"
    )
    await expectProblem(
      await t.call("PUT", "/api/institutions/inst-none/scope", { as: province, body: scope() }),
      404,
      "InstitutionNotFound"
    )
    expect((await move(id, "removal", province)).status).toBe(200)
    const removed = await t.call("PUT", path, { as: province, body: scope() })
    expect((await expectProblem(removed, 409, "InstitutionRemoved", "institutionId")).detail).toContain(
      "重新准入"
    )
  })
})

describe("54号·五 GET /api/institutions/:institutionId/history", () => {
  it("needs a key (401), answers 404 for an unknown institution", async () => {
    const { id } = await admit(province)
    expect((await t.call("GET", `/api/institutions/${id}/history`)).status).toBe(401)
    await expectProblem(
      await t.call("GET", "/api/institutions/inst-none/history", { as: province }),
      404,
      "InstitutionNotFound"
    )
  })
})
