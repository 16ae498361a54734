/**
 * OrganisationRepository on @effect/sql, for SQLite and PostgreSQL (domain.md §4): organisations and the records
 * of their API keys — prefix and hash only, never the key. Key prefixes are unique by index; a key of an unknown
 * organisation is refused before the foreign key would be. Revocation is a conditional UPDATE, so the first
 * revocation time stays when two revocations race.
 */
import { SqlClient } from "@effect/sql"
import {
  ApiKeyNotFound,
  ApiKeyPrefixTaken,
  OrganisationAlreadyExists,
  OrganisationNotFound
} from "@jineng/domain/access/AccessErrors"
import type { ApiKeyRecord } from "@jineng/domain/access/ApiKeyRecord"
import type { Organisation } from "@jineng/domain/access/Organisation"
import {
  normalizeOrganisationQuery,
  type OrganisationPage,
  type OrganisationQuery,
  OrganisationRepository
} from "@jineng/domain/access/OrganisationRepository"
import { Effect, Layer, Option } from "effect"
import { withinRegion } from "../sql/SqlParts.js"
import {
  type ApiKeyRow,
  fromKeyRow,
  fromRow,
  type OrganisationRow,
  toKeyRow,
  toRow
} from "./OrganisationRow.js"

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  const create = (organisation: Organisation) =>
    sql`
      INSERT INTO access_organisations ${sql.insert(toRow(organisation))}
      ON CONFLICT (id) DO NOTHING
      RETURNING id`.pipe(
      Effect.orDie,
      Effect.flatMap((rows) =>
        rows.length === 0
          ? Effect.fail(new OrganisationAlreadyExists({ field: "id", organisationId: organisation.id }))
          : Effect.void
      )
    )

  const findById = (id: string) =>
    sql<OrganisationRow>`SELECT * FROM access_organisations WHERE id = ${id}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), fromRow)),
      Effect.orDie
    )

  const list = (query?: OrganisationQuery): Effect.Effect<OrganisationPage> =>
    Effect.gen(function* () {
      const q = normalizeOrganisationQuery(query)
      const where = sql.and([
        ...(q.regionCode === undefined ? [] : [withinRegion(sql, q.regionCode)]),
        ...(q.role === undefined ? [] : [sql`role = ${q.role}`]),
        ...(q.institutionId === undefined ? [] : [sql`institution_id = ${q.institutionId}`])
      ])
      const counted = yield* sql<{ readonly n: number | string }>`
        SELECT COUNT(*) AS n FROM access_organisations WHERE ${where}`
      const rows = yield* sql<OrganisationRow>`
        SELECT * FROM access_organisations WHERE ${where}
        ORDER BY region_code, name, id
        LIMIT ${q.limit} OFFSET ${q.offset}`
      return { items: rows.map(fromRow), total: Number(counted[0]?.n ?? 0), offset: q.offset, limit: q.limit }
    }).pipe(Effect.orDie)

  const insertKey = (record: ApiKeyRecord) =>
    Effect.gen(function* () {
      const owner = yield* sql`SELECT id FROM access_organisations WHERE id = ${record.organisationId}`
      if (owner.length === 0)
        return yield* new OrganisationNotFound({
          field: "organisationId",
          organisationId: record.organisationId
        })
      const inserted = yield* sql`
        INSERT INTO access_api_keys ${sql.insert(toKeyRow(record))}
        ON CONFLICT (prefix) DO NOTHING
        RETURNING id`
      if (inserted.length === 0)
        return yield* new ApiKeyPrefixTaken({ field: "prefix", prefix: record.prefix })
    }).pipe(sql.withTransaction, Effect.catchTag("SqlError", Effect.die))

  const findKeyByPrefix = (prefix: string) =>
    sql<ApiKeyRow>`SELECT * FROM access_api_keys WHERE prefix = ${prefix}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), fromKeyRow)),
      Effect.orDie
    )

  const listKeys = (organisationId: string) =>
    sql<ApiKeyRow>`
      SELECT * FROM access_api_keys WHERE organisation_id = ${organisationId} ORDER BY created_at, id`.pipe(
      Effect.map((rows) => rows.map(fromKeyRow)),
      Effect.orDie
    )

  const revokeKey = (id: string, revokedAt: string) =>
    Effect.gen(function* () {
      yield* sql`UPDATE access_api_keys SET revoked_at = ${revokedAt} WHERE id = ${id} AND revoked_at IS NULL`
      const rows = yield* sql<ApiKeyRow>`SELECT * FROM access_api_keys WHERE id = ${id}`
      const row = rows[0]
      if (row === undefined) return yield* new ApiKeyNotFound({ field: "keyId", keyId: id })
      return fromKeyRow(row)
    }).pipe(sql.withTransaction, Effect.catchTag("SqlError", Effect.die))

  return OrganisationRepository.of({
    create,
    findById,
    list,
    insertKey,
    findKeyByPrefix,
    listKeys,
    revokeKey
  })
})

export const SqlOrganisationRepository = {
  layer: Layer.effect(OrganisationRepository, make)
}
