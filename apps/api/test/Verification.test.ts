/**
 * Verifiable certificates through the real app on a real SQLite file (issue #7; 54号·四 the registry is the only
 * source of certificates, 54号·五 revocations are public): the published keys; signed tree heads that verify and
 * stay consistent as the log grows; a certificate's issuance and revocation leaves proven included in the
 * current and in an older signed head; signed records whose compact QR form decodes to the same record and
 * whose tampered copies are refused; issuers' signed status lists with exactly the revoked certificates' bits
 * set; signed receipts for agencies; two factors, uniform 404s, limits and bad input as the public lookup has them.
 */
import { SqlClient } from "@effect/sql"
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { checkCharacter } from "@jineng/domain/codes/ResidentIdNumber"
import type { Institution } from "@jineng/domain/institution/Institution"
import { InstitutionRepository } from "@jineng/domain/institution/InstitutionRepository"
import { EvaluationBatchRepository } from "@jineng/domain/issuance/EvaluationBatchRepository"
import { decodeCompactRecord } from "@jineng/domain/verification/CompactRecord"
import { fromBase64Url, toBase64Url } from "@jineng/domain/verification/Encoding"
import type { LogEntry } from "@jineng/domain/verification/LogEntry"
import { eventLeafHash, issuedEvent, revokedEvent } from "@jineng/domain/verification/LogEvent"
import { verifyReceipt } from "@jineng/domain/verification/LookupReceipt"
import { verifyConsistency, verifyInclusion } from "@jineng/domain/verification/MerkleTree"
import type { VerificationKey } from "@jineng/domain/verification/Signature"
import {
  publicRecordOfCertificate,
  recordDigest,
  type SignedRecord,
  verifySignedRecord
} from "@jineng/domain/verification/SignedRecord"
import {
  type SignedTreeHead,
  treeHeadOf,
  verifySignedTreeHead
} from "@jineng/domain/verification/SignedTreeHead"
import { MIN_STATUS_LIST_LENGTH, statusAt, verifyStatusList } from "@jineng/domain/verification/StatusList"
import { TransparencyLogRepository } from "@jineng/domain/verification/TransparencyLogRepository"
import { Effect, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApp } from "../src/App.js"
import { expectProblem, makeTestApp, problemOf, type TestApp } from "./TestApp.js"

let t: TestApp
let keys: ReadonlyArray<VerificationKey>
/** Valid certificates of the demo, by issued batch (at least two each). */
let batches: ReadonlyArray<ReadonlyArray<Certificate>>
let inst: Institution

const BASE = "https://cx.example.gov.cn"

const run = <A, E>(effect: Effect.Effect<A, E, never>) => Effect.runPromise(effect)

const getJson = async <A>(path: string) => {
  const res = await t.call("GET", path)
  if (res.status !== 200) throw new Error(`${path} → ${res.status} ${await res.text()}`)
  return (await res.json()) as A
}

const bytes = (s: string) => {
  const b = fromBase64Url(s)
  if (b === undefined) throw new Error(`not base64url: ${s}`)
  return b
}

const factors = (c: Certificate, over: Record<string, string> = {}) =>
  new URLSearchParams({ number: c.number, name: c.holder.name, ...over })

interface ProofAnswer {
  treeHead: SignedTreeHead
  entries: Array<LogEntry & { proof: Array<string> }>
  issuerAuthority: { outcome: string; rule: string; failures: Array<{ code: string }> }
}
interface SignedRecordAnswer {
  signed: SignedRecord
  compact: string
  verificationUrl: string
  statusList: { type: string; statusPurpose: string; statusListIndex: string; statusListCredential: string }
}

const proofOf = (c: Certificate, size?: number) =>
  getJson<ProofAnswer>(
    `/api/public/certificates/proof?${factors(c, size === undefined ? {} : { size: String(size) })}`
  )
const signedRecordOf = (c: Certificate) =>
  getJson<SignedRecordAnswer>(`/api/public/certificates/signed-record?${factors(c)}`)
const head = () => getJson<SignedTreeHead>("/api/public/log/head")

