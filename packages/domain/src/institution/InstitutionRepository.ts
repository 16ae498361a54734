/**
 * Port: the catalogue of evaluation institutions (54号·五 "实行能进能出的目录清单式动态管理"). An institution enters
 * with its admission entry; its status history only grows, each move checked by `appendStatus`; a change of
 * region or authorisations is kept as a scope change record (before and after). Multi-row writes are all or
 * nothing. Implemented by @jineng/db; `layerTest` is in memory with the same contract.
 */
import { Context, Effect, Either, Layer, Option } from "effect"
import type { StatusEntry } from "./CatalogueStatus.js"
import { type Institution, numberingPrefixKey } from "./Institution.js"
import {
  InstitutionAlreadyExists,
  InstitutionNotFound,
  type InvalidInstitutionScope,
  type InvalidStatusTransition,
  NumberingPrefixTaken
} from "./InstitutionErrors.js"
import {
  compareDirectoryOrder,
  type InstitutionPage,
  type InstitutionQuery,
  matchesInstitutionQuery,
  normalizeInstitutionQuery
} from "./InstitutionQuery.js"
import {
  applyScope,
  type InstitutionScope,
  type ScopeChange,
  type ScopeChangeRecord,
  scopeOf
} from "./InstitutionScope.js"
import { appendStatus, replayHistory } from "./StatusTransition.js"

export type { InstitutionPage, InstitutionQuery } from "./InstitutionQuery.js"

/** Admission is the first entry of every stored history; an institution without one is a programming error. */
export const NO_ADMISSION = "an institution enters the catalogue with its admission entry (54号·五)"

type InsertFailure = InstitutionAlreadyExists | NumberingPrefixTaken | InvalidStatusTransition

export class InstitutionRepository extends Context.Tag("@jineng/domain/InstitutionRepository")<
  InstitutionRepository,
  {
    /**
     * Stores a new institution with its authorisations and status history (replayed through `appendStatus`;
     * an empty history is a defect). Nothing is written when it fails.
     */
    readonly insert: (institution: Institution) => Effect.Effect<void, InsertFailure>
    readonly findById: (id: string) => Effect.Effect<Option.Option<Institution>>
    /** The public directory: filtered, in directory order (region, name, id), one page with the total. */
    readonly list: (query?: InstitutionQuery) => Effect.Effect<InstitutionPage>
    /** Admits, suspends, removes or re-admits: appends one entry when `appendStatus` allows it. */
    readonly appendStatus: (
      id: string,
      entry: StatusEntry
    ) => Effect.Effect<Institution, InstitutionNotFound | InvalidStatusTransition>
    /** Replaces region and authorisations (validated by `applyScope`) and records the change. */
    readonly updateScope: (
      id: string,
      scope: InstitutionScope,
      change: ScopeChange
    ) => Effect.Effect<Institution, InstitutionNotFound | InvalidInstitutionScope>
    /** The recorded scope changes, oldest first (empty for an unknown id). */
    readonly scopeChanges: (id: string) => Effect.Effect<ReadonlyArray<ScopeChangeRecord>>
  }
>() {
  static readonly layerTest = (seed: ReadonlyArray<Institution> = []) =>
    Layer.sync(this, () => {
      const byId = new Map(seed.map((i) => [i.id, i]))
      const changes = new Map<string, ReadonlyArray<ScopeChangeRecord>>()
      const notFound = (id: string) => new InstitutionNotFound({ field: "institutionId", institutionId: id })
      return {
        insert: (institution: Institution) =>
          Effect.suspend((): Effect.Effect<void, InsertFailure> => {
            if (institution.statusHistory.length === 0) return Effect.dieMessage(NO_ADMISSION)
            if (byId.has(institution.id))
              return Effect.fail(new InstitutionAlreadyExists({ field: "id", institutionId: institution.id }))
            const prefix = institution.numberingPrefix
            if (prefix !== undefined) {
              const key = numberingPrefixKey(prefix)
              for (const other of byId.values()) {
                if (other.numberingPrefix !== undefined && numberingPrefixKey(other.numberingPrefix) === key)
                  return Effect.fail(
                    new NumberingPrefixTaken({ field: "numberingPrefix", prefix: key, heldBy: other.id })
                  )
              }
            }
            return Either.match(replayHistory(institution.statusHistory), {
              onLeft: Effect.fail,
              onRight: () => Effect.sync(() => void byId.set(institution.id, institution))
            })
          }),
        findById: (id: string) => Effect.sync(() => Option.fromNullable(byId.get(id))),
        list: (query?: InstitutionQuery) =>
          Effect.sync((): InstitutionPage => {
            const q = normalizeInstitutionQuery(query)
            const matching = [...byId.values()]
              .filter((i) => matchesInstitutionQuery(i, q))
              .sort(compareDirectoryOrder)
            return {
              items: matching.slice(q.offset, q.offset + q.limit),
              total: matching.length,
              offset: q.offset,
              limit: q.limit
            }
          }),
        appendStatus: (id: string, entry: StatusEntry) =>
          Effect.suspend((): Effect.Effect<Institution, InstitutionNotFound | InvalidStatusTransition> => {
            const institution = byId.get(id)
            if (institution === undefined) return Effect.fail(notFound(id))
            return Either.match(appendStatus(institution.statusHistory, entry), {
              onLeft: Effect.fail,
              onRight: (statusHistory) =>
                Effect.sync(() => {
                  const next = { ...institution, statusHistory } as Institution
                  byId.set(id, next)
                  return next
                })
            })
          }),
        updateScope: (id: string, scope: InstitutionScope, change: ScopeChange) =>
          Effect.suspend((): Effect.Effect<Institution, InstitutionNotFound | InvalidInstitutionScope> => {
            const institution = byId.get(id)
            if (institution === undefined) return Effect.fail(notFound(id))
            return Either.match(applyScope(institution, scope), {
              onLeft: Effect.fail,
              onRight: (next) =>
                Effect.sync(() => {
                  byId.set(id, next)
                  const record: ScopeChangeRecord = {
                    ...change,
                    before: scopeOf(institution),
                    after: scopeOf(next)
                  }
                  changes.set(id, [...(changes.get(id) ?? []), record])
                  return next
                })
            })
          }),
        scopeChanges: (id: string) => Effect.sync(() => changes.get(id) ?? [])
      }
    })
}
