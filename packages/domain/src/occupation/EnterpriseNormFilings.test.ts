import { assert, describe, it } from "@effect/vitest"
import { Effect, Either, Layer, Option, Schema, TestClock } from "effect"
import { authorisation, EMPLOYER_USCC, institution, OTHER_USCC } from "../../test/InstitutionFixtures.js"
import { NEW, occupation, TURNER } from "../../test/OccupationFixtures.js"
import { employerOrg, nanjingCentreOrg, org, provinceOrg } from "../../test/OrganisationFixtures.js"
import { turnerStandard } from "../../test/StandardFixtures.js"
import { InstitutionRepository } from "../institution/InstitutionRepository.js"
import { type AuditEntry, AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import { EnterpriseNormSubmission, FilingRefusal } from "./EnterpriseNormFiling.js"
import { EnterpriseNormFilingRepository } from "./EnterpriseNormFilingRepository.js"
import { EnterpriseNormFilings } from "./EnterpriseNormFilings.js"
import { mayEvaluate } from "./MayEvaluate.js"
import { lookupOf } from "./OccupationCatalogue.js"
import { StandardRepository } from "./StandardRepository.js"

const EMPLOYER = employerOrg()
const OTHER_EMPLOYER = org({
  id: "org-other",
  name: "苏州某电气有限公司",
  role: "employer",
  regionCode: "320506",
  institutionId: "inst-other"
})
const NANJING_CENTRE = nanjingCentreOrg({ institutionId: "inst-nanjing-centre" })
const SUZHOU_CENTRE = org({
  id: "org-suzhou-centre",
  name: "苏州市职业技能鉴定指导中心",
  role: "city_appraisal_centre",
  regionCode: "320500"
})
const PROVINCE = provinceOrg()
const HOST = org({ id: "org-host", name: "南京市总工会", role: "host", regionCode: "320100" })

/** An admitted institution authorised for 某新职业 (which has no national standard). */
const institutionOf = (id: string, kind: string, uscc: string, region: string, serial: string) =>
  institution({
    id,
    name: `${id} 名称`,
    kind,
    uscc,
    region,
    numberingPrefix: {
      type: kind === "employer" ? "Y" : "S",
      institutionCode: "0000",
      province: "32",
      siteSerial: serial
    },
    responsiblePerson: { name: "李四" },
    seal: { id: `seal-${id}`, name: "专用章" },
    authorisations: [
      authorisation({ id: `auth-${id}`, occupations: [{ code: NEW }], validUntil: "2027-04-30" })
    ]
  })

const EMPLOYER_INSTITUTION = institutionOf("inst-emp", "employer", EMPLOYER_USCC, "320102", "000456")
const OTHER_INSTITUTION = institutionOf("inst-other", "employer", OTHER_USCC, "320506", "000457")
const THIRD_PARTY = institutionOf("inst-tp", "third_party", "91320100MA0000015Q", "320102", "000123")

const submission = Schema.decodeUnknownSync(EnterpriseNormSubmission)({
  id: "norm-emp-1",
  title: "《某新职业企业评价规范》",
  employerId: "inst-emp",
  occupationCode: NEW,
  levels: [5, 4]
})

const layers = (sink: Array<AuditEntry>) =>
  EnterpriseNormFilings.layer.pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        EnterpriseNormFilingRepository.layerTest(),
        StandardRepository.layerTest({
          occupations: [occupation(NEW, "某新职业", { workTypes: ["甲工种"] }), occupation(TURNER, "车工")],
          standards: [turnerStandard()]
        }),
        InstitutionRepository.layerTest([EMPLOYER_INSTITUTION, OTHER_INSTITUTION, THIRD_PARTY]),
        AuditTrail.layerTest(sink),
        Transactional.layerTest
      )
    )
  )

const TODAY = TestClock.setTime(Date.parse("2025-03-01T02:00:00Z"))

