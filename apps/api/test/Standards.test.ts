/**
 * 54号·三 technical resources through the API on the demo registry: national standards and question banks,
 * 《江苏省技术资源发布目录》 entries, enterprise norm filings (submitted by the employer, filed or refused by an
 * appraisal centre in scope) and the public occupation read with MayEvaluate. Every write route: success with
 * its audit entry (actor = the key's organisation), role 403, scope 403 (an outsider of a permitted role), bad
 * input 400 naming the field, conflicts 409/422, retries that record nothing twice.
 */
import { OrganisationRepository } from "@jineng/domain/access/OrganisationRepository"
import { isWithinRegion } from "@jineng/domain/codes/Region"
import type { Occupation } from "@jineng/domain/occupation/Occupation"
import { StandardRepository } from "@jineng/domain/occupation/StandardRepository"
import { Effect, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectProblem, makeTestApp, type TestApp } from "./TestApp.js"

let t: TestApp
/** The demo employer's catalogue institution and region. */
let employer: { readonly org: string; readonly institutionId: string; readonly region: string }
/** An appraisal centre whose region covers the employer, and an outsider centre whose region does not. */
let centreInScope: string
let centreOutside: string

const occupation = (code: string, name: string): Occupation => ({
  code,
  name,
  major: { code: code.slice(0, 1), name: "大类" },
  middle: { code: code.slice(0, 4), name: "中类" },
  minor: { code: code.slice(0, 7), name: "小类" },
  workTypes: [],
  workTypeCount: 0,
  green: false,
  digital: true
})

/** Occupations without a national standard in the demo, and one outside 大类 3–6. */
const NEW = "4-04-05-91"
const NEW_2 = "4-04-05-92"
const CAT2 = "2-02-07-04"
const TURNER = "6-18-01-01"

beforeAll(async () => {
  t = await makeTestApp()
  const found = await t.runtime.runPromise(
    Effect.gen(function* () {
      yield* (yield* StandardRepository).upsertOccupations([
        occupation(NEW, "测试新职业"),
        occupation(NEW_2, "测试新职业二"),
        occupation(CAT2, "机械设计工程技术人员")
      ])
      return yield* (yield* OrganisationRepository).findById(t.orgOf.employer)
    })
  )
  const org = Option.getOrThrow(found)
  employer = { org: org.id, institutionId: org.institutionId ?? "", region: org.regionCode }
  const nanjing = t.orgOf.city_appraisal_centre
  centreInScope = isWithinRegion(employer.region, "320100")
    ? nanjing
    : isWithinRegion(employer.region, "320500")
      ? "org-suzhou-centre"
      : t.orgOf.provincial_appraisal_centre
  centreOutside = isWithinRegion(employer.region, "320500") ? nanjing : "org-suzhou-centre"
})
afterAll(() => t.close())

const post = (path: string, as: string | undefined, body?: unknown) =>
  t.call("POST", path, { ...(as === undefined ? {} : { as }), ...(body === undefined ? {} : { body }) })

const auditOf = async (action: string) => (await t.audit()).filter((e) => e.action === action)

const standard = {
  id: "std-new-2025",
  occupationCode: TURNER,
  title: "《车工国家职业技能标准》",
  edition: "2025年版",
  publishedOn: "2025-01-10",
  effectiveFrom: "2025-06-01",
  levels: [5, 4, 3, 2, 1]
}

