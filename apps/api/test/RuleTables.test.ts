/**
 * 54号·一 rule tables through the API on the demo registry: the 贯通 and competition promotion tables with their
 * versions' provenance and provisional flags (public), a new dated version published by the province — which
 * changes the eligibility decisions dated on or after it and no earlier one — and employers' 破格晋升 rules. Every
 * write route: success audited with the actor, role 403, own-records 403, bad input 400 naming the field,
 * version conflicts 409/422, retries that record nothing twice.
 */
import { OrganisationRepository } from "@jineng/domain/access/OrganisationRepository"
import { Eligibility } from "@jineng/domain/eligibility/Eligibility"
import type { EligibilityFacts } from "@jineng/domain/eligibility/EligibilityFacts"
import { DEFAULT_TITLE_BRIDGE } from "@jineng/domain/eligibility/TitleBridge"
import { addDays } from "@jineng/domain/time/LocalDate"
import { Effect, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectProblem, makeTestApp, type TestApp } from "./TestApp.js"

let t: TestApp

let employerInstitution: string
/** The new version's effective date: ten days ahead, so it is in force for later applications only. */
let effectiveFrom: string

beforeAll(async () => {
  t = await makeTestApp()
  effectiveFrom = addDays(t.today, 10)
  const org = await t.runtime.runPromise(
    Effect.flatMap(OrganisationRepository, (r) => r.findById(t.orgOf.employer))
  )
  employerInstitution = Option.getOrThrow(org).institutionId ?? ""
})
afterAll(() => t.close())

const post = (path: string, as: string | undefined, body?: unknown) =>
  t.call("POST", path, { ...(as === undefined ? {} : { as }), ...(body === undefined ? {} : { body }) })

const auditOf = async (action: string) => (await t.audit()).filter((e) => e.action === action)

const TITLE_VERSIONS = "/api/rule-tables/title-bridge/versions"

/** 132号 as the province might transcribe it: 中级 → 一级 (the provisional default says 二级). */
const bridge = (over: object = {}) => ({
  version: "js-132-v1",
  effectiveFrom,
  provenance: { source: "苏人社发〔2021〕132号", note: "按原文第三条录入" },
  rows: [
    { titleLevel: "junior", targetLevel: 3, fieldRelation: "same_or_related" },
    { titleLevel: "intermediate", targetLevel: 1, fieldRelation: "same_or_related" },
    { titleLevel: "deputy_senior", targetLevel: 1, fieldRelation: "same_or_related" },
    { titleLevel: "senior", targetLevel: 1, fieldRelation: "same_or_related" }
  ],
  ...over
})

/** An engineer (中级) applying for 一级 by the title route. */
const application = (applicationDate: string): EligibilityFacts => ({
  route: "title",
  occupationCode: "6-18-01-01",
  targetLevel: 1,
  applicationDate,
  workPeriods: [],
  priorCertificates: [],
  education: [],
  apprenticeshipCompleted: false,
  preparatoryTechnicianCertificate: false,
  standard: { occupationCode: "6-18-01-01", edition: "2018", levels: [5, 4, 3, 2, 1] },
  title: { titleName: "工程师", titleLevel: "intermediate", obtainedOn: "2020-06-30", fieldRelation: "same" }
})

const decide = (date: string) =>
  t.runtime.runPromise(Effect.flatMap(Eligibility, (e) => e.decide(application(date))))

