import { assert, describe, it } from "@effect/vitest"
import { type Context, Effect, Layer, Schema, TestClock } from "effect"
import {
  ADMITTED,
  authorisation,
  EMPLOYER_USCC,
  employerFields,
  OTHER_USCC,
  institution as thirdPartyInstitution
} from "../../test/InstitutionFixtures.js"
import { NEW, occupation, TURNER } from "../../test/OccupationFixtures.js"
import { org } from "../../test/OrganisationFixtures.js"
import { newOccupationEntry, turnerBank, turnerStandard } from "../../test/StandardFixtures.js"
import { CertificateRepository } from "../certificate/CertificateRepository.js"
import { parseCertificateNumber } from "../codes/CertificateNumber.js"
import { checkCharacter } from "../codes/ResidentIdNumber.js"
import { InstitutionRepository } from "../institution/InstitutionRepository.js"
import { StandardRepository } from "../occupation/StandardRepository.js"
import { type AuditEntry, AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import { CertificateIssuance } from "./CertificateIssuance.js"
import { IssueBatchRequest } from "./IssueBatchRequest.js"

const institution = (over: Record<string, unknown>) =>
  thirdPartyInstitution({
    authorisations: [authorisation({ id: "auth-s", occupations: [{ code: TURNER }, { code: NEW }] })],
    ...over
  })

const thirdParty = institution({})
const suspended = institution({
  id: "inst-suspended",
  statusHistory: [
    ADMITTED,
    { status: "suspended", date: "2024-03-01", reason: "专项评估不合格", actor: "hrss-320100" }
  ]
})
const employer = institution(employerFields)

const standards = StandardRepository.layerTest({
  occupations: [occupation(TURNER, "车工"), occupation(NEW, "某新职业")],
  standards: [turnerStandard()],
  questionBanks: [turnerBank()],
  provincialEntries: [newOccupationEntry()]
})

const auditEntries: Array<AuditEntry> = []

const layers = CertificateIssuance.layer.pipe(
  Layer.provideMerge(
    Layer.mergeAll(
      CertificateRepository.layerTest(),
      InstitutionRepository.layerTest([thirdParty, suspended, employer]),
      standards,
      AuditTrail.layerTest(auditEntries),
      Transactional.layerTest
    )
  )
)

/** Issues with the test clock set to the request's issue date (the use case refuses any other day). */
const issueToday = (issuance: Context.Tag.Service<typeof CertificateIssuance>, req: IssueBatchRequest) =>
  Effect.zipRight(TestClock.setTime(Date.parse(`${req.issuedOn}T10:00:00+08:00`)), issuance.issueBatch(req))

const residentId = (n: number): string => {
  const first17 = `32010219900101${String(n).padStart(3, "0")}`
  return first17 + checkCharacter(first17)
}

const holder = (n: number) => ({ name: `考生${n}`, idType: "resident_id", idNumber: residentId(n) })

const request = (over: Record<string, unknown> = {}) =>
  Schema.decodeUnknownSync(IssueBatchRequest)({
    batchId: "batch-1",
    institutionId: "inst-s",
    issuedOn: "2024-06-01",
    evaluationRegion: "320104",
    candidates: [
      { holder: holder(1), occupationCode: TURNER, level: 3 },
      { holder: holder(2), occupationCode: TURNER, level: 3 },
      { holder: holder(3), occupationCode: TURNER, level: 4 }
    ],
    ...over
  })

const refusal = (over: Record<string, unknown>) =>
  Effect.gen(function* () {
    const issuance = yield* CertificateIssuance
    const error = yield* Effect.flip(issueToday(issuance, request(over)))
    assert.strictEqual(error._tag, "BatchRefused")
    const stored = yield* (yield* CertificateRepository).listByBatch(String(over.batchId ?? "batch-1"))
    assert.strictEqual(stored.length, 0)
    return error._tag === "BatchRefused" ? error : undefined
  })

describe("54号·四 CertificateIssuance.issueBatch", () => {
  it.effect("issues a batch with numbers derived from the institution's prefix (22-character layout)", () =>
    Effect.gen(function* () {
      const issuance = yield* CertificateIssuance
      const result = yield* issueToday(issuance, request())
      assert.isFalse(result.alreadyIssued)
      assert.deepStrictEqual(
        result.certificates.map((c) => c.number),
        ["S000032000123243000001", "S000032000123243000002", "S000032000123244000001"]
      )
      assert.deepStrictEqual(parseCertificateNumber(result.certificates[0]?.number ?? ""), {
        type: "S",
        institutionCode: "0000",
        province: "32",
        siteSerial: "000123",
        year: "24",
        level: 3,
        serial: "000001"
      })
      const first = result.certificates[0]
      assert.deepStrictEqual(first?.issuer, {
        institutionId: "inst-s",
        name: "江苏某职业技能评价有限公司",
        regionCode: "320102",
        signatory: "张三",
        sealId: "seal-s"
      })
      assert.deepStrictEqual(first?.occupation, { code: TURNER, name: "车工" })
      assert.strictEqual(first?.kind, "level")
      assert.strictEqual(first?.status._tag, "valid")
      assert.strictEqual(first?.batchId, "batch-1")
    }).pipe(Effect.provide(layers))
  )

  it.effect("returns the existing certificates when a batch id is retried (idempotent)", () =>
    Effect.gen(function* () {
      const issuance = yield* CertificateIssuance
      const first = yield* issueToday(issuance, request())
      const again = yield* issueToday(issuance, request())
      assert.isTrue(again.alreadyIssued)
      assert.deepStrictEqual(
        again.certificates.map((c) => c.number),
        first.certificates.map((c) => c.number)
      )
      const other = yield* issueToday(issuance, request({ batchId: "batch-2" }))
      assert.strictEqual(other.certificates[0]?.number, "S000032000123243000003")
    }).pipe(Effect.provide(layers))
  )

  it.effect("refuses the whole batch for one bad row, stores nothing and consumes no serial", () =>
    Effect.gen(function* () {
      const error = yield* refusal({
        candidates: [
          { holder: holder(1), occupationCode: TURNER, level: 3 },
          { holder: holder(2), occupationCode: TURNER, level: 1 },
          { holder: holder(3), occupationCode: TURNER, level: 4 }
        ]
      })
      assert.deepStrictEqual(
        error?.refused.map((r) => r.index),
        [1]
      )
      assert.deepStrictEqual(
        error?.refused[0]?.decision.failures.map((f) => f.code),
        ["NoQuestionBank", "NotInProvincialCatalogue", "LevelNotAuthorised"]
      )
      assert.include(error?.message ?? "", "第2行")
      const issuance = yield* CertificateIssuance
      const ok = yield* issueToday(issuance, request())
      assert.strictEqual(ok.certificates[0]?.number, "S000032000123243000001")
    }).pipe(Effect.provide(layers))
  )

  it.effect("refuses every row of a suspended institution", () =>
    Effect.gen(function* () {
      const error = yield* refusal({ institutionId: "inst-suspended" })
      assert.deepStrictEqual(
        error?.refused.map((r) => [r.index, r.decision.failures.map((f) => f.code)]),
        [
          [0, ["InstitutionSuspended"]],
          [1, ["InstitutionSuspended"]],
          [2, ["InstitutionSuspended"]]
        ]
      )
      assert.strictEqual(error?.refused[0]?.decision.failures[0]?.seen, "suspended")
    }).pipe(Effect.provide(layers))
  )

  it.effect("issues on the authorisation's last day and refuses the day after", () =>
    Effect.gen(function* () {
      const issuance = yield* CertificateIssuance
      const lastDay = yield* issueToday(issuance, request({ batchId: "b-last", issuedOn: "2025-12-31" }))
      assert.strictEqual(lastDay.certificates[0]?.number, "S000032000123253000001")
      const error = yield* refusal({ batchId: "b-after", issuedOn: "2026-01-01" })
      const failure = error?.refused[0]?.decision.failures[0]
      assert.strictEqual(failure?.code, "AuthorisationExpired")
      assert.strictEqual(failure?.seen, "2026-01-01")
      assert.strictEqual(failure?.required, "2022-05-01 至 2025-12-31")
    }).pipe(Effect.provide(layers))
  )

  it.effect("lets an employer certify its own staff only", () =>
    Effect.gen(function* () {
      const error = yield* refusal({
        institutionId: "inst-y",
        candidates: [
          { holder: holder(1), employerUscc: EMPLOYER_USCC, occupationCode: TURNER, level: 4 },
          { holder: holder(2), employerUscc: OTHER_USCC, occupationCode: TURNER, level: 4 }
        ]
      })
      assert.deepStrictEqual(
        error?.refused.map((r) => [r.index, r.decision.failures.map((f) => [f.code, f.seen, f.required])]),
        [[1, [["NotOwnStaff", OTHER_USCC, EMPLOYER_USCC]]]]
      )
      const issuance = yield* CertificateIssuance
      const own = yield* issueToday(
        issuance,
        request({
          batchId: "b-own",
          institutionId: "inst-y",
          candidates: [{ holder: holder(1), employerUscc: EMPLOYER_USCC, occupationCode: TURNER, level: 4 }]
        })
      )
      assert.strictEqual(own.certificates[0]?.number, "Y000032000456244000001")
    }).pipe(Effect.provide(layers))
  )

  it.effect(
    "lets a third party without question bank evaluate an occupation of the provincial catalogue",
    () =>
      Effect.gen(function* () {
        const issuance = yield* CertificateIssuance
        const result = yield* issueToday(
          issuance,
          request({ batchId: "b-new", candidates: [{ holder: holder(1), occupationCode: NEW, level: 4 }] })
        )
        assert.strictEqual(result.certificates[0]?.number, "S000032000123244000001")
        assert.strictEqual(result.certificates[0]?.occupation.name, "某新职业")
        const error = yield* refusal({
          batchId: "b-new5",
          candidates: [{ holder: holder(1), occupationCode: NEW, level: 5 }]
        })
        assert.deepStrictEqual(
          error?.refused[0]?.decision.failures.map((f) => f.code),
          ["NoNationalStandard", "NoQuestionBank", "NotInProvincialCatalogue"]
        )
      }).pipe(Effect.provide(layers))
  )

  it.effect("refuses a wrong signatory and a wrong or additional seal (落款、印章唯一)", () =>
    Effect.gen(function* () {
      const face = { issuerNames: ["江苏某职业技能评价有限公司"], signatories: ["张三"], sealIds: ["seal-s"] }
      const cases = [
        [{ ...face, signatories: ["李四"] }, "SignatoryNotResponsiblePerson"],
        [{ ...face, sealIds: ["seal-other"] }, "SealNotInstitutionSeal"],
        [{ ...face, sealIds: ["seal-s", "seal-city"] }, "SealNotUnique"]
      ] as const
      for (const [i, [f, code]] of cases.entries()) {
        const error = yield* refusal({ batchId: `b-face-${i}`, face: f })
        assert.deepStrictEqual(
          error?.refused.map((r) => r.decision.failures.map((x) => x.code)),
          [[code], [code], [code]]
        )
      }
      const issuance = yield* CertificateIssuance
      const ok = yield* issueToday(issuance, request({ batchId: "b-face-ok", face }))
      assert.strictEqual(ok.certificates.length, 3)
    }).pipe(Effect.provide(layers))
  )

  it.effect("fails with InstitutionNotFound, EmptyBatch and BatchIdConflict", () =>
    Effect.gen(function* () {
      const issuance = yield* CertificateIssuance
      const unknown = yield* Effect.flip(issueToday(issuance, request({ institutionId: "nope" })))
      assert.strictEqual(unknown._tag, "InstitutionNotFound")
      assert.strictEqual(unknown.message, "未找到评价机构 nope")
      const empty = yield* Effect.flip(issueToday(issuance, request({ candidates: [] })))
      assert.strictEqual(empty._tag, "EmptyBatch")
      yield* issueToday(issuance, request())
      const conflict = yield* Effect.flip(
        issueToday(
          issuance,
          request({
            institutionId: "inst-y",
            candidates: [{ holder: holder(1), employerUscc: EMPLOYER_USCC, occupationCode: TURNER, level: 4 }]
          })
        )
      )
      assert.strictEqual(conflict._tag, "BatchIdConflict")
    }).pipe(Effect.provide(layers))
  )

  it.effect(
    "refuses an issue date other than today (Beijing): no backdating into an expired authorisation",
    () =>
      Effect.gen(function* () {
        const issuance = yield* CertificateIssuance
        yield* TestClock.setTime(Date.parse("2026-01-02T01:00:00+08:00"))
        const backdated = yield* Effect.flip(
          issuance.issueBatch(request({ batchId: "b-back", issuedOn: "2025-12-31" }))
        )
        assert.strictEqual(backdated._tag, "IssueDateNotToday")
        assert.deepStrictEqual(
          backdated._tag === "IssueDateNotToday" && [backdated.issuedOn, backdated.today],
          ["2025-12-31", "2026-01-02"]
        )
        const certificates = yield* CertificateRepository
        assert.deepStrictEqual(yield* certificates.listByBatch("b-back"), [])
      }).pipe(Effect.provide(layers))
  )

  it.effect("audits an issued batch once, with its actor and counts, and not its retry", () =>
    Effect.gen(function* () {
      const issuance = yield* CertificateIssuance
      const before = auditEntries.length
      const req = request({ batchId: "b-audit" })
      yield* TestClock.setTime(Date.parse(`${req.issuedOn}T10:00:00+08:00`))
      const issued = yield* issuance.issueBatch(req, { actor: "org-inst-s" })
      yield* issuance.issueBatch(req, { actor: "org-inst-s" })
      const added = auditEntries.slice(before)
      assert.strictEqual(added.length, 1)
      assert.deepStrictEqual(
        [added[0]?.actor, added[0]?.action, added[0]?.subject, added[0]?.details.certificates],
        ["org-inst-s", "certificate.issue-batch", "b-audit", issued.certificates.length]
      )
      assert.notInclude(JSON.stringify(added[0]), String(req.candidates[0]?.holder.idNumber))
    }).pipe(Effect.provide(layers))
  )
  it.effect("checks the acting organisation's scope (own institution only) and audits it as the actor", () =>
    Effect.gen(function* () {
      const issuance = yield* CertificateIssuance
      const own = org({
        id: "org-s",
        name: "本机构",
        role: "institution",
        regionCode: "320102",
        institutionId: "inst-s"
      })
      const employerOrg = org({
        id: "org-y",
        name: "用人单位",
        role: "employer",
        regionCode: "320102",
        institutionId: "inst-y"
      })
      const city = org({ id: "org-nj", name: "南京市人社局", role: "city", regionCode: "320100" })
      const req = request({ batchId: "b-org" })
      yield* TestClock.setTime(Date.parse(`${req.issuedOn}T10:00:00+08:00`))
      for (const [who, code] of [
        [employerOrg, "NotOwnRecord"],
        [city, "ActionNotPermitted"]
      ] as const) {
        const refused = yield* Effect.flip(issuance.issueBatch(req, { organisation: who }))
        assert.deepStrictEqual(refused._tag === "ActionRefused" && refused.codes, [code])
      }
      assert.deepStrictEqual(yield* (yield* CertificateRepository).listByBatch("b-org"), [])
      const before = auditEntries.length
      const issued = yield* issuance.issueBatch(req, { organisation: own, actor: "ignored" })
      assert.lengthOf(issued.certificates, 3)
      assert.deepStrictEqual(
        auditEntries.slice(before).map((a) => [a.actor, a.subject]),
        [["org-s", "b-org"]]
      )
    }).pipe(Effect.provide(layers))
  )
})