describe("54号·三 POST /api/standards", () => {
  it("records a standard for the province and audits it with the actor; a retry records nothing twice", async () => {
    const res = await post("/api/standards", t.orgOf.provincial_appraisal_centre, standard)
    expect(res.status).toBe(201)
    const body = (await res.json()) as { record: { id: string }; alreadyRecorded: boolean }
    expect(body).toEqual({ record: standard, alreadyRecorded: false })
    const retry = await post("/api/standards", t.orgOf.provincial_appraisal_centre, standard)
    expect(retry.status).toBe(201)
    expect(((await retry.json()) as { alreadyRecorded: boolean }).alreadyRecorded).toBe(true)
    const entries = await auditOf("standard.record")
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ actor: t.orgOf.provincial_appraisal_centre, subject: standard.id })
  })

  it("refuses other content under a recorded id (409)", async () => {
    const res = await post("/api/standards", t.orgOf.province, { ...standard, levels: [5, 4] })
    await expectProblem(res, 409, "TechnicalRecordIdTaken", "id")
  })

  it("refuses a role without standard.manage (403) and a city centre, whose region is not the province (403)", async () => {
    await expectProblem(
      await post("/api/standards", t.orgOf.institution, standard),
      403,
      "ActionNotPermitted"
    )
    const outside = await expectProblem(
      await post("/api/standards", "org-suzhou-centre", { ...standard, id: "std-suzhou" }),
      403,
      "ActionRefused"
    )
    expect(outside.codes).toEqual(["OutsideActorRegion"])
    expect(await auditOf("standard.record")).toHaveLength(1)
  })

  it("answers 401 without a key", async () => {
    await expectProblem(await post("/api/standards", undefined, standard), 401, "ApiKeyRejected")
  })

  it("refuses bad input with the field: missing, wrong type, injection, unknown field", async () => {
    const { occupationCode, ...missing } = standard
    void occupationCode
    await expectProblem(
      await post("/api/standards", t.orgOf.province, missing),
      400,
      "InvalidRequest",
      "occupationCode"
    )
    await expectProblem(
      await post("/api/standards", t.orgOf.province, { ...standard, levels: "5" }),
      400,
      "InvalidRequest",
      "levels"
    )
    await expectProblem(
      await post("/api/standards", t.orgOf.province, {
        ...standard,
        occupationCode: "6-18'; DROP TABLE national_standards;--"
      }),
      400,
      "InvalidRequest",
      "occupationCode"
    )
    await expectProblem(
      await post("/api/standards", t.orgOf.province, { ...standard, effectiveFrom: "2025-02-30" }),
      400,
      "InvalidRequest",
      "effectiveFrom"
    )
    await expectProblem(
      await post("/api/standards", t.orgOf.province, { ...standard, approvedBy: "x" }),
      400,
      "InvalidRequest",
      "approvedBy"
    )
  })

  it("refuses an occupation not in the catalogue (404) or outside 大类 3–6 (422)", async () => {
    await expectProblem(
      await post("/api/standards", t.orgOf.province, {
        ...standard,
        id: "std-x",
        occupationCode: "6-99-99-99"
      }),
      404,
      "OccupationNotFound",
      "occupationCode"
    )
    const cat2 = await expectProblem(
      await post("/api/standards", t.orgOf.province, { ...standard, id: "std-y", occupationCode: CAT2 }),
      422,
      "OccupationNotCertifiable"
    )
    expect(cat2.detail).toContain("第二大类")
  })
})

const bank = { id: "bank-new", occupationCode: NEW, levels: [5, 4, 3], approvedOn: "2024-01-10" }
const entry = {
  id: "js-2024-001",
  occupationCode: NEW,
  levels: [5, 4],
  normTitle: "《测试新职业评价规范》",
  questionBankId: "bank-new",
  listedOn: "2024-02-01"
}

