/** The `access_organisations` and `access_api_keys` rows (domain.md §4) and their mapping to the domain's types. */
import type { ApiKeyRecord } from "@jineng/domain/access/ApiKeyRecord"
import type { Organisation } from "@jineng/domain/access/Organisation"
import { regionColumns } from "../sql/SqlParts.js"

export type OrganisationRow = {
  readonly id: string
  readonly name: string
  readonly role: string
  readonly region_code: string
  /** The region's city (null for a province-level code): a city's list is `region_city = ?`. */
  readonly region_city: string | null
  readonly region_province: string
  readonly institution_id: string | null
}

export type ApiKeyRow = {
  readonly id: string
  readonly organisation_id: string
  readonly prefix: string
  readonly hash: string
  readonly created_at: string
  readonly revoked_at: string | null
}

export const toRow = (o: Organisation): OrganisationRow => ({
  id: o.id,
  name: o.name,
  role: o.role,
  ...regionColumns(o.regionCode),
  institution_id: o.institutionId ?? null
})

/** Rows come only from our own writes, which the domain validated: no re-validation on the read path. */
export const fromRow = (r: OrganisationRow): Organisation =>
  ({
    id: r.id,
    name: r.name,
    role: r.role,
    regionCode: r.region_code,
    ...(r.institution_id === null ? {} : { institutionId: r.institution_id })
  }) as Organisation

export const toKeyRow = (k: ApiKeyRecord): ApiKeyRow => ({
  id: k.id,
  organisation_id: k.organisationId,
  prefix: k.prefix,
  hash: k.hash,
  created_at: k.createdAt,
  revoked_at: k.revokedAt ?? null
})

export const fromKeyRow = (r: ApiKeyRow): ApiKeyRecord => ({
  id: r.id,
  organisationId: r.organisation_id,
  prefix: r.prefix,
  hash: r.hash,
  createdAt: r.created_at,
  ...(r.revoked_at === null ? {} : { revokedAt: r.revoked_at })
})