const certificate = (number: string) =>
  t.runtime.runPromise(
    Effect.flatMap(CertificateRepository, (r) => r.findByNumber(number)).pipe(Effect.map(Option.getOrThrow))
  )

const revoke = async (numbers: ReadonlyArray<string>) => {
  const res = await t.call("POST", "/api/revocations", {
    as: t.orgOf.province,
    body: {
      scope: { _tag: "certificates", numbers },
      reason: "irregular_issuance",
      basis: { documentNumber: "苏人社督〔2025〕12号", title: "关于技能人才评价专项督查情况的通报" },
      creditCheck: { referred: true, note: "已移送信用管理部门" },
      orderedOn: t.today
    }
  })
  expect(res.status).toBe(201)
}

/** A valid resident ID number, distinct for each n. */
const residentId = (n: number) => {
  const birth = new Date(Date.UTC(1980, 0, 1) + Math.floor(n / 1000) * 86_400_000)
  const first17 = `320102${birth.toISOString().slice(0, 10).replaceAll("-", "")}${String(n % 1000).padStart(3, "0")}`
  return first17 + checkCharacter(first17)
}

/** Publishes and issues a batch of `n` certificates as the demo's third-party institution. */
const issueBatch = async (batchId: string, n: number) => {
  const occupation = inst.authorisations[0]?.occupations[0]?.code ?? ""
  const level = inst.authorisations[0]?.levels[0] ?? 5
  const published = await t.call("POST", "/api/batches", {
    as: t.orgOf.institution,
    body: {
      id: batchId,
      institutionId: inst.id,
      occupation: { code: occupation },
      level,
      evaluationTime: { from: t.today, until: t.today },
      contact: { name: "王老师", phone: "025-83271773" },
      regionCode: inst.region
    }
  })
  expect(published.status).toBe(201)
  const issued = await t.call("POST", `/api/batches/${batchId}/certificates`, {
    as: t.orgOf.institution,
    body: {
      batchId,
      institutionId: inst.id,
      issuedOn: t.today,
      evaluationRegion: inst.region,
      candidates: Array.from({ length: n }, (_, i) => ({
        holder: { name: `验证考生${i}`, idType: "resident_id", idNumber: residentId(7000 + i) },
        occupationCode: occupation,
        level
      }))
    }
  })
  expect(issued.status).toBe(201)
  const body = (await issued.json()) as { certificates: Array<{ number: string }> }
  return Promise.all(body.certificates.map((c) => certificate(c.number)))
}

beforeAll(async () => {
  t = await makeTestApp({ lookupLimits: { perClientPerMinute: 1e9, perIdentityPerMinute: 1e9 } })
  keys = (await getJson<{ keys: Array<VerificationKey> }>("/api/public/verification/keys")).keys
  inst = await t.runtime.runPromise(
    Effect.flatMap(InstitutionRepository, (r) => r.findById(t.orgOf.institution.slice("org-".length))).pipe(
      Effect.map(Option.getOrThrow)
    )
  )
  batches = await t.runtime.runPromise(
    Effect.gen(function* () {
      const page = yield* (yield* EvaluationBatchRepository).list({ status: "issued", limit: 500 })
      const certificates = yield* CertificateRepository
      const lists = yield* Effect.forEach(page.items, (b) => certificates.listByBatch(b.id))
      return lists.filter((l) => l.length >= 2 && l.every((c) => c.status._tag === "valid"))
    })
  )
  if (batches.length < 4) throw new Error(`the demo has ${batches.length} valid batches, 4 needed`)
})
afterAll(() => t.close())

const batchAt = (i: number) => batches[i] as ReadonlyArray<Certificate>

describe("issue #7 published verification keys", () => {
  it("publishes the registry's Ed25519 keys with their windows and nothing private", async () => {
    expect(keys).toHaveLength(1)
    const [key] = keys
    expect(key?.validFrom).toBe(t.today)
    expect(bytes(key?.publicKey ?? "")).toHaveLength(32)
    expect(Object.keys(key ?? {}).sort()).toEqual(["keyId", "publicKey", "validFrom"])
  })
})

