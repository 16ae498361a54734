/**
 * Competitions through the API (54号·二、四、五; 附件1, 附件3): filing a competition answers the filing it requires;
 * plans are published with it or later; the filing's 附件1 opinions are recorded level by level and the
 * cross-province co-signature by the province; competition certificates are issued by whom the class allows.
 * Every route: success, role refusal (403 ActionNotPermitted), region or own-record scope (403 from an outsider),
 * bad input (400 naming the field, database unchanged), state conflicts (409), and audit entries with the actor.
 */
import { statusOn } from "@jineng/domain/institution/CatalogueStatus"
import type { Institution } from "@jineng/domain/institution/Institution"
import { InstitutionRepository } from "@jineng/domain/institution/InstitutionRepository"
import { addDays } from "@jineng/domain/time/LocalDate"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectProblem, makeTestApp, type TestApp } from "./TestApp.js"

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp()
}, 60_000)
afterAll(() => t.close())

const people = (regionCode: string, n: number, prefix = regionCode) =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, regionCode }))

const CREDIT_CODE = "91350100M000100Y43"
const WELDER = { code: "6-18-02-04", name: "焊工", workType: "电焊工" }
const PLAN = {
  id: "plan-xw-1",
  eventName: "焊工",
  participationConditions: "具有我省户籍或参加我省基本养老保险一年以上",
  registrationPhone: "025-83271773"
}

/** A 区(县)级 competition in 玄武区, two months ahead; 3 of 13 contestants from 秦淮区 → filed with the city. */
const county = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  name: "玄武区焊工职业技能竞赛",
  class: "county",
  group: "worker",
  host: { name: "玄武区总工会", creditCode: CREDIT_CODE, regionCode: "320102" },
  regionCode: "320102",
  startsOn: addDays(t.today, 60),
  endsOn: addDays(t.today, 61),
  events: [{ name: "焊工", occupations: [WELDER], scope: "whole" }],
  fees: [],
  contestants: [...people("320102", 10), ...people("320104", 3)],
  ...over
})

/** A 市级 competition of 南京市 with every contestant in Nanjing (no filing required). */
const nanjing = (id: string, over: Record<string, unknown> = {}) =>
  county(id, {
    name: "南京市焊工职业技能竞赛",
    class: "city_class_1",
    host: { name: "南京市总工会", creditCode: CREDIT_CODE, regionCode: "320100" },
    regionCode: "320100",
    contestants: people("320102", 12),
    ...over
  })

