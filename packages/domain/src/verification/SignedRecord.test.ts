import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { fromBase64Url, toBase64Url } from "./Encoding.js"
import {
  generateSigningKey,
  importSigningKey,
  PublicRecord,
  publicRecordOf,
  type SignatureDecision,
  type SignedRecord,
  signingBytes,
  signRecord,
  type VerificationKey,
  verifySignedRecord
} from "./SignedRecord.js"

const record = (issuedOn: string, holderName = "张三"): PublicRecord =>
  Schema.decodeUnknownSync(PublicRecord)(
    publicRecordOf({
      number: "S000032000001243000001",
      holderName,
      idNumber: "11010519491231002X",
      occupationCode: "6-18-01-01",
      occupationName: "电工",
      workType: null,
      level: 3,
      issuerName: "南京市某职业技能等级认定机构",
      institutionId: "inst-001",
      issuedOn
    } as never)
  )

const failureCodes = (d: SignatureDecision) => d.failures.map((f) => f.code)

const expectRefused = (d: SignatureDecision, code: string) => {
  expect(d.outcome).toBe("refused")
  expect(failureCodes(d)).toEqual([code])
  expect(d.citations).toEqual(["54号·四"])
  expect(d.failures[0]?.citation).toBe("54号·四")
  expect(d.failures[0]?.message).toMatch(/[\u4e00-\u9fff]/)
  expect(d.failures[0]?.message).toContain("54号·四")
}

