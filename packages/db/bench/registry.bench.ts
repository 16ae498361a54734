/**
 * Registry benchmark (issue #3). In one run on one machine, figures and ratios:
 *  (a) raw better-sqlite3: insert N certificate rows in one transaction (prepared statement, same schema);
 *  (b) the store: issue the same N certificates through CertificateIssuance with every domain check → b/a;
 *  (c) lookups by certificate number through the repository on a large file (raw prepared statement as baseline);
 * and the same on PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, (c) on a database of its own
 * with BENCH_PG_LOOKUP_ROWS certificates, raw and repository passes interleaved (the median pass counts).
 * Env: BENCH_N (default 100000), BENCH_LOOKUP_ROWS (default 10000000), BENCH_PG_LOOKUP_ROWS (default 1000000),
 * BENCH_DIR (default .bench/).
 * Run: `pnpm --filter @jineng/db bench`.
 */
import { mkdirSync, rmSync, statSync } from "node:fs"
import { join } from "node:path"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { InstitutionRepository } from "@jineng/domain/institution/InstitutionRepository"
import { CertificateIssuance } from "@jineng/domain/issuance/CertificateIssuance"
import { StandardRepository } from "@jineng/domain/occupation/StandardRepository"
import { Revocations } from "@jineng/domain/revocation/Revocations"
import { AuditTrail } from "@jineng/domain/shared/AuditTrail"
import { Transactional } from "@jineng/domain/shared/Transactional"
import Sqlite from "better-sqlite3"
import { Effect, Exit, Layer, Option, Redacted, Scope } from "effect"
import pg from "pg"
import { CERTIFICATE_COLUMNS, toRow } from "../src/certificate/CertificateRow.js"
import { SqlCertificateRepository } from "../src/certificate/SqlCertificateRepository.js"
import * as Database from "../src/Database.js"
import * as Registry from "../src/Registry.js"
import { freshPgUrl } from "../test/TestDatabases.js"
import { bank, batchRequest, institution, standard, TURNER } from "./fixtures.js"

const N = Number(process.env.BENCH_N ?? 100_000)
const LOOKUP_ROWS = Number(process.env.BENCH_LOOKUP_ROWS ?? 10_000_000)
const PG_LOOKUP_ROWS = Number(process.env.BENCH_PG_LOOKUP_ROWS ?? 1_000_000)
const DIR = process.env.BENCH_DIR ?? ".bench"
const fmt = (n: number) => Math.round(n).toLocaleString("en-US")
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9

const otherPorts = Layer.mergeAll(
  InstitutionRepository.layerTest([institution]),
  StandardRepository.layerTest({ occupations: [TURNER], standards: [standard], questionBanks: [bank] }),
  AuditTrail.layerTest(),
  Transactional.layerTest
)

const migrate = (filename: string) =>
  Effect.runPromise(Effect.provide(Effect.void, Database.layer({ _tag: "sqlite", filename })))

const openRaw = (filename: string) => {
  const db = new Sqlite(filename)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = FULL") // as the store: a committed issuance survives power loss
  return db
}

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

const insertSql = `INSERT INTO certificates (${CERTIFICATE_COLUMNS.join(", ")}) VALUES (${CERTIFICATE_COLUMNS.map(() => "?").join(", ")})`

/** The rows the store would write for the benchmark batch, built outside the timed section of (a). */
const sampleRows = async (n: number, batchId: string) => {
  const result = await Effect.runPromise(
    Effect.flatMap(CertificateIssuance, (issuance) => issuance.issueBatch(batchRequest(batchId, n))).pipe(
      Effect.provide(
        CertificateIssuance.layer.pipe(
          Layer.provide(Layer.mergeAll(CertificateRepository.layerTest(), otherPorts))
        )
      )
    )
  )
  return result.certificates.map((c) => CERTIFICATE_COLUMNS.map((k) => toRow(c)[k]))
}

