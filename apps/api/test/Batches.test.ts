/**
 * Evaluation batches through the real app on a real SQLite file with the demo registry (附件2; 54号·四、五):
 * publishing (own institution, departments in their region), reading a batch, and issuing its certificates
 * from JSON or JSON Lines — scope refusals, bad input with the line that is wrong, all-or-nothing refusals,
 * idempotent retries that create nothing, the audit entries with the acting organisation, and 100,000
 * certificates in one JSON Lines submission.
 */
import { ApiKeys } from "@jineng/db/access/ApiKeys"
import { SqliteDatabase } from "@jineng/db/sqlite/SqliteDatabase"
import { Organisation } from "@jineng/domain/access/Organisation"
import { OrganisationRepository } from "@jineng/domain/access/OrganisationRepository"
import { checkCharacter } from "@jineng/domain/codes/ResidentIdNumber"
import type { Institution } from "@jineng/domain/institution/Institution"
import { InstitutionRepository } from "@jineng/domain/institution/InstitutionRepository"
import { Effect, Option, Schema } from "effect"
import type { InferResponseType } from "hono/client"
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest"
import { createApiClient } from "../src/client.js"
import { makeTestApp, problemOf, type TestApp } from "./TestApp.js"

let t: TestApp
let inst: Institution
let employer: Institution
/** Organisations made here: another third-party institution, the city bureau of the institution's city. */
const extra = { otherInstitution: "org-other-institution", city: "org-city-of-institution" }
let outsiderCity: string

const institutionOf = (id: string) =>
  t.runtime.runPromise(
    Effect.flatMap(InstitutionRepository, (r) => r.findById(id)).pipe(
      Effect.map(Option.getOrThrowWith(() => new Error(`no institution ${id}`)))
    )
  )

beforeAll(async () => {
  t = await makeTestApp()
  inst = await institutionOf(t.orgOf.institution.slice("org-".length))
  employer = await institutionOf(t.orgOf.employer.slice("org-".length))
  const others = await t.runtime.runPromise(
    Effect.flatMap(InstitutionRepository, (r) => r.list({ limit: 50 }))
  )
  const other = others.items.find((i) => i.kind === "third_party" && i.id !== inst.id)
  if (other === undefined) throw new Error("the demo has one third-party institution only")
  const city = `${inst.region.slice(0, 4)}00`
  outsiderCity = city === "320500" ? "org-nanjing" : "org-suzhou"
  const orgs = [
    {
      id: extra.otherInstitution,
      name: other.name,
      role: "institution",
      regionCode: other.region,
      institutionId: other.id
    },
    { id: extra.city, name: `${city} 人力资源和社会保障局`, role: "city", regionCode: city }
  ]
  const keys = await t.runtime.runPromise(
    Effect.gen(function* () {
      const repo = yield* OrganisationRepository
      const apiKeys = yield* ApiKeys
      const keys: Record<string, string> = {}
      for (const o of orgs) {
        yield* repo.create(Schema.decodeUnknownSync(Organisation)(o))
        keys[o.id] = (yield* apiKeys.create(o.id)).key
      }
      return keys
    }).pipe(Effect.orDie)
  )
  Object.assign(t.keys as Record<string, string>, keys)
}, 60_000)

afterAll(() => t.close())

/** Rows of the audit trail about `subject`, oldest first. */
const auditOf = (subject: string) =>
  t.runtime.runPromise(
    Effect.flatMap(Effect.serviceOption(SqliteDatabase), (db) =>
      Option.getOrThrow(db).use(
        (raw) =>
          raw
            .prepare("SELECT actor, action, subject, details FROM audit_trail WHERE subject = ? ORDER BY seq")
            .all(subject) as Array<{ actor: string; action: string; subject: string; details: string }>
      )
    )
  )

