/**
 * Contract of revocation (54号·五 "一律注销相关人员或批次的证书，并启动信用核查联动机制"; issue #3 "Revoking certificates
 * or a whole batch is one transaction, with the order recorded"): the file of executed orders, whole-batch
 * revocation in one statement, and Revocations.execute on the registry — certificates, order and audit entry
 * all or nothing. Run against the domain's in-memory layerTest and every database of TestDatabases.
 */
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import type { CertificateNumber } from "@jineng/domain/codes/CertificateNumberSchema"
import { BatchProfiles } from "@jineng/domain/revocation/BatchProfiles"
import type { ExecutedRevocationOrder } from "@jineng/domain/revocation/RevocationOrder"
import {
  MAX_ORDER_PAGE_SIZE,
  RevocationOrderRepository
} from "@jineng/domain/revocation/RevocationOrderRepository"
import { Revocations } from "@jineng/domain/revocation/Revocations"
import { AuditTrail } from "@jineng/domain/shared/AuditTrail"
import { IdGenerator } from "@jineng/domain/shared/IdGenerator"
import { Transactional } from "@jineng/domain/shared/Transactional"
import { Cause, Effect, Exit, Layer, Option } from "effect"
import * as SqlAudit from "../src/audit/SqlAuditTrail.js"
import { SqlCertificateRepository } from "../src/certificate/SqlCertificateRepository.js"
import { SqlBatchProfiles } from "../src/revocation/SqlBatchProfiles.js"
import { SqlRevocationOrderRepository } from "../src/revocation/SqlRevocationOrderRepository.js"
import * as SqlTransactional from "../src/SqlTransactional.js"
import { codePointOrder, draft, TIE_SUFFIXES } from "./fixtures.js"
import { targets } from "./TestDatabases.js"

const PROVINCE = { level: "province", regionCode: "320000" } as const
const NANJING = { level: "city", regionCode: "320100" } as const
const SUZHOU = { level: "city", regionCode: "320500" } as const

const BASIS = { documentNumber: "苏人社督〔2024〕3号", title: "关于技能人才评价质量专项督查情况的通报" }

const executed = (
  id: string,
  orderedOn: string,
  over: {
    readonly orderedBy?: ExecutedRevocationOrder["order"]["orderedBy"]
    readonly scope?: ExecutedRevocationOrder["order"]["scope"]
    readonly executedAt?: string
    readonly note?: string
  } = {}
): ExecutedRevocationOrder => ({
  order: {
    id,
    scope: over.scope ?? { _tag: "batch", batchId: `batch-${id}` },
    reason: "irregular_issuance",
    basis: BASIS,
    creditCheck: over.note === undefined ? { referred: true } : { referred: true, note: over.note },
    orderedBy: over.orderedBy ?? PROVINCE,
    orderedOn
  },
  revoked: 12,
  alreadyRevoked: 3,
  executedBy: "org_province",
  executedAt: over.executedAt ?? `${orderedOn}T02:00:00.000Z`
})

const NAMED = [
  "S000032000001243000001",
  "S000032000001243000002"
] as unknown as ReadonlyArray<CertificateNumber>

// ---------------------------------------------------------------------------------------------------------------
// RevocationOrderRepository: the file of executed orders
// ---------------------------------------------------------------------------------------------------------------

const orderImplementations = [
  { name: "in-memory layerTest", layer: () => RevocationOrderRepository.layerTest() },
  ...targets.map((t) => ({
    name: t.name,
    // fresh, and the standalone `layer` rather than `it.layer`: @effect/vitest's `it.layer` turns into the nested
    // variant after its first call in a file, so later suites would be built on top of earlier ones (a SQLite
    // suite's SqliteDatabase then leaks into the PostgreSQL suite's repositories).
    layer: () => Layer.fresh(SqlRevocationOrderRepository.layer).pipe(Layer.provide(t.layer()))
  }))
]