describe("signed certificate records (54号·四)", () => {
  it("masks the identity number to the first 6 and last 4 characters", () => {
    expect(record("2024-03-01").maskedId).toBe("110105********002X")
    expect(() =>
      Schema.decodeUnknownSync(PublicRecord)({ ...record("2024-03-01"), maskedId: "11010519491231002X" })
    ).toThrow("证件号码应已脱敏")
  })

  it("signs canonical bytes that do not depend on key order", () => {
    const r = record("2024-03-01")
    const reversed = Object.fromEntries(Object.entries(r).reverse()) as PublicRecord
    expect(signingBytes(reversed, "k1")).toEqual(signingBytes(r, "k1"))
    expect(new TextDecoder().decode(signingBytes(r, "k1"))).toBe(
      '{"context":"jineng/certificate-record/v1","keyId":"k1","record":{"holderName":"张三","institutionId":"inst-001",' +
        '"issuedOn":"2024-03-01","issuerName":"南京市某职业技能等级认定机构","level":3,"maskedId":"110105********002X",' +
        '"number":"S000032000001243000001","occupationCode":"6-18-01-01","occupationName":"电工","workType":null}}'
    )
    expect(signingBytes(r, "k2")).not.toEqual(signingBytes(r, "k1"))
  })

  it.effect("54号·四 a signed record round-trips through JSON and verifies", () =>
    Effect.gen(function* () {
      const key = yield* generateSigningKey("k2024", "2022-05-01")
      expect(fromBase64Url(key.verification.publicKey)?.length).toBe(32)
      const signed = yield* signRecord(record("2024-03-01"), key.signing)
      expect(fromBase64Url(signed.signature)?.length).toBe(64)
      const d = yield* verifySignedRecord(JSON.parse(JSON.stringify(signed)), [key.verification])
      expect(d.outcome).toBe("verified")
      expect(d.failures).toEqual([])
      expect(d.citations).toEqual(["54号·四"])
    })
  )

  it.effect("54号·四 a key restored from PKCS #8 signs verifiably", () =>
    Effect.gen(function* () {
      const key = yield* generateSigningKey("k2024", "2022-05-01")
      const restored = yield* importSigningKey("k2024", key.pkcs8)
      const signed = yield* signRecord(record("2024-03-01"), restored)
      expect((yield* verifySignedRecord(signed, [key.verification])).outcome).toBe("verified")
      const broken = yield* Effect.flip(importSigningKey("k2024", "!!"))
      expect(broken._tag).toBe("SigningFailed")
      expect(broken.message).toContain("私钥应为 base64url")
      const damaged = yield* Effect.flip(importSigningKey("k2024", toBase64Url(new Uint8Array(10))))
      expect(damaged.message).toContain("证书记录签名失败")
    })
  )

  it.effect("54号·四 a tampered record is refused", () =>
    Effect.gen(function* () {
      const key = yield* generateSigningKey("k2024", "2022-05-01")
      const signed = yield* signRecord(record("2024-03-01"), key.signing)
      const tamperings: Array<SignedRecord> = [
        { ...signed, record: { ...signed.record, holderName: "李四" } },
        { ...signed, record: { ...signed.record, level: 2 } },
        { ...signed, record: { ...signed.record, issuedOn: "2024-03-02" } },
        { ...signed, record: { ...signed.record, workType: "维修电工" } }
      ]
      for (const t of tamperings)
        expectRefused(yield* verifySignedRecord(t, [key.verification]), "bad_signature")
      // A flipped bit in the signature.
      const sig = fromBase64Url(signed.signature) as Uint8Array
      sig[10] = (sig[10] as number) ^ 1
      expectRefused(
        yield* verifySignedRecord({ ...signed, signature: toBase64Url(sig) }, [key.verification]),
        "bad_signature"
      )
      // A record that no longer decodes, and a truncated signature.
      expectRefused(
        yield* verifySignedRecord({ ...signed, record: { ...signed.record, level: 7 } }, [key.verification]),
        "malformed_record"
      )
      expectRefused(
        yield* verifySignedRecord({ ...signed, signature: signed.signature.slice(0, 40) }, [
          key.verification
        ]),
        "malformed_signature"
      )
      expectRefused(yield* verifySignedRecord("not a record", [key.verification]), "malformed_record")
    })
  )

  it.effect("54号·四 a wrong key or an unknown key id is refused", () =>
    Effect.gen(function* () {
      const real = yield* generateSigningKey("k2024", "2022-05-01")
      const forger = yield* generateSigningKey("k2024", "2022-05-01")
      const forged = yield* signRecord(record("2024-03-01"), forger.signing)
      const d = yield* verifySignedRecord(forged, [real.verification])
      expectRefused(d, "bad_signature")
      expect(d.failures[0]?.message).toContain("签名与证书记录不符")
      // Claiming another key id than the one that signed: the id is in the signed bytes.
      const signed = yield* signRecord(record("2024-03-01"), real.signing)
      const renamed = { ...real.verification, keyId: "k-other" }
      expectRefused(yield* verifySignedRecord({ ...signed, keyId: "k-other" }, [renamed]), "bad_signature")
      const unknown = yield* verifySignedRecord(
        signed,
        [forger.verification].map((k) => ({ ...k, keyId: "k2" }))
      )
      expectRefused(unknown, "unknown_key")
      expect(unknown.failures[0]?.message).toContain("不是登记系统公布的密钥")
      const badKey: VerificationKey = { ...real.verification, publicKey: toBase64Url(new Uint8Array(31)) }
      expectRefused(yield* verifySignedRecord(signed, [badKey]), "malformed_key")
    })
  )

  it.effect("54号·四 a rotated-out key still verifies records issued within its window, and only those", () =>
    Effect.gen(function* () {
      const old = yield* generateSigningKey("k2022", "2022-05-01", "2024-12-31")
      const current = yield* generateSigningKey("k2025", "2025-01-01")
      const keys = [old.verification, current.verification]
      const before = yield* signRecord(record("2024-12-31"), old.signing)
      const after = yield* signRecord(record("2025-03-01"), current.signing)
      expect((yield* verifySignedRecord(before, keys)).outcome).toBe("verified")
      expect((yield* verifySignedRecord(after, keys)).outcome).toBe("verified")
      // The retired key cannot vouch for a certificate issued after its window, nor the new key before its own.
      const late = yield* signRecord(record("2025-01-01"), old.signing)
      const d = yield* verifySignedRecord(late, keys)
      expectRefused(d, "key_not_valid_on_issue_date")
      expect(d.failures[0]?.message).toContain("2022-05-01 至 2024-12-31")
      const early = yield* signRecord(record("2024-12-31"), current.signing)
      expectRefused(yield* verifySignedRecord(early, keys), "key_not_valid_on_issue_date")
    })
  )
})
