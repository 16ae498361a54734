/**
 * Registry benchmark (issue #3). In one run on one machine, figures and ratios:
 *  (a) raw better-sqlite3: insert N certificate rows in one transaction (prepared statement, same schema);
 *  (b) the store: issue the same N certificates through CertificateIssuance with every domain check → b/a;
 *  (c) lookups by certificate number through the repository on a large file (raw prepared statements as baseline:
 *      the repository's statement on the table clustered by number, and the number index alone), raw and
 *      repository passes interleaved (the median pass counts);
 * and the same on PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, (c) on a database of its own
 * with BENCH_PG_LOOKUP_ROWS certificates, raw and repository passes interleaved (the median pass counts).
 * Env: BENCH_N (default 100000), BENCH_LOOKUP_ROWS (default 10000000), BENCH_PG_LOOKUP_ROWS (default 1000000),
 * BENCH_DIR (default .bench/), BENCH_LOOKUP_FILE (an existing registry file for (c) instead of building one in
 * BENCH_DIR; it is migrated first, the migration timed).
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
import { CERTIFICATE_COLUMNS, toValues } from "../src/certificate/CertificateRow.js"
import { SqlCertificateRepository } from "../src/certificate/SqlCertificateRepository.js"
import * as Database from "../src/Database.js"
import { Migrations } from "../src/Migrations.js"
import * as Registry from "../src/Registry.js"
import { insertCertificate, keyIdsOf, LOOKUP_BY_NUMBER_SQL } from "../src/sqlite/CertificateSlots.js"
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

/** Migrates the file to the latest schema; the migrations applied. */
const migrate = (filename: string) =>
  Effect.runPromise(
    Migrations.run.pipe(Effect.provide(Database.clientLayer({ _tag: "sqlite", filename })), Effect.scoped)
  )

const openRaw = (filename: string) => {
  const db = new Sqlite(filename)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = FULL") // as the store: a committed issuance survives power loss
  return db
}

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

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
  return result.certificates.map(toValues)
}

