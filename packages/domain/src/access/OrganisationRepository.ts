/**
 * Port: the organisations that act through the API and the records of their API keys (domain.md §4). Keys are
 * stored as records only (prefix + hash, never the key); making and checking them needs crypto and lives in
 * @jineng/db's ApiKeys. Implemented by @jineng/db; `layerTest` is in memory with the same contract.
 */
import { Context, Effect, Layer, Option } from "effect"
import { isWithinRegion } from "../codes/Region.js"
import {
  ApiKeyNotFound,
  ApiKeyPrefixTaken,
  OrganisationAlreadyExists,
  OrganisationNotFound
} from "./AccessErrors.js"
import type { ApiKeyRecord } from "./ApiKeyRecord.js"
import type { Organisation } from "./Organisation.js"
import type { OrganisationRole } from "./OrganisationRole.js"

/** A page request over the organisations; every filter is optional. */
export interface OrganisationQuery {
  readonly role?: OrganisationRole
  /** Organisations whose region is this region or lies inside it. */
  readonly regionCode?: string
  readonly institutionId?: string
  /** Default 0. */
  readonly offset?: number
  /** Default DEFAULT_ORGANISATION_PAGE_SIZE, at most MAX_ORGANISATION_PAGE_SIZE. */
  readonly limit?: number
}

export interface OrganisationPage {
  readonly items: ReadonlyArray<Organisation>
  readonly total: number
  readonly offset: number
  readonly limit: number
}

export const DEFAULT_ORGANISATION_PAGE_SIZE = 50
export const MAX_ORGANISATION_PAGE_SIZE = 500

export interface NormalizedOrganisationQuery {
  readonly role: OrganisationRole | undefined
  readonly regionCode: string | undefined
  readonly institutionId: string | undefined
  readonly offset: number
  readonly limit: number
}

const blankToUndefined = <S extends string>(s: S | undefined): S | undefined =>
  s === undefined || s.trim() === "" ? undefined : s

export const normalizeOrganisationQuery = (query: OrganisationQuery = {}): NormalizedOrganisationQuery => {
  const offset = Math.max(0, Math.floor(query.offset ?? 0))
  const limit = Math.min(
    MAX_ORGANISATION_PAGE_SIZE,
    Math.max(1, Math.floor(query.limit ?? DEFAULT_ORGANISATION_PAGE_SIZE))
  )
  return {
    role: blankToUndefined(query.role),
    regionCode: blankToUndefined(query.regionCode),
    institutionId: blankToUndefined(query.institutionId),
    offset: Number.isFinite(offset) ? offset : 0,
    limit: Number.isFinite(limit) ? limit : DEFAULT_ORGANISATION_PAGE_SIZE
  }
}

export const matchesOrganisationQuery = (o: Organisation, q: NormalizedOrganisationQuery): boolean =>
  (q.role === undefined || o.role === q.role) &&
  (q.regionCode === undefined || isWithinRegion(o.regionCode, q.regionCode)) &&
  (q.institutionId === undefined || o.institutionId === q.institutionId)

const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Region code, then name, then id (code-point order, the same in every store). */
export const compareOrganisations = (a: Organisation, b: Organisation): number =>
  compareCodeUnits(a.regionCode, b.regionCode) ||
  compareCodeUnits(a.name, b.name) ||
  compareCodeUnits(a.id, b.id)

/** Oldest first, then by id. */
export const compareKeys = (a: ApiKeyRecord, b: ApiKeyRecord): number =>
  compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.id, b.id)

export class OrganisationRepository extends Context.Tag("@jineng/domain/OrganisationRepository")<
  OrganisationRepository,
  {
    readonly create: (organisation: Organisation) => Effect.Effect<void, OrganisationAlreadyExists>
    readonly findById: (id: string) => Effect.Effect<Option.Option<Organisation>>
    /** Filtered, ordered by region, name and id, one page with the total. */
    readonly list: (query?: OrganisationQuery) => Effect.Effect<OrganisationPage>
    /** Stores a key record of an existing organisation; prefixes are unique; a duplicate key id is a defect. */
    readonly insertKey: (
      record: ApiKeyRecord
    ) => Effect.Effect<void, OrganisationNotFound | ApiKeyPrefixTaken>
    /** The record with this lookup prefix, revoked or not. */
    readonly findKeyByPrefix: (prefix: string) => Effect.Effect<Option.Option<ApiKeyRecord>>
    /** An organisation's key records, oldest first. */
    readonly listKeys: (organisationId: string) => Effect.Effect<ReadonlyArray<ApiKeyRecord>>
    /** Marks a key revoked at `revokedAt` (ISO instant); revoking again keeps the first time. */
    readonly revokeKey: (id: string, revokedAt: string) => Effect.Effect<ApiKeyRecord, ApiKeyNotFound>
  }
>() {
  static readonly layerTest = (seed: ReadonlyArray<Organisation> = []) =>
    Layer.sync(this, () => {
      const byId = new Map(seed.map((o) => [o.id, o]))
      const keys = new Map<string, ApiKeyRecord>()
      return OrganisationRepository.of({
        create: (organisation) =>
          Effect.suspend(() => {
            if (byId.has(organisation.id))
              return Effect.fail(
                new OrganisationAlreadyExists({ field: "id", organisationId: organisation.id })
              )
            byId.set(organisation.id, organisation)
            return Effect.void
          }),
        findById: (id) => Effect.sync(() => Option.fromNullable(byId.get(id))),
        list: (query) =>
          Effect.sync((): OrganisationPage => {
            const q = normalizeOrganisationQuery(query)
            const matching = [...byId.values()]
              .filter((o) => matchesOrganisationQuery(o, q))
              .sort(compareOrganisations)
            return {
              items: matching.slice(q.offset, q.offset + q.limit),
              total: matching.length,
              offset: q.offset,
              limit: q.limit
            }
          }),
        insertKey: (record) =>
          Effect.suspend((): Effect.Effect<void, OrganisationNotFound | ApiKeyPrefixTaken> => {
            if (!byId.has(record.organisationId))
              return Effect.fail(
                new OrganisationNotFound({ field: "organisationId", organisationId: record.organisationId })
              )
            if (keys.has(record.id)) return Effect.dieMessage(`API key ${record.id} is already on file`)
            for (const k of keys.values())
              if (k.prefix === record.prefix)
                return Effect.fail(new ApiKeyPrefixTaken({ field: "prefix", prefix: record.prefix }))
            keys.set(record.id, record)
            return Effect.void
          }),
        findKeyByPrefix: (prefix) =>
          Effect.sync(() => Option.fromNullable([...keys.values()].find((k) => k.prefix === prefix))),
        listKeys: (organisationId) =>
          Effect.sync(() =>
            [...keys.values()].filter((k) => k.organisationId === organisationId).sort(compareKeys)
          ),
        revokeKey: (id, revokedAt) =>
          Effect.suspend(() => {
            const key = keys.get(id)
            if (key === undefined) return Effect.fail(new ApiKeyNotFound({ field: "keyId", keyId: id }))
            if (key.revokedAt !== undefined) return Effect.succeed(key)
            const revoked: ApiKeyRecord = { ...key, revokedAt }
            keys.set(id, revoked)
            return Effect.succeed(revoked)
          })
      })
    })
}
