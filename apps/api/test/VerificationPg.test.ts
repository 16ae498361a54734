/**
 * The verification routes on PostgreSQL (issue #7): the same answers as on SQLite — a signed head that verifies,
 * a certificate's issuance and revocation leaves proven included, a consistency proof between the heads before
 * and after, and the issuer's signed status list with the revoked bit set. Runs when TEST_DATABASE_URL is set.
 */
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { fromBase64Url } from "@jineng/domain/verification/Encoding"
import type { LogEntry } from "@jineng/domain/verification/LogEntry"
import { eventLeafHash, issuedEvent, revokedEvent } from "@jineng/domain/verification/LogEvent"
import { verifyConsistency, verifyInclusion } from "@jineng/domain/verification/MerkleTree"
import type { VerificationKey } from "@jineng/domain/verification/Signature"
import { publicRecordOfCertificate } from "@jineng/domain/verification/SignedRecord"
import {
  type SignedTreeHead,
  treeHeadOf,
  verifySignedTreeHead
} from "@jineng/domain/verification/SignedTreeHead"
import { statusAt, verifyStatusList } from "@jineng/domain/verification/StatusList"
import { Effect, Exit, Option, Redacted, Scope } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { freshPgUrl, testDatabaseUrl } from "../../../packages/db/test/TestDatabases.js"
import { makeTestApp, type TestApp } from "./TestApp.js"

const bytes = (s: string) => fromBase64Url(s) as Uint8Array

describe.skipIf(testDatabaseUrl === undefined)("issue #7 verification routes on PostgreSQL", () => {
  const scope = Effect.runSync(Scope.make())
  let t: TestApp
  let keys: ReadonlyArray<VerificationKey>

  beforeAll(async () => {
    const url = (await Effect.runPromise(Scope.extend(freshPgUrl(testDatabaseUrl ?? ""), scope))).url
    t = await makeTestApp({ target: { _tag: "pg", url: Redacted.make(url) } })
    keys = (
      (await (await t.call("GET", "/api/public/verification/keys")).json()) as {
        keys: Array<VerificationKey>
      }
    ).keys
  }, 120_000)

  afterAll(async () => {
    await t?.close()
    await Effect.runPromise(Scope.close(scope, Exit.void))
  })

  const get = async <A>(path: string) => {
    const res = await t.call("GET", path)
    expect(res.status, path).toBe(200)
    return (await res.json()) as A
  }

  it("54号·四、五 proves a certificate's issuance and revocation against signed heads that stay consistent", async () => {
    const sample = t.demo.samples.find((s) => s.status === "valid")
    if (sample === undefined) throw new Error("no valid demo sample")
    const c: Certificate = await t.runtime.runPromise(
      Effect.flatMap(CertificateRepository, (r) => r.findByNumber(sample.number)).pipe(
        Effect.map(Option.getOrThrow)
      )
    )
    const query = new URLSearchParams({ number: c.number, name: c.holder.name })
    type Proof = { treeHead: SignedTreeHead; entries: Array<LogEntry & { proof: Array<string> }> }
    const before = await get<Proof>(`/api/public/certificates/proof?${query}`)
    expect((await Effect.runPromise(verifySignedTreeHead(before.treeHead, keys))).outcome).toBe("verified")
    const issued = before.entries[0]
    expect(
      verifyInclusion(
        eventLeafHash(issuedEvent(publicRecordOfCertificate(c))),
        issued?.leafIndex ?? -1,
        treeHeadOf(before.treeHead),
        issued?.proof.map(bytes) ?? []
      )
    ).toBe(true)

    const revoked = await t.call("POST", "/api/revocations", {
      as: t.orgOf.province,
      body: {
        scope: { _tag: "certificates", numbers: [c.number] },
        reason: "irregular_issuance",
        basis: { documentNumber: "苏人社督〔2025〕12号", title: "关于技能人才评价专项督查情况的通报" },
        creditCheck: { referred: true, note: "已移送信用管理部门" },
        orderedOn: t.today
      }
    })
    expect(revoked.status).toBe(201)
    const after = await get<Proof>(`/api/public/certificates/proof?${query}`)
    const leaf = after.entries[1]
    expect(leaf?.event).toEqual(revokedEvent(c.number, t.today))
    expect(
      verifyInclusion(
        eventLeafHash(revokedEvent(c.number, t.today)),
        leaf?.leafIndex ?? -1,
        treeHeadOf(after.treeHead),
        leaf?.proof.map(bytes) ?? []
      )
    ).toBe(true)
    const { proof } = await get<{ proof: Array<string> }>(
      `/api/public/log/consistency?from=${before.treeHead.size}&to=${after.treeHead.size}`
    )
    expect(verifyConsistency(treeHeadOf(before.treeHead), treeHeadOf(after.treeHead), proof.map(bytes))).toBe(
      true
    )

    const { statusList } = await get<{
      statusList: { statusListIndex: string; statusListCredential: string }
    }>(`/api/public/certificates/signed-record?${query}`)
    const list = await get<unknown>(new URL(statusList.statusListCredential).pathname)
    const verified = await Effect.runPromise(verifyStatusList(list, keys))
    expect(verified.decision.outcome).toBe("verified")
    expect(statusAt(verified.bits as Uint8Array, Number(statusList.statusListIndex))).toBe(true)
  })
})
