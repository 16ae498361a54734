/**
 * The demo generator (issue #3) on every database: deterministic (same size and seed → the same registry),
 * valid by construction (the domain's rules run on every record), and covering every kind of record the demo
 * and the benchmarks need.
 */

import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { isCertificateNumber } from "@jineng/domain/codes/CertificateNumber"
import { CompetitionRepository } from "@jineng/domain/competition/CompetitionRepository"
import { TransparencyLogRepository } from "@jineng/domain/verification/TransparencyLogRepository"
import { Effect, Layer, Option } from "effect"
import { DEMO_SIZES, generateDemo } from "../src/demo/DemoData.js"
import { seedOccupations } from "../src/demo/DemoSeed.js"
import * as Registry from "../src/Registry.js"
import { hex, oracleOfStored } from "./LogOracle.js"
import { targets } from "./TestDatabases.js"

const TODAY = "2026-06-15"
const occupations = seedOccupations()

describe.each(targets)("demo registry — $name", ({ layer: database }) => {
  layer(Registry.useCases.pipe(Layer.provideMerge(Registry.ports), Layer.provideMerge(database())), {
    timeout: 120_000
  })((it) => {
    it.effect("generates every kind of record, valid by the domain's rules", () =>
      Effect.gen(function* () {
        const summary = yield* generateDemo({ size: DEMO_SIZES.tiny, seed: 7, occupations, today: TODAY })
        expect(summary.institutions).toBe(4)
        expect(summary.batches).toBe(8)
        expect(summary.certificates).toBeGreaterThan(40)
        expect(summary.revokedCertificates).toBeGreaterThan(0)
        expect(summary.organisations.map((o) => o.role).sort()).toEqual([
          "city",
          "city_appraisal_centre",
          "district",
          "employer",
          "host",
          "institution",
          "province",
          "provincial_appraisal_centre"
        ])
        const certificates = yield* CertificateRepository
        for (const sample of summary.samples) {
          expect(isCertificateNumber(sample.number)).toBe(true)
          const found = Option.getOrThrow(yield* certificates.findByNumber(sample.number))
          expect([found.holder.name, found.holder.idNumber, found.status._tag]).toEqual([
            sample.name,
            sample.idNumber,
            sample.status
          ])
        }
        const sql = yield* SqlClient.SqlClient
        const statuses = yield* sql<{ readonly status: string }>`SELECT DISTINCT status FROM certificates`
        expect(statuses.map((s) => s.status).sort()).toEqual(["revoked", "valid"])
        const filings = yield* sql<{
          readonly n: number | string
        }>`SELECT count(*) AS n FROM competition_filings`
        expect(Number(filings[0]?.n)).toBe(summary.filings)
        // issue #7: every certificate is in the transparency log — an issued leaf each, a revoked leaf each
        // revoked one — and the stored tree is the one over its entries
        const log = yield* TransparencyLogRepository
        const head = yield* log.head
        expect(head.size).toBe(summary.certificates + summary.revokedCertificates)
        const stored = yield* oracleOfStored
        expect(hex(stored.log.head()?.root)).toBe(hex(head.root))
        for (const sample of summary.samples)
          expect((yield* log.entriesOf(sample.number)).map((e) => e.event._tag)).toEqual(
            sample.status === "valid" ? ["issued"] : ["issued", "revoked"]
          )
        // every plan carries its event's occupation (an occupation of the demo's catalogue), and the public
        // list filtered by that occupation finds it
        const competitions = yield* CompetitionRepository
        const plans = yield* competitions.listPlans({ limit: 500 })
        expect(plans.total).toBe(DEMO_SIZES.tiny.competitions)
        const catalogueNames = new Map(occupations.map((o) => [o.code as string, o.name]))
        for (const plan of plans.items) {
          const competition = Option.getOrThrow(yield* competitions.findById(plan.competitionId ?? ""))
          const event = competition.events[0]?.occupations[0]
          expect([plan.id, plan.occupation]).toEqual([plan.id, { code: event?.code, name: event?.name }])
          expect(catalogueNames.get(plan.occupation?.code ?? "")).toBe(plan.occupation?.name)
          const found = yield* competitions.listPlans({
            occupationCode: plan.occupation?.code ?? "",
            limit: 500
          })
          expect(found.items.map((p) => p.id)).toContain(plan.id)
          expect(found.items.every((p) => p.occupation?.code === plan.occupation?.code)).toBe(true)
        }
      })
    )
  })
})

describe("demo registry is deterministic", () => {
  const run = () =>
    Effect.gen(function* () {
      const summary = yield* generateDemo({ size: DEMO_SIZES.tiny, seed: 7, occupations, today: TODAY })
      const sql = yield* SqlClient.SqlClient
      const numbers = yield* sql<{ readonly number: string; readonly holder_name: string }>`
        SELECT number, holder_name FROM certificates ORDER BY number`
      return { summary, numbers }
    }).pipe(Effect.provide(Registry.layer({ _tag: "sqlite", filename: ":memory:" })), Effect.scoped)

  layer(Layer.empty)((it) => {
    it.effect("the same size and seed give the same certificates", () =>
      Effect.gen(function* () {
        const a = yield* run()
        const b = yield* run()
        expect(b).toEqual(a)
        expect(a.numbers.length).toBe(a.summary.certificates)
      })
    )
  })
})
