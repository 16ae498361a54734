/**
 * The transparency log's backfill (issue #7) on every database: certificates stored before the log existed
 * (inserted here around the repository, as a registry migrated to 0017 holds them) get their issued leaf — and
 * their revoked leaf when revoked — in certificate-number order, with their status-list index; an interrupted
 * run resumes, a rerun adds nothing, and every certificate becomes provable against the head. A revocation of
 * such a certificate before the backfill appends nothing itself: its leaves come in order from the backfill.
 * The `backfill-log` command does the same on the database its environment names.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer as testLayer } from "@effect/vitest"
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { eventLeafHash } from "@jineng/domain/verification/LogEvent"
import { verifyInclusion } from "@jineng/domain/verification/MerkleTree"
import { TransparencyLogRepository } from "@jineng/domain/verification/TransparencyLogRepository"
import { Effect, Layer, Option, Redacted, type Scope } from "effect"
import { toRow } from "../src/certificate/CertificateRow.js"
import { SqlCertificateRepository } from "../src/certificate/SqlCertificateRepository.js"
import * as Database from "../src/Database.js"
import * as LogBackfill from "../src/transparency/LogBackfill.js"
import { SqlTransparencyLogRepository } from "../src/transparency/SqlTransparencyLogRepository.js"
import { draft } from "./fixtures.js"
import { hex, issued, Oracle, oracleOfStored, revoked } from "./LogOracle.js"
import { freshPgUrl, targets, testDatabaseUrl } from "./TestDatabases.js"

const root = fileURLToPath(new URL("..", import.meta.url))

/** Certificates of a registry from before the log: site 000003, two institutions, every fourth revoked. */
const preLog = (count: number): ReadonlyArray<Certificate> =>
  Array.from({ length: count }, (_, i) => {
    const d = draft(500 + i, { siteSerial: "000003", institutionId: i % 3 === 2 ? "inst_2" : "inst_1" })
    return {
      ...d.certificate,
      number: `S000032000003243${String(i + 1).padStart(6, "0")}`,
      batchId: "pre-log",
      status:
        i % 4 === 1
          ? {
              _tag: "revoked",
              revokedOn: `2024-07-${String(10 + (i % 9)).padStart(2, "0")}`,
              reason: "irregular_issuance",
              orderId: "order-old"
            }
          : { _tag: "valid" }
    } as Certificate
  })

/** Stores certificates directly (as a registry before migration 0017 holds them): no leaf, no status entry. */
const insertAroundLog = (certificates: ReadonlyArray<Certificate>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql`INSERT INTO certificate_batches ${sql.insert({
      batch_id: "pre-log",
      institution_id: "inst_1",
      certificate_count: certificates.length,
      issued_at: "2024-06-30T00:00:00.000Z"
    })}`
    for (const c of certificates) yield* sql`INSERT INTO certificates ${sql.insert(toRow(c) as never)}`
  }).pipe(Effect.orDie)

const byNumber = (a: Certificate, b: Certificate) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0)

describe.each(targets)("transparency log backfill — $name", ({ layer: database }) => {
  const ports = Layer.mergeAll(
    Layer.fresh(SqlCertificateRepository.layer),
    Layer.fresh(SqlTransparencyLogRepository.layer)
  )
  testLayer(ports.pipe(Layer.provideMerge(database())), { timeout: 120_000 })((it) => {
    it.effect(
      "makes certificates from before the log provable, resumes after an interruption, adds nothing twice",
      () =>
        Effect.gen(function* () {
          const repo = yield* CertificateRepository
          const log = yield* TransparencyLogRepository
          const backfill = yield* LogBackfill.make
          const old = [...preLog(23)]
          yield* insertAroundLog(old)
          // the registry runs on with the log meanwhile: an issuance, and revocations of a new and an old certificate
          const oracle = new Oracle()
          const fresh = yield* repo.issueBatch("post-log", [
            draft(1),
            draft(2),
            draft(3, { institutionId: "inst_1" })
          ])
          oracle.add(...fresh.certificates.map(issued))
          const newRevoked = fresh.certificates[1] as Certificate
          expect(
            yield* repo.revoke([newRevoked.number], {
              _tag: "revoked",
              revokedOn: "2025-01-05",
              reason: "irregular_issuance",
              orderId: "o-1"
            })
          ).toBe(1)
          oracle.add(revoked(newRevoked.number, "2025-01-05"))
          const oldValid = old[0] as Certificate
          expect(
            yield* repo.revoke([oldValid.number], {
              _tag: "revoked",
              revokedOn: "2025-01-06",
              reason: "irregular_issuance",
              orderId: "o-2"
            })
          ).toBe(1)
          old[0] = {
            ...oldValid,
            status: { _tag: "revoked", revokedOn: "2025-01-06", reason: "irregular_issuance", orderId: "o-2" }
          } as Certificate
          // its revocation waits for the backfill: no revoked leaf before the issued one
          expect(yield* log.entriesOf(oldValid.number)).toEqual([])
          expect((yield* log.head).size).toBe(oracle.log.size)

          // interrupted after two chunks of 7 (the new certificates sort first and are skipped) …
          const seen: Array<LogBackfill.BackfillProgress> = []
          const partial = yield* backfill.run({
            chunkSize: 7,
            maxChunks: 2,
            onChunk: (p) => Effect.sync(() => void seen.push(p))
          })
          expect(partial.examined).toBe(14)
          expect(partial.certificates).toBe(11)
          expect(seen.map((p) => p.examined)).toEqual([7, 14])
          // … then run to the end
          const rest = yield* backfill.run({ chunkSize: 7 })
          expect(rest.examined).toBe(26)
          expect(rest.certificates).toBe(12)
          const sorted = [...old].sort(byNumber)
          for (const c of sorted) {
            oracle.add(issued(c))
            if (c.status._tag === "revoked") oracle.add(revoked(c.number, c.status.revokedOn))
          }
          const head = yield* log.head
          expect([head.size, hex(head.root)]).toEqual([oracle.log.size, hex(oracle.log.head()?.root)])
          expect((yield* oracleOfStored).events).toEqual(oracle.events)
          expect(rest.size).toBe(head.size)

          // every old certificate: its events, each provable against the head; its place in its issuer's list
          for (const c of old) {
            const entries = yield* log.entriesOf(c.number)
            expect(entries.map((e) => e.event)).toEqual(
              c.status._tag === "revoked" ? [issued(c), revoked(c.number, c.status.revokedOn)] : [issued(c)]
            )
            for (const e of entries) {
              const path = Option.getOrThrow(yield* log.inclusionProof(e.leafIndex, head.size))
              expect(verifyInclusion(eventLeafHash(e.event), e.leafIndex, head, path)).toBe(true)
            }
            expect(Option.isSome(yield* log.statusEntryOf(c.number))).toBe(true)
          }
          const inst1 = Option.getOrThrow(yield* log.statusList("inst_1"))
          const inst1Old = sorted.filter((c) => c.issuer.institutionId === "inst_1")
          expect(inst1.length).toBe(3 + inst1Old.length)
          // the new certificates took 0–2; the old ones follow in number order
          expect(inst1.revoked).toEqual([
            1,
            ...inst1Old.flatMap((c, i) => (c.status._tag === "revoked" ? [3 + i] : []))
          ])

          // a rerun, and a later revocation of a backfilled certificate
          expect(yield* backfill.run({ chunkSize: 5 })).toEqual({
            examined: 26,
            certificates: 0,
            leaves: 0,
            size: head.size
          })
          const later = sorted.find((c) => c.status._tag === "valid") as Certificate
          expect(
            yield* repo.revoke([later.number], {
              _tag: "revoked",
              revokedOn: "2025-02-01",
              reason: "irregular_issuance",
              orderId: "o-3"
            })
          ).toBe(1)
          oracle.add(revoked(later.number, "2025-02-01"))
          expect(hex((yield* log.head).root)).toBe(hex(oracle.log.head()?.root))
        })
    )
  })
})

