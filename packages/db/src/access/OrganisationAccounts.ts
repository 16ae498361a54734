/**
 * Use case: the organisations that act through the API and their keys (domain.md §4; "organisation.manage",
 * the province). Creating an organisation checks it against the catalogue institution it is; a key is handed
 * back in clear once; revoking keeps the record. Every change is audited with the acting organisation, in the
 * same transaction. Lives in the registry package because keys need node:crypto (ApiKeys).
 */
import { ApiKeyNotFound, OrganisationNotFound } from "@jineng/domain/access/AccessErrors"
import { requireAuthorised } from "@jineng/domain/access/Authorise"
import { Organisation } from "@jineng/domain/access/Organisation"
import { OrganisationRepository } from "@jineng/domain/access/OrganisationRepository"
import { kindsForRole, organisationRoleName } from "@jineng/domain/access/OrganisationRole"
import { OrganisationRole } from "@jineng/domain/access/OrganisationRoleSchema"
import { RegionCode } from "@jineng/domain/codes/RegionSchema"
import { InstitutionNotFound } from "@jineng/domain/institution/InstitutionErrors"
import { institutionKindName } from "@jineng/domain/institution/InstitutionKind"
import { InstitutionRepository } from "@jineng/domain/institution/InstitutionRepository"
import { AuditTrail } from "@jineng/domain/shared/AuditTrail"
import { Id, required, Text } from "@jineng/domain/shared/FieldSchema"
import { IdGenerator } from "@jineng/domain/shared/IdGenerator"
import { Transactional } from "@jineng/domain/shared/Transactional"
import { Context, Effect, Either, Layer, Option, ParseResult, Schema } from "effect"
import { ApiKeys } from "./ApiKeys.js"

/** An organisation to create: everything but its id, which the registry assigns. */
export const NewOrganisation = Schema.Struct({
  name: required(Text("机构名称"), "机构名称"),
  role: required(OrganisationRole, "机构角色"),
  regionCode: required(RegionCode, "行政区划代码"),
  institutionId: Schema.optionalWith(Id("评价机构编号"), { exact: true })
}).annotations({ identifier: "NewOrganisation", title: "新建机构账户" })
export type NewOrganisation = typeof NewOrganisation.Type

/** The organisation asked for breaks a rule of Organisation (role and region, institution link). */
export class OrganisationInvalid extends Schema.TaggedError<OrganisationInvalid>()("OrganisationInvalid", {
  field: Schema.String,
  problem: Schema.String
}) {
  override get message() {
    return `机构账户信息无效：${this.problem}`
  }
}

const decodeOrganisation = Schema.decodeUnknownEither(Organisation)

const make = Effect.gen(function* () {
  const organisations = yield* OrganisationRepository
  const institutions = yield* InstitutionRepository
  const keys = yield* ApiKeys
  const ids = yield* IdGenerator
  const audit = yield* AuditTrail
  const transactional = yield* Transactional

  const allowed = (actor: Organisation) => requireAuthorised(actor, "organisation.manage")

  const existing = (organisationId: string) =>
    Effect.flatMap(
      organisations.findById(organisationId),
      Option.match({
        onNone: () => Effect.fail(new OrganisationNotFound({ field: "organisationId", organisationId })),
        onSome: Effect.succeed
      })
    )

  const create = Effect.fn("OrganisationAccounts.create")(function* (
    input: NewOrganisation,
    actor: Organisation
  ) {
    yield* allowed(actor)
    if (input.institutionId !== undefined) {
      const institution = yield* institutions.findById(input.institutionId)
      if (Option.isNone(institution))
        return yield* new InstitutionNotFound({ field: "institutionId", institutionId: input.institutionId })
      if (!kindsForRole(input.role).includes(institution.value.kind))
        return yield* new OrganisationInvalid({
          field: "institutionId",
          problem: `${organisationRoleName(input.role)}不能关联${institutionKindName(institution.value.kind)} ${institution.value.id}`
        })
    }
    const decoded = decodeOrganisation({ id: yield* ids.next("org"), ...input })
    if (Either.isLeft(decoded))
      return yield* new OrganisationInvalid({
        field: "role",
        problem: ParseResult.ArrayFormatter.formatErrorSync(decoded.left)
          .map((i) => i.message)
          .join("；")
      })
    const organisation = decoded.right
    return yield* transactional.run(
      Effect.gen(function* () {
        yield* organisations.create(organisation)
        yield* audit.record({
          actor: actor.id,
          action: "organisation.create",
          subject: organisation.id,
          reason: "创建机构账户",
          details: {
            name: organisation.name,
            role: organisation.role,
            regionCode: organisation.regionCode,
            institutionId: organisation.institutionId ?? null
          }
        })
        return organisation
      })
    )
  })

  const issueKey = Effect.fn("OrganisationAccounts.issueKey")(function* (
    organisationId: string,
    actor: Organisation
  ) {
    yield* allowed(actor)
    const organisation = yield* existing(organisationId)
    return yield* transactional.run(
      Effect.gen(function* () {
        const created = yield* keys.create(organisation.id)
        yield* audit.record({
          actor: actor.id,
          action: "api-key.create",
          subject: created.record.id,
          reason: "签发 API 密钥",
          details: { organisationId: organisation.id, prefix: created.record.prefix }
        })
        return created
      })
    )
  })

  const revokeKey = Effect.fn("OrganisationAccounts.revokeKey")(function* (
    organisationId: string,
    keyId: string,
    actor: Organisation
  ) {
    yield* allowed(actor)
    const owned = (yield* organisations.listKeys(organisationId)).some((k) => k.id === keyId)
    if (!owned) return yield* new ApiKeyNotFound({ field: "keyId", keyId })
    return yield* transactional.run(
      Effect.gen(function* () {
        const record = yield* keys.revoke(keyId)
        yield* audit.record({
          actor: actor.id,
          action: "api-key.revoke",
          subject: keyId,
          reason: "吊销 API 密钥",
          details: { organisationId, prefix: record.prefix }
        })
        return record
      })
    )
  })

  const listKeys = Effect.fn("OrganisationAccounts.listKeys")(function* (
    organisationId: string,
    actor: Organisation
  ) {
    yield* allowed(actor)
    yield* existing(organisationId)
    return yield* organisations.listKeys(organisationId)
  })

  return { create, issueKey, revokeKey, listKeys } as const
})

export class OrganisationAccounts extends Context.Tag("@jineng/db/OrganisationAccounts")<
  OrganisationAccounts,
  Effect.Effect.Success<typeof make>
>() {
  /** Requires OrganisationRepository, InstitutionRepository, ApiKeys, IdGenerator, AuditTrail, Transactional. */
  static readonly layer = Layer.effect(this, make)
}