describe("54号·四 transparency log: signed tree heads and consistency", () => {
  it("signs the current head with a published key, stores it, and answers it again until the log grows", async () => {
    const first = await head()
    expect(first.size).toBeGreaterThan(0)
    expect((await run(verifySignedTreeHead(first, keys))).outcome).toBe("verified")
    expect(await head()).toEqual(first)
    expect(await getJson(`/api/public/log/heads/${first.size}`)).toEqual(first)
  })

  it("signs a new head after an issuance, consistent with the older one (verifyConsistency)", async () => {
    const before = await head()
    await issueBatch("VB-consistency", 3)
    const after = await head()
    expect(after.size).toBe(before.size + 3)
    expect((await run(verifySignedTreeHead(after, keys))).outcome).toBe("verified")
    const answer = await getJson<{ from: number; to: number; proof: Array<string> }>(
      `/api/public/log/consistency?from=${before.size}&to=${after.size}`
    )
    expect([answer.from, answer.to]).toEqual([before.size, after.size])
    const proof = answer.proof.map(bytes)
    expect(verifyConsistency(treeHeadOf(before), treeHeadOf(after), proof)).toBe(true)
    // The proof is about these two heads: another older root does not pass.
    const other = { ...treeHeadOf(before), root: treeHeadOf(after).root }
    expect(verifyConsistency(other, treeHeadOf(after), proof)).toBe(false)
    // Still both retrievable by size.
    expect(await getJson(`/api/public/log/heads/${before.size}`)).toEqual(before)
  })

  it("refuses bad ranges and sizes with 400 problems naming the field, and an unsigned size with 404", async () => {
    const { size } = await head()
    await expectProblem(
      await t.call("GET", "/api/public/log/consistency?from=5&to=2"),
      400,
      "InvalidLogRange",
      "from"
    )
    await expectProblem(
      await t.call("GET", `/api/public/log/consistency?from=1&to=${size + 1}`),
      400,
      "InvalidLogRange",
      "to"
    )
    await expectProblem(
      await t.call("GET", "/api/public/log/consistency?from=abc&to=2"),
      400,
      "InvalidRequest",
      "from"
    )
    await expectProblem(
      await t.call("GET", "/api/public/log/consistency?from=-1&to=2"),
      400,
      "InvalidRequest",
      "from"
    )
    await expectProblem(
      await t.call("GET", "/api/public/log/consistency?to=2"),
      400,
      "InvalidRequest",
      "from"
    )
    await expectProblem(
      await t.call("GET", "/api/public/log/consistency?from=1&to=2&x=1"),
      400,
      "InvalidRequest",
      "x"
    )
    await expectProblem(
      await t.call("GET", `/api/public/log/heads/${size + 100}`),
      404,
      "LogHeadNotFound",
      "size"
    )
    await expectProblem(await t.call("GET", "/api/public/log/heads/1.5"), 400, "InvalidRequest", "size")
  })
})

