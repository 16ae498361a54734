/**
 * The benchmark's registry file: N certificates in the registry's real schema (migrated through @jineng/db's
 * Database layer), inserted with the repository's raw SQLite insert (sqlite/CertificateSlots) in transactions
 * of 100,000 rows through SqliteDatabase's raw handle. Holders have realistic names and resident ID numbers, so the public lookup is number + name.
 * The file is built under a temporary name and renamed when complete: an existing file is a finished one.
 */
import { existsSync, renameSync, rmSync } from "node:fs"
import { CERTIFICATE_COLUMNS, type CertificateRow } from "@jineng/db/certificate/CertificateRow"
import * as Database from "@jineng/db/Database"
import { insertCertificate, keyIdsOf } from "@jineng/db/sqlite/CertificateSlots"
import { SqliteDatabase } from "@jineng/db/sqlite/SqliteDatabase"
import { checkCharacter } from "@jineng/domain/codes/ResidentIdNumber"
import { Effect } from "effect"
import { Sqlite } from "./sqlite.js"

const PER_TRANSACTION = 100_000
const SERIALS = 999_999

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤"
const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯鹏飞婷雪琳晨欣怡佳涵轩宁波春梅海燕志国庆东"
const DISTRICTS = ["320102", "320104", "320105", "320106", "320111", "320205", "320312", "320506", "320602"]
const OCCUPATIONS = [
  { code: "6-18-01-01", name: "车工", workType: null },
  { code: "6-31-01-03", name: "电工", workType: null },
  { code: "6-18-02-04", name: "焊工", workType: "电焊工" },
  { code: "4-10-01-02", name: "育婴员", workType: null },
  { code: "4-03-02-01", name: "中式烹调师", workType: null }
] as const

const pad = (n: number, width: number) => String(n).padStart(width, "0")

