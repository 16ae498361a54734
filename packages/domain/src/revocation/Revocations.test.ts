import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Schema, TestClock } from "effect"
import { Organisation } from "../access/Organisation.js"
import { Certificate } from "../certificate/Certificate.js"
import { CertificateRepository } from "../certificate/CertificateRepository.js"
import { deriveCertificateNumber } from "../codes/CertificateNumber.js"
import { CertificateNumber } from "../codes/CertificateNumberSchema.js"
import { type AuditEntry, AuditTrail } from "../shared/AuditTrail.js"
import { IdGenerator } from "../shared/IdGenerator.js"
import { Transactional } from "../shared/Transactional.js"
import { BatchProfiles } from "./BatchProfiles.js"
import type { RevocationOrderInput, RevocationRequest } from "./RevocationOrder.js"
import { RevocationOrderRepository } from "./RevocationOrderRepository.js"
import { PREVIEW_SAMPLE, REVOCATION_AUDIT_ACTION, Revocations } from "./Revocations.js"

const PREFIX = { type: "S", institutionCode: "0000", province: "32", siteSerial: "000001" } as const

const numberOf = (serial: number): string => deriveCertificateNumber(PREFIX, 2023, 4, serial)

const certificate = (serial: number, batchId: string, issuerRegion: string): Certificate =>
  Schema.decodeUnknownSync(Certificate)({
    number: numberOf(serial),
    kind: "level",
    holder: { name: `考生${serial}`, idType: "resident_id", idNumber: "11010519491231002X" },
    occupation: { code: "6-18-01-01", name: "车工" },
    level: 4,
    issuer: {
      institutionId: `inst-${issuerRegion}`,
      name: "某职业技能评价机构",
      regionCode: issuerRegion,
      signatory: "张三",
      sealId: "seal-1"
    },
    issuedOn: "2023-01-10",
    batchId,
    status: { _tag: "valid" }
  })

const NANJING_XUANWU = "320102"
const SUZHOU_WUZHONG = "320506"

/** Batch B1: 1–3 issued in 南京市玄武区; batch B2: 4–5 issued in 苏州市吴中区. */
const SEED: ReadonlyArray<Certificate> = [
  certificate(1, "B1", NANJING_XUANWU),
  certificate(2, "B1", NANJING_XUANWU),
  certificate(3, "B1", NANJING_XUANWU),
  certificate(4, "B2", SUZHOU_WUZHONG),
  certificate(5, "B2", SUZHOU_WUZHONG)
]

const layers = (seed: ReadonlyArray<Certificate> = SEED, sink: Array<AuditEntry> = []) =>
  Revocations.layer.pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        BatchProfiles.layerTest.pipe(Layer.provideMerge(CertificateRepository.layerTest(seed))),
        RevocationOrderRepository.layerTest(),
        AuditTrail.layerTest(sink),
        Transactional.layerTest,
        IdGenerator.layerTest
      )
    )
  )

const PROVINCE = { level: "province", regionCode: "320000" } as const
const NANJING = { level: "city", regionCode: "320100" } as const

const named = (...serials: ReadonlyArray<number>) =>
  ({
    _tag: "certificates",
    numbers: serials.map((s) => Schema.decodeSync(CertificateNumber)(numberOf(s)))
  }) as const

const order = (over: Partial<RevocationOrderInput> = {}): RevocationOrderInput => ({
  scope: named(1, 2),
  reason: "irregular_issuance",
  basis: { documentNumber: "苏人社督〔2023〕1号", title: "关于技能人才评价专项督查情况的通报" },
  creditCheck: { referred: true, note: "移送省信用管理部门" },
  orderedBy: PROVINCE,
  orderedOn: "2023-03-01",
  ...over
})

const statusOf = (serial: number) =>
  Effect.gen(function* () {
    const repository = yield* CertificateRepository
    const found = yield* repository.findByNumber(numberOf(serial))
    return Option.getOrThrow(found).status
  })