describe("54号·三 enterprise norms: the employer submits its own norm", () => {
  it.effect(
    "records the submission with the employer's USCC and region, audited; a retry records nothing twice",
    () => {
      const sink: Array<AuditEntry> = []
      return Effect.gen(function* () {
        yield* TODAY
        const filings = yield* EnterpriseNormFilings
        const first = yield* filings.submit(submission, EMPLOYER)
        assert.isFalse(first.alreadySubmitted)
        assert.strictEqual(first.filing.status, "submitted")
        assert.strictEqual(first.filing.employerUscc, "91320100MA0000023K")
        assert.strictEqual(first.filing.regionCode, "320102")
        assert.strictEqual(first.filing.submittedOn, "2025-03-01")
        const again = yield* filings.submit(submission, EMPLOYER)
        assert.isTrue(again.alreadySubmitted)
        assert.deepStrictEqual(
          sink.map((e) => [e.actor, e.action, e.subject]),
          [["org-emp", "enterprise-norm.submit", "norm-emp-1"]]
        )
        const changed = yield* Effect.flip(filings.submit({ ...submission, title: "另一规范" }, EMPLOYER))
        assert.strictEqual(changed._tag, "TechnicalRecordIdTaken")
      }).pipe(Effect.provide(layers(sink)))
    }
  )

  it.effect("refuses a norm for another employer (own records only) and for a non-employer institution", () =>
    Effect.gen(function* () {
      yield* TODAY
      const filings = yield* EnterpriseNormFilings
      const other = yield* Effect.flip(filings.submit(submission, OTHER_EMPLOYER))
      assert.strictEqual(other._tag, "ActionRefused")
      if (other._tag === "ActionRefused") assert.deepStrictEqual(other.codes, ["NotOwnRecord"])
      const thirdPartyOrg = org({
        id: "org-tp",
        name: "评价机构",
        role: "employer",
        regionCode: "320102",
        institutionId: "inst-tp"
      })
      const notEmployer = yield* Effect.flip(
        filings.submit({ ...submission, employerId: "inst-tp" }, thirdPartyOrg)
      )
      assert.strictEqual(notEmployer._tag, "NotAnEmployer")
    }).pipe(Effect.provide(layers([])))
  )

  it.effect("refuses a norm where a national standard is in force, and an unlisted 工种", () =>
    Effect.gen(function* () {
      yield* TODAY
      const filings = yield* EnterpriseNormFilings
      const standardOn = yield* Effect.flip(
        filings.submit({ ...submission, occupationCode: TURNER }, EMPLOYER)
      )
      assert.strictEqual(standardOn._tag, "NationalStandardInForce")
      assert.include(standardOn.message, "std-turner")
      const workType = yield* Effect.flip(filings.submit({ ...submission, workType: "乙工种" }, EMPLOYER))
      assert.strictEqual(workType._tag, "OccupationNotCertifiable")
      assert.strictEqual(workType.field, "workType")
      assert.include(workType.message, "不得擅造职业（工种）名称")
    }).pipe(Effect.provide(layers([])))
  )
})

