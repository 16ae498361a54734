/**
 * CertificateRepository on @effect/sql, for SQLite and PostgreSQL. Issuing a batch is one transaction: the
 * batch row first, with the issuing institution (its primary key makes a retried or concurrent duplicate
 * submission a no-op; the same id from another institution fails, 54号·四 "谁评价、谁发证、谁负责"), then one
 * serial counter upsert per number prefix in key order (numbers are allocated inside the transaction,
 * domain.md §3; one lock order for every issuer, so concurrent batches never deadlock), then the certificates
 * in multi-row INSERTs. The public lookup (the measured hot path, architecture guide "Decisions already taken")
 * uses a cached prepared statement on SQLite's raw connection, and a named prepared statement on PostgreSQL.
 *
 * Every issuance and revocation appends its events to the transparency log (issue #7, transparency/LogAppender)
 * as the LAST step of its transaction — after the serial counters and the certificates, in one lock order for
 * every transaction — so a rolled-back issuance or revocation leaves no leaf, and an idempotent retry adds none.
 * The certificates themselves are locked in number order by both revocations, named and whole-batch (on
 * PostgreSQL an explicit `SELECT … ORDER BY number FOR NO KEY UPDATE` first), so the two never deadlock.
 */
import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import type * as Statement from "@effect/sql/Statement"
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import type { CertificateDraft } from "@jineng/domain/certificate/CertificateDraft"
import { serialKeyOf } from "@jineng/domain/certificate/CertificateDraft"
import { BatchIdTakenByAnotherIssuer, SerialsExhausted } from "@jineng/domain/certificate/CertificateErrors"
import { CertificateRepository, type IssuedBatch } from "@jineng/domain/certificate/CertificateRepository"
import { deriveCertificateNumber, MAX_SERIAL } from "@jineng/domain/codes/CertificateNumber"
import type Sqlite from "better-sqlite3"
import { Clock, Effect, Layer, Option } from "effect"
import { PgDatabase } from "../pg/PgDatabase.js"
import { CHUNK, chunks } from "../sql/SqlParts.js"
import { insertCertificate, keyIdsOf, LOOKUP_BY_NUMBER_SQL } from "../sqlite/CertificateSlots.js"
import { SqliteDatabase } from "../sqlite/SqliteDatabase.js"
import * as LogAppender from "../transparency/LogAppender.js"
import {
  CERTIFICATE_COLUMNS,
  type CertificateRow,
  fromRow,
  fromValues,
  toRow,
  toValues
} from "./CertificateRow.js"