const json = async <A>(res: Response, status: number): Promise<A> => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`)
  return (await res.json()) as A
}

const auditOf = async (subject: string) =>
  (await t.audit()).filter((e) => e.subject === subject).map((e) => [e.action, e.actor])

const file = (body: unknown, as = t.orgOf.host) => t.call("POST", "/api/competitions", { as, body })

describe("POST /api/competitions (54号·二)", () => {
  it("files the host's competition with its plan and answers the filing it requires; a retry changes nothing", async () => {
    const res = await file({ ...county("xw-file"), plans: [PLAN] })
    const body = await json<{
      filer: { organisationId: string }
      review: {
        requiredFiling: { outcome: string; citations: Array<string> }
        share: { seen: { outOfRegion: number } }
      }
      plans: Array<{ id: string; occupation: { code: string }; listing: { regionCode: string } }>
      alreadyFiled: boolean
    }>(res, 201)
    expect(body.filer.organisationId).toBe(t.orgOf.host)
    expect(body.review.requiredFiling.outcome).toBe("city")
    expect(body.review.requiredFiling.citations).toContain("54号·二")
    expect(body.review.share.seen.outOfRegion).toBe(3)
    expect(body.plans).toMatchObject([
      { id: "plan-xw-1", occupation: { code: WELDER.code }, listing: { regionCode: "320102" } }
    ])
    expect(body.alreadyFiled).toBe(false)

    const before = await t.fingerprint()
    const again = await json<{ alreadyFiled: boolean }>(
      await file({ ...county("xw-file"), plans: [PLAN] }),
      201
    )
    expect(again.alreadyFiled).toBe(true)
    expect(await t.fingerprint()).toBe(before)
    expect(await auditOf("xw-file")).toEqual([["competition.file", t.orgOf.host]])
  })

  it("lets the district bureau file a 区(县)级 competition of its county, not another class", async () => {
    const filed = await json<{ filer: { organisationId: string } }>(
      await file(county("xw-district"), t.orgOf.district),
      201
    )
    expect(filed.filer.organisationId).toBe(t.orgOf.district)
    const problem = await expectProblem(
      await file(county("xw-city-class", { class: "city_class_2" }), t.orgOf.district),
      403,
      "ActionRefused"
    )
    expect(problem.codes).toEqual(["DistrictFilesCountyCompetitionsOnly"])
  })

  it("refuses a role without the permission and a district bureau outside the competition's county", async () => {
    await expectProblem(
      await file(county("xw-role"), t.orgOf.institution),
      403,
      "ActionNotPermitted",
      "authorization"
    )
    const problem = await expectProblem(await file(county("xw-gulou"), "org-gulou"), 403, "ActionRefused")
    expect(problem.codes).toEqual(["OutsideActorRegion"])
  })

  it.each([
    [{ name: undefined }, "name"],
    [{ startsOn: 20990101 }, "startsOn"],
    [
      { host: { name: "玄武区总工会", creditCode: "91350100M000100Y44", regionCode: "320102" } },
      "host.creditCode"
    ],
    [{ regionCode: "320102' OR '1'='1" }, "regionCode"],
    [{ class: "national" }, "class"],
    [{ plans: [{ ...PLAN, id: "plan-bad", registrationPhone: "025-abc" }] }, "plans.0.registrationPhone"],
    [{ extra: "<script>alert(1)</script>" }, "extra"]
  ])("answers 400 with the field for %j, changing nothing", async (over, field) => {
    const before = await t.fingerprint()
    await expectProblem(await file(county("xw-bad", over)), 400, "InvalidRequest", field)
    expect(await t.fingerprint()).toBe(before)
  })

  it("refuses a competition that charges fees (422) and ids already on file (409), changing nothing", async () => {
    const before = await t.fingerprint()
    const fee = await expectProblem(
      await file(county("xw-fee", { fees: [{ kind: "registration", amount: 50 }] })),
      422,
      "CompetitionRefused"
    )
    expect(JSON.stringify(fee.failures)).toContain("RegistrationFeeCharged")
    await expectProblem(
      await file(county("xw-file", { name: "另一项竞赛" })),
      409,
      "CompetitionIdTaken",
      "id"
    )
    await expectProblem(await file(county("comp-0001")), 409, "CompetitionIdTaken", "id")
    expect(await t.fingerprint()).toBe(before)
  })
})

describe("POST /api/competitions/:competitionId/plans (附件3)", () => {
  const publish = (id: string, plans: unknown, as = t.orgOf.host) =>
    t.call("POST", `/api/competitions/${id}/plans`, { as, body: { plans } })

  it("publishes a plan for the filer's competition once, audited; a retry publishes nothing", async () => {
    await json(await file(county("xw-plans")), 201)
    const plan = { ...PLAN, id: "plan-xw-2" }
    const first = await json<{ published: Array<string> }>(await publish("xw-plans", [plan]), 201)
    expect(first.published).toEqual(["plan-xw-2"])
    const retry = await json<{ published: Array<string>; plans: Array<{ id: string }> }>(
      await publish("xw-plans", [plan]),
      201
    )
    expect(retry.published).toEqual([])
    expect(retry.plans.map((p) => p.id)).toEqual(["plan-xw-2"])
    expect(await auditOf("xw-plans")).toEqual([
      ["competition.file", t.orgOf.host],
      ["competition-plan.publish", t.orgOf.host]
    ])
  })

  it("refuses other hosts, unknown competitions and events, taken ids and bad input", async () => {
    const plan = { ...PLAN, id: "plan-xw-3" }
    await expectProblem(await publish("xw-plans", [plan], t.orgOf.city), 403, "ActionNotPermitted")
    const other = await expectProblem(
      await publish("xw-plans", [plan], "org-suzhou-host"),
      403,
      "ActionRefused"
    )
    expect(other.codes).toEqual(["NotOwnRecord"])
    await expectProblem(
      await publish("no-such-competition", [plan]),
      404,
      "CompetitionNotFound",
      "competitionId"
    )
    await expectProblem(
      await publish("xw-plans", [{ ...plan, eventName: "车工" }]),
      422,
      "PlanEventUnknown",
      "plans.0.eventName"
    )
    await expectProblem(
      await publish("xw-plans", [{ ...plan, id: "plan-comp-0001" }]),
      409,
      "CompetitionPlanIdTaken",
      "plans.0.id"
    )
    await expectProblem(await publish("xw-plans", []), 400, "InvalidRequest", "plans")
    await expectProblem(await publish("xw-plans", [{ ...plan, id: 7 }]), 400, "InvalidRequest", "plans.0.id")
  })
})

interface FilingView {
  filing: {
    id: string
    competitionId: string
    status: string
    levels: Array<string>
    opinions: Array<unknown>
  }
  nextLevel: string | null
  incentives: { outcome: string }
}

describe("cross-region filing (附件1): submit, opinions in order, co-signature", () => {
  const opinion = (id: string, level: string, as: string, verdict = "agree") =>
    t.call("POST", `/api/filings/${id}/opinions`, { as, body: { level, verdict, text: "同意备案" } })

  it("lets the filer submit once; refuses others, unknown competitions, competitions needing none", async () => {
    await json(await file(county("xw-filing")), 201)
    await json(await file(nanjing("nj-no-filing")), 201)
    await expectProblem(
      await t.call("POST", "/api/filings", { as: "org-suzhou-host", body: { competitionId: "xw-filing" } }),
      403,
      "ActionRefused"
    )
    await expectProblem(
      await t.call("POST", "/api/filings", { as: t.orgOf.city, body: { competitionId: "xw-filing" } }),
      403,
      "ActionNotPermitted"
    )
    await expectProblem(
      await t.call("POST", "/api/filings", { as: t.orgOf.host, body: {} }),
      400,
      "InvalidRequest",
      "competitionId"
    )
    await expectProblem(
      await t.call("POST", "/api/filings", { as: t.orgOf.host, body: { competitionId: "nope" } }),
      404,
      "CompetitionNotFound"
    )
    await expectProblem(
      await t.call("POST", "/api/filings", { as: t.orgOf.host, body: { competitionId: "nj-no-filing" } }),
      422,
      "FilingNotRequired"
    )
    const submitted = await json<FilingView>(
      await t.call("POST", "/api/filings", { as: t.orgOf.host, body: { competitionId: "xw-filing" } }),
      201
    )
    expect(submitted.filing.levels).toEqual(["district", "city"])
    expect(submitted.nextLevel).toBe("district")
    expect(submitted.incentives.outcome).toBe("lost")
    await expectProblem(
      await t.call("POST", "/api/filings", { as: t.orgOf.host, body: { competitionId: "xw-filing" } }),
      409,
      "FilingAlreadySubmitted"
    )
    expect(await auditOf(submitted.filing.id)).toEqual([["filing.submit", t.orgOf.host]])

    const read = await json<FilingView>(
      await t.call("GET", `/api/filings/${submitted.filing.id}`, { as: t.orgOf.institution }),
      200
    )
    expect(read.filing.id).toBe(submitted.filing.id)
    expect((await t.call("GET", `/api/filings/${submitted.filing.id}`)).status).toBe(401)
    await expectProblem(
      await t.call("GET", "/api/filings/fil_unknown", { as: t.orgOf.host }),
      404,
      "FilingNotFound"
    )
  })

  it("records each level's opinion in order, only by a bureau of that level and region", async () => {
    await json(await file(county("xw-opinions")), 201)
    const { filing } = await json<FilingView>(
      await t.call("POST", "/api/filings", { as: t.orgOf.host, body: { competitionId: "xw-opinions" } }),
      201
    )
    await expectProblem(await opinion(filing.id, "city", t.orgOf.city), 409, "OpinionOutOfOrder", "level")
    await expectProblem(await opinion(filing.id, "district", t.orgOf.city), 403, "OpinionActorWrongLevel")
    const outside = await expectProblem(
      await opinion(filing.id, "district", "org-gulou"),
      403,
      "ActionRefused"
    )
    expect(outside.codes).toEqual(["OutsideActorRegion"])
    await expectProblem(await opinion(filing.id, "district", t.orgOf.host), 403, "ActionNotPermitted")
    await expectProblem(
      await opinion(filing.id, "district", t.orgOf.district, "maybe"),
      400,
      "InvalidRequest",
      "verdict"
    )
    await expectProblem(await opinion("fil_unknown", "district", t.orgOf.district), 404, "FilingNotFound")

    const district = await json<FilingView>(await opinion(filing.id, "district", t.orgOf.district), 201)
    expect(district.nextLevel).toBe("city")
    await expectProblem(await opinion(filing.id, "district", t.orgOf.district), 409, "OpinionAlreadyRecorded")
    await expectProblem(await opinion(filing.id, "city", "org-suzhou"), 403, "ActionRefused")
    const city = await json<FilingView>(await opinion(filing.id, "city", t.orgOf.city), 201)
    expect(city.filing.status).toBe("completed")
    expect(city.nextLevel).toBeNull()
    expect(city.incentives.outcome).toBe("available")
    await expectProblem(await opinion(filing.id, "city", t.orgOf.city), 409, "FilingClosed")
    expect(await auditOf(filing.id)).toEqual([
      ["filing.submit", t.orgOf.host],
      ["filing.opinion", t.orgOf.district],
      ["filing.opinion", t.orgOf.city]
    ])
  })

  it("records the co-signature of a cross-province competition by the province", async () => {
    const cosign = (id: string, province: unknown, as = t.orgOf.province) =>
      t.call("POST", `/api/filings/${id}/cosignature`, { as, body: { province } })
    await json(
      await file(
        county("js-cross", {
          name: "江苏省焊工职业技能竞赛",
          class: "provincial",
          regionCode: "320000",
          contestants: [...people("320102", 10), ...people("330106", 1)],
          participatingRegions: ["320000", "330100"]
        })
      ),
      201
    )
    const { filing } = await json<FilingView>(
      await t.call("POST", "/api/filings", { as: t.orgOf.host, body: { competitionId: "js-cross" } }),
      201
    )
    expect(filing.levels).toEqual(["province"])
    await expectProblem(await cosign(filing.id, "330000", t.orgOf.city), 403, "ActionNotPermitted")
    await expectProblem(await cosign(filing.id, "33"), 400, "InvalidRequest", "province")
    await expectProblem(await cosign(filing.id, "310000"), 422, "CoSignatureNotRequired", "province")
    const signed = await json<FilingView>(await cosign(filing.id, "330000"), 201)
    expect(signed.filing.status).toBe("in_review")
    await expectProblem(await cosign(filing.id, "330000"), 409, "CoSignatureAlreadyRecorded")
    const done = await json<FilingView>(await opinion(filing.id, "province", t.orgOf.province), 201)
    expect(done.filing.status).toBe("completed")
    expect(await auditOf(filing.id)).toEqual([
      ["filing.submit", t.orgOf.host],
      ["filing.cosign", t.orgOf.province],
      ["filing.opinion", t.orgOf.province]
    ])
  })
})

describe("POST /api/competitions/:competitionId/certificates (54号·四)", () => {
  const holder = { name: "王五", idType: "resident_id", idNumber: "11010519491231002X" }
  const row = { holder, occupationCode: WELDER.code, level: 3 }
  const issue = (id: string, body: unknown, as = t.orgOf.city_appraisal_centre) =>
    t.call("POST", `/api/competitions/${id}/certificates`, { as, body })

  interface Issued {
    alreadyIssued: boolean
    batchId: string
    issuerDecision: { outcome: string }
    provisional: Array<{ reason: string }>
    certificates: Array<{
      number: string
      kind: string
      occupation: { workType: string | null }
      issuer: { name: string }
    }>
  }

  it("lets the city centre issue 市级一类 certificates under its seal, once per submission, audited", async () => {
    await json(await file(nanjing("nj-certs")), 201)
    const issued = await json<Issued>(
      await issue("nj-certs", { submissionId: "s1", certificates: [row] }),
      201
    )
    expect(issued.alreadyIssued).toBe(false)
    expect(issued.issuerDecision.outcome).toBe("allowed")
    expect(issued.provisional.map((p) => p.reason).join()).toContain("编号规则未公布")
    const [certificate] = issued.certificates
    expect(certificate?.number).toMatch(/^S000032320100\d{2}3000001$/)
    expect(certificate).toMatchObject({ kind: "competition", occupation: { workType: "电焊工" } })
    expect(JSON.stringify(issued)).not.toContain(holder.idNumber)

    const lookup = await t.call(
      "GET",
      `/api/public/certificates/lookup?${new URLSearchParams({ number: certificate?.number ?? "", name: holder.name })}`
    )
    expect(lookup.status).toBe(200)

    const before = await t.fingerprint()
    const again = await json<Issued>(
      await issue("nj-certs", { submissionId: "s1", certificates: [row] }),
      201
    )
    expect(again.alreadyIssued).toBe(true)
    expect(again.certificates.map((c) => c.number)).toEqual([certificate?.number])
    expect(await t.fingerprint()).toBe(before)
    expect(await auditOf(issued.batchId)).toEqual([
      ["competition-certificate.issue", t.orgOf.city_appraisal_centre]
    ])
  })

  it("refuses by role, region, issuer rule, event occupation, missing filing and bad input — issuing nothing", async () => {
    await json(await file(nanjing("nj-refusals")), 201)
    await json(
      await file(nanjing("nj-unfiled", { contestants: [...people("320102", 6), ...people("320505", 4)] })),
      201
    )
    const before = await t.fingerprint()
    const body = { submissionId: "r1", certificates: [row] }
    await expectProblem(await issue("nj-refusals", body, t.orgOf.city), 403, "ActionNotPermitted")
    const outside = await expectProblem(
      await issue("nj-refusals", body, "org-suzhou-centre"),
      403,
      "ActionRefused"
    )
    expect(outside.codes).toEqual(["OutsideActorRegion"])
    const byHost = await expectProblem(
      await issue(
        "nj-refusals",
        { ...body, commission: { document: "宁人社〔2023〕1号", date: t.today } },
        t.orgOf.host
      ),
      422,
      "CompetitionCertificateIssuerRefused"
    )
    expect(JSON.stringify(byHost.failures)).toContain("HostMayNotIssue")
    await expectProblem(
      await issue("nj-refusals", { ...body, certificates: [{ ...row, occupationCode: "6-18-01-01" }] }),
      422,
      "CompetitionCertificatesRefused",
      "certificates.0.occupationCode"
    )
    await expectProblem(await issue("nj-unfiled", body), 422, "CompetitionIncentivesLost")
    await expectProblem(await issue("no-such-competition", body), 404, "CompetitionNotFound")
    await expectProblem(
      await issue("nj-refusals", {
        ...body,
        certificates: [{ ...row, holder: { ...holder, idNumber: "110105194912310021" } }]
      }),
      400,
      "InvalidRequest",
      "certificates.0.holder.idNumber"
    )
    await expectProblem(
      await issue("nj-refusals", { ...body, certificates: [] }),
      400,
      "InvalidRequest",
      "certificates"
    )
    await expectProblem(
      await issue("nj-refusals", { ...body, certificates: [{ ...row, level: "3" }] }),
      400,
      "InvalidRequest",
      "certificates.0.level"
    )
    expect(await t.fingerprint()).toBe(before)
  })

  it("lets a commissioned host holding 认定 authority issue 市级二类 certificates under its own numbers", async () => {
    const institutions = await t.runtime.runPromise(
      Effect.flatMap(InstitutionRepository, (repository) => repository.list({ limit: 100 }))
    )
    const employer = institutions.items.find(
      (i: Institution) => i.kind === "employer" && statusOn(i.statusHistory, t.today) === "admitted"
    )
    if (employer === undefined) throw new Error("the demo has no admitted employer")
    const created = await json<{ id: string }>(
      await t.call("POST", "/api/organisations", {
        as: t.orgOf.province,
        body: { name: employer.name, role: "host", regionCode: employer.region, institutionId: employer.id }
      }),
      201
    )
    const { key } = await json<{ key: string }>(
      await t.call("POST", `/api/organisations/${created.id}/keys`, { as: t.orgOf.province }),
      201
    )
    const as = (method: string, path: string, body: unknown) =>
      t.app.request(path, {
        method,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(body)
      })
    const city = `${employer.region.slice(0, 4)}00`
    await json(
      await as(
        "POST",
        "/api/competitions",
        nanjing("host-class-2", {
          class: "city_class_2",
          regionCode: city,
          host: { name: employer.name, creditCode: employer.uscc, regionCode: employer.region },
          contestants: people(employer.region, 12)
        })
      ),
      201
    )
    const path = "/api/competitions/host-class-2/certificates"
    await expectProblem(
      await as("POST", path, { submissionId: "h1", certificates: [row] }),
      422,
      "CompetitionCertificateIssuerRefused",
      "issuer.commissioned"
    )
    const issued = await json<Issued>(
      await as("POST", path, {
        submissionId: "h1",
        commission: { document: "人社委托〔2023〕8号", date: t.today },
        certificates: [row]
      }),
      201
    )
    const prefix = employer.numberingPrefix
    expect(issued.certificates[0]?.number.slice(0, 13)).toBe(
      `${prefix?.type}${prefix?.institutionCode}${prefix?.province}${prefix?.siteSerial}`
    )
    expect(issued.certificates[0]?.issuer.name).toBe(employer.name)
    const audit = (await t.audit()).find((e) => e.subject === issued.batchId)
    expect(audit).toMatchObject({ actor: created.id, action: "competition-certificate.issue" })
    expect(audit?.details.commission).toMatchObject({ document: "人社委托〔2023〕8号" })
  })
})

describe("reads for the bureaus: competitions, their detail and the filings awaiting each bureau", () => {
  const opinion = (id: string, as: string) =>
    t.call("POST", `/api/filings/${id}/opinions`, {
      as,
      body: { level: "district", verdict: "agree", text: "同意备案" }
    })
  const awaiting = async (as: string) =>
    (
      await json<{ items: Array<FilingView> }>(await t.call("GET", "/api/filings/awaiting", { as }), 200)
    ).items.map((v) => v.filing.competitionId)

  it("lists a filing as awaiting the district bureau of its county, then the city, never an outsider", async () => {
    await json(await file(county("xw-awaiting")), 201)
    const { filing } = await json<FilingView>(
      await t.call("POST", "/api/filings", { as: t.orgOf.host, body: { competitionId: "xw-awaiting" } }),
      201
    )
    expect(await awaiting(t.orgOf.district)).toContain("xw-awaiting")
    expect(await awaiting(t.orgOf.city)).not.toContain("xw-awaiting")
    expect(await awaiting("org-gulou")).not.toContain("xw-awaiting")
    await json(await opinion(filing.id, t.orgOf.district), 201)
    expect(await awaiting(t.orgOf.district)).not.toContain("xw-awaiting")
    expect(await awaiting(t.orgOf.city)).toContain("xw-awaiting")
    expect(await awaiting("org-suzhou")).not.toContain("xw-awaiting")
    await expectProblem(
      await t.call("GET", "/api/filings/awaiting", { as: t.orgOf.host }),
      403,
      "ActionNotPermitted"
    )
  })

  it("lists competitions with their review and shows one with its filings and the out-of-region computation", async () => {
    await json(await file(county("xw-detail")), 201)
    const page = await json<{
      items: Array<{ competition: { id: string }; review: { requiredFiling: { outcome: string } } }>
      total: number
    }>(await t.call("GET", "/api/competitions?regionCode=320102&limit=100", { as: t.orgOf.city }), 200)
    const listed = page.items.find((i) => i.competition.id === "xw-detail")
    expect(listed?.review.requiredFiling.outcome).toBe("city")
    const detail = await json<{
      review: {
        share: { seen: { total: number; outOfRegion: number } }
        requiredFiling: { outcome: string; citations: Array<string> }
      }
      filings: Array<unknown>
    }>(await t.call("GET", "/api/competitions/xw-detail", { as: t.orgOf.city }), 200)
    expect(detail.review.share.seen).toMatchObject({ total: 13, outOfRegion: 3 })
    expect(detail.review.requiredFiling.citations.length).toBeGreaterThan(0)
    expect(detail.filings).toEqual([])
    await expectProblem(
      await t.call("GET", "/api/competitions/nope", { as: t.orgOf.city }),
      404,
      "CompetitionNotFound"
    )
    expect((await t.call("GET", "/api/competitions")).status).toBe(401)
  })
})
