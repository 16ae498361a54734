import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Schema, TestClock } from "effect"
import { competition as competitionOf, people, welderEvents } from "../../test/CompetitionFixtures.js"
import { employerFields, institution } from "../../test/InstitutionFixtures.js"
import { unit } from "../../test/OrganisationFixtures.js"
import { CertificateRepository } from "../certificate/CertificateRepository.js"
import { InstitutionRepository } from "../institution/InstitutionRepository.js"
import { type AuditEntry, AuditTrail } from "../shared/AuditTrail.js"
import { IdGenerator } from "../shared/IdGenerator.js"
import { Transactional } from "../shared/Transactional.js"
import { CompetitionCertificates } from "./CompetitionCertificates.js"
import { CENTRE_NUMBERING, COMMISSION_AS_PRESENTED } from "./CompetitionIssuerIdentity.js"
import { CompetitionRepository } from "./CompetitionRepository.js"
import { IssueCompetitionCertificates } from "./CompetitionRequests.js"
import { FilingRepository } from "./FilingRepository.js"
import { Filings } from "./Filings.js"

const HOST_USCC = "91350100M000100Y43"
const competition = (id: string, over: Record<string, unknown> = {}) =>
  competitionOf({
    id,
    name: "2023年南京市焊工职业技能竞赛",
    class: "city_class_1",
    host: { name: "南京某机械有限公司", creditCode: HOST_USCC, regionCode: "320100" },
    regionCode: "320100",
    events: welderEvents,
    contestants: people("320102", 10),
    ...over
  })

const classOne = competition("cmp_1")
const classTwo = competition("cmp_2", { class: "city_class_2" })
const provincial = competition("cmp_p", { class: "provincial", regionCode: "320000" })
/** 4 of 10 contestants from Suzhou: the city must have its filing before the competition starts. */
const needsFiling = competition("cmp_f", { contestants: [...people("320102", 6), ...people("320505", 4)] })

const employer = institution({
  ...employerFields,
  uscc: HOST_USCC,
  seal: { id: "seal-y", name: "南京某机械有限公司职业技能等级认定专用章" }
})

const centre = unit("org-nanjing-centre", "city_appraisal_centre", "320100")
const suzhouCentre = unit("org-suzhou-centre", "city_appraisal_centre", "320500")
const host = unit("org-host", "host", "320100", "inst-y")

const request = (submissionId: string, over: Record<string, unknown> = {}) =>
  Schema.decodeUnknownSync(IssueCompetitionCertificates)({
    submissionId,
    certificates: [
      {
        holder: { name: "王五", idType: "resident_id", idNumber: "11010519491231002X" },
        occupationCode: "6-18-02-04",
        level: 3
      }
    ],
    ...over
  })

const COMMISSION = { document: "宁人社〔2023〕12号", date: "2023-02-01" }

const run = <A, E>(
  body: (
    audit: Array<AuditEntry>
  ) => Effect.Effect<A, E, CompetitionCertificates | CertificateRepository | Filings>
) => {
  const audit: Array<AuditEntry> = []
  const ports = Layer.mergeAll(
    CompetitionRepository.layerTest([classOne, classTwo, provincial, needsFiling]),
    FilingRepository.layerTest(),
    InstitutionRepository.layerTest([employer]),
    CertificateRepository.layerTest(),
    IdGenerator.layerTest,
    AuditTrail.layerTest(audit),
    Transactional.layerTest
  )
  const layers = Layer.mergeAll(CompetitionCertificates.layer, Filings.layer).pipe(Layer.provideMerge(ports))
  return Effect.gen(function* () {
    const repository = yield* CompetitionRepository
    for (const id of ["cmp_1", "cmp_2", "cmp_p", "cmp_f"])
      yield* repository.recordFiler(id, { organisationId: "org-host", filedOn: "2023-03-01" })
    yield* TestClock.setTime(Date.parse("2023-07-01T02:00:00Z"))
    return yield* body(audit)
  }).pipe(Effect.provide(layers))
}