describe("54号·一 GET /api/rule-tables (public)", () => {
  it("lists both tables with their shipped provisional versions and provenance", async () => {
    const res = await t.call("GET", "/api/rule-tables")
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      items: Array<{
        table: string
        inForce: string
        versions: Array<{ provisional: boolean; provenance: { publishedBy: string } }>
      }>
    }
    expect(body.items.map((i) => [i.table, i.inForce])).toEqual([
      ["title-bridge", DEFAULT_TITLE_BRIDGE.version],
      ["competition-promotion", "jineng-default-2022-05-01"]
    ])
    for (const item of body.items) {
      expect(item.versions).toHaveLength(1)
      expect(item.versions[0]).toMatchObject({
        provisional: true,
        provenance: { publishedBy: "jineng-default" }
      })
    }
  })

  it("shows one table, and 404 for a name that is no rule table (injection strings included)", async () => {
    const res = await t.call("GET", "/api/rule-tables/title-bridge")
    expect(res.status).toBe(200)
    expect(((await res.json()) as { citation: string }).citation).toBe("苏人社发〔2021〕132号")
    await expectProblem(await t.call("GET", "/api/rule-tables/exam-fees"), 404, "RuleTableNotFound", "name")
    await expectProblem(
      await t.call("GET", `/api/rule-tables/${encodeURIComponent("' OR 1=1 --")}`),
      404,
      "RuleTableNotFound",
      "name"
    )
  })
})

describe("54号·一 POST /api/rule-tables/title-bridge/versions", () => {
  it("publishes a dated version as the province, audited; a decision dated on or after it changes, earlier ones do not", async () => {
    const before = await decide(effectiveFrom)
    expect(before.outcome).toBe("refused")
    expect(before.failures.map((f) => f.code)).toContain("TargetAboveTableLevel")
    expect(before.ruleVersions).toEqual([
      expect.objectContaining({ version: DEFAULT_TITLE_BRIDGE.version, provisional: true })
    ])

    const res = await post(TITLE_VERSIONS, t.orgOf.province, bridge())
    expect(res.status).toBe(201)
    const published = (await res.json()) as {
      table: string
      provisional: boolean
      provenance: { publishedBy: string }
    }
    expect(published).toMatchObject({
      table: "title-bridge",
      provisional: false,
      provenance: { publishedBy: t.orgOf.province }
    })
    expect(await auditOf("rule-table.publish")).toEqual([
      expect.objectContaining({ actor: t.orgOf.province, subject: "title-bridge@js-132-v1" })
    ])

    const after = await decide(effectiveFrom)
    expect(after.outcome).toBe("allowed")
    expect(after.ruleVersions).toEqual([
      { table: "title-bridge", version: "js-132-v1", effectiveFrom, provisional: false }
    ])
    expect(after.provisional).toEqual([])
    const dayBefore = await decide(addDays(effectiveFrom, -1))
    expect(dayBefore.outcome).toBe("refused")
    expect(dayBefore.ruleVersions[0]?.version).toBe(DEFAULT_TITLE_BRIDGE.version)

    const table = (await (await t.call("GET", "/api/rule-tables/title-bridge")).json()) as {
      inForce: string
      versions: Array<{ version: string }>
    }
    expect(table.versions.map((v) => v.version)).toEqual([DEFAULT_TITLE_BRIDGE.version, "js-132-v1"])
    expect(table.inForce).toBe(DEFAULT_TITLE_BRIDGE.version)
  })

  it("refuses a reused version id (409), a date not after the latest (422) or before today (422), storing nothing", async () => {
    await expectProblem(
      await post(TITLE_VERSIONS, t.orgOf.province, bridge({ effectiveFrom: addDays(effectiveFrom, 30) })),
      409,
      "RuleVersionAlreadyExists",
      "version"
    )
    await expectProblem(
      await post(TITLE_VERSIONS, t.orgOf.province, bridge({ version: "js-132-v2" })),
      422,
      "RuleVersionNotAfterLatest",
      "effectiveFrom"
    )
    const past = await expectProblem(
      await post(
        TITLE_VERSIONS,
        t.orgOf.province,
        bridge({ version: "js-132-v0", effectiveFrom: addDays(t.today, -1) })
      ),
      422,
      "RuleVersionEffectiveInPast",
      "effectiveFrom"
    )
    expect(past.detail).toContain("早于今日")
    expect(await auditOf("rule-table.publish")).toHaveLength(1)
  })

  it("refuses every role but the province (403) and answers 401 without a key", async () => {
    for (const role of ["provincial_appraisal_centre", "city", "district", "employer"] as const)
      await expectProblem(await post(TITLE_VERSIONS, t.orgOf[role], bridge()), 403, "ActionNotPermitted")
    await expectProblem(await post(TITLE_VERSIONS, "org-suzhou", bridge()), 403, "ActionNotPermitted")
    await expectProblem(await post(TITLE_VERSIONS, undefined, bridge()), 401, "ApiKeyRejected")
  })

  it("refuses bad input with the field: no rows, a title level twice, a false date, a wrong type, an unknown field", async () => {
    const as = t.orgOf.province
    await expectProblem(await post(TITLE_VERSIONS, as, bridge({ rows: [] })), 400, "InvalidRequest", "rows.0")
    const twice = await expectProblem(
      await post(
        TITLE_VERSIONS,
        as,
        bridge({
          rows: [
            { titleLevel: "junior", targetLevel: 3, fieldRelation: "same" },
            { titleLevel: "junior", targetLevel: 2, fieldRelation: "same" }
          ]
        })
      ),
      400,
      "InvalidRequest",
      "rows"
    )
    expect(twice.detail).toContain("只能有一行")
    await expectProblem(
      await post(TITLE_VERSIONS, as, bridge({ effectiveFrom: "2027-02-30" })),
      400,
      "InvalidRequest",
      "effectiveFrom"
    )
    await expectProblem(
      await post(TITLE_VERSIONS, as, bridge({ provisional: "yes" })),
      400,
      "InvalidRequest",
      "provisional"
    )
    await expectProblem(
      await post(
        TITLE_VERSIONS,
        as,
        bridge({ rows: [{ titleLevel: "chief", targetLevel: 1, fieldRelation: "same" }] })
      ),
      400,
      "InvalidRequest",
      "rows.0.titleLevel"
    )
    await expectProblem(
      await post(TITLE_VERSIONS, as, bridge({ table: "title-bridge" })),
      400,
      "InvalidRequest",
      "table"
    )
    await expectProblem(
      await post(TITLE_VERSIONS, as, bridge({ provenance: { source: "x" } })),
      400,
      "InvalidRequest",
      "provenance.note"
    )
    await expectProblem(await post(TITLE_VERSIONS, as, "{not json"), 400, "MalformedBody", "body")
  })
})