/** Certificates in the registry for a batch id. */
const certificatesIn = (batchId: string) =>
  t.runtime.runPromise(
    Effect.flatMap(Effect.serviceOption(SqliteDatabase), (db) =>
      Option.getOrThrow(db).use(
        (raw) =>
          (
            raw.prepare("SELECT COUNT(*) AS n FROM certificates WHERE batch_id = ?").get(batchId) as {
              n: number
            }
          ).n
      )
    )
  )

const occupationOf = (i: Institution) => i.authorisations[0]?.occupations[0]?.code ?? ""
const levelOf = (i: Institution) => i.authorisations[0]?.levels[0] ?? 5

const publishBody = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  institutionId: inst.id,
  occupation: { code: occupationOf(inst) },
  level: levelOf(inst),
  evaluationTime: { from: t.today, until: t.today },
  contact: { name: "王老师", phone: "025-83271773" },
  regionCode: inst.region,
  ...over
})

const publish = (id: string, as = t.orgOf.institution, over: Record<string, unknown> = {}) =>
  t.call("POST", "/api/batches", { as, body: publishBody(id, over) })

/** A valid resident ID number, distinct for each n below 10,000,000. */
const residentId = (n: number) => {
  const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(n / 1000) * 86_400_000)
  const first17 = `320102${birth.toISOString().slice(0, 10).replaceAll("-", "")}${String(n % 1000).padStart(3, "0")}`
  return first17 + checkCharacter(first17)
}

const row = (n: number, over: Record<string, unknown> = {}) => ({
  holder: { name: `考生${n}`, idType: "resident_id", idNumber: residentId(n) },
  occupationCode: occupationOf(inst),
  level: levelOf(inst),
  ...over
})

const header = (batchId: string, over: Record<string, unknown> = {}) => ({
  batchId,
  institutionId: inst.id,
  issuedOn: t.today,
  evaluationRegion: inst.region,
  ...over
})

const issueJson = (batchId: string, rows: ReadonlyArray<unknown>, as = t.orgOf.institution) =>
  t.call("POST", `/api/batches/${batchId}/certificates`, {
    as,
    body: { ...header(batchId), candidates: rows }
  })

const jsonLines = (lines: ReadonlyArray<unknown>) => `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`

const issueLines = (batchId: string, body: string, as = t.orgOf.institution) =>
  t.call("POST", `/api/batches/${batchId}/certificates`, {
    as,
    body,
    headers: { "content-type": "application/x-ndjson" }
  })

type IssuedBody = {
  batchId: string
  alreadyIssued: boolean
  count: number
  certificates: Array<{ number: string; name: string; idNumberMasked: string }>
}

