/**
 * Real signed material for the verification tests (issue #7): a fresh Ed25519 registry key, the fixtures'
 * certificates signed with it (the compact record a QR code carries), and a transparency log holding their
 * issuances (and the revocation of REVOKED) with a signed tree head and inclusion proofs — the answers of the
 * keys, signed-record and proof routes, made with the domain's own functions.
 */
import type { CertificateNumber } from "@jineng/domain/codes/CertificateNumberSchema"
import type { SkillLevel } from "@jineng/domain/codes/SkillLevel"
import { decision } from "@jineng/domain/rule/Decision"
import { encodeCompactRecord } from "@jineng/domain/verification/CompactRecord"
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from "@jineng/domain/verification/Encoding"
import {
  type CertificateEvent,
  eventLeafHash,
  issuedEvent,
  revokedEvent
} from "@jineng/domain/verification/LogEvent"
import { MerkleLog } from "@jineng/domain/verification/MerkleTree"
import { generateSigningKey } from "@jineng/domain/verification/Signature"
import { type PublicRecord, type SignedRecord, signRecord } from "@jineng/domain/verification/SignedRecord"
import { signTreeHead } from "@jineng/domain/verification/SignedTreeHead"
import { Effect } from "effect"
import type { CertificateView } from "../api"
import type { CertificateProof, SignedRecordAnswer, VerificationKeys } from "../lib/types"
import { REVOKED, VALID } from "./fixtures"

const recordOf = (c: CertificateView, institutionId: string): PublicRecord => ({
  number: c.number as unknown as CertificateNumber,
  holderName: c.holder.name,
  maskedId: c.holder.idNumberMasked,
  occupationCode: c.occupation.code as PublicRecord["occupationCode"],
  occupationName: c.occupation.name,
  workType: c.occupation.workType,
  level: c.level.code as SkillLevel,
  issuerName: c.issuer.name,
  institutionId,
  issuedOn: c.issuedOn
})

const ok = <T>(value: T) => ({ ok: true, value }) as const

export const ALLOWED = decision("allowed", "issuance.authority", [])

/** The compact text with the holder's name changed and the signature kept: what a forger would print. */
export const tamperName = (compact: string, name: string): string => {
  const [version, body] = compact.split(".")
  const values = JSON.parse(fromUtf8(fromBase64Url(body ?? "") ?? new Uint8Array()) ?? "[]") as Array<unknown>
  values[1] = name
  return `${version}.${toBase64Url(utf8(JSON.stringify(values)))}`
}

export const makeSignedFixtures = async () => {
  const key = await Effect.runPromise(generateSigningKey("registry-test-1", "2020-01-01"))
  const sign = (record: PublicRecord) => Effect.runPromise(signRecord(record, key.signing, "2026-11-26"))
  const valid = await sign(recordOf(VALID, "inst-0001"))
  const revoked = await sign(recordOf(REVOKED, "inst-0003"))
  const events: ReadonlyArray<CertificateEvent> = [
    issuedEvent(valid.record),
    issuedEvent(revoked.record),
    revokedEvent(revoked.record.number, "2026-11-26")
  ]
  const log = new MerkleLog()
  for (const e of events) log.append(eventLeafHash(e))
  const head = log.head()
  if (head === undefined) throw new Error("empty log")
  const treeHead = await Effect.runPromise(
    signTreeHead(head, key.signing, Date.parse("2026-11-26T02:00:00.000Z"))
  )
  const proofOf = (number: string): CertificateProof => ({
    treeHead,
    entries: events.flatMap((event, leafIndex) =>
      event.number === number
        ? [
            {
              leafIndex,
              event,
              appendedAt: "2026-11-26T01:00:00.000Z",
              proof: (log.inclusionProof(leafIndex) ?? []).map(toBase64Url)
            }
          ]
        : []
    ),
    issuerAuthority: ALLOWED
  })
  const answerOf = (signed: SignedRecord, view: CertificateView): SignedRecordAnswer => {
    const compact = encodeCompactRecord(signed)
    return {
      signed,
      compact,
      verificationUrl: `${view.verificationUrl.split("?")[0]}?name=${encodeURIComponent(view.holder.name)}#r=${compact}`,
      statusList: {
        type: "BitstringStatusListEntry",
        statusPurpose: "revocation",
        statusListIndex: "0",
        statusListCredential: "https://cx.example.gov.cn/api/public/status-lists/1"
      }
    }
  }
  const keys: VerificationKeys = { keys: [key.verification] }
  return {
    keys: ok(keys),
    valid: { signed: ok(answerOf(valid, VALID)), proof: ok(proofOf(VALID.number)) },
    revoked: { signed: ok(answerOf(revoked, REVOKED)), proof: ok(proofOf(REVOKED.number)) }
  }
}

export type SignedFixtures = Awaited<ReturnType<typeof makeSignedFixtures>>
