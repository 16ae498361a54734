/**
 * Use cases of competition filings acted by organisations (54号·二, 附件1; domain.md §4), over Filings: the filer
 * of a competition (its host, or the district bureau of a 区(县)级 one) submits its filing; the district, city
 * and province bureaus record their 附件1 opinions level by level, each only for a level of its own region
 * (属地管理, 54号·五); the province records the co-signatures of a cross-province competition. Each step is
 * audited with the acting organisation in the same transaction as the change.
 */
import { Context, Effect, Layer } from "effect"
import { requireAuthorised } from "../access/Authorise.js"
import type { Organisation } from "../access/Organisation.js"
import type { OrganisationRole } from "../access/OrganisationRole.js"
import { isWithinRegion } from "../codes/Region.js"
import { AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import { competitionRecord, competitionTarget } from "./CompetitionRecord.js"
import { CompetitionRepository } from "./CompetitionRepository.js"
import type { CoSignatureRequest, FilingOpinionRequest } from "./CompetitionRequests.js"
import { type Filing, type FilingActor, nextLevel, regionForLevel } from "./Filing.js"
import type { FilingLevel } from "./FilingLevel.js"
import { FilingRepository } from "./FilingRepository.js"
import { Filings } from "./Filings.js"

/** The 附件1 level of the bureaus that record opinions; other roles have none (Permissions refuses them). */
const LEVEL_OF_ROLE: Partial<Record<OrganisationRole, FilingLevel>> = {
  district: "district",
  city: "city",
  province: "province"
}

const actorOf = (org: Organisation): Effect.Effect<FilingActor> => {
  const level = LEVEL_OF_ROLE[org.role]
  return level === undefined
    ? Effect.dieMessage(`role ${org.role} was authorised for a filing act but has no filing level`)
    : Effect.succeed({ level, regionCode: org.regionCode })
}

const make = Effect.gen(function* () {
  const filings = yield* Filings
  const repository = yield* FilingRepository
  const competitions = yield* CompetitionRepository
  const audit = yield* AuditTrail
  const transactional = yield* Transactional

  const submit = Effect.fn("CompetitionFilings.submit")(function* (competitionId: string, org: Organisation) {
    const record = yield* competitionRecord(competitions, competitionId)
    yield* requireAuthorised(org, "competition.file", competitionTarget(record))
    return yield* transactional.run(
      Effect.tap(filings.submit(record.competition), (filing) =>
        audit.record({
          actor: org.id,
          action: "filing.submit",
          subject: filing.id,
          reason: "提交职业技能竞赛备案（54号·二，附件1）",
          details: {
            competitionId,
            required: filing.required,
            route: filing.route,
            filedWith: filing.filedWith,
            levels: [...filing.levels],
            coSigners: filing.coSignatures.map((c) => c.province)
          }
        })
      )
    )
  })

  const recordOpinion = Effect.fn("CompetitionFilings.recordOpinion")(function* (
    filingId: string,
    input: FilingOpinionRequest,
    org: Organisation
  ) {
    const filing = yield* filings.get(filingId)
    yield* requireAuthorised(org, "filing.opinion", { regionCode: regionForLevel(filing, input.level) })
    const actor = yield* actorOf(org)
    return yield* transactional.run(
      Effect.tap(filings.recordOpinion(filingId, { ...input, actor }), (next: Filing) =>
        audit.record({
          actor: org.id,
          action: "filing.opinion",
          subject: filingId,
          reason: "填写跨区域办赛备案意见（54号·附件1）",
          details: { level: input.level, verdict: input.verdict, status: next.status }
        })
      )
    )
  })

  const coSign = Effect.fn("CompetitionFilings.coSign")(function* (
    filingId: string,
    input: CoSignatureRequest,
    org: Organisation
  ) {
    const filing = yield* filings.get(filingId)
    yield* requireAuthorised(org, "filing.cosign", { regionCode: filing.hostRegionCode })
    const actor = yield* actorOf(org)
    return yield* transactional.run(
      Effect.tap(filings.coSign(filingId, { province: input.province, actor }), (next: Filing) =>
        audit.record({
          actor: org.id,
          action: "filing.cosign",
          subject: filingId,
          reason: "记录跨省竞赛工作文件会签（54号·二）",
          details: { province: input.province, status: next.status }
        })
      )
    )
  })

  /**
   * The filings waiting for this bureau (属地管理, 54号·五): those whose next 附件1 opinion is of the bureau's
   * level and region, and — for the province — those waiting for the other provinces' co-signatures.
   */
  const awaiting = Effect.fn("CompetitionFilings.awaiting")(function* (org: Organisation) {
    yield* requireAuthorised(org, "filing.opinion")
    const level = LEVEL_OF_ROLE[org.role]
    const open = yield* repository.listOpen()
    return open.filter((filing) => {
      if (filing.status === "awaiting_co_signature") return org.role === "province"
      const due = nextLevel(filing)
      return due !== undefined && due === level && isWithinRegion(regionForLevel(filing, due), org.regionCode)
    })
  })

  return { submit, get: filings.get, recordOpinion, coSign, awaiting } as const
})

export class CompetitionFilings extends Context.Tag("@jineng/domain/CompetitionFilings")<
  CompetitionFilings,
  Effect.Effect.Success<typeof make>
>() {
  /** Requires Filings, FilingRepository, CompetitionRepository, AuditTrail and Transactional. */
  static readonly layer = Layer.effect(this, make)
}
