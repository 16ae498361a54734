/**
 * The `create-api-key` command's logic (domain.md §4: organisations act through the API with their keys): read
 * the flags, create the organisation when asked (checked against the catalogue institution it is), make a key,
 * record both in the audit trail — all in one transaction — and hand the key back to be printed once.
 */
import { OrganisationNotFound } from "@jineng/domain/access/AccessErrors"
import { Organisation } from "@jineng/domain/access/Organisation"
import { OrganisationRepository } from "@jineng/domain/access/OrganisationRepository"
import {
  kindsForRole,
  ORGANISATION_ROLES,
  type OrganisationRole
} from "@jineng/domain/access/OrganisationRole"
import { InstitutionNotFound } from "@jineng/domain/institution/InstitutionErrors"
import { institutionKindName } from "@jineng/domain/institution/InstitutionKind"
import { InstitutionRepository } from "@jineng/domain/institution/InstitutionRepository"
import { AuditTrail } from "@jineng/domain/shared/AuditTrail"
import { IdGenerator } from "@jineng/domain/shared/IdGenerator"
import { Transactional } from "@jineng/domain/shared/Transactional"
import { Data, Effect, Either, Option, ParseResult, Schema } from "effect"
import { ApiKeys, type CreatedApiKey } from "./ApiKeys.js"

export const USAGE = [
  "用法：",
  "  create-api-key --organisation <机构账户 id>",
  "  create-api-key --role <角色> [--name <名称>] [--region <行政区划代码>] [--institution <评价机构 id>]",
  `角色：${ORGANISATION_ROLES.join("、")}`,
  "关联评价机构时，名称和行政区划默认取自评价机构目录。密钥只显示一次。"
].join("\n")

export type CreateApiKeyArgs =
  | { readonly _tag: "existing"; readonly organisationId: string }
  | {
      readonly _tag: "new"
      readonly role: OrganisationRole
      readonly name: string | undefined
      readonly regionCode: string | undefined
      readonly institutionId: string | undefined
    }

const FLAGS = ["--organisation", "--name", "--role", "--region", "--institution"] as const
type Flag = (typeof FLAGS)[number]

/** The flags, or every problem with them (zh-CN). */
export const parseCreateApiKeyArgs = (
  argv: ReadonlyArray<string>
): Either.Either<CreateApiKeyArgs, ReadonlyArray<string>> => {
  const problems: Array<string> = []
  const values = new Map<Flag, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined]
    if (!(FLAGS as ReadonlyArray<string>).includes(flag as string)) {
      problems.push(`未知参数 ${arg}`)
      continue
    }
    const value = inline ?? argv[++i]
    if (value === undefined || value.trim() === "" || (inline === undefined && value.startsWith("--"))) {
      problems.push(`参数 ${flag} 缺少取值`)
      if (value?.startsWith("--")) i--
      continue
    }
    if (values.has(flag as Flag)) problems.push(`参数 ${flag} 重复`)
    values.set(flag as Flag, value.trim())
  }
  const organisationId = values.get("--organisation")
  const role = values.get("--role")
  if (organisationId !== undefined) {
    const extra = FLAGS.filter((f) => f !== "--organisation" && values.has(f))
    if (extra.length > 0) problems.push(`--organisation 不能与 ${extra.join("、")} 同时使用`)
    return problems.length > 0 ? Either.left(problems) : Either.right({ _tag: "existing", organisationId })
  }
  if (role === undefined) problems.push("须指定 --organisation，或以 --role 创建新的机构账户")
  else if (!(ORGANISATION_ROLES as ReadonlyArray<string>).includes(role))
    problems.push(`角色 ${role} 无效，应为 ${ORGANISATION_ROLES.join("、")} 之一`)
  const institutionId = values.get("--institution")
  if (institutionId === undefined && values.get("--name") === undefined)
    problems.push("新建机构账户须指定 --name")
  if (institutionId === undefined && values.get("--region") === undefined)
    problems.push("新建机构账户须指定 --region")
  if (problems.length > 0) return Either.left(problems)
  return Either.right({
    _tag: "new",
    role: role as OrganisationRole,
    name: values.get("--name"),
    regionCode: values.get("--region"),
    institutionId
  })
}

/** The organisation asked for is not valid (never leaves the command's process). */
export class InvalidOrganisation extends Data.TaggedError("InvalidOrganisation")<{
  readonly problem: string
}> {
  override get message() {
    return `机构账户信息无效：${this.problem}`
  }
}

export interface CreateApiKeyResult {
  readonly organisation: Organisation
  readonly organisationCreated: boolean
  readonly created: CreatedApiKey
}

const ACTOR = "system:create-api-key"

const decodeOrganisation = Schema.decodeUnknownEither(Organisation)

const newOrganisation = (args: Extract<CreateApiKeyArgs, { _tag: "new" }>) =>
  Effect.gen(function* () {
    const institution =
      args.institutionId === undefined
        ? Option.none()
        : yield* (yield* InstitutionRepository).findById(args.institutionId)
    if (args.institutionId !== undefined && Option.isNone(institution))
      return yield* new InstitutionNotFound({ field: "institution", institutionId: args.institutionId })
    if (Option.isSome(institution) && !kindsForRole(args.role).includes(institution.value.kind))
      return yield* new InvalidOrganisation({
        problem: `角色 ${args.role} 不能关联${institutionKindName(institution.value.kind)} ${institution.value.id}`
      })
    const id = yield* (yield* IdGenerator).next("org")
    const decoded = decodeOrganisation({
      id,
      name: args.name ?? Option.getOrUndefined(institution)?.name,
      role: args.role,
      regionCode: args.regionCode ?? Option.getOrUndefined(institution)?.region,
      ...(args.institutionId === undefined ? {} : { institutionId: args.institutionId })
    })
    if (Either.isLeft(decoded))
      return yield* new InvalidOrganisation({
        problem: ParseResult.ArrayFormatter.formatErrorSync(decoded.left)
          .map((i) => (i.path.length === 0 ? i.message : `${i.path.join(".")}：${i.message}`))
          .join("；")
      })
    return decoded.right
  })

export const createApiKey = (args: CreateApiKeyArgs) =>
  Effect.gen(function* () {
    const organisations = yield* OrganisationRepository
    const keys = yield* ApiKeys
    const audit = yield* AuditTrail
    const transactional = yield* Transactional
    const org =
      args._tag === "new"
        ? yield* newOrganisation(args)
        : yield* Effect.flatMap(
            organisations.findById(args.organisationId),
            Option.match({
              onNone: () =>
                Effect.fail(
                  new OrganisationNotFound({ field: "organisation", organisationId: args.organisationId })
                ),
              onSome: Effect.succeed
            })
          )
    return yield* transactional.run(
      Effect.gen(function* () {
        if (args._tag === "new") {
          yield* organisations.create(org).pipe(Effect.orDie)
          yield* audit.record({
            actor: ACTOR,
            action: "organisation.create",
            subject: org.id,
            reason: "命令行创建机构账户",
            details: {
              name: org.name,
              role: org.role,
              regionCode: org.regionCode,
              institutionId: org.institutionId ?? null
            }
          })
        }
        const created = yield* keys.create(org.id)
        yield* audit.record({
          actor: ACTOR,
          action: "api-key.create",
          subject: created.record.id,
          reason: "命令行签发 API 密钥",
          details: { organisationId: org.id, prefix: created.record.prefix }
        })
        return {
          organisation: org,
          organisationCreated: args._tag === "new",
          created
        } satisfies CreateApiKeyResult
      })
    )
  })