describe("POST /api/batches: plan and publish an evaluation batch (54号·五、附件2)", () => {
  it("publishes the institution's own batch with the catalogue's names, audited with the actor", async () => {
    const res = await publish("PB-own-1")
    expect(res.status).toBe(201)
    const batch = (await res.json()) as Record<string, unknown>
    expect(batch).toMatchObject({
      id: "PB-own-1",
      status: "published",
      institution: { id: inst.id, name: inst.name },
      occupation: { code: occupationOf(inst) },
      plannedOn: t.today,
      publishedOn: t.today,
      regionCode: inst.region
    })
    expect(String((batch.occupation as { name: string }).name).length).toBeGreaterThan(0)
    const audit = await auditOf("PB-own-1")
    expect(audit.map((a) => [a.actor, a.action])).toEqual([[t.orgOf.institution, "batch.publish"]])
    expect(JSON.parse(audit[0]?.details ?? "{}")).toMatchObject({ institutionId: inst.id })
  })

  it("lets the department of the evaluation's region and the province publish for the institution", async () => {
    expect((await publish("PB-city-1", extra.city)).status).toBe(201)
    expect((await publish("PB-province-1", t.orgOf.province)).status).toBe(201)
    expect((await auditOf("PB-city-1"))[0]?.actor).toBe(extra.city)
  })

  it("refuses another institution (own records) and a department elsewhere with 403, and publishes nothing", async () => {
    const other = await publish("PB-other-inst", extra.otherInstitution)
    expect(other.status).toBe(403)
    expect(await problemOf(other)).toMatchObject({ code: "ActionRefused", codes: ["NotOwnRecord"] })
    const elsewhere = await publish("PB-elsewhere", outsiderCity)
    expect(elsewhere.status).toBe(403)
    expect(await problemOf(elsewhere)).toMatchObject({ code: "ActionRefused", codes: ["OutsideActorRegion"] })
    for (const id of ["PB-other-inst", "PB-elsewhere"]) {
      expect((await t.call("GET", `/api/batches/${id}`, { as: t.orgOf.province })).status).toBe(404)
      expect(await auditOf(id)).toEqual([])
    }
  })

  it("refuses roles without the permission (403) and requests without a key (401)", async () => {
    for (const role of ["employer", "host", "provincial_appraisal_centre"] as const) {
      const res = await publish(`PB-role-${role}`, t.orgOf[role])
      expect(res.status).toBe(403)
      expect((await problemOf(res)).code).toBe("ActionNotPermitted")
    }
    const anonymous = await t.call("POST", "/api/batches", { body: publishBody("PB-anon") })
    expect(anonymous.status).toBe(401)
  })

  it.each([
    [{ id: undefined }, "id", "缺少批次编号"],
    [{ level: "三级" }, "level", "评价等级"],
    [{ contact: { name: "王老师", phone: "电话：八三二七" } }, "contact.phone", "电话"],
    [{ occupation: { code: "6-18-01" } }, "occupation.code", "职业编码"],
    [{ regionCode: "'; DROP TABLE evaluation_batches; --" }, "regionCode", "行政区划"],
    [{ evaluationTime: { from: "2026-06-02", until: "2026-06-01" } }, "evaluationTime.until", "早于"],
    [{ surprise: 1 }, "surprise", "不允许"]
  ])("refuses bad input %j with a 400 problem naming %s", async (over, field, text) => {
    const res = await t.call("POST", "/api/batches", {
      as: t.orgOf.institution,
      body: publishBody("PB-bad", over)
    })
    expect(res.status).toBe(400)
    const body = await problemOf(res)
    expect(body).toMatchObject({ code: "InvalidRequest", field })
    expect(body.detail).toContain(text)
  })

  it("refuses malformed JSON with 400 and a body over 1 MiB with 413", async () => {
    const malformed = await t.call("POST", "/api/batches", { as: t.orgOf.institution, body: "{not json" })
    expect(malformed.status).toBe(400)
    const huge = await t.call("POST", "/api/batches", {
      as: t.orgOf.institution,
      body: JSON.stringify({ ...publishBody("PB-huge"), padding: "x".repeat(1024 * 1024) })
    })
    expect(huge.status).toBe(413)
    expect((await problemOf(huge)).code).toBe("BodyTooLarge")
  })

  it("answers 409 to a second batch with the same id, recording nothing more", async () => {
    expect((await publish("PB-twice")).status).toBe(201)
    const again = await publish("PB-twice")
    expect(again.status).toBe(409)
    expect((await problemOf(again)).code).toBe("EvaluationBatchIdTaken")
    expect(await auditOf("PB-twice")).toHaveLength(1)
  })

  it("refuses a batch outside the institution's authorisation or before the notice (422), and an unknown institution (404)", async () => {
    const level = await publish("PB-level-1", t.orgOf.province, { level: 1 })
    expect(level.status).toBe(422)
    const refused = await problemOf(level)
    expect(refused.code).toBe("BatchPublicationRefused")
    expect(refused.field).toBe("level")
    expect(refused.detail).toContain("一级")
    const early = await publish("PB-2021", t.orgOf.province, {
      evaluationTime: { from: "2021-06-01", until: "2021-06-02" }
    })
    expect(early.status).toBe(422)
    expect((await problemOf(early)).detail).toContain("2022-05-01")
    const unknown = await publish("PB-unknown", t.orgOf.province, { institutionId: "inst-none" })
    expect(unknown.status).toBe(404)
    expect((await problemOf(unknown)).code).toBe("InstitutionNotFound")
  })
})