describe("54号·四、五 a certificate's log entries with inclusion proofs", () => {
  it("proves the issuance leaf of the certificate's public record included in the signed head", async () => {
    const c = batchAt(0)[0] as Certificate
    const answer = await proofOf(c)
    expect((await run(verifySignedTreeHead(answer.treeHead, keys))).outcome).toBe("verified")
    expect(answer.entries).toHaveLength(1)
    const [issued] = answer.entries
    const event = issuedEvent(publicRecordOfCertificate(c))
    expect(issued?.event).toEqual(event)
    expect(
      verifyInclusion(
        eventLeafHash(event),
        issued?.leafIndex ?? -1,
        treeHeadOf(answer.treeHead),
        issued?.proof.map(bytes) ?? []
      )
    ).toBe(true)
    // Another record's leaf does not pass with this proof.
    const forged = issuedEvent({ ...publicRecordOfCertificate(c), level: c.level === 5 ? 4 : 5 })
    expect(
      verifyInclusion(
        eventLeafHash(forged),
        issued?.leafIndex ?? -1,
        treeHeadOf(answer.treeHead),
        issued?.proof.map(bytes) ?? []
      )
    ).toBe(false)
    expect(answer.issuerAuthority).toMatchObject({
      outcome: "allowed",
      rule: "issuance.authority-on-issue-date"
    })
  })

  it("after a revocation proves the revoked leaf too, and the issuance against the older signed head", async () => {
    const c = batchAt(1)[0] as Certificate
    const older = await proofOf(c)
    await revoke([c.number])
    const answer = await proofOf(c)
    expect(answer.treeHead.size).toBeGreaterThan(older.treeHead.size)
    expect(answer.entries.map((e) => e.event._tag)).toEqual(["issued", "revoked"])
    const revoked = answer.entries[1]
    const event = revokedEvent(c.number, t.today)
    expect(revoked?.event).toEqual(event)
    expect(
      verifyInclusion(
        eventLeafHash(event),
        revoked?.leafIndex ?? -1,
        treeHeadOf(answer.treeHead),
        revoked?.proof.map(bytes) ?? []
      )
    ).toBe(true)

    const atOlder = await proofOf(c, older.treeHead.size)
    expect(atOlder.treeHead).toEqual(older.treeHead)
    expect(atOlder.entries.map((e) => e.event._tag)).toEqual(["issued"])
    const issued = atOlder.entries[0]
    expect(
      verifyInclusion(
        eventLeafHash(issuedEvent(publicRecordOfCertificate(c))),
        issued?.leafIndex ?? -1,
        treeHeadOf(older.treeHead),
        issued?.proof.map(bytes) ?? []
      )
    ).toBe(true)
    await expectProblem(
      await t.call(
        "GET",
        `/api/public/certificates/proof?${factors(c, { size: String(answer.treeHead.size + 50) })}`
      ),
      404,
      "LogHeadNotFound",
      "size"
    )
  })
})

describe("54号·四 signed certificate records and their QR form", () => {
  it("signs today's record with the active key: it verifies, the compact form decodes to it, the URL carries it", async () => {
    const c = batchAt(2)[0] as Certificate
    const answer = await signedRecordOf(c)
    expect(answer.signed.record).toEqual(publicRecordOfCertificate(c))
    expect(answer.signed.signedOn).toBe(t.today)
    expect(answer.signed.keyId).toBe(keys[0]?.keyId)
    expect(JSON.stringify(answer)).not.toContain(c.holder.idNumber)
    expect((await run(verifySignedRecord(answer.signed, keys))).outcome).toBe("verified")
    expect(answer.compact).toMatch(/^r1\./)
    expect(decodeCompactRecord(answer.compact)).toEqual(answer.signed)
    expect((await run(verifySignedRecord(decodeCompactRecord(answer.compact), keys))).outcome).toBe(
      "verified"
    )
    expect(answer.verificationUrl).toBe(
      `${BASE}/verify/${c.number}?name=${encodeURIComponent(c.holder.name)}#r=${answer.compact}`
    )
    expect(answer.statusList).toMatchObject({
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListCredential: `${BASE}/api/public/status-lists/${encodeURIComponent(c.issuer.institutionId)}`
    })
    expect(answer.statusList.statusListIndex).toMatch(/^\d+$/)
  })

  it("refuses a tampered record and a signature moved to another record", async () => {
    const [a, b] = batchAt(2) as [Certificate, Certificate]
    const signed = (await signedRecordOf(a)).signed
    const renamed = { ...signed, record: { ...signed.record, holderName: "冒名顶替" } }
    const refused = await run(verifySignedRecord(renamed, keys))
    expect(refused.outcome).toBe("refused")
    expect(refused.failures[0]?.code).toBe("bad_signature")
    const other = (await signedRecordOf(b)).signed
    expect((await run(verifySignedRecord({ ...other, signature: signed.signature }, keys))).outcome).toBe(
      "refused"
    )
    const [, body = ""] = (await signedRecordOf(a)).compact.split(".")
    const damaged = `r1.${body.slice(0, -4)}AAAA`
    expect((await run(verifySignedRecord(decodeCompactRecord(damaged), keys))).outcome).toBe("refused")
  })
})