const VALID = { _tag: "valid" } as const

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const sqlite = yield* Effect.serviceOption(SqliteDatabase)
  const pgDatabase = yield* Effect.serviceOption(PgDatabase)
  const log = yield* LogAppender.make

  const lookupColumns = CERTIFICATE_COLUMNS.join(", ")
  const findByNumber = Option.match(sqlite, {
    onNone: () =>
      Option.match(pgDatabase, {
        onNone: () => (number: string) =>
          sql<CertificateRow>`SELECT * FROM certificates WHERE number = ${number}`.pipe(
            Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), fromRow)),
            Effect.orDie
          ),
        onSome: (db) => {
          // A named statement: parsed once per pooled connection instead of on every lookup (PgDatabase).
          const lookup = {
            name: "certificates_by_number",
            text: `SELECT ${lookupColumns} FROM certificates WHERE number = $1`
          }
          return (number: string) =>
            db.values(lookup, [number]).pipe(
              Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), fromValues)),
              Effect.orDie
            )
        }
      }),
    onSome: (db) => {
      // Raw mode (values, not named columns) is better-sqlite3's fastest read: the public lookup's hot path, one
      // descent of the table clustered by number (sqlite/CertificateSlots).
      let lookup: Sqlite.Statement<[{ readonly number: string }], ReadonlyArray<unknown>> | undefined
      return (number: string) =>
        db.read((raw) => {
          lookup ??= raw
            .prepare<[{ readonly number: string }], ReadonlyArray<unknown>>(LOOKUP_BY_NUMBER_SQL)
            .raw(true)
          const values = lookup.get({ number })
          return values === undefined ? Option.none() : Option.some(fromValues(values))
        })
    }
  })

  const findByHolderId = (idNumber: string) =>
    sql<CertificateRow>`SELECT * FROM certificates WHERE holder_id_number = ${idNumber} ORDER BY number`.pipe(
      Effect.map((rows) => rows.map(fromRow)),
      Effect.orDie
    )

  const listByBatch = (batchId: string) =>
    sql<CertificateRow>`SELECT * FROM certificates WHERE batch_id = ${batchId} ORDER BY number`.pipe(
      Effect.map((rows) => rows.map(fromRow)),
      Effect.orDie
    )

  /**
   * Inside the issuing transaction: on SQLite a cached prepared single-row INSERT on the raw connection (the
   * fastest path SQLite has), each row at its slot (sqlite/CertificateSlots); elsewhere multi-row INSERTs of
   * CHUNK rows.
   */
  const insertCertificates: (certificates: ReadonlyArray<Certificate>) => Effect.Effect<void, SqlError> =
    Option.match(sqlite, {
      onNone: () => (certificates) =>
        Effect.forEach(
          chunks(certificates, CHUNK),
          (chunk) => sql`INSERT INTO certificates ${sql.insert(chunk.map(toRow) as never)}`,
          { discard: true }
        ),
      onSome: (db) => (certificates) =>
        db.use((raw) => {
          const keyIds = keyIdsOf(
            raw,
            certificates.map((c) => c.number)
          )
          for (const c of certificates) insertCertificate(raw, keyIds, toValues(c))
        })
    })

  const issueBatch = (
    batchId: string,
    drafts: ReadonlyArray<CertificateDraft>
  ): Effect.Effect<IssuedBatch, SerialsExhausted | BatchIdTakenByAnotherIssuer> =>
    Effect.gen(function* () {
      const institutionId = drafts[0]?.certificate.issuer.institutionId
      if (institutionId === undefined) return { certificates: [], alreadyIssued: false }
      if (drafts.some((d) => d.certificate.issuer.institutionId !== institutionId)) {
        return yield* Effect.dieMessage(`batch ${batchId} has drafts of several institutions`)
      }
      const now = new Date(yield* Clock.currentTimeMillis).toISOString()
      // On PostgreSQL a concurrent insert of the same id waits here until the other transaction ends: then the
      // row is either committed (and read below) or gone (and this insert goes through).
      const created = yield* sql`
        INSERT INTO certificate_batches (batch_id, institution_id, certificate_count, issued_at)
        VALUES (${batchId}, ${institutionId}, ${drafts.length}, ${now})
        ON CONFLICT (batch_id) DO NOTHING
        RETURNING batch_id`
      if (created.length === 0) {
        const owners = yield* sql<{ readonly institution_id: string }>`
          SELECT institution_id FROM certificate_batches WHERE batch_id = ${batchId}`
        if (owners[0]?.institution_id !== institutionId) {
          return yield* new BatchIdTakenByAnotherIssuer({ field: "batchId", batchId })
        }
        return { certificates: yield* listByBatch(batchId), alreadyIssued: true }
      }
      const counts = new Map<string, { count: number; draft: CertificateDraft }>()
      for (const draft of drafts) {
        const key = serialKeyOf(draft)
        const entry = counts.get(key)
        if (entry === undefined) counts.set(key, { count: 1, draft })
        else entry.count++
      }
      // The counters are locked in key order, the same in every transaction: two batches that share several
      // keys (levels 3,4,5 and 5,4,3) then queue instead of deadlocking on PostgreSQL.
      const next = new Map<string, number>()
      for (const key of [...counts.keys()].sort()) {
        const { count, draft } = counts.get(key) as { count: number; draft: CertificateDraft }
        const rows = yield* sql<{ readonly last_serial: number | string }>`
          INSERT INTO certificate_serials (serial_key, last_serial) VALUES (${key}, ${count})
          ON CONFLICT (serial_key) DO UPDATE SET last_serial = certificate_serials.last_serial + excluded.last_serial
          RETURNING last_serial`
        const last = Number(rows[0]?.last_serial)
        if (last > MAX_SERIAL) {
          return yield* new SerialsExhausted({
            field: "certificates",
            prefix: key,
            year: Number(draft.certificate.issuedOn.slice(0, 4)),
            level: draft.certificate.level
          })
        }
        next.set(key, last - count + 1)
      }
      // Numbers follow the drafts' order within each key.
      const certificates = drafts.map((draft): Certificate => {
        const key = serialKeyOf(draft)
        const serial = next.get(key) ?? 1
        next.set(key, serial + 1)
        const c = draft.certificate
        return {
          number: deriveCertificateNumber(draft.prefix, Number(c.issuedOn.slice(0, 4)), c.level, serial),
          kind: c.kind,
          holder: c.holder,
          occupation: c.occupation,
          level: c.level,
          issuer: c.issuer,
          issuedOn: c.issuedOn,
          batchId,
          status: VALID
        } as Certificate
      })
      yield* insertCertificates(certificates)
      // Last: the log's lock is taken after the counters and the certificates (one lock order, no deadlock).
      yield* log.appendIssued(certificates)
      return { certificates, alreadyIssued: false }
    }).pipe(sql.withTransaction, Effect.catchTag("SqlError", Effect.die))

  /**
   * PostgreSQL: locks the still-valid certificates `where` selects, in number order, before they are updated (the
   * row lock an UPDATE takes, FOR NO KEY UPDATE). An UPDATE locks rows in the order its plan meets them — a batch
   * scan meets them in storage order, which for a batch of several levels (one serial counter each) is not number
   * order — so without this a whole-batch revocation and a revocation of named certificates of that batch could
   * each hold rows the other waits for (deadlock, 40P01). A row another transaction revokes meanwhile is re-checked
   * after its lock is granted and skipped. SQLite needs none: its transactions hold the file's write lock.
   */
  const lockValidInNumberOrder = (where: Statement.Fragment): Effect.Effect<void, SqlError> =>
    sql.onDialectOrElse({
      pg: () =>
        sql`SELECT number FROM certificates WHERE status = 'valid' AND ${where} ORDER BY number FOR NO KEY UPDATE`.pipe(
          Effect.asVoid
        ),
      orElse: () => Effect.void
    })

  /**
   * Rows are locked (lockValidInNumberOrder) and updated in number order, the same in every transaction — also
   * in revokeBatch's: no deadlock between two. The certificates changed get their revoked leaves last.
   */
  const revoke = (
    numbers: ReadonlyArray<string>,
    status: Extract<Certificate["status"], { _tag: "revoked" }>
  ): Effect.Effect<number> =>
    Effect.gen(function* () {
      const changed: Array<string> = []
      // chunks in number order, each locked in number order before its UPDATE: one order over the whole list
      for (const chunk of chunks([...new Set(numbers)].sort())) {
        yield* lockValidInNumberOrder(sql.in("number", chunk))
        const rows = yield* sql<{ readonly number: string }>`
          UPDATE certificates
          SET status = 'revoked', revoked_on = ${status.revokedOn}, revocation_reason = ${status.reason},
              revocation_order_id = ${status.orderId}
          WHERE status = 'valid' AND ${sql.in("number", chunk)}
          RETURNING number`
        for (const r of rows) changed.push(r.number)
      }
      yield* log.appendRevoked(changed.sort(), status.revokedOn)
      return changed.length
    }).pipe(sql.withTransaction, Effect.orDie)

  /**
   * 54号·五 whole-batch revocation: the batch's valid rows locked in number order (lockValidInNumberOrder: the
   * UPDATE's own scan of the batch index would lock them in storage order), then ONE UPDATE over the batch index,
   * returning the numbers it changed (an exact list, also under concurrent revocations: a row another transaction
   * revoked first no longer matches), which get their revoked leaves in number order, last in the transaction.
   */
  const revokeBatch = (
    batchId: string,
    status: Extract<Certificate["status"], { _tag: "revoked" }>
  ): Effect.Effect<number> =>
    Effect.gen(function* () {
      yield* lockValidInNumberOrder(sql`batch_id = ${batchId}`)
      const rows = yield* sql<{ readonly number: string }>`
        UPDATE certificates
        SET status = 'revoked', revoked_on = ${status.revokedOn}, revocation_reason = ${status.reason},
            revocation_order_id = ${status.orderId}
        WHERE batch_id = ${batchId} AND status = 'valid'
        RETURNING number`
      const changed = rows.map((r) => r.number).sort()
      yield* log.appendRevoked(changed, status.revokedOn)
      return changed.length
    }).pipe(sql.withTransaction, Effect.orDie)

  return CertificateRepository.of({
    findByNumber,
    findByHolderId,
    listByBatch,
    issueBatch,
    revoke,
    revokeBatch
  })
})

export const SqlCertificateRepository = {
  layer: Layer.effect(CertificateRepository, make)
}