const rawInsert = async (filename: string, n: number) => {
  await migrate(filename)
  const rows = await sampleRows(n, "bench-raw")
  const db = openRaw(filename)
  db.prepare(
    "INSERT INTO certificate_batches (batch_id, institution_id, certificate_count, issued_at) VALUES (?, ?, ?, ?)"
  ).run("bench-raw", institution.id, n, new Date().toISOString())
  const insert = db.prepare(insertSql)
  const start = process.hrtime.bigint()
  db.transaction(() => {
    for (const r of rows) insert.run(...r)
  })()
  const s = seconds(start)
  db.close()
  return s
}

/** (b) The store: the institution, occupation, standard and bank are rows of the same database. */
const storeIssue = async (target: Database.DatabaseTarget, n: number) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const standards = yield* StandardRepository
      yield* standards.upsertOccupations([TURNER])
      yield* standards.saveStandard(standard)
      yield* standards.saveQuestionBank(bank)
      yield* (yield* InstitutionRepository).insert(institution)
      const issuance = yield* CertificateIssuance
      const request = batchRequest("bench-store", n)
      const start = process.hrtime.bigint()
      const issued = yield* issuance.issueBatch(request)
      const s = seconds(start)
      if (issued.certificates.length !== n) throw new Error("not all certificates were issued")
      return s
    }).pipe(Effect.provide(Registry.layer(target)), Effect.scoped)
  )

/** (d) Revokes the whole store-issued batch through the Revocations use case (order + certificates + audit). */
const revokeBatch = (target: Database.DatabaseTarget) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const revocations = yield* Revocations
      const start = process.hrtime.bigint()
      const result = yield* revocations.execute({
        scope: { _tag: "batch", batchId: "bench-store" },
        reason: "irregular_issuance",
        basis: { documentNumber: "苏人社督〔2026〕1号", title: "基准测试：整批注销" },
        creditCheck: { referred: true },
        orderedBy: { level: "province", regionCode: "320000" },
        orderedOn: batchRequest("x", 0).issuedOn
      })
      return { seconds: seconds(start), revoked: result.revoked }
    }).pipe(Effect.provide(Registry.layer(target)), Effect.scoped)
  )

/** Rows of a lookup table go in batches of this many (each a certificate_batches row). */
const LOOKUP_BATCH = 100_000

/**
 * The k-th row of a lookup table: a template row (cycled) given a unique number and its batch. The template row
 * is changed in place and returned: use it before asking for the next one.
 */
const lookupRow = (template: ReadonlyArray<Array<unknown>>, k: number): Array<unknown> => {
  const row = template[k % template.length] as Array<unknown>
  row[0] = `S000032${String(1 + (Math.floor(k / 999_999) % 999_999)).padStart(6, "0")}25${(k % 5) + 1}${String((k % 999_999) + 1).padStart(6, "0")}`
  row[15] = `lookup-${Math.floor(k / LOOKUP_BATCH)}`
  return row
}

/** One in ten looked-up numbers does not exist, as with real public lookups. */
const withMisses = (numbers: ReadonlyArray<string | undefined>): Array<string> =>
  numbers.map((n, i) =>
    i % 10 === 9 || n === undefined ? `S000032999999251${String(i).padStart(6, "0").slice(-6)}` : n
  )

const buildLookupFile = async (filename: string, rows: number) => {
  try {
    const db = new Sqlite(filename, { readonly: true })
    const count = (db.prepare("SELECT count(*) AS n FROM certificates").get() as { n: number }).n
    db.close()
    if (count === rows) return
  } catch {}
  rmSync(filename, { force: true })
  rmSync(`${filename}-wal`, { force: true })
  rmSync(`${filename}-shm`, { force: true })
  await migrate(filename)
  const template = (await sampleRows(1000, "template")).map((r) => r.slice())
  const db = openRaw(filename)
  const insert = db.prepare(insertSql)
  const start = process.hrtime.bigint()
  for (let b = 0; b * LOOKUP_BATCH < rows; b++) {
    db.transaction(() => {
      db.prepare(
        "INSERT INTO certificate_batches (batch_id, institution_id, certificate_count, issued_at) VALUES (?, ?, ?, ?)"
      ).run(`lookup-${b}`, institution.id, LOOKUP_BATCH, "2025-06-30T00:00:00Z")
      for (let k = b * LOOKUP_BATCH; k < (b + 1) * LOOKUP_BATCH && k < rows; k++)
        insert.run(...lookupRow(template, k))
    })()
    if (b % 10 === 9) console.log(`  … ${fmt((b + 1) * LOOKUP_BATCH)} rows (${seconds(start).toFixed(0)} s)`)
  }
  db.close()
}

