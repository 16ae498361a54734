/**
 * EnterpriseNormFilingRepository on @effect/sql, for SQLite and PostgreSQL (54号·三 企业评价规范备案). A filing is
 * one JSON document (decoded with the domain's schema on read, so a row that no longer fits is a defect) beside
 * the columns the lists filter on: the employer, the employer's region columns (a centre's region, sub-regions
 * included, is one indexed equality: sql/SqlParts withinRegion), the status and the submission date.
 */
import { SqlClient } from "@effect/sql"
import { EnterpriseNormFiling } from "@jineng/domain/occupation/EnterpriseNormFiling"
import {
  EnterpriseNormFilingRepository,
  type FilingPage,
  type FilingQuery
} from "@jineng/domain/occupation/EnterpriseNormFilingRepository"
import { Effect, Layer, Option, Schema } from "effect"
import { regionColumns, withinRegion } from "../sql/SqlParts.js"

type FilingRow = { readonly filing: string }

const decode = Schema.decodeUnknownSync(Schema.parseJson(EnterpriseNormFiling))
const encode = Schema.encodeSync(Schema.parseJson(EnterpriseNormFiling))

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  const find = (normId: string) =>
    sql<FilingRow>`SELECT filing FROM enterprise_norm_filings WHERE norm_id = ${normId}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), (r) => decode(r.filing))),
      Effect.orDie
    )

  const save = (f: EnterpriseNormFiling) => {
    const row = {
      norm_id: f.submission.id,
      employer_id: f.submission.employerId,
      ...regionColumns(f.regionCode),
      status: f.status,
      submitted_on: f.submittedOn,
      filing: encode(f)
    }
    return sql`
      INSERT INTO enterprise_norm_filings ${sql.insert(row)}
      ON CONFLICT (norm_id) DO UPDATE SET status = excluded.status, filing = excluded.filing`.pipe(
      Effect.asVoid,
      Effect.orDie
    )
  }

  const list = (q: FilingQuery): Effect.Effect<FilingPage> =>
    Effect.gen(function* () {
      const where = sql.and([
        ...(q.status === undefined ? [] : [sql`status = ${q.status}`]),
        ...(q.regionCode === undefined ? [] : [withinRegion(sql, q.regionCode)]),
        ...(q.employerIds === undefined
          ? []
          : q.employerIds.length === 0
            ? [sql`1 = 0`]
            : [sql.in("employer_id", q.employerIds)])
      ])
      const [counted] = yield* sql<{ readonly n: number | string }>`
        SELECT COUNT(*) AS n FROM enterprise_norm_filings WHERE ${where}`
      const rows = yield* sql<FilingRow>`
        SELECT filing FROM enterprise_norm_filings WHERE ${where}
        ORDER BY submitted_on DESC, norm_id LIMIT ${q.limit} OFFSET ${q.offset}`
      return {
        items: rows.map((r) => decode(r.filing)),
        total: Number(counted?.n ?? 0),
        limit: q.limit,
        offset: q.offset
      }
    }).pipe(Effect.orDie)

  return EnterpriseNormFilingRepository.of({ find, save, list })
})

export const SqlEnterpriseNormFilingRepository = {
  layer: Layer.effect(EnterpriseNormFilingRepository, make)
}