describe("54号·五 revocation use cases (Revocations)", () => {
  it.effect("revokes the named certificates with the order's reason, date and id, and only those", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const summary = yield* revocations.execute(order())
      assert.strictEqual(summary.revoked, 2)
      assert.deepStrictEqual(summary.alreadyRevoked, [])
      assert.strictEqual(summary.order.id, "rev_1")
      assert.strictEqual(summary.creditCheckReferred, true)
      assert.strictEqual(summary.authority.outcome, "allowed")
      assert.deepStrictEqual(yield* statusOf(1), {
        _tag: "revoked",
        revokedOn: "2023-03-01",
        reason: "irregular_issuance",
        orderId: "rev_1"
      })
      assert.deepStrictEqual(yield* statusOf(2), {
        _tag: "revoked",
        revokedOn: "2023-03-01",
        reason: "irregular_issuance",
        orderId: "rev_1"
      })
      assert.deepStrictEqual(yield* statusOf(3), { _tag: "valid" })
    }).pipe(Effect.provide(layers()))
  )

  it.effect("revokes a whole batch and leaves other batches valid", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const summary = yield* revocations.execute(
        order({ scope: { _tag: "batch", batchId: "B1" }, reason: "low_competition_standard" })
      )
      assert.strictEqual(summary.revoked, 3)
      for (const s of [1, 2, 3]) assert.strictEqual((yield* statusOf(s))._tag, "revoked")
      for (const s of [4, 5]) assert.strictEqual((yield* statusOf(s))._tag, "valid")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("lets the province revoke certificates issued anywhere in Jiangsu", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const summary = yield* revocations.execute(order({ scope: named(1, 4, 5) }))
      assert.strictEqual(summary.revoked, 3)
      assert.strictEqual((yield* statusOf(4))._tag, "revoked")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("lets a city revoke certificates issued within its region", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const summary = yield* revocations.execute(
        order({ orderedBy: NANJING, scope: { _tag: "batch", batchId: "B1" } })
      )
      assert.strictEqual(summary.revoked, 3)
      assert.strictEqual(summary.authority.outcome, "allowed")
      assert.strictEqual(summary.authority.provisional.length, 1)
    }).pipe(Effect.provide(layers()))
  )

  it.effect("refuses a city's order reaching outside its region and changes nothing", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const error = yield* Effect.flip(
        revocations.execute(order({ orderedBy: NANJING, scope: named(1, 4, 5) }))
      )
      assert.strictEqual(error._tag, "RevocationNotAuthorised")
      if (error._tag !== "RevocationNotAuthorised") return
      assert.strictEqual(error.field, "issuer.regionCode")
      assert.strictEqual(error.outsideCount, 2)
      assert.deepStrictEqual(error.sample, [numberOf(4), numberOf(5)])
      assert.include(error.message, "南京市人力资源社会保障局只能注销本市范围内")
      assert.include(error.message, "共 2 本证书")
      for (const s of [1, 4, 5]) assert.strictEqual((yield* statusOf(s))._tag, "valid")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("refuses a city's whole-batch order when some of the batch was issued elsewhere", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const error = yield* Effect.flip(
        revocations.execute(order({ orderedBy: NANJING, scope: { _tag: "batch", batchId: "MIXED" } }))
      )
      assert.strictEqual(error._tag, "RevocationNotAuthorised")
      if (error._tag !== "RevocationNotAuthorised") return
      assert.strictEqual(error.outsideCount, 7)
      assert.deepStrictEqual(error.sample, [13, 14, 15, 16, 17].map(numberOf))
      assert.include(error.message, "共 7 本证书")
      for (const s of [10, 13, 19]) assert.strictEqual((yield* statusOf(s))._tag, "valid")
    }).pipe(
      Effect.provide(
        layers([
          ...[10, 11, 12].map((s) => certificate(s, "MIXED", NANJING_XUANWU)),
          ...[13, 14, 15, 16, 17, 18, 19].map((s) => certificate(s, "MIXED", SUZHOU_WUZHONG))
        ])
      )
    )
  )

  it.effect("keeps the first reason, date and order when a certificate is revoked again", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      yield* revocations.execute(
        order({ scope: named(1), reason: "irregular_issuance", orderedOn: "2023-03-01" })
      )
      const second = yield* revocations.execute(
        order({ scope: named(1, 2), reason: "qualification_mismatch", orderedOn: "2023-06-01" })
      )
      assert.strictEqual(second.order.id, "rev_2")
      assert.strictEqual(second.revoked, 1)
      assert.deepStrictEqual(second.alreadyRevoked, [
        { number: numberOf(1), revokedOn: "2023-03-01", reason: "irregular_issuance", orderId: "rev_1" }
      ])
      assert.deepStrictEqual(yield* statusOf(1), {
        _tag: "revoked",
        revokedOn: "2023-03-01",
        reason: "irregular_issuance",
        orderId: "rev_1"
      })
      assert.deepStrictEqual(yield* statusOf(2), {
        _tag: "revoked",
        revokedOn: "2023-06-01",
        reason: "qualification_mismatch",
        orderId: "rev_2"
      })
    }).pipe(Effect.provide(layers()))
  )

  it.effect("previews counts and a sample without changing anything", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      yield* revocations.execute(order({ scope: named(2) }))
      const unknown = Schema.decodeSync(CertificateNumber)(numberOf(99))
      const preview = yield* revocations.preview(
        order({
          orderedBy: NANJING,
          scope: { _tag: "certificates", numbers: [...named(1, 2, 3, 4).numbers, unknown] }
        })
      )
      assert.strictEqual(preview.toRevoke, 3)
      assert.strictEqual(preview.alreadyRevoked, 1)
      assert.strictEqual(preview.notFound, 1)
      assert.deepStrictEqual(
        preview.sample.map((e) => [e.number, e.effect]),
        [
          [numberOf(1), "revoke"],
          [numberOf(2), "already_revoked"],
          [numberOf(3), "revoke"],
          [numberOf(4), "revoke"],
          [numberOf(99), "not_found"]
        ]
      )
      assert.strictEqual(preview.sample[0]?.holderName, "考生1")
      // The preview explains that 南京 may not reach the 苏州 certificate; it does not fail.
      assert.strictEqual(preview.authority.outcome, "refused")
      assert.strictEqual(preview.authority.failures[0]?.code, "OutsideActorRegion")
      assert.strictEqual(preview.order.outcome, "allowed")
      for (const s of [1, 3, 4]) assert.strictEqual((yield* statusOf(s))._tag, "valid")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("shows at most 10 certificates in a preview sample", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const preview = yield* revocations.preview(order({ scope: { _tag: "batch", batchId: "BIG" } }))
      assert.strictEqual(preview.toRevoke, 12)
      assert.strictEqual(preview.sample.length, PREVIEW_SAMPLE)
    }).pipe(
      Effect.provide(
        layers(Array.from({ length: 12 }, (_, i) => certificate(100 + i, "BIG", NANJING_XUANWU)))
      )
    )
  )

  it.effect("refuses an order without a basis document number", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const error = yield* Effect.flip(
        revocations.execute(order({ basis: { documentNumber: "  ", title: "专项督查通报" } }))
      )
      assert.strictEqual(error._tag, "RevocationBasisMissing")
      assert.strictEqual(error.field, "basis.documentNumber")
      assert.strictEqual(error.message, "注销决定应载明所依据文件的文号")
      assert.strictEqual((yield* statusOf(1))._tag, "valid")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("refuses an order for a named reason without the credit-check referral", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const error = yield* Effect.flip(
        revocations.execute(order({ reason: "qualification_mismatch", creditCheck: { referred: false } }))
      )
      assert.strictEqual(error._tag, "CreditCheckReferralMissing")
      assert.strictEqual(error.field, "creditCheck.referred")
      assert.include(error.message, "资格条件不符")
      assert.include(error.message, "信用核查联动")
      assert.strictEqual((yield* statusOf(1))._tag, "valid")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("executes an order for reason 'other' without a referral, noting the provisional reading", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const summary = yield* revocations.execute(order({ reason: "other", creditCheck: { referred: false } }))
      assert.strictEqual(summary.revoked, 2)
      assert.strictEqual(summary.creditCheckReferred, false)
      assert.strictEqual(summary.check.provisional.length, 1)
    }).pipe(Effect.provide(layers()))
  )

  it.effect("refuses an unknown batch", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const error = yield* Effect.flip(
        revocations.execute(order({ scope: { _tag: "batch", batchId: "NOPE" } }))
      )
      assert.strictEqual(error._tag, "RevocationBatchNotFound")
      assert.strictEqual(error.field, "scope.batchId")
      assert.strictEqual(error.message, "未找到批次 NOPE 的证书")
      const previewError = yield* Effect.flip(
        revocations.preview(order({ scope: { _tag: "batch", batchId: "NOPE" } }))
      )
      assert.strictEqual(previewError._tag, "RevocationBatchNotFound")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("refuses named certificates that are not in the registry, changing nothing", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const unknown = Schema.decodeSync(CertificateNumber)(numberOf(99))
      const error = yield* Effect.flip(
        revocations.execute(
          order({ scope: { _tag: "certificates", numbers: [...named(1).numbers, unknown] } })
        )
      )
      assert.strictEqual(error._tag, "RevocationCertificatesNotFound")
      if (error._tag !== "RevocationCertificatesNotFound") return
      assert.strictEqual(error.field, "scope.numbers")
      assert.strictEqual(error.count, 1)
      assert.deepStrictEqual(error.sample, [numberOf(99)])
      assert.strictEqual((yield* statusOf(1))._tag, "valid")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("refuses an empty or duplicated list of certificates", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const empty = yield* Effect.flip(
        revocations.execute(order({ scope: { _tag: "certificates", numbers: [] } }))
      )
      assert.strictEqual(empty._tag, "RevocationScopeInvalid")
      assert.strictEqual(empty.field, "scope.numbers")
      const twice = yield* Effect.flip(
        revocations.execute(order({ scope: { _tag: "certificates", numbers: [...named(1, 1).numbers] } }))
      )
      assert.strictEqual(twice._tag, "RevocationScopeInvalid")
      if (twice._tag !== "RevocationScopeInvalid") return
      assert.strictEqual(twice.problem, "duplicate")
      assert.deepStrictEqual(twice.numbers, [numberOf(1)])
    }).pipe(Effect.provide(layers()))
  )

  it.effect("answers an order dated before 2022-05-01 as not in force", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const error = yield* Effect.flip(revocations.execute(order({ orderedOn: "2022-04-30" })))
      assert.strictEqual(error._tag, "RevocationOrderNotInForce")
      assert.strictEqual(error.field, "orderedOn")
      assert.strictEqual((yield* statusOf(1))._tag, "valid")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("files the executed order with its counts and records one audit entry per order", () => {
    const sink: Array<AuditEntry> = []
    return Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2023-06-01T02:00:00Z"))
      const revocations = yield* Revocations
      const orders = yield* RevocationOrderRepository
      yield* revocations.execute(order({ scope: named(1), orderedOn: "2023-03-01" }))
      const second = order({
        scope: { _tag: "batch", batchId: "B1" },
        reason: "low_competition_standard",
        orderedOn: "2023-06-01"
      })
      yield* revocations.execute(second, { actor: "org_province" })
      const filed = Option.getOrThrow(yield* orders.findById("rev_2"))
      assert.deepStrictEqual(filed, {
        order: { ...second, id: "rev_2" },
        revoked: 2,
        alreadyRevoked: 1,
        executedBy: "org_province",
        executedAt: "2023-06-01T02:00:00.000Z"
      })
      const page = yield* orders.list()
      assert.deepStrictEqual(
        page.items.map((o) => o.order.id),
        ["rev_2", "rev_1"]
      )
      assert.strictEqual(page.total, 2)
      assert.deepStrictEqual(
        sink.map((e) => [e.actor, e.action, e.subject, e.reason]),
        [
          ["province:320000", REVOCATION_AUDIT_ACTION, "rev_1", "irregular_issuance"],
          ["org_province", REVOCATION_AUDIT_ACTION, "rev_2", "low_competition_standard"]
        ]
      )
      assert.deepStrictEqual(sink[1]?.details, {
        scope: { batchId: "B1" },
        basis: second.basis,
        creditCheckReferred: true,
        orderedBy: PROVINCE,
        orderedOn: "2023-06-01",
        revoked: 2,
        alreadyRevoked: 1
      })
    }).pipe(Effect.provide(layers(SEED, sink)))
  })

  it.effect(
    "revokes a batch with one revokeBatch call, the order and audit entry inside one transaction",
    () => {
      const log: Array<string> = []
      const logged = Layer.mergeAll(
        BatchProfiles.layerTest.pipe(
          Layer.provideMerge(
            Layer.effect(
              CertificateRepository,
              Effect.map(CertificateRepository, (repo) =>
                CertificateRepository.of({
                  ...repo,
                  revoke: (numbers, status) =>
                    Effect.tap(repo.revoke(numbers, status), () => log.push("revoke")),
                  revokeBatch: (batchId, status) =>
                    Effect.tap(repo.revokeBatch(batchId, status), (n) =>
                      log.push(`revokeBatch ${batchId} ${n}`)
                    )
                })
              )
            ).pipe(Layer.provide(CertificateRepository.layerTest(SEED)))
          )
        ),
        Layer.effect(
          RevocationOrderRepository,
          Effect.map(RevocationOrderRepository, (repo) =>
            RevocationOrderRepository.of({
              ...repo,
              save: (executed) => Effect.tap(repo.save(executed), () => log.push(`save ${executed.order.id}`))
            })
          )
        ).pipe(Layer.provide(RevocationOrderRepository.layerTest())),
        Layer.succeed(AuditTrail, { record: (e) => Effect.sync(() => void log.push(`audit ${e.subject}`)) }),
        Layer.succeed(Transactional, {
          run: (effect) =>
            Effect.sync(() => log.push("begin")).pipe(
              Effect.zipRight(effect),
              Effect.ensuring(Effect.sync(() => log.push("end")))
            )
        }),
        IdGenerator.layerTest
      )
      return Effect.gen(function* () {
        const revocations = yield* Revocations
        yield* revocations.execute(order({ scope: { _tag: "batch", batchId: "B2" } }))
        assert.deepStrictEqual(log, ["begin", "revokeBatch B2 2", "save rev_1", "audit rev_1", "end"])
      }).pipe(Effect.provide(Revocations.layer.pipe(Layer.provideMerge(logged))))
    }
  )

  it.effect("files no order and records no audit entry when an order is refused", () => {
    const sink: Array<AuditEntry> = []
    return Effect.gen(function* () {
      const revocations = yield* Revocations
      const orders = yield* RevocationOrderRepository
      yield* Effect.flip(revocations.execute(order({ orderedBy: NANJING, scope: named(1, 4) })))
      yield* Effect.flip(revocations.execute(order({ scope: { _tag: "batch", batchId: "NOPE" } })))
      yield* Effect.flip(revocations.execute(order({ basis: { documentNumber: "", title: "通报" } })))
      assert.strictEqual((yield* orders.list()).total, 0)
      assert.deepStrictEqual(sink, [])
    }).pipe(Effect.provide(layers(SEED, sink)))
  })
})