const lookupNumbers = (filename: string, count: number): Array<string> => {
  const db = new Sqlite(filename, { readonly: true })
  const max = (db.prepare("SELECT max(rowid) AS m FROM certificates").get() as { m: number }).m
  const pick = db.prepare("SELECT number FROM certificates WHERE rowid = ?")
  const out: Array<string | undefined> = []
  let seed = 42
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    out.push((pick.get(1 + (seed % max)) as { number: string } | undefined)?.number)
  }
  db.close()
  return withMisses(out)
}

/** A multi-row INSERT of `n` certificates with numbered parameters. */
const pgInsert = (n: number) =>
  `INSERT INTO certificates (${CERTIFICATE_COLUMNS.join(", ")}) VALUES ${Array.from(
    { length: n },
    (_, r) =>
      `(${Array.from({ length: CERTIFICATE_COLUMNS.length }, (_, c) => `$${r * CERTIFICATE_COLUMNS.length + c + 1}`).join(", ")})`
  ).join(", ")}`

const PG_CHUNK = 500

/** Fills the certificates of a migrated PostgreSQL database with `rows` lookup rows (raw multi-row INSERTs). */
const fillPgLookupTable = async (client: pg.Client, rows: number) => {
  const template = (await sampleRows(1000, "template")).map((r) => r.slice())
  const full = pgInsert(PG_CHUNK)
  const start = process.hrtime.bigint()
  for (let b = 0; b * LOOKUP_BATCH < rows; b++) {
    const end = Math.min(rows, (b + 1) * LOOKUP_BATCH)
    await client.query("BEGIN")
    await client.query(
      "INSERT INTO certificate_batches (batch_id, institution_id, certificate_count, issued_at) VALUES ($1, $2, $3, $4)",
      [`lookup-${b}`, institution.id, end - b * LOOKUP_BATCH, "2025-06-30T00:00:00Z"]
    )
    for (let k = b * LOOKUP_BATCH; k < end; k += PG_CHUNK) {
      const n = Math.min(PG_CHUNK, end - k)
      const values: Array<unknown> = []
      for (let i = 0; i < n; i++) values.push(...lookupRow(template, k + i))
      await client.query(n === PG_CHUNK ? full : pgInsert(n), values)
    }
    await client.query("COMMIT")
  }
  await client.query("ANALYZE certificates")
  return seconds(start)
}

/**
 * (c) on PostgreSQL: lookups by number on a database of PG_LOOKUP_ROWS certificates, through the repository and
 * as a raw `pg` named prepared statement on one connection. The two run in alternating passes over the same
 * numbers (the machine is shared: a median of passes, not one run).
 */
