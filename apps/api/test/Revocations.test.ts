/**
 * Revocation orders through the API (54号·五 注销): preview changes nothing and counts what execute then revokes;
 * execute revokes in one audited transaction in the name of the key's organisation; the public lookup then shows
 * the certificates revoked with date and reason; re-executing revokes nothing twice. Refusals: a role without the
 * permission (403), a city reaching outside its city (403), malformed orders (400 naming the field), orders the
 * rules refuse (404/422) — none of which changes the database.
 */
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { deriveCertificateNumber } from "@jineng/domain/codes/CertificateNumber"
import { EvaluationBatchRepository } from "@jineng/domain/issuance/EvaluationBatchRepository"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTestApp, problemOf, type TestApp } from "./TestApp.js"

let t: TestApp
/** The demo's issued batches with their certificates, all valid at the start: Suzhou's and the others. */
let suzhou: ReadonlyArray<Batch>
let elsewhere: ReadonlyArray<Batch>

interface Batch {
  readonly batchId: string
  readonly certificates: ReadonlyArray<Certificate>
}

const SUZHOU = "org-suzhou"

beforeAll(async () => {
  t = await makeTestApp()
  const batches = await t.runtime.runPromise(
    Effect.gen(function* () {
      const page = yield* (yield* EvaluationBatchRepository).list({ status: "issued", limit: 500 })
      const certificates = yield* CertificateRepository
      return yield* Effect.forEach(page.items, (b) =>
        Effect.map(certificates.listByBatch(b.id), (list) => ({ batchId: b.id, certificates: list }))
      )
    })
  )
  const valid = batches.filter(
    (b) => b.certificates.length >= 2 && b.certificates.every((c) => c.status._tag === "valid")
  )
  const inSuzhou = (b: Batch) => b.certificates.every((c) => c.issuer.regionCode.startsWith("3205"))
  suzhou = valid.filter(inSuzhou)
  elsewhere = valid.filter((b) => b.certificates.every((c) => !c.issuer.regionCode.startsWith("3205")))
  if (suzhou.length < 1 || elsewhere.length < 4)
    throw new Error(
      `the demo lacks batches for these tests: ${suzhou.length} in Suzhou, ${elsewhere.length} elsewhere`
    )
})
afterAll(() => t.close())

const batchAt = (list: ReadonlyArray<Batch>, i: number): Batch => {
  const b = list[i]
  if (b === undefined) throw new Error(`no batch ${i}`)
  return b
}
const numbersOf = (b: Batch, n = b.certificates.length) => b.certificates.slice(0, n).map((c) => c.number)

/** A well-formed number no institution of the demo issued. */
const UNKNOWN = deriveCertificateNumber(
  { type: "S", institutionCode: "0000", province: "32", siteSerial: "999999" },
  2024,
  4,
  1
)

const order = (scope: unknown, over: Record<string, unknown> = {}) => ({
  scope,
  reason: "irregular_issuance",
  basis: { documentNumber: "苏人社督〔2025〕12号", title: "关于技能人才评价专项督查情况的通报" },
  creditCheck: { referred: true, note: "已移送信用管理部门" },
  orderedOn: t.today,
  ...over
})
const named = (numbers: ReadonlyArray<string>) => ({ _tag: "certificates", numbers })
const wholeBatch = (batchId: string) => ({ _tag: "batch", batchId })

interface Preview {
  toRevoke: number
  alreadyRevoked: number
  notFound: number
  outsideRegion: number
  sample: Array<{ number: string; effect: string; holderName: string | null }>
  authority: { outcome: string }
}
interface Result {
  order: { id: string; orderedBy: { level: string; regionCode: string }; orderedOn: string }
  revoked: number
  alreadyRevoked: number
  alreadyRevokedSample: Array<{ number: string; orderId: string; revokedOn: string }>
  creditCheckReferred: boolean
}

const preview = (body: unknown, as: string = t.orgOf.province) =>
  t.call("POST", "/api/revocations/preview", { as, body })
const execute = (body: unknown, as: string = t.orgOf.province) =>
  t.call("POST", "/api/revocations", { as, body })

const lookup = async (c: Certificate) => {
  const res = await t.call(
    "GET",
    `/api/public/certificates/lookup?${new URLSearchParams({ number: c.number, name: c.holder.name })}`
  )
  expect(res.status).toBe(200)
  const body = (await res.json()) as { certificates: Array<{ status: Record<string, unknown> }> }
  return body.certificates[0]?.status
}

