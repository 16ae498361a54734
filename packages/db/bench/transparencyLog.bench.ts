/**
 * Transparency-log benchmark (issue #7). In one run on one machine:
 *  (a) issue N certificates in ONE batch through the certificate repository, the log appended in the same
 *      transaction (SQLite file; PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set);
 *  (b) the log's part of it alone: LogAppender.appendIssued of the same N certificates in one transaction on a
 *      fresh database — so (a) − (b) is the issuance without the log — and the leaf hashing alone (node:crypto,
 *      as the registry does, and the domain's pure-TypeScript functions for comparison);
 *  (c) revoking the whole batch (revokeBatch: N revoked leaves);
 *  (d) a log of BENCH_LOG_LEAVES leaves (default 1,000,000) on SQLite, appended in transactions of 100,000:
 *      appends/s; then inclusion proofs (read + assemble, per call, current and older heads), consistency proofs
 *      and heads at older sizes: p50 / p99 in ms. Every timed proof is checked afterwards.
 * Env: BENCH_N (default 100000), BENCH_LOG_LEAVES (default 1000000), BENCH_PROOFS (default 5000), BENCH_DIR
 * (default .bench/). Run: `pnpm --filter @jineng/db bench:log` (about 1–2 minutes).
 */
import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { eventLeafHash, issuedEvent } from "@jineng/domain/verification/LogEvent"
import { verifyConsistency, verifyInclusion } from "@jineng/domain/verification/MerkleTree"
import { publicRecordOfCertificate } from "@jineng/domain/verification/SignedRecord"
import { TransparencyLogRepository } from "@jineng/domain/verification/TransparencyLogRepository"
import { Effect, Exit, Layer, Option, Redacted, Scope } from "effect"
import { SqlCertificateRepository } from "../src/certificate/SqlCertificateRepository.js"
import * as Database from "../src/Database.js"
import * as LogAppender from "../src/transparency/LogAppender.js"
import { issuedLeaf, revokedLeaf } from "../src/transparency/LogHashing.js"
import { SqlTransparencyLogRepository } from "../src/transparency/SqlTransparencyLogRepository.js"
import { draft } from "../test/fixtures.js"
import { freshPgUrl } from "../test/TestDatabases.js"

const N = Number(process.env.BENCH_N ?? 100_000)
const LOG_LEAVES = Number(process.env.BENCH_LOG_LEAVES ?? 1_000_000)
const PROOFS = Number(process.env.BENCH_PROOFS ?? 5_000)
const DIR = process.env.BENCH_DIR ?? ".bench"
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL

const fmt = (n: number) => Math.round(n).toLocaleString("en-US")
const now = () => process.hrtime.bigint()
const seconds = (start: bigint) => Number(now() - start) / 1e9
const ms = (start: bigint) => Number(now() - start) / 1e6
const quantile = (xs: ReadonlyArray<number>, q: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}
const p50p99 = (xs: ReadonlyArray<number>) =>
  `p50 ${quantile(xs, 0.5).toFixed(3)} ms, p99 ${quantile(xs, 0.99).toFixed(3)} ms (${fmt(xs.length)} calls)`

const registry = (target: Database.DatabaseTarget) =>
  Layer.mergeAll(SqlCertificateRepository.layer, SqlTransparencyLogRepository.layer).pipe(
    Layer.provideMerge(Database.layer(target))
  )

const sqliteFile = (name: string) => {
  const filename = join(DIR, name)
  for (const s of ["", "-wal", "-shm"]) rmSync(filename + s, { force: true })
  return { _tag: "sqlite", filename } as const
}

const drafts = Array.from({ length: N }, (_, i) => draft(i, { level: 3, siteSerial: "000123" }))