/** A 32-bit mix of k: deterministic, well spread. */
const mix = (k: number): number => {
  let h = Math.imul(k ^ 0x9e3779b9, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** The k-th certificate's number (0-based); numbers increase with k, so the primary key grows in order. */
export const certificateNumber = (k: number): string =>
  `S000032${pad(1 + Math.floor(k / (5 * SERIALS)), 6)}25${1 + (Math.floor(k / SERIALS) % 5)}${pad((k % SERIALS) + 1, 6)}`

/** A well-formed number no certificate has (site serial 999999 is never used): a lookup that finds nothing. */
export const unknownNumber = (i: number): string => `S000032999999253${pad((i % SERIALS) + 1, 6)}`

const holderName = (k: number): string => {
  const h = mix(k)
  const second = (h >>> 16) % 3 === 0 ? "" : GIVEN.charAt((h >>> 20) % GIVEN.length)
  return SURNAMES.charAt(h % SURNAMES.length) + GIVEN.charAt((h >>> 8) % GIVEN.length) + second
}

const residentId = (k: number): string => {
  const h = mix(k + 0x5bd1e995)
  const first17 = `${DISTRICTS[h % DISTRICTS.length]}${1965 + ((h >>> 4) % 40)}${pad(1 + ((h >>> 10) % 12), 2)}${pad(1 + ((h >>> 14) % 28), 2)}${pad((h >>> 19) % 1000, 3)}`
  return first17 + checkCharacter(first17)
}

const batchOf = (k: number) => `bench-${Math.floor(k / PER_TRANSACTION)}`

const row = (k: number): CertificateRow => {
  const occupation = OCCUPATIONS[k % OCCUPATIONS.length] as (typeof OCCUPATIONS)[number]
  const revoked = k % 97 === 0 // about 1%: both branches of the view
  return {
    number: certificateNumber(k),
    kind: "level",
    holder_name: holderName(k),
    holder_id_type: "resident_id",
    holder_id_number: residentId(k),
    occupation_code: occupation.code,
    occupation_name: occupation.name,
    work_type: occupation.workType,
    level: 1 + (Math.floor(k / SERIALS) % 5),
    issuer_institution_id: "inst-bench",
    issuer_name: "江苏省某职业技能评价中心",
    issuer_region: "320102",
    issuer_signatory: "张三",
    issuer_seal_id: "seal-bench",
    issued_on: `2025-${pad(1 + (Math.floor(k / PER_TRANSACTION) % 12), 2)}-15`,
    batch_id: batchOf(k),
    status: revoked ? "revoked" : "valid",
    revoked_on: revoked ? "2025-12-01" : null,
    revocation_reason: revoked ? "irregular_issuance" : null,
    revocation_order_id: revoked ? "order-bench-1" : null
  }
}

/** The number of certificates in a registry file, or undefined without a usable file. */
export const rowsOf = (filename: string): number | undefined => {
  if (!existsSync(filename)) return undefined
  try {
    const db = new Sqlite(filename, { readonly: true, fileMustExist: true })
    try {
      return (db.prepare("SELECT count(*) AS n FROM certificates").get() as { n: number }).n
    } finally {
      db.close()
    }
  } catch {
    return undefined
  }
}

const removeWithSidecars = (filename: string) => {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(filename + suffix, { force: true })
}

/** Migrates the file to the registry's latest schema (nothing to do when it is up to date). */
export const migrate = (filename: string): Promise<void> =>
  Effect.runPromise(Effect.provide(Effect.void, Database.layer({ _tag: "sqlite", filename })))

/**
 * Builds `filename` with `rows` certificates, or migrates it to the latest schema when it exists (a file is
 * renamed into place only when complete); true when it was built. Rows go in as the repository inserts them on
 * SQLite, each at its slot in the table clustered by number (sqlite/CertificateSlots).
 */
export const ensureRegistryFile = async (
  filename: string,
  rows: number,
  progress: (done: number) => void
): Promise<boolean> => {
  if (existsSync(filename)) {
    await migrate(filename)
    return false
  }
  const building = `${filename}.building`
  removeWithSidecars(building)
  await migrate(building)
  await Effect.runPromise(
    Effect.gen(function* () {
      const sqlite = yield* SqliteDatabase
      for (let start = 0; start < rows; start += PER_TRANSACTION) {
        const end = Math.min(rows, start + PER_TRANSACTION)
        yield* sqlite.transaction((raw) => {
          raw
            .prepare(
              "INSERT INTO certificate_batches (batch_id, institution_id, certificate_count, issued_at) VALUES (?, ?, ?, ?)"
            )
            .run(batchOf(start), "inst-bench", end - start, "2025-06-30T00:00:00Z")
          const batch = Array.from({ length: end - start }, (_, i) => row(start + i))
          const keyIds = keyIdsOf(
            raw,
            batch.map((r) => r.number)
          )
          for (const r of batch)
            insertCertificate(
              raw,
              keyIds,
              CERTIFICATE_COLUMNS.map((c) => r[c])
            )
        })
        if ((end / PER_TRANSACTION) % 10 === 0 || end === rows) progress(end)
      }
    }).pipe(Effect.provide(SqliteDatabase.layer({ filename: building })))
  )
  // Closing the last connection checkpointed the WAL into the file: the file alone is the database.
  removeWithSidecars(filename)
  renameSync(building, filename)
  return true
}

export interface Lookup {
  readonly number: string
  readonly name: string
}

/** A fixed pseudo-random sequence in [0, 1). */
const randoms = () => {
  let seed = 42
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed / 2 ** 31
  }
}

/** One lookup in ten asks for a number that does not exist, as real public lookups do. */
const withUnknowns = (found: ReadonlyArray<Lookup>): Array<Lookup> =>
  found.map((l, i) => (i % 10 === 9 ? { number: unknownNumber(i), name: l.name } : l))

/** `count` lookups (number + the holder's name) of certificates spread uniformly over a file built here. */
export const builtLookups = (rows: number, count: number): Array<Lookup> => {
  const next = randoms()
  return withUnknowns(
    Array.from({ length: count }, () => {
      const k = Math.floor(next() * rows)
      return { number: certificateNumber(k), name: holderName(k) }
    })
  )
}

/**
 * `count` lookups of certificates in a file built elsewhere: the first row at or after a random rowid between
 * the smallest and the largest (rows after a gap in the rowids come up more often).
 */
export const sampleLookups = (filename: string, count: number): Array<Lookup> => {
  const db = new Sqlite(filename, { readonly: true, fileMustExist: true })
  try {
    const { lo, hi } = db.prepare("SELECT min(rowid) AS lo, max(rowid) AS hi FROM certificates").get() as {
      lo: number
      hi: number
    }
    const pick = db.prepare<[number], Lookup>(
      "SELECT number, holder_name AS name FROM certificates WHERE rowid >= ? ORDER BY rowid LIMIT 1"
    )
    const next = randoms()
    return withUnknowns(
      Array.from({ length: count }, () => pick.get(lo + Math.floor(next() * (hi - lo + 1))) as Lookup)
    )
  } finally {
    db.close()
  }
}
