import { assert, describe, layer } from "@effect/vitest"
import { Effect, Layer, Option, Schema, TestClock } from "effect"
import {
  ADMITTED,
  authorisation,
  employerFields,
  OTHER_USCC,
  institution as thirdPartyInstitution
} from "../../test/InstitutionFixtures.js"
import { occupation, TURNER } from "../../test/OccupationFixtures.js"
import { org } from "../../test/OrganisationFixtures.js"
import { turnerBank, turnerStandard } from "../../test/StandardFixtures.js"
import { CertificateRepository } from "../certificate/CertificateRepository.js"
import { checkCharacter } from "../codes/ResidentIdNumber.js"
import type { Institution } from "../institution/Institution.js"
import { InstitutionRepository } from "../institution/InstitutionRepository.js"
import { lookupOf } from "../occupation/OccupationCatalogue.js"
import { StandardRepository } from "../occupation/StandardRepository.js"
import { type AuditEntry, AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import { batchPublication } from "./BatchPublication.js"
import { CertificateIssuance } from "./CertificateIssuance.js"
import { EvaluationBatches } from "./EvaluationBatches.js"
import { EvaluationBatchRepository } from "./EvaluationBatchRepository.js"
import { IssueBatchRequest } from "./IssueBatchRequest.js"
import { PublishBatchRequest } from "./PublishBatchRequest.js"

const TODAY = "2024-06-03"
const institution = (over: Record<string, unknown>) =>
  thirdPartyInstitution({
    authorisations: [authorisation({ id: "auth-s", validUntil: "2024-12-31" })],
    ...over
  })

const thirdParty = institution({})
const other = institution({
  id: "inst-t",
  name: "江苏另一评价中心",
  uscc: OTHER_USCC,
  numberingPrefix: { type: "S", institutionCode: "0000", province: "32", siteSerial: "000124" }
})
const suspended = institution({
  id: "inst-suspended",
  numberingPrefix: { type: "S", institutionCode: "0000", province: "32", siteSerial: "000125" },
  statusHistory: [
    ADMITTED,
    { status: "suspended", date: "2024-03-01", reason: "专项评估不合格", actor: "hrss-320100" }
  ]
})
const employer = institution({ ...employerFields, responsiblePerson: { name: "张三" } })

const orgOf = {
  own: org({
    id: "org-inst-s",
    name: "本机构",
    role: "institution",
    regionCode: "320102",
    institutionId: "inst-s"
  }),
  other: org({
    id: "org-inst-t",
    name: "他机构",
    role: "institution",
    regionCode: "320102",
    institutionId: "inst-t"
  }),
  suspended: org({
    id: "org-inst-suspended",
    name: "暂停机构",
    role: "institution",
    regionCode: "320102",
    institutionId: "inst-suspended"
  }),
  employer: org({
    id: "org-inst-y",
    name: "用人单位",
    role: "employer",
    regionCode: "320102",
    institutionId: "inst-y"
  }),
  nanjing: org({ id: "org-nanjing", name: "南京市人社局", role: "city", regionCode: "320100" }),
  suzhou: org({ id: "org-suzhou", name: "苏州市人社局", role: "city", regionCode: "320500" })
}

const audit: Array<AuditEntry> = []

const standards = StandardRepository.layerTest({
  occupations: [occupation(TURNER, "车工")],
  standards: [turnerStandard()],
  questionBanks: [turnerBank()]
})

const ports = Layer.mergeAll(
  EvaluationBatchRepository.layerTest(),
  CertificateRepository.layerTest(),
  InstitutionRepository.layerTest([thirdParty, other, suspended, employer]),
  standards,
  AuditTrail.layerTest(audit),
  Transactional.layerTest
)

const layers = EvaluationBatches.layer.pipe(
  Layer.provideMerge(CertificateIssuance.layer),
  Layer.provideMerge(ports)
)

const publishRequest = (id: string, over: Record<string, unknown> = {}) =>
  Schema.decodeUnknownSync(PublishBatchRequest)({
    id,
    institutionId: "inst-s",
    occupation: { code: TURNER },
    level: 4,
    evaluationTime: { from: "2024-06-01", until: "2024-06-02" },
    contact: { name: "王老师", phone: "025-83271773" },
    regionCode: "320104",
    ...over
  })

const residentId = (n: number) => {
  const first17 = `32010219900101${String(n).padStart(3, "0")}`
  return first17 + checkCharacter(first17)
}

const issueRequest = (batchId: string, rows: number, over: Record<string, unknown> = {}) =>
  Schema.decodeUnknownSync(IssueBatchRequest)({
    batchId,
    institutionId: "inst-s",
    issuedOn: TODAY,
    evaluationRegion: "320104",
    candidates: Array.from({ length: rows }, (_, i) => ({
      holder: { name: `考生${i + 1}`, idType: "resident_id", idNumber: residentId(i + 1) },
      occupationCode: TURNER,
      level: 4
    })),
    ...over
  })

const atToday = TestClock.setTime(Date.parse(`${TODAY}T10:00:00+08:00`))

const auditOf = (subject: string) => audit.filter((a) => a.subject === subject)

describe("BatchPublication (54号·五、附件2; domain.md §4)", () => {
  const facts = (over: { from?: string; until?: string; level?: number; institution?: Institution } = {}) =>
    Effect.map(
      Effect.flatMap(StandardRepository, (s) => s.forOccupation(TURNER)),
      (file) => {
        const i = over.institution ?? thirdParty
        return batchPublication({
          listing: {
            institution: { id: i.id, name: i.name },
            occupation: { code: TURNER, name: "车工" },
            level: over.level ?? 4,
            evaluationTime: { from: over.from ?? "2024-06-01", until: over.until ?? "2024-06-02" },
            contact: { name: "王老师", phone: "025-83271773" },
            regionCode: "320104"
          },
          publishedOn: TODAY,
          institution: i,
          catalogue: lookupOf(file.entry === undefined ? [] : [file.entry]),
          basis: file.basis
        })
      }
    ).pipe(Effect.provide(standards))

  describe("decisions", () => {
    layer(standards)((it) => {
      it.effect("allows a complete row within the authorisation, and reports each failed condition", () =>
        Effect.gen(function* () {
          assert.strictEqual((yield* facts()).outcome, "allowed")
          const level = yield* facts({ level: 2 })
          assert.strictEqual(level.outcome, "refused")
          assert.isAbove(level.failures.length, 0)
          assert.deepStrictEqual(
            level.failures.map((f) => [f.code, f.field]),
            [
              ["NoQuestionBank", "level"],
              ["NotInProvincialCatalogue", "occupation.code"],
              ["LevelNotAuthorised", "level"]
            ]
          )
          const stopped = yield* facts({ institution: suspended })
          assert.deepStrictEqual(
            stopped.failures.map((f) => f.code),
            ["InstitutionSuspended"]
          )
        })
      )

      it.effect("checks the authorisation on the last day of the evaluation too", () =>
        Effect.gen(function* () {
          const beyond = yield* facts({ from: "2024-12-30", until: "2025-01-02" })
          assert.strictEqual(beyond.outcome, "refused")
          assert.isTrue(beyond.failures.every((f) => f.message.includes("2025-01-02")))
        })
      )

      it.effect("answers an evaluation before 2022-05-01 as not in force", () =>
        Effect.map(facts({ from: "2022-04-01", until: "2022-04-02" }), (d) =>
          assert.strictEqual(d.outcome, "not_in_force")
        )
      )
    })
  })
})

layer(layers)("EvaluationBatches (附件2; 54号·四、五)", (it) => {
  it.effect("publishes an institution's own batch with the catalogue's names, audited in its name", () =>
    Effect.gen(function* () {
      yield* atToday
      const batches = yield* EvaluationBatches
      const batch = yield* batches.publish(publishRequest("eb-own"), orgOf.own)
      assert.deepStrictEqual(
        [batch.status, batch.plannedOn, batch.publishedOn, batch.institution.name, batch.occupation.name],
        ["published", TODAY, TODAY, thirdParty.name, "车工"]
      )
      const stored = yield* (yield* EvaluationBatchRepository).findById("eb-own")
      assert.strictEqual(Option.getOrThrow(stored).status, "published")
      assert.deepStrictEqual(
        auditOf("eb-own").map((a) => [a.actor, a.action]),
        [["org-inst-s", "batch.publish"]]
      )
    })
  )

  it.effect("lets the department of the evaluation's region publish; refuses others and stores nothing", () =>
    Effect.gen(function* () {
      yield* atToday
      const batches = yield* EvaluationBatches
      yield* batches.publish(publishRequest("eb-city"), orgOf.nanjing)
      assert.strictEqual(auditOf("eb-city")[0]?.actor, "org-nanjing")
      for (const [who, code] of [
        [orgOf.suzhou, "OutsideActorRegion"],
        [orgOf.other, "NotOwnRecord"],
        [orgOf.employer, "ActionNotPermitted"]
      ] as const) {
        const refused = yield* Effect.flip(batches.publish(publishRequest(`eb-${who.id}`), who))
        assert.deepStrictEqual(refused._tag === "ActionRefused" && refused.codes, [code])
        assert.isTrue(Option.isNone(yield* (yield* EvaluationBatchRepository).findById(`eb-${who.id}`)))
        assert.deepStrictEqual(auditOf(`eb-${who.id}`), [])
      }
    })
  )

  it.effect(
    "refuses to publish outside the authorisation, for a suspended institution or an unknown one",
    () =>
      Effect.gen(function* () {
        yield* atToday
        const batches = yield* EvaluationBatches
        const level = yield* Effect.flip(
          batches.publish(publishRequest("eb-level", { level: 2 }), orgOf.nanjing)
        )
        assert.strictEqual(level._tag, "BatchPublicationRefused")
        assert.strictEqual(level._tag === "BatchPublicationRefused" && level.field, "level")
        const stopped = yield* Effect.flip(
          batches.publish(publishRequest("eb-stopped", { institutionId: "inst-suspended" }), orgOf.suspended)
        )
        assert.include(stopped.message, "暂停")
        const unknown = yield* Effect.flip(
          batches.publish(publishRequest("eb-unknown", { occupation: { code: "6-18-01-99" } }), orgOf.own)
        )
        assert.strictEqual(unknown._tag === "BatchPublicationRefused" && unknown.field, "occupation.code")
        const nobody = yield* Effect.flip(
          batches.publish(publishRequest("eb-nobody", { institutionId: "inst-none" }), orgOf.nanjing)
        )
        assert.strictEqual(nobody._tag, "InstitutionNotFound")
        const taken = yield* Effect.flip(batches.publish(publishRequest("eb-own"), orgOf.own))
        assert.strictEqual(taken._tag, "EvaluationBatchIdTaken")
        assert.lengthOf(auditOf("eb-own"), 1)
      })
  )

  it.effect("shows a batch to its institution and its region's department only", () =>
    Effect.gen(function* () {
      yield* atToday
      const batches = yield* EvaluationBatches
      yield* batches.publish(publishRequest("eb-read"), orgOf.own)
      assert.strictEqual((yield* batches.get("eb-read", orgOf.own)).id, "eb-read")
      assert.strictEqual((yield* batches.get("eb-read", orgOf.nanjing)).id, "eb-read")
      for (const who of [orgOf.other, orgOf.suzhou, orgOf.employer])
        assert.strictEqual((yield* Effect.flip(batches.get("eb-read", who)))._tag, "ActionRefused")
      assert.strictEqual(
        (yield* Effect.flip(batches.get("eb-none", orgOf.own)))._tag,
        "EvaluationBatchNotFound"
      )
    })
  )

  it.effect("issues the results, records them and marks the batch issued; a retry changes nothing", () =>
    Effect.gen(function* () {
      yield* atToday
      const batches = yield* EvaluationBatches
      yield* batches.publish(publishRequest("eb-issue"), orgOf.own)
      const issued = yield* batches.issue(issueRequest("eb-issue", 3), orgOf.own)
      assert.isFalse(issued.alreadyIssued)
      assert.lengthOf(issued.certificates, 3)
      const repo = yield* EvaluationBatchRepository
      const batch = Option.getOrThrow(yield* repo.findById("eb-issue"))
      assert.deepStrictEqual(
        [batch.status, batch.issuedOn, batch.results],
        ["issued", TODAY, { candidates: 3, passed: 3 }]
      )
      assert.deepStrictEqual(
        (yield* repo.listCandidates("eb-issue")).items.map((c) => c.result),
        ["passed", "passed", "passed"]
      )
      const again = yield* batches.issue(issueRequest("eb-issue", 3), orgOf.own)
      assert.isTrue(again.alreadyIssued)
      assert.deepStrictEqual(
        again.certificates.map((c) => c.number),
        issued.certificates.map((c) => c.number)
      )
      assert.lengthOf(yield* (yield* CertificateRepository).listByBatch("eb-issue"), 3)
      assert.deepStrictEqual(
        auditOf("eb-issue").map((a) => [a.actor, a.action]),
        [
          ["org-inst-s", "batch.publish"],
          ["org-inst-s", "certificate.issue-batch"]
        ]
      )
    })
  )

  it.effect(
    "refuses a submission for another institution, of another batch, with a person twice or too early",
    () =>
      Effect.gen(function* () {
        yield* atToday
        const batches = yield* EvaluationBatches
        yield* batches.publish(publishRequest("eb-bad"), orgOf.own)
        const notMine = yield* Effect.flip(batches.issue(issueRequest("eb-bad", 1), orgOf.other))
        assert.deepStrictEqual(notMine._tag === "ActionRefused" && notMine.codes, ["NotOwnRecord"])
        const region = yield* Effect.flip(
          batches.issue(issueRequest("eb-bad", 1, { evaluationRegion: "320105" }), orgOf.own)
        )
        assert.strictEqual(region._tag === "BatchSubmissionMismatch" && region.field, "evaluationRegion")
        const twice = issueRequest("eb-bad", 2)
        const duplicate = yield* Effect.flip(
          batches.issue({ ...twice, candidates: [...twice.candidates, ...twice.candidates] }, orgOf.own)
        )
        assert.strictEqual(
          duplicate._tag === "CandidateListedTwice" && duplicate.field,
          "candidates.2.holder.idNumber"
        )
        yield* batches.publish(
          publishRequest("eb-later", { evaluationTime: { from: "2024-06-10" } }),
          orgOf.own
        )
        const early = yield* Effect.flip(batches.issue(issueRequest("eb-later", 1), orgOf.own))
        assert.strictEqual(early._tag, "EvaluationBatchDateBeforePrevious")
        const unpublished = yield* Effect.flip(batches.issue(issueRequest("eb-never", 1), orgOf.own))
        assert.strictEqual(unpublished._tag, "EvaluationBatchNotFound")
        const certificates = yield* CertificateRepository
        for (const id of ["eb-bad", "eb-later", "eb-never"])
          assert.lengthOf(yield* certificates.listByBatch(id), 0)
        const repo = yield* EvaluationBatchRepository
        assert.strictEqual(Option.getOrThrow(yield* repo.findById("eb-bad")).status, "published")
      })
  )

  it.effect("refuses the whole batch when the authority check refuses its rows, recording no results", () =>
    Effect.gen(function* () {
      yield* atToday
      const batches = yield* EvaluationBatches
      yield* batches.publish(publishRequest("eb-forged"), orgOf.own)
      const forged = yield* Effect.flip(
        batches.issue(
          issueRequest("eb-forged", 2, {
            face: { issuerNames: [thirdParty.name], signatories: ["张三"], sealIds: ["seal-forged"] }
          }),
          orgOf.own
        )
      )
      assert.strictEqual(forged._tag === "BatchRefused" && forged.refused.length, 2)
      const repo = yield* EvaluationBatchRepository
      assert.strictEqual(Option.getOrThrow(yield* repo.findById("eb-forged")).status, "published")
      assert.strictEqual((yield* repo.listCandidates("eb-forged")).total, 0)
    })
  )

  it.effect("lets an employer issue for its own staff without a published batch", () =>
    Effect.gen(function* () {
      yield* atToday
      const batches = yield* EvaluationBatches
      const request = issueRequest("eb-employer", 2, { institutionId: "inst-y" })
      const own = {
        ...request,
        candidates: request.candidates.map((c) => ({ ...c, employerUscc: employer.uscc }))
      }
      const issued = yield* batches.issue(own, orgOf.employer)
      assert.lengthOf(issued.certificates, 2)
      assert.strictEqual(auditOf("eb-employer")[0]?.actor, "org-inst-y")
    })
  )
})