/** Runs `backfill-log` on a database named by the environment; its exit code and stderr. */
const runCommand = (env: Record<string, string>, args: ReadonlyArray<string> = []) => {
  const { DATABASE_URL: _, SQLITE_FILE: __, ...rest } = process.env
  const result = spawnSync(
    process.execPath,
    ["--conditions=@jineng/source", "--import", "tsx", "src/cli/backfillLog.ts", ...args],
    { cwd: root, env: { ...rest, ...env }, encoding: "utf8", timeout: 60_000 }
  )
  return { status: result.status, stderr: result.stderr }
}

const commandTargets: ReadonlyArray<{
  readonly name: string
  readonly prepare: Effect.Effect<
    { readonly target: Database.DatabaseTarget; readonly env: Record<string, string> },
    never,
    Scope.Scope
  >
}> = [
  {
    name: "SQLite file",
    prepare: Effect.map(
      Effect.acquireRelease(
        Effect.sync(() => mkdtempSync(join(tmpdir(), "jineng-backfill-"))),
        (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
      ),
      (dir) => {
        const filename = join(dir, "registry.sqlite")
        return { target: { _tag: "sqlite", filename } as const, env: { SQLITE_FILE: filename } }
      }
    )
  },
  ...(testDatabaseUrl === undefined
    ? []
    : [
        {
          name: "PostgreSQL",
          prepare: Effect.map(freshPgUrl(testDatabaseUrl), ({ url }) => ({
            target: { _tag: "pg", url: Redacted.make(url) } as const,
            env: { DATABASE_URL: url }
          }))
        }
      ])
]

describe.each(commandTargets)("backfill-log command — $name", ({ prepare }) => {
  testLayer(Layer.empty, { timeout: 120_000 })((it) => {
    it.scoped("enters a registry's earlier certificates into the log, then finds nothing to add", () =>
      Effect.gen(function* () {
        const { target, env } = yield* prepare
        const old = preLog(12)
        yield* insertAroundLog(old).pipe(Effect.provide(Database.layer(target)), Effect.orDie)
        expect(runCommand(env, ["0"]).status).toBe(2)
        const first = runCommand(env, ["5"])
        expect(first.status).toBe(0)
        expect(first.stderr).toContain("已检查 5 本证书，补记 5 本")
        expect(first.stderr).toContain("补记完成：12 本证书记入透明日志（新增 15 条），日志共 15 条")
        const second = runCommand(env)
        expect(second.status).toBe(0)
        expect(second.stderr).toContain("透明日志已完整：12 本证书均已记入日志（日志共 15 条），无需补记")
        const stored = yield* oracleOfStored.pipe(Effect.provide(Database.layer(target)), Effect.orDie)
        const expected = new Oracle()
        for (const c of [...old].sort(byNumber)) {
          expected.add(issued(c))
          if (c.status._tag === "revoked") expected.add(revoked(c.number, c.status.revokedOn))
        }
        expect(stored.events).toEqual(expected.events)
        const head = yield* Effect.flatMap(TransparencyLogRepository, (log) => log.head).pipe(
          Effect.provide(SqlTransparencyLogRepository.layer.pipe(Layer.provide(Database.layer(target)))),
          Effect.orDie
        )
        expect(hex(head.root)).toBe(hex(expected.log.head()?.root))
      })
    )
  })
})