/** (a) N certificates in one batch, the log appended in the same transaction; then (c) the batch revoked. */
const issueWithLog = (target: Database.DatabaseTarget) =>
  Effect.gen(function* () {
    const repo = yield* CertificateRepository
    const log = yield* TransparencyLogRepository
    const start = now()
    const issued = yield* repo.issueBatch("bench-log", drafts)
    const issue = seconds(start)
    if (issued.certificates.length !== N || (yield* log.head).size !== N)
      throw new Error("issuance incomplete")
    const revokeStart = now()
    const revoked = yield* repo.revokeBatch("bench-log", {
      _tag: "revoked",
      revokedOn: "2026-06-15",
      reason: "irregular_issuance",
      orderId: "bench-order"
    })
    const revoke = seconds(revokeStart)
    if (revoked !== N || (yield* log.head).size !== 2 * N) throw new Error("revocation incomplete")
    return { issue, revoke, certificates: issued.certificates }
  }).pipe(Effect.provide(registry(target)), Effect.scoped)

/** (b) The log's part alone: the same certificates appended in one transaction on a fresh database. */
const hookAlone = (target: Database.DatabaseTarget, certificates: ReadonlyArray<Certificate>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const appender = yield* LogAppender.make
    const start = now()
    yield* sql.withTransaction(appender.appendIssued(certificates))
    return seconds(start)
  }).pipe(Effect.provide(Database.layer(target)), Effect.scoped, Effect.orDie)

const hashing = (certificates: ReadonlyArray<Certificate>) => {
  let start = now()
  for (const c of certificates) issuedLeaf(c)
  const node = seconds(start)
  start = now()
  for (const c of certificates) eventLeafHash(issuedEvent(publicRecordOfCertificate(c)))
  const domain = seconds(start)
  return { node, domain }
}

const report = async (
  label: string,
  target: () => Database.DatabaseTarget,
  fresh: () => Database.DatabaseTarget
) => {
  const a = await Effect.runPromise(issueWithLog(target()))
  const b = await Effect.runPromise(hookAlone(fresh(), a.certificates))
  const h = hashing(a.certificates)
  console.log(
    `${label} (a) issue ${fmt(N)} in one batch, with the log   ${a.issue.toFixed(2)} s  (${fmt(N / a.issue)} certificates/s)`
  )
  console.log(
    `${label} (b) the log's part alone (appendIssued)      ${b.toFixed(2)} s  → issuance without the log ≈ ${(a.issue - b).toFixed(2)} s; the log adds ${((100 * b) / Math.max(a.issue - b, 1e-9)).toFixed(0)} %`
  )
  console.log(
    `${label}     of which leaf hashing (node:crypto)       ${h.node.toFixed(2)} s  (the domain's TypeScript SHA-256: ${h.domain.toFixed(2)} s)`
  )
  console.log(
    `${label} (c) revoke the ${fmt(N)}-certificate batch    ${a.revoke.toFixed(2)} s  (${fmt(N)} revoked leaves)`
  )
}