const rawInsert = async (filename: string, n: number) => {
  await migrate(filename)
  const rows = await sampleRows(n, "bench-raw")
  const db = openRaw(filename)
  db.prepare(
    "INSERT INTO certificate_batches (batch_id, institution_id, certificate_count, issued_at) VALUES (?, ?, ?, ?)"
  ).run("bench-raw", institution.id, n, new Date().toISOString())
  const start = process.hrtime.bigint()
  db.transaction(() => {
    // the same schema as the store: each row at its slot (sqlite/CertificateSlots)
    const keyIds = keyIdsOf(
      db,
      rows.map((r) => r[0] as string)
    )
    for (const r of rows) insertCertificate(db, keyIds, r)
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
  const keyIds = new Map<string, number>()
  const start = process.hrtime.bigint()
  for (let b = 0; b * LOOKUP_BATCH < rows; b++) {
    db.transaction(() => {
      db.prepare(
        "INSERT INTO certificate_batches (batch_id, institution_id, certificate_count, issued_at) VALUES (?, ?, ?, ?)"
      ).run(`lookup-${b}`, institution.id, LOOKUP_BATCH, "2025-06-30T00:00:00Z")
      for (let k = b * LOOKUP_BATCH; k < (b + 1) * LOOKUP_BATCH && k < rows; k++) {
        const row = lookupRow(template, k)
        insertCertificate(db, keyIdsOf(db, [row[0] as string], keyIds), row)
      }
    })()
    if (b % 10 === 9) console.log(`  … ${fmt((b + 1) * LOOKUP_BATCH)} rows (${seconds(start).toFixed(0)} s)`)
  }
  db.close()
}

/** A seeded pseudo-random sequence in [0, 1): the same lookups in every run. */
const random = (seed: number) => () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
  return seed / 2 ** 32
}

/**
 * About `count` numbers spread uniformly over the whole file (each row kept with the same probability, read off
 * the number index, so any registry file will do), in random order; one in ten replaced by a missing number.
 */
const lookupNumbers = (filename: string, count: number): Array<string> => {
  const db = new Sqlite(filename, { readonly: true })
  const total = (db.prepare("SELECT count(*) AS n FROM certificates").get() as { n: number }).n
  const next = random(42)
  const out: Array<string> = []
  for (const n of db.prepare("SELECT number FROM certificates ORDER BY number").pluck().iterate())
    if (next() * total < count) out.push(n as string)
  db.close()
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j] as string, out[i] as string]
  }
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

  const given = process.env.BENCH_LOOKUP_FILE
  const lookupFile = given ?? join(DIR, `lookup-${LOOKUP_ROWS}.sqlite`)
  if (given === undefined) {
    console.log(`building/reusing ${lookupFile} …`)
    await buildLookupFile(lookupFile, LOOKUP_ROWS)
  }
  const migrating = process.hrtime.bigint()
  const applied = await migrate(lookupFile)
  if (applied.length > 0)
    console.log(
      `lookup file migrated (${applied.map(([id, name]) => `${id}_${name}`).join(", ")}) in ${seconds(migrating).toFixed(1)} s`
    )
  console.log(`lookup file ${lookupFile}: ${(statSync(lookupFile).size / 2 ** 30).toFixed(2)} GiB`)
  const numbers = lookupNumbers(lookupFile, 200_000)
  const raw = new Sqlite(lookupFile, { readonly: true, fileMustExist: true })
  raw.pragma("query_only = ON") // as the store's reader connection
  // the fastest raw reads better-sqlite3 offers: prepared statements in raw (values) mode
  const clustered = raw.prepare<[{ number: string }]>(LOOKUP_BY_NUMBER_SQL).raw(true)
  const byIndex = raw
    .prepare<[string]>(`SELECT ${CERTIFICATE_COLUMNS.join(", ")} FROM certificates WHERE number = ?`)
    .raw(true)
  const rawPass = (get: (n: string) => unknown) => () => {
    let hits = 0
    const start = process.hrtime.bigint()
    for (const n of numbers) if (get(n) !== undefined) hits++
    if (raw.inTransaction) raw.prepare("COMMIT").run()
    return { rate: numbers.length / seconds(start), hits }
  }
  // as the store's reader: the lookups of one millisecond share a read transaction (SqliteDatabase.read)
  const begin = raw.prepare("BEGIN")
  const commit = raw.prepare("COMMIT")
  let until = 0
  const raws = {
    index: rawPass((n) => byIndex.get(n)),
    clustered: rawPass((number) => clustered.get({ number })),
    shared: rawPass((number) => {
      const now = performance.now()
      if (now >= until) {
        if (raw.inTransaction) commit.run()
        begin.run()
        until = now + 1
      }
      return clustered.get({ number })
    })
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
      // warm-up: the OS page cache, each connection's cache
      for (const pass of Object.values(raws)) pass()
      yield* repoPass
      const rates = {
        index: [] as Array<number>,
        clustered: [] as Array<number>,
        shared: [] as Array<number>
      }
      const store: Array<number> = []
      let hits = 0
      for (let pass = 0; pass < 5; pass++) {
        for (const [name, rawPass] of Object.entries(raws)) {
          const r = rawPass()
          if (pass === 0) hits = r.hits
          if (r.hits !== hits) throw new Error(`${name} found ${r.hits}, expected ${hits}`)
          rates[name as keyof typeof raws].push(r.rate)
        }
        const s = yield* repoPass
        if (s.hits !== hits) throw new Error(`the repository found ${s.hits}, expected ${hits}`)
        store.push(s.rate)
      }
      return { ...rates, store, hits }
    }).pipe(
      Effect.provide(
        SqlCertificateRepository.layer.pipe(
          Layer.provide(Database.layer({ _tag: "sqlite", filename: lookupFile }))
        )
      ),
      Effect.scoped
    )
  )
  raw.close()
  const rawLookup = median(passes.shared)
  const repoLookup = median(passes.store)
  console.log(
    `SQLite (c) raw lookup, number index       ${fmt(median(passes.index)).padStart(10)} /s  (one read transaction per lookup: the path before 0016; ${fmt(passes.hits)} found of ${fmt(numbers.length)}, median of 5 passes)`
  )
  console.log(
    `SQLite (c) raw lookup, clustered table    ${fmt(median(passes.clustered)).padStart(10)} /s  (one read transaction per lookup)`
  )
  console.log(
    `SQLite (c) raw lookup, clustered, shared  ${fmt(rawLookup).padStart(10)} /s  (a read transaction shared for 1 ms, as the store's reader)`
  )
  console.log(
    `SQLite (c) lookup through the repository  ${fmt(repoLookup).padStart(10)} /s  ratio ${(repoLookup / rawLookup).toFixed(2)}  (target ≥ 100,000/s; passes ${passes.store.map(fmt).join(", ")} vs ${passes.shared.map(fmt).join(", ")})`
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