const pgLookups = async (url: string) => {
  const target: Database.DatabaseTarget = { _tag: "pg", url: Redacted.make(url) }
  await Effect.runPromise(Effect.provide(Effect.void, Database.layer(target)))
  const client = new pg.Client({ connectionString: url })
  client.on("error", () => {}) // the database is dropped with FORCE at the end
  await client.connect()
  const fill = await fillPgLookupTable(client, PG_LOOKUP_ROWS)
  console.log(`PostgreSQL (c) ${fmt(PG_LOOKUP_ROWS)} lookup rows written in ${fill.toFixed(1)} s`)
  const picked = await client.query<{ number: string }>(
    "SELECT number FROM certificates ORDER BY random() LIMIT 20000"
  )
  const numbers = withMisses(picked.rows.map((r) => r.number))
  const rawPass = async () => {
    let hits = 0
    const start = process.hrtime.bigint()
    for (const n of numbers) {
      const result = await client.query({
        name: "lookup",
        text: "SELECT * FROM certificates WHERE number = $1",
        values: [n]
      })
      hits += result.rows.length
    }
    return { rate: numbers.length / seconds(start), hits }
  }
  const passes = await Effect.runPromise(
    Effect.gen(function* () {
      const repo = yield* CertificateRepository
      const repoPass = Effect.gen(function* () {
        let hits = 0
        const start = process.hrtime.bigint()
        for (const n of numbers) if (Option.isSome(yield* repo.findByNumber(n))) hits++
        return { rate: numbers.length / seconds(start), hits }
      })
      yield* Effect.promise(rawPass) // warm-up: the server's cache, both connections
      yield* repoPass
      const raw: Array<number> = []
      const store: Array<number> = []
      for (let pass = 0; pass < 5; pass++) {
        const r = yield* Effect.promise(rawPass)
        const s = yield* repoPass
        if (r.hits !== s.hits) throw new Error(`raw found ${r.hits}, the repository ${s.hits}`)
        raw.push(r.rate)
        store.push(s.rate)
      }
      return { raw, store }
    }).pipe(
      Effect.provide(SqlCertificateRepository.layer.pipe(Layer.provide(Database.layer(target)))),
      Effect.scoped
    )
  )
  await client.end()
  const raw = median(passes.raw)
  const store = median(passes.store)
  const found = numbers.length - numbers.filter((_, i) => i % 10 === 9).length
  console.log(
    `PostgreSQL (c) raw pg prepared lookup     ${fmt(raw).padStart(10)} /s  (one connection, sequential; ${fmt(found)} found of ${fmt(numbers.length)}; median of 5 passes)`
  )
  console.log(
    `PostgreSQL (c) lookup through repository  ${fmt(store).padStart(10)} /s  ratio ${(store / raw).toFixed(2)}  (passes ${passes.store.map(fmt).join(", ")} vs ${passes.raw.map(fmt).join(", ")})`
  )
}

/** The same measurements on PostgreSQL, in fresh databases on the server at `baseUrl`. */
const postgres = async (baseUrl: string) => {
  const scope = Effect.runSync(Scope.make())
  try {
    const { url } = await Effect.runPromise(Scope.extend(freshPgUrl(baseUrl), scope))
    const target: Database.DatabaseTarget = { _tag: "pg", url: Redacted.make(url) }
    await Effect.runPromise(Effect.provide(Effect.void, Database.layer(target)))
    const rows = await sampleRows(N, "bench-raw")
    const client = new pg.Client({ connectionString: url })
    client.on("error", () => {}) // the database is dropped with FORCE at the end
    await client.connect()
    const full = pgInsert(PG_CHUNK)
    const start = process.hrtime.bigint()
    await client.query("BEGIN")
    await client.query(
      "INSERT INTO certificate_batches (batch_id, institution_id, certificate_count, issued_at) VALUES ($1, $2, $3, $4)",
      ["bench-raw", institution.id, N, new Date().toISOString()]
    )
    for (let i = 0; i < rows.length; i += PG_CHUNK) {
      const part = rows.slice(i, i + PG_CHUNK)
      await client.query(part.length === PG_CHUNK ? full : pgInsert(part.length), part.flat())
    }
    await client.query("COMMIT")
    const a = seconds(start)
    await client.end()
    // the store issues the same numbers: a database of its own
    const store = await Effect.runPromise(Scope.extend(freshPgUrl(baseUrl), scope))
    const b = await storeIssue({ _tag: "pg", url: Redacted.make(store.url) }, N)
    console.log(
      `PostgreSQL (a) raw pg multi-row insert    ${fmt(N / a).padStart(10)} rows/s  (${a.toFixed(2)} s)`
    )
    console.log(
      `PostgreSQL (b) issue through the store    ${fmt(N / b).padStart(10)} rows/s  (${b.toFixed(2)} s, every domain check)`
    )
    console.log(`PostgreSQL b/a = ${(a / b).toFixed(2)}  (target ≥ 0.5)`)
    const d = await revokeBatch({ _tag: "pg", url: Redacted.make(store.url) })
    console.log(
      `PostgreSQL (d) revoke the ${fmt(d.revoked)}-certificate batch  ${d.seconds.toFixed(2)} s  (target ≤ 2 s)`
    )
    const lookups = await Effect.runPromise(Scope.extend(freshPgUrl(baseUrl), scope))
    await pgLookups(lookups.url)
  } finally {
    await Effect.runPromise(Scope.close(scope, Exit.void))
  }
}