describe("54号·一 POST /api/rule-tables/competition-promotion/versions", () => {
  const promotion = (over: object = {}) => ({
    version: "js-65-v1",
    effectiveFrom,
    provisional: true,
    provenance: { source: "苏人社函〔2022〕65号", note: "原文待核，暂按省级前五名晋升一级" },
    rows: [
      {
        competitionClass: "provincial",
        group: "worker",
        rankFrom: 1,
        rankTo: 5,
        currentLevel: 3,
        targetLevel: 2
      }
    ],
    ...over
  })

  it("publishes a provisional version of the other table, leaving the 贯通 table as it was", async () => {
    const res = await post("/api/rule-tables/competition-promotion/versions", t.orgOf.province, promotion())
    expect(res.status).toBe(201)
    expect(((await res.json()) as { provisional: boolean }).provisional).toBe(true)
    const tables = (await (await t.call("GET", "/api/rule-tables")).json()) as {
      items: Array<{ table: string; versions: unknown[] }>
    }
    expect(tables.items.map((i) => [i.table, i.versions.length])).toEqual([
      ["title-bridge", 2],
      ["competition-promotion", 2]
    ])
    expect(await auditOf("rule-table.publish")).toHaveLength(2)
  })

  it("refuses a rank range upside down and a promotion that is no promotion, with the row's field", async () => {
    const path = "/api/rule-tables/competition-promotion/versions"
    const upside = await expectProblem(
      await post(
        path,
        t.orgOf.province,
        promotion({ version: "v2", rows: [{ ...promotion().rows[0], rankFrom: 6 }] })
      ),
      400,
      "InvalidRequest",
      "rows.0"
    )
    expect(upside.detail).toContain("起始名次不得大于截止名次")
    await expectProblem(
      await post(
        path,
        t.orgOf.province,
        promotion({ version: "v3", rows: [{ ...promotion().rows[0], targetLevel: 4 }] })
      ),
      400,
      "InvalidRequest",
      "rows.0"
    )
    await expectProblem(await post(path, t.orgOf.city, promotion()), 403, "ActionNotPermitted")
  })
})

