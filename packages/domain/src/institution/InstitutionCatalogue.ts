/**
 * Use cases of the institution catalogue (54号·五 "实行能进能出的目录清单式动态管理", "明确职业技能等级认定机构开展评价的
 * 地域范围、有效期限和认定等级"): admit an institution, change its scope (region and authorisations), suspend it,
 * remove it, and readmit it (恢复 after a suspension, 重新准入 after a removal). Each is done by an Organisation
 * under 属地管理 (Authorise.ts): the province anywhere; a city only for an institution located in its city, and
 * only with authorisations inside it (a city cannot grant evaluation elsewhere). Each change is recorded in the
 * institution's history (status entries or scope change records, with the acting organisation) and in the audit
 * trail, in one transaction: both or neither.
 */
import { Context, Effect, Layer, Option, Struct } from "effect"
import { requireAuthorised } from "../access/Authorise.js"
import type { Organisation } from "../access/Organisation.js"
import type { Action } from "../access/Permissions.js"
import type { RegionCode } from "../codes/Region.js"
import { AuditTrail } from "../shared/AuditTrail.js"
import { IdGenerator } from "../shared/IdGenerator.js"
import { Transactional } from "../shared/Transactional.js"
import { todayInBeijing } from "../time/Today.js"
import type { AdmitInstitution, ScopeChangeRequest, StatusChange } from "./CatalogueCommands.js"
import { type CatalogueStatus, type StatusEntry, transitionName } from "./CatalogueStatus.js"
import { type Institution, numberingPrefixKey } from "./Institution.js"
import { InstitutionNotFound, InstitutionRemoved } from "./InstitutionErrors.js"
import { InstitutionRepository, NO_ADMISSION } from "./InstitutionRepository.js"
import { type ScopeChangeRecord, scopeOf } from "./InstitutionScope.js"

/** The audit actions of the catalogue (AuditEntry.action). */
export const CATALOGUE_AUDIT_ACTIONS = {
  admit: "institution.admit",
  change: "institution.change",
  suspend: "institution.suspend",
  remove: "institution.remove",
  readmit: "institution.readmit"
} as const

/** An institution's record as administrators read it: status entries and scope changes, oldest first. */
export interface InstitutionHistory {
  readonly institutionId: string
  readonly name: string
  /** The status of the latest entry. */
  readonly status: CatalogueStatus
  readonly statusHistory: ReadonlyArray<StatusEntry>
  readonly scopeChanges: ReadonlyArray<ScopeChangeRecord>
}

/** The latest recorded entry (every stored institution has its admission entry). */
const latestEntry = (institution: Institution): StatusEntry | undefined =>
  institution.statusHistory[institution.statusHistory.length - 1]

/** Every region an institution's scope reaches: where it is, and where each authorisation lets it evaluate. */
const regionsOf = (scope: {
  readonly region: RegionCode
  readonly authorisations: ReadonlyArray<{ readonly region: RegionCode }>
}): ReadonlyArray<RegionCode> => [...new Set([scope.region, ...scope.authorisations.map((a) => a.region)])]

