import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { sampleRecord } from "../../test/SampleRecord.js"
import { fromBase64Url, toBase64Url } from "./Encoding.js"
import {
  generateSigningKey,
  importSigningKey,
  type SignatureDecision,
  type SigningKey,
  type VerificationKey
} from "./Signature.js"
import {
  PublicRecord,
  type SignedRecord,
  signingBytes,
  signRecord,
  verifySignedRecord
} from "./SignedRecord.js"

/** Signs on the issue date unless told otherwise. */
const sign = (r: PublicRecord, key: SigningKey, on: string = r.issuedOn) => signRecord(r, key, on)

const record = (issuedOn: string, holderName = "张三"): PublicRecord => sampleRecord({ issuedOn, holderName })

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
    expect(signingBytes(reversed, "k1", "2024-03-01")).toEqual(signingBytes(r, "k1", "2024-03-01"))
    expect(new TextDecoder().decode(signingBytes(r, "k1", "2024-03-05"))).toBe(
      '{"context":"jineng/certificate-record/v1","keyId":"k1","payload":{"holderName":"张三","institutionId":"inst-001",' +
        '"issuedOn":"2024-03-01","issuerName":"南京市某职业技能等级认定机构","level":3,"maskedId":"110105********002X",' +
        '"number":"S000032000001243000001","occupationCode":"6-18-01-01","occupationName":"电工","workType":null},' +
        '"signedOn":"2024-03-05"}'
    )
    expect(signingBytes(r, "k2", "2024-03-01")).not.toEqual(signingBytes(r, "k1", "2024-03-01"))
    expect(signingBytes(r, "k1", "2024-03-02")).not.toEqual(signingBytes(r, "k1", "2024-03-01"))
  })

  it.effect("54号·四 a signed record round-trips through JSON and verifies", () =>
    Effect.gen(function* () {
      const key = yield* generateSigningKey("k2024", "2022-05-01")
      expect(fromBase64Url(key.verification.publicKey)?.length).toBe(32)
      const signed = yield* sign(record("2024-03-01"), key.signing)
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
      const restored = yield* importSigningKey("k2024", key.pkcs8, "2022-05-01")
      const signed = yield* sign(record("2024-03-01"), restored)
      expect((yield* verifySignedRecord(signed, [key.verification])).outcome).toBe("verified")
      const broken = yield* Effect.flip(importSigningKey("k2024", "!!", "2022-05-01"))
      expect(broken._tag).toBe("SigningFailed")
      expect(broken.message).toContain("私钥应为 base64url")
      const damaged = yield* Effect.flip(
        importSigningKey("k2024", toBase64Url(new Uint8Array(10)), "2022-05-01")
      )
      expect(damaged.message).toContain("证书记录签名失败")
    })
  )

  it.effect("54号·四 a tampered record is refused", () =>
    Effect.gen(function* () {
      const key = yield* generateSigningKey("k2024", "2022-05-01")
      const signed = yield* sign(record("2024-03-01"), key.signing)
      const tamperings: Array<SignedRecord> = [
        { ...signed, record: { ...signed.record, holderName: "李四" } },
        { ...signed, record: { ...signed.record, level: 2 } },
        { ...signed, record: { ...signed.record, issuedOn: "2024-02-28" } },
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
      const forged = yield* sign(record("2024-03-01"), forger.signing)
      const d = yield* verifySignedRecord(forged, [real.verification])
      expectRefused(d, "bad_signature")
      expect(d.failures[0]?.message).toContain("签名与证书记录不符")
      // Claiming another key id than the one that signed: the id is in the signed bytes.
      const signed = yield* sign(record("2024-03-01"), real.signing)
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

  it.effect("54号·四 a rotated-out key still verifies what it signed within its window, and only that", () =>
    Effect.gen(function* () {
      const old = yield* generateSigningKey("k2022", "2022-05-01", "2024-12-31")
      const current = yield* generateSigningKey("k2025", "2025-01-01")
      const keys = [old.verification, current.verification]
      const before = yield* sign(record("2024-12-31"), old.signing)
      // A certificate issued in 2024 and printed again in 2025 is signed by the new key.
      const reprinted = yield* sign(record("2024-03-01"), current.signing, "2025-03-01")
      expect((yield* verifySignedRecord(before, keys)).outcome).toBe("verified")
      expect((yield* verifySignedRecord(reprinted, keys)).outcome).toBe("verified")
      // The retired key refuses to sign after its window, and a signature back-dated into the old window by the
      // new key (or forward-dated by the old one) is refused.
      const late = yield* Effect.flip(sign(record("2025-01-01"), old.signing))
      expect(late.message).toContain("不能在 2025-01-01 签名")
      const forged = { ...before, signedOn: "2025-01-01" }
      const d = yield* verifySignedRecord(forged, [
        { ...old.verification, validUntil: undefined },
        current.verification
      ])
      expectRefused(d, "bad_signature")
      const outside = yield* verifySignedRecord({ ...before, signedOn: "2025-01-02" }, keys)
      expectRefused(outside, "key_not_valid_on_signing_date")
      expect(outside.failures[0]?.message).toContain("2022-05-01 至 2024-12-31")
      // A signature dated before the certificate existed is refused outright.
      const early = yield* verifySignedRecord({ ...reprinted, signedOn: "2024-02-01" }, keys)
      expectRefused(early, "signed_before_issue")
    })
  )
})