describe("54号·一 employers' 破格晋升 rules", () => {
  const PATH = "/api/rule-tables/exceptional-promotion-rules"
  const rule = (over: object = {}) => ({
    employerId: employerInstitution,
    documentId: "精工人〔2025〕3号",
    title: "职业技能等级破格晋升管理办法",
    publishedOn: "2025-06-01",
    publishedToAllStaff: true,
    writtenForm: true,
    allowedLevels: [3, 2],
    maxLevelsAbove: 2,
    ...over
  })

  it("the employer registers its own written rule published to all staff, audited; a retry records nothing twice", async () => {
    const res = await post(PATH, t.orgOf.employer, rule())
    expect(res.status).toBe(201)
    const body = (await res.json()) as {
      registered: { registeredBy: string; registeredOn: string }
      alreadyRegistered: boolean
    }
    expect(body).toMatchObject({
      alreadyRegistered: false,
      registered: { registeredBy: t.orgOf.employer, registeredOn: t.today }
    })
    const retry = await post(PATH, t.orgOf.employer, rule())
    expect(((await retry.json()) as { alreadyRegistered: boolean }).alreadyRegistered).toBe(true)
    expect(await auditOf("promotion-rule.file")).toEqual([
      expect.objectContaining({
        actor: t.orgOf.employer,
        subject: `${employerInstitution}/精工人〔2025〕3号`
      })
    ])
    const list = await t.call("GET", `${PATH}/${employerInstitution}`, { as: t.orgOf.city })
    expect(list.status).toBe(200)
    expect(
      ((await list.json()) as { items: Array<{ rule: { documentId: string } }> }).items.map(
        (r) => r.rule.documentId
      )
    ).toEqual(["精工人〔2025〕3号"])
    await expectProblem(await t.call("GET", `${PATH}/${employerInstitution}`), 401, "ApiKeyRejected")
  })

  it("refuses another employer's rule (403), other roles (403), a changed rule under the same number (409)", async () => {
    const other = await expectProblem(
      await post(PATH, t.orgOf.employer, rule({ employerId: "inst-0001" })),
      403,
      "ActionRefused"
    )
    expect(other.codes).toEqual(["NotOwnRecord"])
    for (const role of ["province", "institution", "host"] as const)
      await expectProblem(await post(PATH, t.orgOf[role], rule()), 403, "ActionNotPermitted")
    await expectProblem(
      await post(PATH, t.orgOf.employer, rule({ maxLevelsAbove: 1 })),
      409,
      "PromotionRuleAlreadyRegistered",
      "documentId"
    )
  })

  it("refuses a rule not published to all staff or not in writing (422), and bad input with the field (400)", async () => {
    const unpublished = await expectProblem(
      await post(
        PATH,
        t.orgOf.employer,
        rule({ documentId: "d2", publishedToAllStaff: false, writtenForm: false })
      ),
      422,
      "PromotionRuleNotPublished"
    )
    expect(unpublished.detail).toContain("未向全体职工公布")
    await expectProblem(
      await post(PATH, t.orgOf.employer, rule({ documentId: "d3", publishedOn: addDays(t.today, 1) })),
      422,
      "PromotionRuleNotPublished"
    )
    await expectProblem(
      await post(PATH, t.orgOf.employer, rule({ maxLevelsAbove: 9 })),
      400,
      "InvalidRequest",
      "maxLevelsAbove"
    )
    await expectProblem(
      await post(PATH, t.orgOf.employer, rule({ allowedLevels: [0] })),
      400,
      "InvalidRequest",
      "allowedLevels.0"
    )
    await expectProblem(
      await post(PATH, t.orgOf.employer, rule({ documentId: "" })),
      400,
      "InvalidRequest",
      "documentId"
    )
    expect(await auditOf("promotion-rule.file")).toHaveLength(1)
  })
})