describe("54号·五 issuers' signed status lists (W3C Bitstring Status List)", () => {
  it("sets exactly the bits of the issuer's revoked certificates, signed, cacheable, re-signed when the log grows", async () => {
    const batch = batches.slice(3).find((b) => b.length >= 3)
    if (batch === undefined) throw new Error("the demo has no further valid batch of three")
    const issuer = (batch[0] as Certificate).issuer.institutionId
    await revoke(batch.slice(0, 2).map((c) => c.number))
    const res = await t.call("GET", `/api/public/status-lists/${encodeURIComponent(issuer)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get("cache-control")).toBe("public, max-age=60")
    const list = (await res.json()) as {
      id: string
      institutionId: string
      length: number
      encodedList: string
    }
    expect(list.id).toBe(`${BASE}/api/public/status-lists/${encodeURIComponent(issuer)}`)
    const verified = await run(verifyStatusList(list, keys))
    expect(verified.decision.outcome).toBe("verified")
    const bits = verified.bits as Uint8Array
    expect(bits.length * 8).toBeGreaterThanOrEqual(MIN_STATUS_LIST_LENGTH)

    // Every certificate of the issuer: its bit is set exactly when it is revoked.
    const rows = await t.runtime.runPromise(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const certificates = yield* sql<{ number: string; status: string }>`
          SELECT number, status FROM certificates WHERE issuer_institution_id = ${issuer}`
        const log = yield* TransparencyLogRepository
        return yield* Effect.forEach(certificates, (c) =>
          Effect.map(log.statusEntryOf(c.number), (entry) => ({
            ...c,
            index: Option.getOrThrow(entry).index
          }))
        )
      }).pipe(Effect.orDie)
    )
    expect(rows.length).toBe(list.length)
    const revoked = rows.filter((r) => r.status === "revoked")
    expect(revoked.map((r) => r.number)).toEqual(
      expect.arrayContaining(batch.slice(0, 2).map((c) => c.number))
    )
    for (const r of rows) expect(statusAt(bits, r.index), r.number).toBe(r.status === "revoked")
    let set = 0
    for (let i = 0; i < bits.length * 8; i++) if (statusAt(bits, i)) set++
    expect(set).toBe(revoked.length)

    // Unchanged log: the same signed list; a revocation: a new list with the bit set.
    expect(
      await (await t.call("GET", `/api/public/status-lists/${encodeURIComponent(issuer)}`)).json()
    ).toEqual(list)
    const third = batch[2] as Certificate
    await revoke([third.number])
    const next = await getJson<typeof list>(`/api/public/status-lists/${encodeURIComponent(issuer)}`)
    const nextBits = (await run(verifyStatusList(next, keys))).bits as Uint8Array
    const index = rows.find((r) => r.number === third.number)?.index ?? -1
    expect([statusAt(bits, index), statusAt(nextBits, index)]).toEqual([false, true])
  })

  it("answers an institution without certificates in the log with a 404 problem", async () => {
    await expectProblem(
      await t.call("GET", "/api/public/status-lists/no-such-issuer"),
      404,
      "StatusListNotFound",
      "institutionId"
    )
  })
})

describe("issue #7 signed receipts for agencies", () => {
  const receipt = (body: unknown, as: string = t.orgOf.host) =>
    t.call("POST", "/api/certificates/receipts", { as, body })

  it("needs an API key; signs the status, the record digest and the current signed head for the key's organisation", async () => {
    const c = batchAt(0)[1] as Certificate
    const anonymous = await t.call("POST", "/api/certificates/receipts", {
      body: { number: c.number, name: c.holder.name }
    })
    await expectProblem(anonymous, 401, "ApiKeyRejected", "authorization")
    const res = await receipt({ number: c.number, name: c.holder.name })
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown> & { treeSize: number; treeRoot: string }
    expect(body).toMatchObject({
      number: c.number,
      status: "valid",
      revokedOn: null,
      requestedBy: t.orgOf.host,
      record: toBase64Url(recordDigest(publicRecordOfCertificate(c)))
    })
    expect((await run(verifyReceipt(body, keys))).outcome).toBe("verified")
    expect((await run(verifyReceipt({ ...body, status: "revoked" }, keys))).outcome).toBe("refused")
    const signedHead = await getJson<SignedTreeHead>(`/api/public/log/heads/${body.treeSize}`)
    expect(signedHead.root).toBe(body.treeRoot)
  })

  it("says revoked, with the date, after a revocation", async () => {
    const c = batchAt(0)[1] as Certificate
    await revoke([c.number])
    const res = await receipt({ number: c.number, name: c.holder.name }, t.orgOf.city)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({ status: "revoked", revokedOn: t.today, requestedBy: t.orgOf.city })
    expect((await run(verifyReceipt(body, keys))).outcome).toBe("verified")
  })

  it("answers a wrong name exactly as an unknown number (404), and bad bodies with 400", async () => {
    const c = batchAt(0)[0] as Certificate
    const wrongName = await receipt({ number: c.number, name: "不是本人" })
    const unknown = await receipt({ number: `${c.number.slice(0, 16)}999999`, name: c.holder.name })
    expect([wrongName.status, unknown.status]).toEqual([404, 404])
    expect(await problemOf(wrongName)).toEqual(await problemOf(unknown))
    await expectProblem(await receipt({ number: c.number }), 400, "InvalidRequest", "name")
    await expectProblem(await receipt({ number: "S123", name: "张三" }), 400, "InvalidRequest", "number")
  })
})

describe("two factors, uniform 404s, limits and bad input on the public certificate routes", () => {
  it.each(["proof", "signed-record"])(
    "%s: a wrong name answers exactly as an unknown number",
    async (route) => {
      const c = batchAt(0)[0] as Certificate
      const wrongName = await t.call(
        "GET",
        `/api/public/certificates/${route}?${factors(c, { name: "不是本人" })}`
      )
      const unknown = await t.call(
        "GET",
        `/api/public/certificates/${route}?${factors(c, { number: `${c.number.slice(0, 16)}999999` })}`
      )
      expect([wrongName.status, unknown.status]).toEqual([404, 404])
      const a = await problemOf(wrongName)
      expect(a).toEqual(await problemOf(unknown))
      expect(a.code).toBe("CertificateNotFound")
      const lookup = await t.call(
        "GET",
        `/api/public/certificates/lookup?${factors(c, { name: "不是本人" })}`
      )
      expect(await problemOf(lookup)).toEqual(a)
    }
  )

  it.each([
    ["proof", { number: "x", name: "张三" }, "InvalidCertificateNumber", "number"],
    ["proof", { name: "张三" }, "InvalidRequest", "number"],
    ["signed-record", { number: "S000032000001243000001" }, "InvalidRequest", "name"],
    ["proof", { number: "S000032000001243000001", name: "张三", size: "-3" }, "InvalidRequest", "size"],
    [
      "signed-record",
      { number: "S000032000001243000001", name: "张三", size: "3" },
      "InvalidRequest",
      "size"
    ],
    [
      "signed-record",
      { number: "S000032000001243000001", name: "张三", idNumber: "1" },
      "InvalidRequest",
      "idNumber"
    ]
  ])("%s %j → 400 %s naming %s", async (route, query, code, field) => {
    await expectProblem(
      await t.call("GET", `/api/public/certificates/${route}?${new URLSearchParams(query)}`),
      400,
      code,
      field
    )
  })

  it("limits per client and per looked-up number like the lookup (429 with Retry-After)", async () => {
    const limited = makeApp(t.runtime, {
      publicBaseUrl: BASE,
      lookupLimits: { perClientPerMinute: 3, perIdentityPerMinute: 2 },
      log: () => {}
    })
    const [a, b] = batchAt(0) as [Certificate, Certificate]
    const get = (route: string, c: Certificate) =>
      Promise.resolve(limited.request(`/api/public/certificates/${route}?${factors(c)}`))
    expect((await get("proof", a)).status).toBe(200)
    expect((await get("signed-record", a)).status).toBe(200)
    const perNumber = await get("proof", a)
    const problem = await expectProblem(perNumber, 429, "LookupRateLimitedForIdentity", "number")
    expect(problem.detail).toMatch(/秒后再试/)
    expect(Number(perNumber.headers.get("retry-after"))).toBeGreaterThan(0)
    const perClient = await get("signed-record", b)
    await expectProblem(perClient, 429, "LookupRateLimited")
    expect(Number(perClient.headers.get("retry-after"))).toBeGreaterThan(0)
  })
})