const make = Effect.gen(function* () {
  const repository = yield* InstitutionRepository
  const audit = yield* AuditTrail
  const transactional = yield* Transactional
  const ids = yield* IdGenerator

  const load = (institutionId: string) =>
    Effect.flatMap(repository.findById(institutionId), (found) =>
      Option.match(found, {
        onNone: () => Effect.fail(new InstitutionNotFound({ field: "institutionId", institutionId })),
        onSome: Effect.succeed
      })
    )

  /** 属地管理 (54号·五): the organisation may act on every region given. */
  const requireRegions = (org: Organisation, action: Action, regions: ReadonlyArray<RegionCode>) =>
    Effect.forEach(regions, (regionCode) => requireAuthorised(org, action, { regionCode }), { discard: true })

  const dateOr = (date: string | undefined) => (date === undefined ? todayInBeijing : Effect.succeed(date))

  const admit = Effect.fn("InstitutionCatalogue.admit")(function* (
    input: AdmitInstitution,
    org: Organisation
  ) {
    yield* requireRegions(org, "institution.admit", regionsOf(input))
    const id = input.id ?? (yield* ids.next("inst"))
    const entry: StatusEntry = {
      status: "admitted",
      date: yield* dateOr(input.date),
      reason: input.reason,
      actor: org.id
    }
    const institution: Institution = { ...Struct.omit(input, "date", "reason"), id, statusHistory: [entry] }
    return yield* transactional.run(
      Effect.gen(function* () {
        yield* repository.insert(institution)
        yield* audit.record({
          actor: org.id,
          action: CATALOGUE_AUDIT_ACTIONS.admit,
          subject: id,
          reason: input.reason,
          details: {
            transition: transitionName(undefined, "admitted"),
            to: "admitted",
            date: entry.date,
            name: institution.name,
            kind: institution.kind,
            region: institution.region,
            numberingPrefix:
              institution.numberingPrefix === undefined
                ? null
                : numberingPrefixKey(institution.numberingPrefix),
            authorisations: institution.authorisations.map((a) => a.id)
          }
        })
        return institution
      })
    )
  })

  /** Appends one status entry by `org` (the move checked by StatusTransition), audited in the same transaction. */
  const moveTo = (
    to: CatalogueStatus,
    action: Action,
    auditAction: string,
    institutionId: string,
    change: StatusChange,
    org: Organisation
  ) =>
    transactional.run(
      Effect.gen(function* () {
        const institution = yield* load(institutionId)
        yield* requireAuthorised(org, action, { regionCode: institution.region })
        const from = latestEntry(institution)?.status
        const date = yield* dateOr(change.date)
        const next = yield* repository.appendStatus(institutionId, {
          status: to,
          date,
          reason: change.reason,
          actor: org.id
        })
        yield* audit.record({
          actor: org.id,
          action: auditAction,
          subject: institutionId,
          reason: change.reason,
          details: { transition: transitionName(from, to), from: from ?? null, to, date }
        })
        return next
      })
    )

  const suspend = Effect.fn("InstitutionCatalogue.suspend")(
    (institutionId: string, change: StatusChange, org: Organisation) =>
      moveTo("suspended", "institution.suspend", CATALOGUE_AUDIT_ACTIONS.suspend, institutionId, change, org)
  )

  const remove = Effect.fn("InstitutionCatalogue.remove")(
    (institutionId: string, change: StatusChange, org: Organisation) =>
      moveTo("removed", "institution.remove", CATALOGUE_AUDIT_ACTIONS.remove, institutionId, change, org)
  )

  /** 恢复 (suspended → admitted) or 重新准入 (removed → admitted): both are admissions (institution.admit). */
  const readmit = Effect.fn("InstitutionCatalogue.readmit")(
    (institutionId: string, change: StatusChange, org: Organisation) =>
      moveTo("admitted", "institution.admit", CATALOGUE_AUDIT_ACTIONS.readmit, institutionId, change, org)
  )

  /**
   * Replaces the region and authorisations. The organisation must cover the institution's present region and
   * every region of the new scope; a removed institution is readmitted first.
   */
  const changeScope = Effect.fn("InstitutionCatalogue.changeScope")(
    (institutionId: string, request: ScopeChangeRequest, org: Organisation) =>
      transactional.run(
        Effect.gen(function* () {
          const institution = yield* load(institutionId)
          yield* requireRegions(org, "institution.change", [
            ...new Set([institution.region, ...regionsOf(request)])
          ])
          const latest = latestEntry(institution)
          if (latest?.status === "removed")
            return yield* new InstitutionRemoved({
              field: "institutionId",
              institutionId,
              removedOn: latest.date
            })
          const date = yield* dateOr(request.date)
          const next = yield* repository.updateScope(
            institutionId,
            { region: request.region, authorisations: request.authorisations },
            { date, reason: request.reason, actor: org.id }
          )
          yield* audit.record({
            actor: org.id,
            action: CATALOGUE_AUDIT_ACTIONS.change,
            subject: institutionId,
            reason: request.reason,
            details: { date, before: scopeOf(institution), after: scopeOf(next) }
          })
          return next
        })
      )
  )

  const history = Effect.fn("InstitutionCatalogue.history")(function* (institutionId: string) {
    const institution = yield* load(institutionId)
    const latest = latestEntry(institution)
    if (latest === undefined) return yield* Effect.dieMessage(NO_ADMISSION)
    const result: InstitutionHistory = {
      institutionId,
      name: institution.name,
      status: latest.status,
      statusHistory: institution.statusHistory,
      scopeChanges: yield* repository.scopeChanges(institutionId)
    }
    return result
  })

  /** One institution, for the public catalogue and administrators. */
  const get = Effect.fn("InstitutionCatalogue.get")((institutionId: string) => load(institutionId))

  return { admit, changeScope, suspend, remove, readmit, history, get } as const
})

export class InstitutionCatalogue extends Context.Tag("@jineng/domain/InstitutionCatalogue")<
  InstitutionCatalogue,
  Effect.Effect.Success<typeof make>
>() {
  /** Requires InstitutionRepository, AuditTrail, Transactional and IdGenerator. */
  static readonly layer = Layer.effect(this, make)
}