/** (d) A large log on SQLite: appends/s, then proof latencies. */
const largeLog = (target: Database.DatabaseTarget) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const appender = yield* LogAppender.make
    const log = yield* TransparencyLogRepository
    const CHUNK = 100_000
    const start = now()
    let hashingSeconds = 0
    for (let first = 0; first < LOG_LEAVES; first += CHUNK) {
      const h = now()
      const leaves = Array.from({ length: Math.min(CHUNK, LOG_LEAVES - first) }, (_, i) =>
        revokedLeaf(`S000032${String(first + i).padStart(15, "0")}`, "2026-06-15")
      )
      hashingSeconds += seconds(h)
      yield* sql.withTransaction(appender.appendPrepared(leaves))
    }
    const total = seconds(start)
    const head = yield* log.head
    if (head.size !== LOG_LEAVES) throw new Error("log incomplete")
    console.log(
      `SQLite (d) ${fmt(LOG_LEAVES)} leaves appended in ${total.toFixed(1)} s: ${fmt(LOG_LEAVES / total)} appends/s (leaf hashing ${hashingSeconds.toFixed(1)} s of it; transactions of 100,000)`
    )
    let seed = 7
    const random = (n: number) => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
      return Math.floor((seed / 2 ** 32) * n)
    }
    const timeAll = <A>(count: number, f: (i: number) => Effect.Effect<A>) =>
      Effect.gen(function* () {
        const times: Array<number> = []
        const results: Array<A> = []
        for (let i = 0; i < count; i++) {
          const t = now()
          results.push(yield* f(i))
          times.push(ms(t))
        }
        return { times, results }
      })
    // warm-up: the pages of the upper levels
    yield* timeAll(200, () => log.inclusionProof(random(LOG_LEAVES), LOG_LEAVES))
    const current = yield* timeAll(PROOFS, () => {
      const index = random(LOG_LEAVES)
      return Effect.map(log.inclusionProof(index, LOG_LEAVES), (p) => ({ index, size: LOG_LEAVES, p }))
    })
    const older = yield* timeAll(PROOFS, () => {
      const size = 1 + random(LOG_LEAVES)
      const index = random(size)
      return Effect.map(log.inclusionProof(index, size), (p) => ({ index, size, p }))
    })
    const heads = yield* timeAll(PROOFS, () => log.headAt(1 + random(LOG_LEAVES)))
    const consistency = yield* timeAll(PROOFS, () => {
      const a = random(LOG_LEAVES + 1)
      const b = a + random(LOG_LEAVES + 1 - a)
      return Effect.map(log.consistencyProof(a, b), (p) => ({ a, b, p }))
    })
    console.log(
      `SQLite (d) inclusion proof at ${fmt(LOG_LEAVES)} leaves, current head:  ${p50p99(current.times)}`
    )
    console.log(`SQLite (d) inclusion proof against an older head:       ${p50p99(older.times)}`)
    console.log(`SQLite (d) head at an older size:                       ${p50p99(heads.times)}`)
    console.log(`SQLite (d) consistency proof between two sizes:         ${p50p99(consistency.times)}`)
    // every timed proof is checked (not timed): the leaves are rebuilt from their index
    const leafOf = (index: number) =>
      revokedLeaf(`S000032${String(index).padStart(15, "0")}`, "2026-06-15").leaf
    for (const r of [...current.results, ...older.results.slice(0, 500)]) {
      const tree = Option.getOrThrow(yield* log.headAt(r.size))
      if (!verifyInclusion(leafOf(r.index), r.index, tree, Option.getOrThrow(r.p)))
        throw new Error("bad proof")
    }
    for (const r of consistency.results.slice(0, 500)) {
      const [ta, tb] = [Option.getOrThrow(yield* log.headAt(r.a)), Option.getOrThrow(yield* log.headAt(r.b))]
      if (!verifyConsistency(ta, tb, Option.getOrThrow(r.p))) throw new Error("bad consistency proof")
    }
    console.log(`SQLite (d) ${fmt(PROOFS + 1000)} proofs verified against their heads`)
  }).pipe(Effect.provide(registry(target)), Effect.scoped)

const main = async () => {
  mkdirSync(DIR, { recursive: true })
  console.log(`node ${process.version}; N = ${fmt(N)}; log leaves = ${fmt(LOG_LEAVES)}`)
  await report(
    "SQLite",
    () => sqliteFile("log-issue.sqlite"),
    () => sqliteFile("log-hook.sqlite")
  )
  if (PG_URL !== undefined) {
    const scope = Effect.runSync(Scope.make())
    try {
      const fresh = async () => (await Effect.runPromise(Scope.extend(freshPgUrl(PG_URL), scope))).url
      const [one, two] = [await fresh(), await fresh()]
      await report(
        "PostgreSQL",
        () => ({ _tag: "pg", url: Redacted.make(one) }),
        () => ({ _tag: "pg", url: Redacted.make(two) })
      )
    } finally {
      await Effect.runPromise(Scope.close(scope, Exit.void))
    }
  }
  await Effect.runPromise(largeLog(sqliteFile(`log-${LOG_LEAVES}.sqlite`)))
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