const main = async () => {
  mkdirSync(DIR, { recursive: true })
  console.log(`node ${process.version}; N = ${fmt(N)}; lookup file rows = ${fmt(LOOKUP_ROWS)}`)

  const rawFile = join(DIR, "raw.sqlite")
  const storeFile = join(DIR, "store.sqlite")
  for (const f of [rawFile, storeFile]) for (const s of ["", "-wal", "-shm"]) rmSync(f + s, { force: true })
  const a = await rawInsert(rawFile, N)
  const b = await storeIssue({ _tag: "sqlite", filename: storeFile }, N)
  console.log(
    `SQLite (a) raw better-sqlite3 insert      ${fmt(N / a).padStart(10)} rows/s  (${a.toFixed(2)} s)`
  )
  console.log(
    `SQLite (b) issue through the store        ${fmt(N / b).padStart(10)} rows/s  (${b.toFixed(2)} s, every domain check)`
  )
  console.log(`SQLite b/a = ${(a / b).toFixed(2)}  (target ≥ 0.5)`)
  const d = await revokeBatch({ _tag: "sqlite", filename: storeFile })
  console.log(
    `SQLite (d) revoke the ${fmt(d.revoked)}-certificate batch  ${d.seconds.toFixed(2)} s  (target ≤ 2 s)`
  )

  const lookupFile = join(DIR, `lookup-${LOOKUP_ROWS}.sqlite`)
  console.log(`building/reusing ${lookupFile} …`)
  await buildLookupFile(lookupFile, LOOKUP_ROWS)
  console.log(`lookup file: ${(statSync(lookupFile).size / 2 ** 30).toFixed(2)} GiB`)
  const numbers = lookupNumbers(lookupFile, 200_000)

  const raw = new Sqlite(lookupFile, { readonly: true })
  // the fastest raw read better-sqlite3 offers: a prepared statement in raw (values) mode
  const get = raw
    .prepare(`SELECT ${CERTIFICATE_COLUMNS.join(", ")} FROM certificates WHERE number = ?`)
    .raw(true)
  let found = 0
  let start = process.hrtime.bigint()
  for (const n of numbers) if (get.get(n) !== undefined) found++
  const rawLookup = numbers.length / seconds(start)
  raw.close()

  const repoLookup = await Effect.runPromise(
    Effect.gen(function* () {
      const repo = yield* CertificateRepository
      let hits = 0
      for (const n of numbers.slice(0, 20_000)) if (Option.isSome(yield* repo.findByNumber(n))) hits++ // warm-up
      start = process.hrtime.bigint()
      for (const n of numbers) if (Option.isSome(yield* repo.findByNumber(n))) hits++
      return { rate: numbers.length / seconds(start), hits }
    }).pipe(
      Effect.provide(
        SqlCertificateRepository.layer.pipe(
          Layer.provide(Database.layer({ _tag: "sqlite", filename: lookupFile }))
        )
      ),
      Effect.scoped
    )
  )
  console.log(
    `SQLite (c) raw prepared lookup            ${fmt(rawLookup).padStart(10)} /s  (${fmt(found)} found of ${fmt(numbers.length)})`
  )
  console.log(
    `SQLite (c) lookup through the repository  ${fmt(repoLookup.rate).padStart(10)} /s  ratio ${(repoLookup.rate / rawLookup).toFixed(2)}  (target ≥ 100,000/s)`
  )
}

const mainWithPg = async () => {
  await main()
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
  if (pgUrl === undefined) console.log("PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)")
  else await postgres(pgUrl)
}

mainWithPg().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
