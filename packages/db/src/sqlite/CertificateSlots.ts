/**
 * On SQLite the certificates table is clustered by number (migration 0016): its rowid, `slot`, is derived from
 * the number — the id of the number's serial key (its first 16 characters, the counter numbers are allocated
 * from, domain.md §3) in certificate_number_keys, times 2^20, plus its 6-digit serial. A public lookup by number
 * is then one descent of the table's B-tree (and one of the small, cached key table) instead of the number
 * index and then the table: on a 10,000,000-certificate file one page read from the OS cache instead of two
 * (issue #3). The mapping is injective (one key id per key, serial < 2^20), and the rows of one serial key sit
 * in number order, so a batch's rows stay together for issuing, listing and revoking.
 *
 * The slot is an access path only, never the truth: the number keeps its UNIQUE index and the lookup falls back
 * to it, so a row stored at another rowid (inserted around the repository, e.g. by plain SQL, or put aside at a
 * negative rowid because its slot was taken or its number has no serial) is still found.
 */
import type Sqlite from "better-sqlite3"
import { CERTIFICATE_COLUMNS } from "../certificate/CertificateRow.js"
import { cached } from "./CachedStatement.js"

/** Serials are 000001–999999 (CertificateNumber.MAX_SERIAL) < 2^20. */
const SERIAL_SPAN = 2 ** 20

/** The serial key of a number: type, institution code, province, site, year and level (its first 16 characters). */
export const serialKeyOfNumber = (number: string): string => number.slice(0, 16)

const SERIAL = /^\d{6}$/

/** The slot of `number` under its key's id; null (the row is put aside) for a number without a 6-digit serial. */
export const slotOf = (keyId: number, number: string): number | null => {
  const serial = number.slice(16)
  return number.length === 22 && SERIAL.test(serial) ? keyId * SERIAL_SPAN + Number(serial) : null
}

/** SQL: the number column `n` ends in a 6-digit serial (then it has 22 characters, as slotOf requires). */
export const hasSerialSql = (n: string) => `substr(${n}, 17) GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'`

/** SQL: the slot of the number column `n` under the key id column `k`, as slotOf; NULL without a serial. */
export const slotSql = (n: string, k: string) =>
  `CASE WHEN ${hasSerialSql(n)} THEN ${k} * ${SERIAL_SPAN} + CAST(substr(${n}, 17) AS INTEGER) END`

const keyIdStatement = cached((db) =>
  db
    .prepare<[string], number>(
      `INSERT INTO certificate_number_keys (serial_key) VALUES (?)
       ON CONFLICT (serial_key) DO UPDATE SET serial_key = excluded.serial_key RETURNING key_id`
    )
    .pluck()
)

/**
 * The key ids of the serial keys of `numbers` (added to `ids`), registering new keys; run inside the issuing
 * transaction.
 */
export const keyIdsOf = (
  db: Sqlite.Database,
  numbers: Iterable<string>,
  ids: Map<string, number> = new Map()
): Map<string, number> => {
  for (const n of numbers) {
    const key = serialKeyOfNumber(n)
    if (!ids.has(key)) ids.set(key, keyIdStatement(db).get(key) as number)
  }
  return ids
}

const insertStatement = cached((db) =>
  db.prepare<Array<unknown>>(
    `INSERT INTO certificates (slot, ${CERTIFICATE_COLUMNS.join(", ")}) VALUES (?, ${CERTIFICATE_COLUMNS.map(() => "?").join(", ")})`
  )
)

const asideStatement = cached((db) =>
  db.prepare<[], number>("SELECT min(coalesce((SELECT min(slot) FROM certificates), 0), 0) - 1").pluck()
)

/**
 * Inserts one certificate row (values in CERTIFICATE_COLUMNS order) at its slot. A slot already taken — only
 * possible when a row was stored around this function (plain SQL picks max(rowid) + 1) — puts the row aside at
 * a negative rowid, below every slot, so that it never takes another number's slot; the lookup still finds it
 * through the number index. Any other constraint fails as before.
 */
export const insertCertificate = (
  db: Sqlite.Database,
  keyIds: ReadonlyMap<string, number>,
  values: ReadonlyArray<unknown>
): void => {
  const number = values[0] as string
  const keyId = keyIds.get(serialKeyOfNumber(number))
  const slot = keyId === undefined ? null : slotOf(keyId, number)
  const insert = insertStatement(db)
  try {
    insert.run(slot ?? asideStatement(db).get(), ...values)
  } catch (error) {
    if (slot === null || (error as { readonly code?: unknown }).code !== "SQLITE_CONSTRAINT_PRIMARYKEY")
      throw error
    insert.run(asideStatement(db).get(), ...values)
  }
}

/**
 * The lookup by number, CERTIFICATE_COLUMNS in order; one named parameter, `number`. The first arm finds a row at
 * its slot in one descent; only when it finds nothing does the second arm search the number index (LIMIT 1 ends
 * the statement at the first row).
 */
export const LOOKUP_BY_NUMBER_SQL = `
  SELECT ${CERTIFICATE_COLUMNS.map((c) => `c.${c}`).join(", ")}
  FROM certificate_number_keys k JOIN certificates c ON c.slot = ${slotSql("@number", "k.key_id")}
  WHERE k.serial_key = substr(@number, 1, 16) AND c.number = @number
  UNION ALL
  SELECT ${CERTIFICATE_COLUMNS.join(", ")} FROM certificates WHERE number = @number
  LIMIT 1`