describe.each(orderImplementations)(
  "54号·五 RevocationOrderRepository contract — $name",
  ({ layer: makeLayer }) => {
    layer(makeLayer(), { timeout: 60_000 })((it) => {
      it.effect(
        "files an order of named certificates and one of a whole batch, and reads them back equal",
        () =>
          Effect.gen(function* () {
            const orders = yield* RevocationOrderRepository
            const named = executed("rev_a", "2024-03-01", {
              scope: { _tag: "certificates", numbers: NAMED },
              note: "移送省信用管理部门",
              orderedBy: NANJING
            })
            const batch = executed("rev_b", "2024-03-02")
            yield* orders.save(named)
            yield* orders.save(batch)
            expect(Option.getOrThrow(yield* orders.findById("rev_a"))).toEqual(named)
            expect(Option.getOrThrow(yield* orders.findById("rev_b"))).toEqual(batch)
            expect(yield* orders.findById("rev_unknown")).toEqual(Option.none())
          })
      )

      it.effect("refuses a second order with the same id as a defect", () =>
        Effect.gen(function* () {
          const orders = yield* RevocationOrderRepository
          const exit = yield* Effect.exit(orders.save(executed("rev_a", "2025-01-01")))
          expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
          expect(Option.getOrThrow(yield* orders.findById("rev_a")).order.orderedOn).toBe("2024-03-01")
        })
      )

      it.effect("lists newest first: by order date, then execution instant, then id", () =>
        Effect.gen(function* () {
          const orders = yield* RevocationOrderRepository
          yield* orders.save(executed("rev_c", "2024-03-02", { executedAt: "2024-03-02T09:00:00.000Z" }))
          yield* orders.save(executed("rev_d", "2023-12-31", { orderedBy: NANJING }))
          yield* orders.save(executed("rev_e", "2024-05-20", { orderedBy: SUZHOU }))
          const page = yield* orders.list()
          expect(page.items.map((o) => o.order.id)).toEqual(["rev_e", "rev_c", "rev_b", "rev_a", "rev_d"])
          expect(page).toMatchObject({ total: 5, offset: 0, limit: 50 })
        })
      )

      it.effect("filters by the ordering actor's region and by order date (both days included)", () =>
        Effect.gen(function* () {
          const orders = yield* RevocationOrderRepository
          const ids = (page: { readonly items: ReadonlyArray<ExecutedRevocationOrder> }) =>
            page.items.map((o) => o.order.id)
          expect(ids(yield* orders.list({ regionCode: "320100" }))).toEqual(["rev_a", "rev_d"])
          expect(ids(yield* orders.list({ regionCode: "320000" }))).toEqual(["rev_c", "rev_b"])
          expect(ids(yield* orders.list({ orderedFrom: "2024-03-01", orderedUntil: "2024-03-02" }))).toEqual([
            "rev_c",
            "rev_b",
            "rev_a"
          ])
          expect(ids(yield* orders.list({ regionCode: "320100", orderedFrom: "2024-01-01" }))).toEqual([
            "rev_a"
          ])
          const none = yield* orders.list({ regionCode: "320200" })
          expect(none).toEqual({ items: [], total: 0, offset: 0, limit: 50 })
        })
      )

      it.effect("pages with offset and limit, counting every match, and clamps the page size", () =>
        Effect.gen(function* () {
          const orders = yield* RevocationOrderRepository
          const second = yield* orders.list({ offset: 2, limit: 2 })
          expect(second.items.map((o) => o.order.id)).toEqual(["rev_b", "rev_a"])
          expect(second).toMatchObject({ total: 5, offset: 2, limit: 2 })
          const last = yield* orders.list({ offset: 4, limit: 2 })
          expect(last.items.map((o) => o.order.id)).toEqual(["rev_d"])
          const beyond = yield* orders.list({ offset: 10 })
          expect(beyond.items).toEqual([])
          expect(beyond.total).toBe(5)
          const clamped = yield* orders.list({ offset: -3, limit: 100_000 })
          expect(clamped).toMatchObject({ offset: 0, limit: MAX_ORDER_PAGE_SIZE, total: 5 })
          expect((yield* orders.list({ limit: 0 })).limit).toBe(1)
        })
      )

      it.effect("breaks ties of date and instant by id in code-point order, under any server locale", () =>
        Effect.gen(function* () {
          const orders = yield* RevocationOrderRepository
          const XUZHOU = { level: "city", regionCode: "320300" } as const
          const ids = TIE_SUFFIXES.map((suffix) => `rev_tie_${suffix}`)
          for (const id of ids) {
            yield* orders.save(
              executed(id, "2030-01-01", { orderedBy: XUZHOU, executedAt: "2030-01-01T02:00:00.000Z" })
            )
          }
          const listed = yield* orders.list({ regionCode: "320300" })
          expect(listed.items.map((o) => o.order.id)).toEqual(codePointOrder(ids).reverse())
        })
      )
    })
  }
)