describe("54号·三 POST /api/question-banks and /api/catalogue-entries", () => {
  it("refuses an entry whose bank is not on file (404)", async () => {
    await expectProblem(
      await post("/api/catalogue-entries", t.orgOf.provincial_appraisal_centre, entry),
      404,
      "QuestionBankNotFound",
      "questionBankId"
    )
  })

  it("records the bank, then lists the entry approved by the provincial centre, both audited", async () => {
    const before = await t.call("GET", `/api/occupations/${NEW}`)
    expect(((await before.json()) as { provincialEntries: unknown[] }).provincialEntries).toEqual([])
    const recordedBank = await post("/api/question-banks", t.orgOf.province, bank)
    expect(recordedBank.status).toBe(201)
    const res = await post("/api/catalogue-entries", t.orgOf.provincial_appraisal_centre, entry)
    expect(res.status).toBe(201)
    const body = (await res.json()) as { record: { approvedBy: string } }
    expect(body.record).toEqual({ ...entry, approvedBy: t.orgOf.provincial_appraisal_centre })
    expect(await auditOf("question-bank.record")).toEqual([
      expect.objectContaining({ actor: t.orgOf.province, subject: "bank-new" })
    ])
    expect(await auditOf("catalogue-entry.approve")).toEqual([
      expect.objectContaining({ actor: t.orgOf.provincial_appraisal_centre, subject: "js-2024-001" })
    ])
    const after = (await (await t.call("GET", `/api/occupations/${NEW}`)).json()) as {
      provincialEntries: Array<{ id: string }>
      questionBanks: Array<{ id: string }>
    }
    expect(after.provincialEntries.map((e) => e.id)).toEqual(["js-2024-001"])
    expect(after.questionBanks.map((b) => b.id)).toEqual(["bank-new"])
  })

  it("refuses a bank that does not cover the entry (422) and any role but the provincial centre (403)", async () => {
    const problem = await expectProblem(
      await post("/api/catalogue-entries", t.orgOf.provincial_appraisal_centre, {
        ...entry,
        id: "js-2024-002",
        levels: [2]
      }),
      422,
      "QuestionBankDoesNotCover",
      "questionBankId"
    )
    expect(problem.detail).toContain("二级")
    for (const role of ["province", "city_appraisal_centre", "employer"] as const)
      await expectProblem(
        await post("/api/catalogue-entries", t.orgOf[role], entry),
        403,
        "ActionNotPermitted"
      )
  })

  it("refuses bad bank input with the field, and a city centre outside the province's scope", async () => {
    const empty = await expectProblem(
      await post("/api/question-banks", t.orgOf.province, { ...bank, levels: [] }),
      400,
      "InvalidRequest",
      "levels.0"
    )
    expect(empty.detail).toBe("评价等级至少应有一个")
    await expectProblem(
      await post("/api/question-banks", t.orgOf.province, { ...bank, levels: "5" }),
      400,
      "InvalidRequest",
      "levels"
    )
    await expectProblem(
      await post("/api/question-banks", t.orgOf.province, { ...bank, levels: [7] }),
      400,
      "InvalidRequest",
      "levels.0"
    )
    await expectProblem(await post("/api/question-banks", t.orgOf.employer, bank), 403, "ActionNotPermitted")
    await expectProblem(
      await post("/api/question-banks", "org-suzhou-centre", { ...bank, id: "b2" }),
      403,
      "ActionRefused"
    )
  })
})

const submission = () => ({
  id: "norm-emp-1",
  title: "《测试新职业企业评价规范》",
  employerId: employer.institutionId,
  occupationCode: NEW,
  levels: [5, 4]
})

