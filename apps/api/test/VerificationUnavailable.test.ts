/**
 * When the registry cannot vouch (issue #7): no signing key in force today, or a certificate from before the
 * transparency log that the backfill has not reached. Both are the operator's to fix, so the verification routes
 * answer 503 problem+json (VerificationUnavailable, zh-CN, the field) — never a 500 — while the public lookup
 * keeps answering.
 */
import { SqlClient } from "@effect/sql"
import { toRow } from "@jineng/db/certificate/CertificateRow"
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { keyRingOf, newStoredKey } from "@jineng/domain/verification/KeyRing"
import { Effect, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectProblem, makeTestApp, type TestApp } from "./TestApp.js"

const firstCertificate = (t: TestApp) =>
  t.runtime.runPromise(
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const rows = yield* sql<{
        readonly number: string
      }>`SELECT number FROM certificates ORDER BY number LIMIT 1`
      const found = yield* (yield* CertificateRepository).findByNumber(rows[0]?.number ?? "")
      return Option.getOrThrow(found)
    }).pipe(Effect.orDie)
  )

const query = (c: Certificate) => new URLSearchParams({ number: c.number, name: c.holder.name })

describe("issue #7 no signing key in force today", () => {
  let t: TestApp
  beforeAll(async () => {
    const expired = {
      ...(await Effect.runPromise(newStoredKey("k-2020", "2020-01-01"))),
      validUntil: "2020-12-31"
    }
    const ring = await Effect.runPromise(keyRingOf({ keys: [expired] }))
    t = await makeTestApp({ signingKeys: { _tag: "ring", ring } })
  })
  afterAll(() => t.close())

  it("answers 503 VerificationUnavailable naming the keys, and the lookup still answers", async () => {
    const c = await firstCertificate(t)
    for (const path of ["/api/public/log/head", `/api/public/certificates/signed-record?${query(c)}`]) {
      const p = await expectProblem(await t.call("GET", path), 503, "VerificationUnavailable")
      expect(p.field).toBe("keys")
      expect(p.detail).toContain("没有有效的签名密钥")
    }
    expect((await t.call("GET", `/api/public/certificates/lookup?${query(c)}`)).status).toBe(200)
    // The published keys still list the retired one: what it signed stays verifiable.
    const keys = (await (await t.call("GET", "/api/public/verification/keys")).json()) as {
      keys: Array<unknown>
    }
    expect(keys.keys).toHaveLength(1)
  })
})

describe("issue #7 a certificate from before the log, not yet backfilled", () => {
  let t: TestApp
  let old: Certificate
  beforeAll(async () => {
    t = await makeTestApp()
    const c = await firstCertificate(t)
    old = { ...c, number: `${c.number.slice(0, 16)}999999` as Certificate["number"] }
    await t.runtime.runPromise(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`INSERT INTO certificates ${sql.insert(toRow(old) as never)}`
      }).pipe(Effect.orDie)
    )
  })
  afterAll(() => t.close())

  it("answers the signed record and the proof with 503 naming the number, and the lookup still finds it", async () => {
    for (const path of [
      `/api/public/certificates/signed-record?${query(old)}`,
      `/api/public/certificates/proof?${query(old)}`
    ]) {
      const p = await expectProblem(await t.call("GET", path), 503, "VerificationUnavailable")
      expect(p.field).toBe("number")
      expect(p.detail).toContain("backfill-log")
    }
    expect((await t.call("GET", `/api/public/certificates/lookup?${query(old)}`)).status).toBe(200)
  })
})