describe("CompetitionCertificates (54号·四 竞赛职业证书核发权限)", () => {
  it.effect("lets the city centre issue 市级一类 certificates under its seal, once per submission id", () =>
    run((audit) =>
      Effect.gen(function* () {
        const issuance = yield* CompetitionCertificates
        const issued = yield* issuance.issue("cmp_1", request("sub-1"), centre)
        assert.isFalse(issued.alreadyIssued)
        assert.strictEqual(issued.batchId, "cmp_1/sub-1")
        assert.strictEqual(issued.issuerDecision.outcome, "allowed")
        assert.deepStrictEqual(issued.provisional, [CENTRE_NUMBERING])
        const [certificate] = issued.certificates
        assert.strictEqual(certificate?.number, "S000032320100233000001")
        assert.strictEqual(certificate?.kind, "competition")
        assert.deepStrictEqual(certificate?.occupation, {
          code: "6-18-02-04",
          name: "焊工",
          workType: "电焊工"
        })
        assert.deepStrictEqual(certificate?.issuer, {
          institutionId: "org-nanjing-centre",
          name: "org-nanjing-centre 单位",
          regionCode: "320100",
          signatory: "",
          sealId: "org-nanjing-centre"
        })
        const again = yield* issuance.issue("cmp_1", request("sub-1"), centre)
        assert.isTrue(again.alreadyIssued)
        assert.deepStrictEqual(
          again.certificates.map((c) => c.number),
          ["S000032320100233000001"]
        )
        assert.deepStrictEqual(
          audit.map((e) => [e.actor, e.action, e.subject, e.details.certificates]),
          [["org-nanjing-centre", "competition-certificate.issue", "cmp_1/sub-1", 1]]
        )
      })
    )
  )

  it.effect(
    "refuses a host for 市级一类, a centre of another city, and a 省级 competition (not covered)",
    () =>
      run((audit) =>
        Effect.gen(function* () {
          const issuance = yield* CompetitionCertificates
          const byHost = yield* Effect.flip(
            issuance.issue("cmp_1", request("sub-h", { commission: COMMISSION }), host)
          )
          assert.strictEqual(byHost._tag, "CompetitionCertificateIssuerRefused")
          if (byHost._tag === "CompetitionCertificateIssuerRefused")
            assert.deepStrictEqual(
              byHost.failures.map((f) => f.code),
              ["HostMayNotIssue"]
            )
          const otherCity = yield* Effect.flip(issuance.issue("cmp_1", request("sub-s"), suzhouCentre))
          assert.strictEqual(otherCity._tag, "ActionRefused")
          const notCovered = yield* Effect.flip(issuance.issue("cmp_p", request("sub-p"), host))
          assert.strictEqual(notCovered._tag, "CompetitionCertificateIssuerRefused")
          if (notCovered._tag === "CompetitionCertificateIssuerRefused")
            assert.strictEqual(notCovered.outcome, "not_covered")
          const unknown = yield* Effect.flip(issuance.issue("cmp_none", request("sub-x"), centre))
          assert.strictEqual(unknown._tag, "CompetitionNotFound")
          assert.strictEqual(audit.length, 0)
        })
      )
  )

  it.effect(
    "lets a commissioned host holding 认定 authority issue 市级二类 certificates under its own prefix",
    () =>
      run((audit) =>
        Effect.gen(function* () {
          const issuance = yield* CompetitionCertificates
          const uncommissioned = yield* Effect.flip(issuance.issue("cmp_2", request("sub-1"), host))
          assert.strictEqual(uncommissioned._tag, "CompetitionCertificateIssuerRefused")
          if (uncommissioned._tag === "CompetitionCertificateIssuerRefused")
            assert.deepStrictEqual(
              uncommissioned.failures.map((f) => f.code),
              ["HostNotCommissioned"]
            )
          const issued = yield* issuance.issue("cmp_2", request("sub-1", { commission: COMMISSION }), host)
          assert.strictEqual(issued.certificates[0]?.number, "Y000032000456233000001")
          assert.deepStrictEqual(issued.certificates[0]?.issuer, {
            institutionId: "inst-y",
            name: "南京某机械有限公司",
            regionCode: "320102",
            signatory: "赵六",
            sealId: "seal-y"
          })
          assert.deepStrictEqual(issued.provisional, [COMMISSION_AS_PRESENTED])
          assert.deepStrictEqual(audit[0]?.details.commission, COMMISSION)
          // The same submission id by another issuer of the competition is taken.
          const taken = yield* Effect.flip(issuance.issue("cmp_2", request("sub-1"), centre))
          assert.strictEqual(taken._tag, "BatchIdTakenByAnotherIssuer")
        })
      )
  )

  it.effect("refuses the whole submission when a row is not an event occupation; issues nothing", () =>
    run((audit) =>
      Effect.gen(function* () {
        const issuance = yield* CompetitionCertificates
        const rows = request("sub-1").certificates
        const error = yield* Effect.flip(
          issuance.issue(
            "cmp_1",
            request("sub-1", {
              certificates: [
                ...rows,
                { ...rows[0], occupationCode: "6-18-01-01" },
                { ...rows[0], workType: "气焊工" }
              ]
            }),
            centre
          )
        )
        assert.strictEqual(error._tag, "CompetitionCertificatesRefused")
        if (error._tag === "CompetitionCertificatesRefused") {
          assert.deepStrictEqual(
            error.refused.map((r) => [r.index, r.field]),
            [
              [1, "certificates.1.occupationCode"],
              [2, "certificates.2.occupationCode"]
            ]
          )
          assert.strictEqual(error.field, "certificates.1.occupationCode")
        }
        const certificates = yield* CertificateRepository
        assert.deepStrictEqual(yield* certificates.listByBatch("cmp_1/sub-1"), [])
        assert.strictEqual(audit.length, 0)
      })
    )
  )

  it.effect(
    "issues for a competition that needed a filing only when it was completed before the start (54号·二)",
    () =>
      run(() =>
        Effect.gen(function* () {
          const issuance = yield* CompetitionCertificates
          const lost = yield* Effect.flip(issuance.issue("cmp_f", request("sub-1"), centre))
          assert.strictEqual(lost._tag, "CompetitionIncentivesLost")
          if (lost._tag === "CompetitionIncentivesLost")
            assert.deepStrictEqual(
              lost.failures.map((f) => f.code),
              ["RequiredFilingMissing"]
            )
          // Filed and completed (city) in March, before the June competition.
          const filings = yield* Filings
          yield* TestClock.setTime(Date.parse("2023-03-01T02:00:00Z"))
          const filing = yield* filings.submit(needsFiling)
          yield* filings.recordOpinion(filing.id, {
            level: "city",
            verdict: "agree",
            text: "同意",
            actor: { level: "city", regionCode: "320100" }
          })
          yield* TestClock.setTime(Date.parse("2023-07-01T02:00:00Z"))
          const issued = yield* issuance.issue("cmp_f", request("sub-1"), centre)
          assert.strictEqual(issued.certificates.length, 1)
        })
      )
  )
})