describe("GET /api/batches/:batchId (its institution and the departments of its region)", () => {
  beforeAll(async () => {
    expect((await publish("GB-1")).status).toBe(201)
  })

  it("shows the batch to its institution, the city of its region and the province", async () => {
    for (const as of [t.orgOf.institution, extra.city, t.orgOf.province]) {
      const res = await t.call("GET", "/api/batches/GB-1", { as })
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ id: "GB-1", status: "published" })
    }
  })

  it("refuses another institution, a department elsewhere and a host (403), no key (401), an unknown id (404)", async () => {
    for (const as of [extra.otherInstitution, outsiderCity, t.orgOf.host]) {
      const res = await t.call("GET", "/api/batches/GB-1", { as })
      expect(res.status).toBe(403)
      expect((await problemOf(res)).code).toBe("ActionRefused")
    }
    expect((await t.call("GET", "/api/batches/GB-1")).status).toBe(401)
    const unknown = await t.call("GET", "/api/batches/GB-none", { as: t.orgOf.province })
    expect(unknown.status).toBe(404)
    expect((await problemOf(unknown)).code).toBe("EvaluationBatchNotFound")
  })
})

describe("POST /api/batches/:batchId/certificates: results and certificates (54号·四)", () => {
  it("issues the batch's certificates from JSON (201), marks the batch issued and audits the actor", async () => {
    expect((await publish("IB-json")).status).toBe(201)
    const res = await issueJson("IB-json", [row(1), row(2), row(3)])
    expect(res.status).toBe(201)
    const body = (await res.json()) as IssuedBody
    expect(body).toMatchObject({ batchId: "IB-json", alreadyIssued: false, count: 3 })
    expect(body.certificates.map((c) => c.name)).toEqual(["考生1", "考生2", "考生3"])
    for (const c of body.certificates) expect(c.number).toMatch(/^S\d{21}$/)
    expect(body.certificates[0]?.idNumberMasked).toBe(
      `${residentId(1).slice(0, 6)}********${residentId(1).slice(14)}`
    )
    expect(JSON.stringify(body)).not.toContain(residentId(1))
    expect(await certificatesIn("IB-json")).toBe(3)
    const batch = await t.call("GET", "/api/batches/IB-json", { as: t.orgOf.institution })
    expect(await batch.json()).toMatchObject({
      status: "issued",
      issuedOn: t.today,
      results: { candidates: 3, passed: 3 }
    })
    const audit = await auditOf("IB-json")
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      [t.orgOf.institution, "batch.publish"],
      [t.orgOf.institution, "certificate.issue-batch"]
    ])
    expect(audit[1]?.details).not.toContain(residentId(1))
  })

  it("answers a retried submission with 200 and the same certificates, creating nothing", async () => {
    expect((await publish("IB-retry")).status).toBe(201)
    const first = (await (await issueJson("IB-retry", [row(11), row(12)])).json()) as IssuedBody
    const retry = await issueJson("IB-retry", [row(11), row(12)])
    expect(retry.status).toBe(200)
    const again = (await retry.json()) as IssuedBody
    expect(again.alreadyIssued).toBe(true)
    expect(again.certificates).toEqual(first.certificates)
    const lines = await issueLines("IB-retry", jsonLines([header("IB-retry"), row(11), row(12)]))
    expect(lines.status).toBe(200)
    expect(await certificatesIn("IB-retry")).toBe(2)
    expect((await auditOf("IB-retry")).filter((a) => a.action === "certificate.issue-batch")).toHaveLength(1)
  })

  it("issues from JSON Lines (header line, then one candidate a line; blank lines and CRLF allowed)", async () => {
    expect((await publish("IB-lines")).status).toBe(201)
    const body = `${JSON.stringify(header("IB-lines"))}\r\n${JSON.stringify(row(21))}\r\n\r\n${JSON.stringify(row(22))}`
    const res = await issueLines("IB-lines", body)
    expect(res.status).toBe(201)
    expect(((await res.json()) as IssuedBody).certificates.map((c) => c.name)).toEqual(["考生21", "考生22"])
  })

  it("refuses a JSON Lines file with bad lines with 400 naming each line, and issues nothing", async () => {
    expect((await publish("IB-badline")).status).toBe(201)
    const rows = [header("IB-badline"), row(31), row(32), row(33)]
    const bad = jsonLines(rows).split("\n")
    const wrongCheck = `${residentId(32).slice(0, 17)}${residentId(32).endsWith("0") ? "1" : "0"}`
    bad[2] = JSON.stringify(
      row(32, { holder: { name: "考生32", idType: "resident_id", idNumber: wrongCheck } })
    )
    bad[3] = "{not json"
    const res = await issueLines("IB-badline", bad.join("\n"))
    expect(res.status).toBe(400)
    const problem = await problemOf(res)
    expect(problem).toMatchObject({ code: "InvalidRequest", field: "line 3: holder.idNumber" })
    expect(problem.detail).toContain("第3行")
    expect((problem.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      "line 3: holder.idNumber",
      "line 4"
    ])
    const badHeader = await issueLines(
      "IB-badline",
      jsonLines([header("IB-badline", { issuedOn: "昨天" }), row(31)])
    )
    expect((await problemOf(badHeader)).field).toBe("line 1: issuedOn")
    const empty = await issueLines("IB-badline", "\n\n")
    expect((await problemOf(empty)).field).toBe("line 1")
    expect(await certificatesIn("IB-badline")).toBe(0)
  })

  it.each([
    [{ batchId: undefined }, "batchId"],
    [{ candidates: "all of them" }, "candidates"],
    [
      { candidates: [{ holder: { name: "张三" }, occupationCode: "6-18-01-01", level: 3 }] },
      "candidates.0.holder.idType"
    ],
    [{ evaluationRegion: "<script>alert(1)</script>" }, "evaluationRegion"]
  ])("refuses a JSON body %j with 400 naming %s", async (over, field) => {
    const res = await t.call("POST", "/api/batches/IB-badjson/certificates", {
      as: t.orgOf.institution,
      body: { ...header("IB-badjson"), candidates: [row(41)], ...over }
    })
    expect(res.status).toBe(400)
    expect(await problemOf(res)).toMatchObject({ code: "InvalidRequest", field })
  })

  it("refuses a body whose batch id is not the path's (400), another media type (415) and a body over 64 MiB (413)", async () => {
    const mismatch = await t.call("POST", "/api/batches/IB-path/certificates", {
      as: t.orgOf.institution,
      body: { ...header("IB-other"), candidates: [row(51)] }
    })
    expect(mismatch.status).toBe(400)
    expect(await problemOf(mismatch)).toMatchObject({ code: "BatchIdMismatch", field: "batchId" })
    const text = await t.call("POST", "/api/batches/IB-path/certificates", {
      as: t.orgOf.institution,
      body: "batchId=IB-path",
      headers: { "content-type": "text/plain" }
    })
    expect(text.status).toBe(415)
    const huge = await issueLines(
      "IB-path",
      `${JSON.stringify(header("IB-path"))}\n${" ".repeat(64 * 1024 * 1024)}`
    )
    expect(huge.status).toBe(413)
    expect((await problemOf(huge)).code).toBe("BodyTooLarge")
  })

  it("answers the typed client (@jineng/api/client) with typed views and problems: 201, 200 on a retry, 400, 415", async () => {
    const api = createApiClient("http://jineng.test", {
      fetch: ((input: string | URL | Request, init?: RequestInit) =>
        t.app.request(input, init)) as typeof fetch,
      headers: { authorization: `Bearer ${t.keys[t.orgOf.institution]}` }
    })
    const issue = api.api.batches[":batchId"].certificates.$post
    // Type level (tsc): each refusal is a problem body the client knows by its status, not an untyped Response.
    expectTypeOf<InferResponseType<typeof issue, 201>["count"]>().toEqualTypeOf<number>()
    expectTypeOf<InferResponseType<typeof issue, 415>>().toEqualTypeOf<string>()
    expectTypeOf<InferResponseType<typeof issue, 409>>().toEqualTypeOf<string>()
    const post = (body: string, contentType = "application/json") =>
      issue({ param: { batchId: "IB-client" } }, { headers: { "content-type": contentType }, init: { body } })
    expect((await publish("IB-client")).status).toBe(201)
    const submission = JSON.stringify({ ...header("IB-client"), candidates: [row(95), row(96)] })
    const first = await post(submission)
    if (first.status !== 201) throw new Error(`expected 201, got ${first.status}: ${await first.text()}`)
    const issued = await first.json()
    expect(issued.count).toBe(2)
    expect(issued.certificates.map((c) => c.name)).toEqual(["考生95", "考生96"])
    const retry = await post(submission)
    if (retry.status !== 200) throw new Error(`expected 200, got ${retry.status}: ${await retry.text()}`)
    expect((await retry.json()).certificates).toEqual(issued.certificates)
    const mismatch = await post(JSON.stringify({ ...header("IB-other"), candidates: [row(95)] }))
    expect(mismatch.status).toBe(400)
    expect(JSON.parse(await mismatch.text())).toMatchObject({ code: "BatchIdMismatch", field: "batchId" })
    const text = await post("batchId=IB-client", "text/plain")
    expect(text.status).toBe(415)
    expect(JSON.parse(await text.text())).toMatchObject({
      code: "UnsupportedMediaType",
      field: "content-type"
    })
    expect(await certificatesIn("IB-client")).toBe(2)
  })

  it("refuses another institution's key (own records) and roles without the permission with 403, no key with 401", async () => {
    expect((await publish("IB-scope")).status).toBe(201)
    const employerKey = await issueJson("IB-scope", [row(61)], t.orgOf.employer)
    expect(employerKey.status).toBe(403)
    expect(await problemOf(employerKey)).toMatchObject({ code: "ActionRefused", codes: ["NotOwnRecord"] })
    const otherInstitution = await issueJson("IB-scope", [row(61)], extra.otherInstitution)
    expect(otherInstitution.status).toBe(403)
    const city = await issueJson("IB-scope", [row(61)], extra.city)
    expect(city.status).toBe(403)
    expect((await problemOf(city)).code).toBe("ActionNotPermitted")
    const anonymous = await t.call("POST", "/api/batches/IB-scope/certificates", {
      body: { ...header("IB-scope"), candidates: [row(61)] }
    })
    expect(anonymous.status).toBe(401)
    expect(await certificatesIn("IB-scope")).toBe(0)
  })

  it("refuses the whole batch when one row is refused (422 BatchRefused listing it) and issues nothing", async () => {
    const batchId = "IB-employer-refused"
    const own = {
      employerUscc: employer.uscc,
      occupationCode: occupationOf(employer),
      level: levelOf(employer)
    }
    const body = {
      batchId,
      institutionId: employer.id,
      issuedOn: t.today,
      evaluationRegion: employer.region,
      candidates: [row(71, own), row(72, { ...own, employerUscc: "91320500MA00000313" }), row(73, own)]
    }
    const res = await t.call("POST", `/api/batches/${batchId}/certificates`, { as: t.orgOf.employer, body })
    expect(res.status).toBe(422)
    const problem = await problemOf(res)
    expect(problem.code).toBe("BatchRefused")
    expect((problem.refused as Array<{ index: number }>).map((r) => r.index)).toEqual([1])
    expect(problem.refusedCount).toBe(1)
    expect(problem.detail).toContain("本单位职工")
    expect(await certificatesIn(batchId)).toBe(0)
    // The employer's own staff only: the same batch without the stranger issues (an employer publishes no 附件2 row).
    const fixed = await t.call("POST", `/api/batches/${batchId}/certificates`, {
      as: t.orgOf.employer,
      body: { ...body, candidates: [row(71, own), row(73, own)] }
    })
    expect(fixed.status).toBe(201)
    expect(await certificatesIn(batchId)).toBe(2)
    expect((await auditOf(batchId))[0]?.actor).toBe(t.orgOf.employer)
  })

  it("refuses a batch whose face the institution does not own (all rows refused), leaving the batch published", async () => {
    expect((await publish("IB-face")).status).toBe(201)
    const res = await t.call("POST", "/api/batches/IB-face/certificates", {
      as: t.orgOf.institution,
      body: {
        ...header("IB-face"),
        face: {
          issuerNames: [inst.name],
          signatories: [inst.responsiblePerson.name],
          sealIds: ["seal-forged"]
        },
        candidates: [row(81), row(82)]
      }
    })
    expect(res.status).toBe(422)
    expect((await problemOf(res)).refusedCount).toBe(2)
    expect(await certificatesIn("IB-face")).toBe(0)
    const batch = await t.call("GET", "/api/batches/IB-face", { as: t.orgOf.institution })
    expect(await batch.json()).toMatchObject({ status: "published" })
  })

  it("refuses rows of another level than the batch's (naming the line), a person twice, another day, an unpublished batch", async () => {
    expect((await publish("IB-rows")).status).toBe(201)
    const other = levelOf(inst) === 5 ? 4 : 5
    const level = await issueLines(
      "IB-rows",
      jsonLines([header("IB-rows"), row(91), row(92), row(93, { level: other })])
    )
    expect(level.status).toBe(422)
    expect(await problemOf(level)).toMatchObject({ code: "BatchSubmissionMismatch", field: "line 4: level" })
    const twice = await issueJson("IB-rows", [row(91), row(92), row(91)])
    expect(twice.status).toBe(422)
    expect(await problemOf(twice)).toMatchObject({
      code: "CandidateListedTwice",
      field: "candidates.2.holder.idNumber"
    })
    const backdated = await t.call("POST", "/api/batches/IB-rows/certificates", {
      as: t.orgOf.institution,
      body: { ...header("IB-rows", { issuedOn: "2025-01-02" }), candidates: [row(91)] }
    })
    expect(backdated.status).toBe(422)
    const unpublished = await issueJson("IB-never-published", [row(94)])
    expect(unpublished.status).toBe(404)
    expect((await problemOf(unpublished)).code).toBe("EvaluationBatchNotFound")
    expect(await certificatesIn("IB-rows")).toBe(0)
    expect(await certificatesIn("IB-never-published")).toBe(0)
  })

  it("issues 100,000 certificates from one JSON Lines submission", async () => {
    const n = 100_000
    expect((await publish("IB-100k")).status).toBe(201)
    const parts = [JSON.stringify(header("IB-100k"))]
    for (let i = 0; i < n; i++) parts.push(JSON.stringify(row(100_000 + i)))
    const body = parts.join("\n")
    const started = performance.now()
    const res = await issueLines("IB-100k", body)
    const issued = (await res.json()) as IssuedBody
    const seconds = (performance.now() - started) / 1000
    console.log(
      `100,000 certificates via JSON Lines: ${seconds.toFixed(1)} s (${(Buffer.byteLength(body) / 1024 / 1024).toFixed(1)} MiB in)`
    )
    expect(res.status).toBe(201)
    expect(issued.count).toBe(n)
    expect(new Set(issued.certificates.map((c) => c.number)).size).toBe(n)
    expect(await certificatesIn("IB-100k")).toBe(n)
    const batch = await t.call("GET", "/api/batches/IB-100k", { as: t.orgOf.institution })
    expect(await batch.json()).toMatchObject({ status: "issued", results: { candidates: n, passed: n } })
    expect(seconds).toBeLessThan(60)
  }, 120_000)
})