// ---------------------------------------------------------------------------------------------------------------
// CertificateRepository.revokeBatch: one statement for a whole batch
// ---------------------------------------------------------------------------------------------------------------

const BIG = 20_000

const revokedStatus = (orderId: string, revokedOn = "2024-06-01") =>
  ({ _tag: "revoked", revokedOn, reason: "low_competition_standard", orderId }) as const

const certificateImplementations = [
  { name: "in-memory layerTest", layer: () => CertificateRepository.layerTest() },
  ...targets.map((t) => ({
    name: t.name,
    layer: () => Layer.fresh(SqlCertificateRepository.layer).pipe(Layer.provideMerge(t.layer()))
  }))
]

describe.each(certificateImplementations)(
  "54号·五 whole-batch revocation (revokeBatch) — $name",
  ({ layer: makeLayer }) => {
    layer(makeLayer(), { timeout: 120_000 })((it) => {
      it.effect(`revokes every valid certificate of a ${BIG}-certificate batch and nothing else`, () =>
        Effect.gen(function* () {
          const repo = yield* CertificateRepository
          const big = yield* repo.issueBatch(
            "big",
            Array.from({ length: BIG }, (_, i) => draft(i + 1, { level: 4 }))
          )
          const other = yield* repo.issueBatch(
            "other",
            Array.from({ length: 50 }, (_, i) => draft(BIG + i + 1, { level: 4 }))
          )
          // One certificate of the batch was revoked before: it keeps its first revocation.
          const first = big.certificates[17]?.number ?? ""
          expect(yield* repo.revoke([first], revokedStatus("rev_earlier", "2024-01-05"))).toBe(1)

          const started = performance.now()
          const changed = yield* repo.revokeBatch("big", revokedStatus("rev_batch"))
          const ms = performance.now() - started
          expect(changed).toBe(BIG - 1)
          console.info(`revokeBatch of ${BIG} certificates: ${ms.toFixed(0)} ms`)

          const after = yield* repo.listByBatch("big")
          expect(after).toHaveLength(BIG)
          const byStatus = new Map<string, number>()
          for (const c of after) {
            const key = c.status._tag === "revoked" ? c.status.orderId : "valid"
            byStatus.set(key, (byStatus.get(key) ?? 0) + 1)
          }
          expect(Object.fromEntries(byStatus)).toEqual({ rev_batch: BIG - 1, rev_earlier: 1 })
          const kept = after.find((c) => c.number === first)
          expect(kept?.status).toEqual(revokedStatus("rev_earlier", "2024-01-05"))
          const sample = after.find((c) => c.number !== first)
          expect(sample?.status).toEqual(revokedStatus("rev_batch"))

          const untouched = yield* repo.listByBatch("other")
          expect(untouched.map((c) => c.status)).toEqual(other.certificates.map(() => ({ _tag: "valid" })))
        })
      )

      it.effect("revoking the batch again changes nothing; an unknown batch changes nothing", () =>
        Effect.gen(function* () {
          const repo = yield* CertificateRepository
          expect(yield* repo.revokeBatch("big", revokedStatus("rev_again", "2024-09-09"))).toBe(0)
          expect(yield* repo.revokeBatch("no-such-batch", revokedStatus("rev_none"))).toBe(0)
          const after = yield* repo.listByBatch("big")
          expect(after.some((c) => c.status._tag === "revoked" && c.status.orderId === "rev_again")).toBe(
            false
          )
          expect((yield* repo.listByBatch("other")).every((c) => c.status._tag === "valid")).toBe(true)
        })
      )
    })
  }
)

// ---------------------------------------------------------------------------------------------------------------
// BatchProfiles: what a whole-batch revocation reads of the batch (aggregates, not the certificates)
// ---------------------------------------------------------------------------------------------------------------

const profileImplementations = [
  {
    name: "in-memory layerTest",
    layer: () => BatchProfiles.layerTest.pipe(Layer.provideMerge(CertificateRepository.layerTest()))
  },
  ...targets.map((t) => ({
    name: t.name,
    layer: () =>
      Layer.mergeAll(Layer.fresh(SqlBatchProfiles.layer), Layer.fresh(SqlCertificateRepository.layer)).pipe(
        Layer.provide(t.layer())
      )
  }))
]