describe("54号·三 enterprise norm filings", () => {
  it("the employer submits its own norm, audited; a retry records nothing twice", async () => {
    const res = await post("/api/enterprise-norms/filings", employer.org, submission())
    expect(res.status).toBe(201)
    const body = (await res.json()) as {
      filing: { status: string; regionCode: string }
      alreadySubmitted: boolean
    }
    expect(body.alreadySubmitted).toBe(false)
    expect(body.filing).toMatchObject({
      status: "submitted",
      regionCode: employer.region,
      submittedOn: t.today
    })
    const retry = await post("/api/enterprise-norms/filings", employer.org, submission())
    expect(((await retry.json()) as { alreadySubmitted: boolean }).alreadySubmitted).toBe(true)
    expect(await auditOf("enterprise-norm.submit")).toEqual([
      expect.objectContaining({ actor: employer.org, subject: "norm-emp-1" })
    ])
  })

  it("refuses a norm for another employer (403), an occupation with a national standard (422), other roles (403)", async () => {
    const other = await expectProblem(
      await post("/api/enterprise-norms/filings", employer.org, {
        ...submission(),
        id: "n2",
        employerId: "inst-0001"
      }),
      403,
      "ActionRefused"
    )
    expect(other.codes).toEqual(["NotOwnRecord"])
    const withStandard = await expectProblem(
      await post("/api/enterprise-norms/filings", employer.org, {
        ...submission(),
        id: "n3",
        occupationCode: TURNER
      }),
      422,
      "NationalStandardInForce",
      "occupationCode"
    )
    expect(withStandard.detail).toMatch(/std-(6-18-01-01|new-2025)/)
    for (const role of ["institution", "city_appraisal_centre", "province"] as const)
      await expectProblem(
        await post("/api/enterprise-norms/filings", t.orgOf[role], submission()),
        403,
        "ActionNotPermitted"
      )
    await expectProblem(
      await post("/api/enterprise-norms/filings", employer.org, {
        ...submission(),
        id: "n4",
        levels: [5, "四级"]
      }),
      400,
      "InvalidRequest",
      "levels.1"
    )
    await expectProblem(
      await post("/api/enterprise-norms/filings", employer.org, { ...submission(), employerId: undefined }),
      400,
      "InvalidRequest",
      "employerId"
    )
  })

  it("lists and shows filings to the employer and to the centres in scope only", async () => {
    const ids = async (as: string) => {
      const res = await t.call("GET", "/api/enterprise-norms/filings?status=submitted", { as })
      expect(res.status).toBe(200)
      return ((await res.json()) as { items: Array<{ submission: { id: string } }> }).items.map(
        (f) => f.submission.id
      )
    }
    expect(await ids(employer.org)).toEqual(["norm-emp-1"])
    expect(await ids(centreInScope)).toEqual(["norm-emp-1"])
    expect(await ids(centreOutside)).toEqual([])
    expect(await ids(t.orgOf.province)).toEqual(["norm-emp-1"])
    await expectProblem(
      await t.call("GET", "/api/enterprise-norms/filings", { as: t.orgOf.host }),
      403,
      "ActionRefused"
    )
    await expectProblem(
      await t.call("GET", "/api/enterprise-norms/filings?status=done", { as: employer.org }),
      400,
      "InvalidRequest",
      "status"
    )
    await expectProblem(await t.call("GET", "/api/enterprise-norms/filings"), 401, "ApiKeyRejected")
    const one = await t.call("GET", "/api/enterprise-norms/filings/norm-emp-1", { as: centreInScope })
    expect(one.status).toBe(200)
    await expectProblem(
      await t.call("GET", "/api/enterprise-norms/filings/norm-emp-1", { as: centreOutside }),
      403,
      "ActionRefused"
    )
    await expectProblem(
      await t.call("GET", "/api/enterprise-norms/filings/norm-none", { as: centreInScope }),
      404,
      "EnterpriseNormFilingNotFound"
    )
  })

  it("an appraisal centre in scope files it (audited); outside the region, the 人社厅 and other roles are refused", async () => {
    const path = "/api/enterprise-norms/filings/norm-emp-1/acceptance"
    const outside = await expectProblem(await post(path, centreOutside), 403, "ActionRefused")
    expect(outside.codes).toEqual(["OutsideActorRegion"])
    const province = await expectProblem(await post(path, t.orgOf.province), 403, "ActionRefused")
    expect(province.codes).toEqual(["NotAppraisalInstitution"])
    await expectProblem(await post(path, employer.org), 403, "ActionNotPermitted")
    const res = await post(path, centreInScope)
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      filing: { status: string }
      norm: { filedOn: string; employerUscc: string }
    }
    expect(body.filing.status).toBe("filed")
    expect(body.norm.filedOn).toBe(t.today)
    expect(await auditOf("enterprise-norm.file")).toEqual([
      expect.objectContaining({ actor: centreInScope, subject: "norm-emp-1" })
    ])
    await expectProblem(await post(path, centreInScope), 409, "EnterpriseNormFilingDecided")
    await expectProblem(
      await post("/api/enterprise-norms/filings/norm-none/acceptance", centreInScope),
      404,
      "EnterpriseNormFilingNotFound"
    )
  })

  it("the filed norm is on file for the occupation and lifts MayEvaluate's NoEnterpriseNorm for that employer", async () => {
    const res = await t.call("GET", `/api/occupations/${NEW}?institutionId=${employer.institutionId}&level=4`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      enterpriseNorms: Array<{ id: string }>
      mayEvaluate: { failures: Array<{ code: string }> }
    }
    expect(body.enterpriseNorms.map((n) => n.id)).toEqual(["norm-emp-1"])
    expect(body.mayEvaluate.failures.map((f) => f.code)).not.toContain("NoEnterpriseNorm")
    const other = await t.call(
      "GET",
      `/api/occupations/${NEW_2}?institutionId=${employer.institutionId}&level=4`
    )
    const otherBody = (await other.json()) as { mayEvaluate: { failures: Array<{ code: string }> } }
    expect(otherBody.mayEvaluate.failures.map((f) => f.code)).toContain("NoEnterpriseNorm")
  })

  it("a refusal needs a reason and files no norm", async () => {
    const second = { ...submission(), id: "norm-emp-2", occupationCode: NEW_2 }
    expect((await post("/api/enterprise-norms/filings", employer.org, second)).status).toBe(201)
    const path = "/api/enterprise-norms/filings/norm-emp-2/refusal"
    await expectProblem(await post(path, centreInScope, {}), 400, "InvalidRequest", "reason")
    await expectProblem(await post(path, centreOutside, { reason: "不符合" }), 403, "ActionRefused")
    const res = await post(path, centreInScope, { reason: "评价内容未覆盖职业描述的工作任务" })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      filing: { status: string; decision: { reason: string } }
      norm: null
    }
    expect(body.filing.status).toBe("refused")
    expect(body.norm).toBeNull()
    expect(await auditOf("enterprise-norm.refuse")).toEqual([
      expect.objectContaining({
        actor: centreInScope,
        subject: "norm-emp-2",
        reason: "评价内容未覆盖职业描述的工作任务"
      })
    ])
    const occupationBody = (await (await t.call("GET", `/api/occupations/${NEW_2}`)).json()) as {
      enterpriseNorms: unknown[]
    }
    expect(occupationBody.enterpriseNorms).toEqual([])
  })
})