describe("54号·三 enterprise norms: filing with an appraisal centre", () => {
  it.effect(
    "the centre of the employer's city files it: the norm is on file and the employer may evaluate",
    () => {
      const sink: Array<AuditEntry> = []
      return Effect.gen(function* () {
        yield* TODAY
        const filings = yield* EnterpriseNormFilings
        yield* filings.submit(submission, EMPLOYER)
        const decided = yield* filings.file("norm-emp-1", NANJING_CENTRE)
        assert.strictEqual(decided.filing.status, "filed")
        assert.strictEqual(decided.norm?.filedWith, "inst-nanjing-centre")
        assert.strictEqual(decided.norm?.filedOn, "2025-03-01")
        assert.deepStrictEqual(
          sink.map((e) => [e.actor, e.action]),
          [
            ["org-emp", "enterprise-norm.submit"],
            ["org-nanjing-centre", "enterprise-norm.file"]
          ]
        )
        const standards = yield* StandardRepository
        const file = yield* standards.forOccupation(NEW)
        assert.deepStrictEqual(
          file.basis.enterpriseNorms.map((n) => n.id),
          ["norm-emp-1"]
        )
        const decision = mayEvaluate({
          catalogue: lookupOf(file.entry === undefined ? [] : [file.entry]),
          basis: file.basis,
          institution: EMPLOYER_INSTITUTION,
          occupationCode: NEW,
          level: 4,
          date: "2025-03-01"
        })
        assert.strictEqual(decision.outcome, "allowed")
        const twice = yield* Effect.flip(filings.file("norm-emp-1", NANJING_CENTRE))
        assert.strictEqual(twice._tag, "EnterpriseNormFilingDecided")
      }).pipe(Effect.provide(layers(sink)))
    }
  )

  it.effect(
    "refuses a centre outside the employer's region and the 人社厅, which is no appraisal institution",
    () => {
      const sink: Array<AuditEntry> = []
      return Effect.gen(function* () {
        yield* TODAY
        const filings = yield* EnterpriseNormFilings
        yield* filings.submit(submission, EMPLOYER)
        const suzhou = yield* Effect.flip(filings.file("norm-emp-1", SUZHOU_CENTRE))
        assert.strictEqual(suzhou._tag, "ActionRefused")
        if (suzhou._tag === "ActionRefused") assert.deepStrictEqual(suzhou.codes, ["OutsideActorRegion"])
        const province = yield* Effect.flip(filings.file("norm-emp-1", PROVINCE))
        assert.strictEqual(province._tag, "ActionRefused")
        if (province._tag === "ActionRefused")
          assert.deepStrictEqual(province.codes, ["NotAppraisalInstitution"])
        const unknown = yield* Effect.flip(filings.file("norm-none", NANJING_CENTRE))
        assert.strictEqual(unknown._tag, "EnterpriseNormFilingNotFound")
        assert.strictEqual(sink.length, 1)
        assert.isTrue(Option.isNone(yield* (yield* StandardRepository).findEnterpriseNorm("norm-emp-1")))
      }).pipe(Effect.provide(layers(sink)))
    }
  )

  it.effect("a refusal keeps the reason and files no norm", () => {
    const sink: Array<AuditEntry> = []
    return Effect.gen(function* () {
      yield* TODAY
      const filings = yield* EnterpriseNormFilings
      yield* filings.submit(submission, EMPLOYER)
      const refused = yield* filings.refuse("norm-emp-1", "评价内容未覆盖职业标准要求", NANJING_CENTRE)
      assert.strictEqual(refused.filing.status, "refused")
      assert.strictEqual(refused.filing.decision?.reason, "评价内容未覆盖职业标准要求")
      assert.isNull(refused.norm)
      assert.strictEqual(sink[1]?.action, "enterprise-norm.refuse")
      assert.strictEqual(sink[1]?.reason, "评价内容未覆盖职业标准要求")
      assert.isTrue(Option.isNone(yield* (yield* StandardRepository).findEnterpriseNorm("norm-emp-1")))
    }).pipe(Effect.provide(layers(sink)))
  })
})

describe("54号·三 enterprise norm filings: who reads them", () => {
  it.effect("the employer its own, a centre those of its region, the province all; others are refused", () =>
    Effect.gen(function* () {
      yield* TODAY
      const filings = yield* EnterpriseNormFilings
      yield* filings.submit(submission, EMPLOYER)
      yield* filings.submit({ ...submission, id: "norm-other-1", employerId: "inst-other" }, OTHER_EMPLOYER)
      const page = { limit: 20, offset: 0 }
      const ids = (p: { readonly items: ReadonlyArray<{ readonly submission: { readonly id: string } }> }) =>
        p.items.map((f) => f.submission.id)
      assert.deepStrictEqual(ids(yield* filings.list(page, EMPLOYER)), ["norm-emp-1"])
      assert.deepStrictEqual(ids(yield* filings.list(page, NANJING_CENTRE)), ["norm-emp-1"])
      assert.deepStrictEqual(ids(yield* filings.list(page, SUZHOU_CENTRE)), ["norm-other-1"])
      assert.deepStrictEqual(ids(yield* filings.list(page, PROVINCE)), ["norm-emp-1", "norm-other-1"])
      assert.deepStrictEqual(ids(yield* filings.list({ ...page, status: "filed" }, PROVINCE)), [])
      const host = yield* Effect.flip(filings.list(page, HOST))
      assert.strictEqual(host._tag, "ActionRefused")
      assert.strictEqual((yield* filings.get("norm-emp-1", NANJING_CENTRE)).submission.id, "norm-emp-1")
      const notOwn = yield* Effect.flip(filings.get("norm-emp-1", OTHER_EMPLOYER))
      assert.strictEqual(notOwn._tag, "ActionRefused")
      const outside = yield* Effect.flip(filings.get("norm-emp-1", SUZHOU_CENTRE))
      assert.strictEqual(outside._tag, "ActionRefused")
    }).pipe(Effect.provide(layers([])))
  )

  it("decodes a refusal only with a reason (zh-CN message)", () => {
    const missing = Schema.decodeUnknownEither(FilingRefusal)({})
    assert.isTrue(Either.isLeft(missing))
    if (Either.isLeft(missing)) assert.include(String(missing.left), "缺少不予备案理由")
  })
})