describe("54号·五 revocation orders: preview, then execute", () => {
  it("previews named certificates — counts and a sample — and changes nothing", async () => {
    const batch = batchAt(elsewhere, 0)
    const before = await t.fingerprint()
    const res = await preview(order(named([...numbersOf(batch, 2), UNKNOWN])))
    expect(res.status).toBe(200)
    const body = (await res.json()) as Preview
    expect(body).toMatchObject({ toRevoke: 2, alreadyRevoked: 0, notFound: 1, outsideRegion: 0 })
    expect(body.authority.outcome).toBe("allowed")
    expect(body.sample.map((s) => [s.number, s.effect])).toEqual([
      [batch.certificates[0]?.number, "revoke"],
      [batch.certificates[1]?.number, "revoke"],
      [UNKNOWN, "not_found"]
    ])
    expect(body.sample[0]?.holderName).toBe(batch.certificates[0]?.holder.name)
    expect(await t.fingerprint()).toBe(before)
    expect((await lookup(batch.certificates[0] as Certificate))?.state).toBe("valid")
  })

  it("executes exactly the previewed count of a whole batch; the lookup shows it revoked; audited with the actor", async () => {
    const batch = batchAt(elsewhere, 1)
    const body = order(wholeBatch(batch.batchId), { reason: "qualification_mismatch" })
    const previewed = (await (await preview(body)).json()) as Preview
    expect(previewed.toRevoke).toBe(batch.certificates.length)

    const res = await execute(body)
    expect(res.status).toBe(201)
    const result = (await res.json()) as Result
    expect(result.revoked).toBe(previewed.toRevoke)
    expect(result.alreadyRevoked).toBe(0)
    expect(result.creditCheckReferred).toBe(true)
    expect(result.order.orderedBy).toEqual({ level: "province", regionCode: "320000" })

    for (const c of batch.certificates.slice(0, 2))
      expect(await lookup(c)).toMatchObject({
        state: "revoked",
        name: "已注销",
        revokedOn: t.today,
        reason: "qualification_mismatch",
        reasonName: "资格条件不符"
      })

    const filed = await t.call("GET", `/api/revocations/${result.order.id}`, { as: t.orgOf.host })
    expect(filed.status).toBe(200)
    expect(await filed.json()).toMatchObject({
      order: { id: result.order.id, scope: { _tag: "batch", batchId: batch.batchId } },
      revoked: batch.certificates.length,
      alreadyRevoked: 0,
      executedBy: t.orgOf.province
    })

    const audit = (await t.audit()).filter((e) => e.subject === result.order.id)
    expect(audit.map((e) => [e.actor, e.action, e.reason])).toEqual([
      [t.orgOf.province, "revocation.execute", "qualification_mismatch"]
    ])
    expect(audit[0]?.details).toMatchObject({
      scope: { batchId: batch.batchId },
      revoked: batch.certificates.length,
      creditCheckReferred: true
    })
  })

  it("re-executing the same order revokes nothing twice: the certificates keep their first revocation", async () => {
    const batch = batchAt(elsewhere, 2)
    const body = order(named(numbersOf(batch, 2)))
    const first = (await (await execute(body)).json()) as Result
    expect(first.revoked).toBe(2)
    const again = await execute(body)
    expect(again.status).toBe(201)
    const second = (await again.json()) as Result
    expect([second.revoked, second.alreadyRevoked]).toEqual([0, 2])
    expect(second.alreadyRevokedSample.map((a) => a.orderId)).toEqual([first.order.id, first.order.id])
    const status = await lookup(batch.certificates[0] as Certificate)
    expect(status).toMatchObject({ state: "revoked", reason: "irregular_issuance" })
    const previewed = (await (await preview(body)).json()) as Preview
    expect([previewed.toRevoke, previewed.alreadyRevoked]).toEqual([0, 2])
    const revokedRows = (await t.audit()).filter(
      (e) => e.action === "revocation.execute" && [first.order.id, second.order.id].includes(e.subject)
    )
    expect(revokedRows.map((e) => e.details.revoked)).toEqual([2, 0])
  })

  it("lets a city revoke certificates issued within its city, ordered in its own name", async () => {
    const batch = batchAt(suzhou, 0)
    const res = await execute(order(named(numbersOf(batch, 1))), SUZHOU)
    expect(res.status).toBe(201)
    const result = (await res.json()) as Result
    expect(result.order.orderedBy).toEqual({ level: "city", regionCode: "320500" })
    expect((await t.audit()).find((e) => e.subject === result.order.id)?.actor).toBe(SUZHOU)
  })

  it("answers an unknown order id with 404 and an order without a key with 401", async () => {
    const res = await t.call("GET", "/api/revocations/rev_unknown", { as: t.orgOf.province })
    expect(res.status).toBe(404)
    expect(await problemOf(res)).toMatchObject({ code: "RevocationOrderNotFound", field: "orderId" })
    expect((await t.call("GET", "/api/revocations/rev_unknown")).status).toBe(401)
  })
})

