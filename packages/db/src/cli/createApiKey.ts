/**
 * `pnpm --filter @jineng/db create-api-key …`: makes an API key for an organisation (domain.md §4), creating the
 * organisation first when asked, in the database named by the environment (DATABASE_URL or SQLITE_FILE; the
 * pepper from API_KEY_PEPPER). The key goes to stdout alone, once; everything else to stderr.
 */
import { organisationRoleName } from "@jineng/domain/access/OrganisationRole"
import { IdGenerator } from "@jineng/domain/shared/IdGenerator"
import { Effect, Either, Layer } from "effect"
import { ApiKeys } from "../access/ApiKeys.js"
import { createApiKey, parseCreateApiKeyArgs, USAGE } from "../access/CreateApiKeyCommand.js"
import { SqlOrganisationRepository } from "../access/SqlOrganisationRepository.js"
import * as SqlAuditTrail from "../audit/SqlAuditTrail.js"
import { layerFromConfig } from "../Database.js"
import { SqlInstitutionRepository } from "../institution/SqlInstitutionRepository.js"
import * as SqlTransactional from "../SqlTransactional.js"
import { runCli } from "./runCli.js"

/** An expected failure: its zh-CN message, exit 1. */
const refuse = (e: { readonly message: string }) =>
  Effect.sync(() => {
    console.error(e.message)
    return 1
  })

const program = Effect.gen(function* () {
  const args = parseCreateApiKeyArgs(process.argv.slice(2))
  if (Either.isLeft(args)) {
    for (const problem of args.left) console.error(problem)
    console.error(USAGE)
    return 1
  }
  const repositories = Layer.mergeAll(
    SqlOrganisationRepository.layer,
    SqlInstitutionRepository.layer,
    SqlAuditTrail.layer,
    SqlTransactional.layer
  ).pipe(Layer.provide(layerFromConfig))
  const services = ApiKeys.layerFromConfig.pipe(
    Layer.provideMerge(Layer.merge(repositories, IdGenerator.layer))
  )
  return yield* createApiKey(args.right).pipe(
    Effect.map(({ organisation, organisationCreated, created }) => {
      const who = `${organisation.id}（${organisation.name}，${organisationRoleName(organisation.role)}，${organisation.regionCode}）`
      console.error(organisationCreated ? `已创建机构账户 ${who}` : `机构账户 ${who}`)
      console.error(
        `已签发 API 密钥 ${created.record.id}（查找前缀 ${created.record.prefix}）；密钥只显示这一次：`
      )
      console.log(created.key)
      return 0
    }),
    Effect.catchTags({
      OrganisationNotFound: refuse,
      InstitutionNotFound: refuse,
      InvalidOrganisation: refuse
    }),
    Effect.provide(services)
  )
})

runCli("create-api-key", program)