describe.each(profileImplementations)("54号·五 BatchProfiles contract — $name", ({ layer: makeLayer }) => {
  layer(makeLayer(), { timeout: 60_000 })((it) => {
    it.effect(
      "counts a batch's certificates per issuer region and status and lists those revoked before",
      () =>
        Effect.gen(function* () {
          const repo = yield* CertificateRepository
          const profiles = yield* BatchProfiles
          const issued = yield* repo.issueBatch("mixed", [
            ...[1, 2, 3, 4, 5].map((n) => draft(n, { regionCode: "320102" })),
            ...[6, 7, 8].map((n) => draft(n, { regionCode: "320506" }))
          ])
          const numbers = issued.certificates.map((c) => c.number as string)
          yield* repo.issueBatch("elsewhere", [draft(9, { regionCode: "320506" })])
          yield* repo.revoke([numbers[6] ?? "", numbers[1] ?? ""], revokedStatus("rev_old", "2024-02-02"))

          const profile = yield* profiles.profile("mixed")
          expect(profile).toEqual({
            batchId: "mixed",
            regions: [
              { issuerRegionCode: "320102", valid: 4, revoked: 1 },
              { issuerRegionCode: "320506", valid: 2, revoked: 1 }
            ],
            revoked: [numbers[1], numbers[6]].map((number) => ({
              number,
              revokedOn: "2024-02-02",
              reason: "low_competition_standard",
              orderId: "rev_old"
            }))
          })
          expect(yield* profiles.profile("no-such-batch")).toEqual({
            batchId: "no-such-batch",
            regions: [],
            revoked: []
          })
        })
    )

    it.effect("samples numbers issued in given regions, in number order, up to the limit", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const profiles = yield* BatchProfiles
        const numbers = (yield* repo.listByBatch("mixed")).map((c) => c.number as string).sort()
        expect(yield* profiles.numbersIssuedIn("mixed", ["320506"], 2)).toEqual(numbers.slice(5, 7))
        expect(yield* profiles.numbersIssuedIn("mixed", ["320506", "320102"], 10)).toEqual(numbers)
        expect(yield* profiles.numbersIssuedIn("mixed", ["320200"], 5)).toEqual([])
        expect(yield* profiles.numbersIssuedIn("mixed", [], 5)).toEqual([])
      })
    )
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Revocations.execute on the registry: one transaction (certificates, order, audit entry)
// ---------------------------------------------------------------------------------------------------------------

/** The audit store is down: every append dies, as a database fault would. */
const failingAudit = Layer.succeed(AuditTrail, {
  record: () => Effect.dieMessage("audit store unavailable")
})

const order = (scope: ExecutedRevocationOrder["order"]["scope"], orderedOn = "2024-06-01") => ({
  scope,
  reason: "qualification_mismatch" as const,
  basis: BASIS,
  creditCheck: { referred: true, note: "移送信用管理部门" },
  orderedBy: PROVINCE,
  orderedOn
})

const statuses = (certificates: ReadonlyArray<Certificate>) => certificates.map((c) => c.status._tag)

describe.each(targets)("54号·五 Revocations.execute on the registry — $name", (target) => {
  const registry = Layer.mergeAll(
    Layer.fresh(SqlCertificateRepository.layer),
    Layer.fresh(SqlRevocationOrderRepository.layer),
    Layer.fresh(SqlBatchProfiles.layer),
    Layer.fresh(SqlTransactional.layer),
    Layer.fresh(SqlAudit.SqlAuditTrail.Default),
    Layer.fresh(IdGenerator.layerTest)
  ).pipe(Layer.provideMerge(target.layer()))

  /** Revocations over the suite's registry, with the given audit trail. */
  const revocationsWith = (audit: Layer.Layer<AuditTrail, never, SqlClient.SqlClient>) =>
    Revocations.layer.pipe(Layer.provide(audit))

  layer(registry, { timeout: 120_000 })((it) => {
    it.effect("rolls everything back when the audit append fails: nothing revoked, no order filed", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const orders = yield* RevocationOrderRepository
        const sql = yield* SqlClient.SqlClient
        const batch = yield* repo.issueBatch(
          "rollback",
          Array.from({ length: 300 }, (_, i) => draft(i + 1, { level: 5 }))
        )
        const numbers = batch.certificates.slice(0, 3).map((c) => c.number)

        for (const scope of [
          { _tag: "batch", batchId: "rollback" } as const,
          { _tag: "certificates", numbers } as const
        ]) {
          const exit = yield* Effect.exit(
            Effect.flatMap(Revocations, (r) => r.execute(order(scope))).pipe(
              Effect.provide(revocationsWith(failingAudit))
            )
          )
          expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
          expect(statuses(yield* repo.listByBatch("rollback")).every((s) => s === "valid")).toBe(true)
          expect((yield* orders.list()).total).toBe(0)
        }
        const audited = yield* sql<{ readonly n: number | string }>`SELECT COUNT(*) AS n FROM audit_trail`
        expect(Number(audited[0]?.n)).toBe(0)
      })
    )

    it.effect("revokes a batch, files the order with its counts and appends one verified audit entry", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const orders = yield* RevocationOrderRepository
        const trail = yield* SqlAudit.SqlAuditTrail
        const sql = yield* SqlClient.SqlClient
        const before = yield* repo.listByBatch("rollback")
        const earlier = before[0]?.number ?? ""
        const first = yield* Effect.flatMap(Revocations, (r) =>
          r.execute(order({ _tag: "certificates", numbers: [earlier as CertificateNumber] }, "2024-05-01"), {
            actor: "org_inspection"
          })
        ).pipe(Effect.provide(revocationsWith(Layer.fresh(SqlAudit.layer))))
        expect(first.revoked).toBe(1)

        const summary = yield* Effect.flatMap(Revocations, (r) =>
          r.execute(order({ _tag: "batch", batchId: "rollback" }), { actor: "org_inspection" })
        ).pipe(Effect.provide(revocationsWith(Layer.fresh(SqlAudit.layer))))
        expect(summary.revoked).toBe(299)
        expect(summary.alreadyRevoked.map((a) => a.orderId)).toEqual([first.order.id])

        const after = yield* repo.listByBatch("rollback")
        expect(statuses(after).every((s) => s === "revoked")).toBe(true)
        expect(after.find((c) => c.number === earlier)?.status).toMatchObject({ orderId: first.order.id })

        const filed = Option.getOrThrow(yield* orders.findById(summary.order.id))
        expect(filed).toMatchObject({
          order: summary.order,
          revoked: 299,
          alreadyRevoked: 1,
          executedBy: "org_inspection"
        })
        expect((yield* orders.list()).items.map((o) => o.order.id)).toEqual([
          summary.order.id,
          first.order.id
        ])

        expect(yield* trail.verify).toEqual({ ok: true, entries: 2 })
        const entries = yield* sql<{
          readonly actor: string
          readonly action: string
          readonly subject: string
        }>`
          SELECT actor, action, subject FROM audit_trail ORDER BY seq`
        expect(entries.map((e) => [e.actor, e.action, e.subject])).toEqual([
          ["org_inspection", "revocation.execute", first.order.id],
          ["org_inspection", "revocation.execute", summary.order.id]
        ])
      })
    )

    it.effect("a refused order (outside the city's region) writes nothing", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const orders = yield* RevocationOrderRepository
        const trail = yield* SqlAudit.SqlAuditTrail
        yield* repo.issueBatch("suzhou", [draft(9001, { regionCode: "320500" })])
        const error = yield* Effect.flip(
          Effect.flatMap(Revocations, (r) =>
            r.execute({ ...order({ _tag: "batch", batchId: "suzhou" }), orderedBy: NANJING })
          ).pipe(Effect.provide(revocationsWith(Layer.fresh(SqlAudit.layer))))
        )
        expect(error._tag).toBe("RevocationNotAuthorised")
        expect(statuses(yield* repo.listByBatch("suzhou"))).toEqual(["valid"])
        expect((yield* orders.list()).total).toBe(2)
        expect(yield* trail.verify).toEqual({ ok: true, entries: 2 })
      })
    )

    it.effect("Transactional.run rolls back the certificate writes of a failing effect", () =>
      Effect.gen(function* () {
        const repo = yield* CertificateRepository
        const transactional = yield* Transactional
        yield* repo.issueBatch("tx", [draft(9100), draft(9101)])
        const exit = yield* Effect.exit(
          transactional.run(
            Effect.zipRight(repo.revokeBatch("tx", revokedStatus("rev_tx")), Effect.fail("later step failed"))
          )
        )
        expect(Exit.isFailure(exit)).toBe(true)
        expect(statuses(yield* repo.listByBatch("tx"))).toEqual(["valid", "valid"])
      })
    )
  })
})