describe("54号·三 GET /api/occupations (public)", () => {
  it("lists the catalogue by 大类 with pagination", async () => {
    const res = await t.call("GET", "/api/occupations?major=6&limit=3")
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      items: Array<{ code: string; certifiableMajor: boolean }>
      total: number
      limit: number
      offset: number
    }
    expect(body.items).toHaveLength(3)
    expect(body.items.every((o) => o.code.startsWith("6-") && o.certifiableMajor)).toBe(true)
    expect(body).toMatchObject({ limit: 3, offset: 0 })
    expect(body.total).toBeGreaterThan(3)
    const cat2 = (await (await t.call("GET", "/api/occupations?major=2")).json()) as {
      items: Array<{ code: string; certifiableMajor: boolean }>
    }
    expect(cat2.items).toEqual([expect.objectContaining({ code: CAT2, certifiableMajor: false })])
    await expectProblem(await t.call("GET", "/api/occupations?limit=0"), 400, "InvalidRequest", "limit")
    await expectProblem(await t.call("GET", "/api/occupations?major=9"), 400, "InvalidRequest", "major")
  })

  it("shows an occupation with its standards, the one in force and whether it may be evaluated on a date", async () => {
    const res = await t.call("GET", `/api/occupations/${TURNER}?date=2025-05-31`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      occupation: { name: string }
      standards: Array<{ id: string }>
      standardInForce: string
      certifiable: { outcome: string }
      mayEvaluate: null
    }
    expect(body.occupation.name).toBe("车工")
    expect(body.standards.map((s) => s.id)).toEqual([`std-${TURNER}`, "std-new-2025"])
    expect(body.standardInForce).toBe(`std-${TURNER}`)
    expect(body.certifiable.outcome).toBe("allowed")
    expect(body.mayEvaluate).toBeNull()
    const later = (await (await t.call("GET", `/api/occupations/${TURNER}?date=2025-06-01`)).json()) as {
      standardInForce: string
    }
    expect(later.standardInForce).toBe("std-new-2025")
    const before = (await (await t.call("GET", `/api/occupations/${TURNER}?date=2022-04-30`)).json()) as {
      certifiable: { outcome: string }
    }
    expect(before.certifiable.outcome).toBe("not_in_force")
  })

  it("answers whether an institution may evaluate at a level, and refuses bad queries with the field", async () => {
    const res = await t.call(
      "GET",
      `/api/occupations/${TURNER}?institutionId=${employer.institutionId}&level=1`
    )
    expect(res.status).toBe(200)
    const body = (await res.json()) as { mayEvaluate: { outcome: string; rule: string } }
    expect(body.mayEvaluate.rule).toBe("occupation.may-evaluate")
    expect(["allowed", "refused"]).toContain(body.mayEvaluate.outcome)
    await expectProblem(await t.call("GET", "/api/occupations/6-18"), 400, "InvalidRequest", "code")
    await expectProblem(await t.call("GET", "/api/occupations/6-99-99-99"), 404, "OccupationNotFound", "code")
    await expectProblem(
      await t.call("GET", `/api/occupations/${TURNER}?institutionId=x`),
      400,
      "InvalidRequest",
      "level"
    )
    await expectProblem(
      await t.call("GET", `/api/occupations/${TURNER}?institutionId=x&level=7`),
      400,
      "InvalidRequest",
      "level"
    )
    await expectProblem(
      await t.call("GET", `/api/occupations/${TURNER}?institutionId=inst-none&level=3`),
      404,
      "InstitutionNotFound",
      "institutionId"
    )
    await expectProblem(
      await t.call("GET", `/api/occupations/${TURNER}?date=2025-13-01`),
      400,
      "InvalidRequest",
      "date"
    )
  })
})