describe("54号·五 revocation refusals change nothing", () => {
  it("refuses a city reaching certificates of another city (403 RevocationNotAuthorised), preview and execute", async () => {
    const batch = batchAt(elsewhere, 3)
    const before = await t.fingerprint()
    for (const body of [order(named(numbersOf(batch, 2))), order(wholeBatch(batch.batchId))])
      for (const send of [preview, execute]) {
        const res = await send(body, SUZHOU)
        expect(res.status).toBe(403)
        const problem = await problemOf(res)
        expect(problem).toMatchObject({ code: "RevocationNotAuthorised", field: "issuer.regionCode" })
        expect(problem.detail).toContain("苏州市")
        expect(JSON.stringify(problem)).not.toContain(batch.certificates[0]?.holder.name)
      }
    expect(await t.fingerprint()).toBe(before)
  })

  it("refuses a body naming another ordering authority: the key's organisation orders", async () => {
    const batch = batchAt(elsewhere, 3)
    const res = await execute(
      { ...order(named(numbersOf(batch, 1))), orderedBy: { level: "province", regionCode: "320000" } },
      SUZHOU
    )
    expect(res.status).toBe(400)
    expect(await problemOf(res)).toMatchObject({ code: "InvalidRequest", field: "orderedBy" })
  })

  it.each([
    ["district", "org-gulou"],
    ["city appraisal centre", "org-suzhou-centre"],
    ["host", "org-suzhou-host"]
  ])("refuses a %s (403 ActionNotPermitted) before reading the body", async (_role, as) => {
    const body = order(named(numbersOf(batchAt(elsewhere, 3), 1)))
    for (const send of [preview, execute]) {
      const res = await send(body, as)
      expect(res.status).toBe(403)
      expect(await problemOf(res)).toMatchObject({ code: "ActionNotPermitted", field: "authorization" })
    }
    for (const role of ["institution", "employer", "provincial_appraisal_centre"] as const)
      expect((await execute(body, t.orgOf[role])).status).toBe(403)
    expect((await t.call("POST", "/api/revocations", { body })).status).toBe(401)
  })

  const number = () => numbersOf(batchAt(elsewhere, 3), 1)[0] as string
  const cases: ReadonlyArray<readonly [string, () => unknown, string, string]> = [
    ["no scope", () => ({ ...order(null), scope: undefined }), "scope", "注销范围"],
    ["a number of 21 characters", () => order(named([number().slice(0, 21)])), "scope.numbers.0", "22位"],
    [
      "a level digit 9",
      () => order(named([`${number().slice(0, 15)}9${number().slice(16)}`])),
      "scope.numbers.0",
      "等级"
    ],
    [
      "an injection string as number",
      () => order(named(["'; DROP TABLE certificates; --"])),
      "scope.numbers.0",
      "证书编号"
    ],
    [
      "numbers as a string",
      () => order({ _tag: "certificates", numbers: number() }),
      "scope.numbers",
      "列表"
    ],
    ["an empty list", () => order(named([])), "scope.numbers", "至少"],
    ["a number twice", () => order(named([number(), number()])), "scope.numbers", "重复"],
    ["an unknown scope kind", () => order({ _tag: "person", id: "x" }), "scope", "注销范围"],
    ["no basis", () => ({ ...order(named([number()])), basis: undefined }), "basis", "依据"],
    [
      "a blank basis document number",
      () => order(named([number()]), { basis: { documentNumber: "  ", title: "通报" } }),
      "basis.documentNumber",
      "文号"
    ],
    [
      "no credit referral",
      () => ({ ...order(named([number()])), creditCheck: undefined }),
      "creditCheck",
      "信用核查"
    ],
    [
      "a named reason without the referral",
      () => order(named([number()]), { creditCheck: { referred: false } }),
      "creditCheck.referred",
      "信用核查联动"
    ],
    ["an unknown reason", () => order(named([number()]), { reason: "dislike" }), "reason", "注销原因"],
    ["an impossible date", () => order(named([number()]), { orderedOn: "2025-02-30" }), "orderedOn", "日期"],
    [
      "an injection string as date",
      () => order(named([number()]), { orderedOn: "' OR 1=1 --" }),
      "orderedOn",
      "日期"
    ]
  ]

  it.each(cases)(
    "refuses %s with 400 naming the field, preview and execute",
    async (_name, body, field, text) => {
      const before = await t.fingerprint()
      for (const send of [preview, execute]) {
        const res = await send(body())
        expect(res.status).toBe(400)
        const problem = await problemOf(res)
        expect(problem).toMatchObject({ code: "InvalidRequest", field, status: 400 })
        expect(problem.detail).toContain(text)
      }
      expect(await t.fingerprint()).toBe(before)
    }
  )

  it("refuses what the rules refuse: a future or pre-notice date (422), unknown certificates or batch (404)", async () => {
    const before = await t.fingerprint()
    const tomorrow = new Date(Date.parse(`${t.today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    const refusals: ReadonlyArray<readonly [unknown, number, string, string]> = [
      [order(named([number()]), { orderedOn: tomorrow }), 422, "RevocationOrderDatedInFuture", "orderedOn"],
      [order(named([number()]), { orderedOn: "2022-04-30" }), 422, "RevocationOrderNotInForce", "orderedOn"],
      [order(wholeBatch("'; DROP TABLE certificates; --")), 404, "RevocationBatchNotFound", "scope.batchId"]
    ]
    for (const [body, status, code, field] of refusals)
      for (const send of [preview, execute]) {
        const res = await send(body)
        expect(res.status).toBe(status)
        expect(await problemOf(res)).toMatchObject({ code, field })
      }
    const unknown = await execute(order(named([number(), UNKNOWN])))
    expect(unknown.status).toBe(404)
    expect(await problemOf(unknown)).toMatchObject({
      code: "RevocationCertificatesNotFound",
      field: "scope.numbers"
    })
    expect(await t.fingerprint()).toBe(before)
  })
})