const organisation = (id: string, role: string, regionCode: string): Organisation =>
  Schema.decodeUnknownSync(Organisation)({ id, name: `机构 ${id}`, role, regionCode })

const PROVINCE_ORG = organisation("org-province", "province", "320000")
const NANJING_ORG = organisation("org-nanjing", "city", "320100")
const XUANWU_ORG = organisation("org-xuanwu", "district", "320102")

/** An order as an organisation submits it: without `orderedBy`, which is the organisation itself. */
const request = (over: Partial<RevocationOrderInput> = {}): RevocationRequest => {
  const { orderedBy, ...rest } = order(over)
  void orderedBy
  return rest
}

/** 2023-06-01 10:00 in Beijing: the orders of `order()` are dated 2023-03-01. */
const TODAY = TestClock.setTime(Date.parse("2023-06-01T02:00:00Z"))

describe("54号·五 orders made by the acting organisation (previewAs / executeAs)", () => {
  it.effect("orders in the organisation's own name and audits the organisation's id as the actor", () => {
    const sink: Array<AuditEntry> = []
    return Effect.gen(function* () {
      yield* TODAY
      const revocations = yield* Revocations
      const summary = yield* revocations.executeAs(NANJING_ORG, request({ scope: named(1, 2) }))
      assert.strictEqual(summary.revoked, 2)
      assert.deepStrictEqual(summary.order.orderedBy, NANJING)
      assert.deepStrictEqual(
        sink.map((e) => [e.actor, e.action, e.subject]),
        [["org-nanjing", REVOCATION_AUDIT_ACTION, "rev_1"]]
      )
      const filed = yield* revocations.findOrder("rev_1")
      assert.strictEqual(filed.executedBy, "org-nanjing")
      assert.strictEqual(filed.revoked, 2)
    }).pipe(Effect.provide(layers(SEED, sink)))
  })

  it.effect("refuses a city's preview reaching another city, disclosing no holder, and changes nothing", () =>
    Effect.gen(function* () {
      yield* TODAY
      const revocations = yield* Revocations
      const error = yield* Effect.flip(revocations.previewAs(NANJING_ORG, request({ scope: named(1, 4) })))
      assert.strictEqual(error._tag, "RevocationNotAuthorised")
      if (error._tag !== "RevocationNotAuthorised") return
      assert.strictEqual(error.outsideCount, 1)
      assert.deepStrictEqual(error.sample, [numberOf(4)])
      assert.notInclude(error.message, "考生4")
      const executed = yield* Effect.flip(revocations.executeAs(NANJING_ORG, request({ scope: named(1, 4) })))
      assert.strictEqual(executed._tag, "RevocationNotAuthorised")
      assert.strictEqual((yield* statusOf(1))._tag, "valid")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("previews for the province what executing then does: the same count", () =>
    Effect.gen(function* () {
      yield* TODAY
      const revocations = yield* Revocations
      const preview = yield* revocations.previewAs(
        PROVINCE_ORG,
        request({ scope: { _tag: "batch", batchId: "B1" } })
      )
      assert.deepStrictEqual([preview.toRevoke, preview.alreadyRevoked, preview.outsideRegion], [3, 0, 0])
      assert.strictEqual((yield* statusOf(1))._tag, "valid")
      const summary = yield* revocations.executeAs(
        PROVINCE_ORG,
        request({ scope: { _tag: "batch", batchId: "B1" } })
      )
      assert.strictEqual(summary.revoked, preview.toRevoke)
    }).pipe(Effect.provide(layers()))
  )

  it.effect("re-executing the same order revokes nothing twice: all reported as already revoked", () =>
    Effect.gen(function* () {
      yield* TODAY
      const revocations = yield* Revocations
      const first = yield* revocations.executeAs(PROVINCE_ORG, request())
      const again = yield* revocations.executeAs(PROVINCE_ORG, request())
      assert.deepStrictEqual([first.revoked, again.revoked, again.alreadyRevoked.length], [2, 0, 2])
      assert.deepStrictEqual(
        again.alreadyRevoked.map((a) => a.orderId),
        [first.order.id, first.order.id]
      )
      assert.deepStrictEqual(yield* statusOf(1), {
        _tag: "revoked",
        revokedOn: "2023-03-01",
        reason: "irregular_issuance",
        orderId: first.order.id
      })
    }).pipe(Effect.provide(layers()))
  )

  it.effect("refuses a role that may not revoke (Permissions) with ActionRefused", () =>
    Effect.gen(function* () {
      yield* TODAY
      const revocations = yield* Revocations
      const previewed = yield* Effect.flip(revocations.previewAs(XUANWU_ORG, request()))
      const executed = yield* Effect.flip(revocations.executeAs(XUANWU_ORG, request()))
      assert.deepStrictEqual([previewed._tag, executed._tag], ["ActionRefused", "ActionRefused"])
      assert.strictEqual((yield* statusOf(1))._tag, "valid")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("refuses an order dated after today, and one dated before the notice took effect", () =>
    Effect.gen(function* () {
      yield* TODAY
      const revocations = yield* Revocations
      const future = yield* Effect.flip(
        revocations.executeAs(PROVINCE_ORG, request({ orderedOn: "2023-06-02" }))
      )
      assert.strictEqual(future._tag, "RevocationOrderDatedInFuture")
      assert.include(future.message, "2023-06-01")
      const early = yield* Effect.flip(
        revocations.previewAs(PROVINCE_ORG, request({ orderedOn: "2022-04-30" }))
      )
      assert.strictEqual(early._tag, "RevocationOrderNotInForce")
      assert.strictEqual((yield* statusOf(1))._tag, "valid")
    }).pipe(Effect.provide(layers()))
  )

  it.effect("answers an unknown order id with RevocationOrderNotFound", () =>
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const error = yield* Effect.flip(revocations.findOrder("rev_404"))
      assert.strictEqual(error._tag, "RevocationOrderNotFound")
      assert.strictEqual(error.message, "未找到注销决定 rev_404")
    }).pipe(Effect.provide(layers()))
  )
})
