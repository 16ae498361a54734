/**
 * Port: the occupation catalogue and technical resources (54号·三 "确定评价职业（工种）" and "规范技术标准"): the
 * base-edition occupations and the dated MOHRSS notices on top of them, and for an occupation its national
 * standards, question banks, filed enterprise norms and 《江苏省技术资源发布目录》 entries. Catalogue entries are
 * always built by `makeCatalogue`, so every implementation answers dated questions the same way.
 * `layerTest` is in memory and keeps the same contract as the registry's implementation.
 */
import { Context, Effect, Layer, Option } from "effect"
import type { OccupationCode } from "../codes/OccupationCode.js"
import type { EnterpriseNorm } from "./EnterpriseNorm.js"
import type { NationalStandard } from "./NationalStandard.js"
import type { Occupation } from "./Occupation.js"
import type { CatalogueEntry } from "./OccupationCatalogue.js"
import { makeCatalogue } from "./OccupationCatalogue.js"
import type { OccupationNotice } from "./OccupationNotice.js"
import type { ProvincialCatalogueEntry } from "./ProvincialCatalogueEntry.js"
import type { QuestionBank } from "./QuestionBank.js"
import type { TechnicalBasis } from "./TechnicalBasis.js"

/** Everything on file for one occupation. */
export interface OccupationFile {
  readonly code: OccupationCode
  /** undefined when the code is not in the catalogue. */
  readonly entry: CatalogueEntry | undefined
  readonly basis: TechnicalBasis
}

export interface StandardSeed {
  /** Base-edition occupations (OccupationRecord → toOccupation). */
  readonly occupations?: ReadonlyArray<Occupation>
  readonly notices?: ReadonlyArray<OccupationNotice>
  readonly standards?: ReadonlyArray<NationalStandard>
  readonly questionBanks?: ReadonlyArray<QuestionBank>
  readonly enterpriseNorms?: ReadonlyArray<EnterpriseNorm>
  readonly provincialEntries?: ReadonlyArray<ProvincialCatalogueEntry>
}

/** What a bulk upsert of base-edition occupations did, one count per distinct code. */
export interface OccupationUpsertCounts {
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
}

/** A page request over the catalogue (base edition and notice additions), in code order. */
export interface OccupationQuery {
  /** 大类 code "1"–"8". */
  readonly major?: string | undefined
  /** Part of a name (as listed or as later renamed), or the start of a code such as "6-18". */
  readonly text?: string | undefined
  /** Default 0. */
  readonly offset?: number | undefined
  /** Default 50, at most MAX_PAGE_SIZE. */
  readonly limit?: number | undefined
}

export interface OccupationPage {
  readonly items: ReadonlyArray<CatalogueEntry>
  /** Entries matching the filters, all pages together. */
  readonly total: number
  readonly offset: number
  readonly limit: number
}

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 500

export interface NormalizedQuery {
  readonly major: string | undefined
  /** Trimmed and lower-cased; undefined when blank. */
  readonly text: string | undefined
  readonly offset: number
  readonly limit: number
}

/** Clamps a query to what every implementation serves (integers, offset ≥ 0, 1 ≤ limit ≤ MAX_PAGE_SIZE). */
export const normalizeQuery = (query: OccupationQuery = {}): NormalizedQuery => {
  const text = query.text?.trim().toLowerCase()
  const offset = Math.max(0, Math.floor(query.offset ?? 0))
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.limit ?? DEFAULT_PAGE_SIZE)))
  return {
    major: query.major === undefined || query.major === "" ? undefined : query.major,
    text: text === undefined || text === "" ? undefined : text,
    offset: Number.isFinite(offset) ? offset : 0,
    limit: Number.isFinite(limit) ? limit : DEFAULT_PAGE_SIZE
  }
}

/**
 * The occupation an upsert stores: `incoming`, keeping the 工种 names on file when `incoming` carries none (the
 * 大典 file has counts, not names, so re-importing it never erases names recorded elsewhere).
 */
export const mergeOccupation = (stored: Occupation | undefined, incoming: Occupation): Occupation =>
  incoming.workTypes.length === 0 && stored !== undefined && stored.workTypes.length > 0
    ? { ...incoming, workTypes: stored.workTypes }
    : incoming

const sameCategory = (a: Occupation["major"], b: Occupation["major"]) =>
  a.code === b.code && a.name === b.name

/** true when two occupations hold the same data (工种 names in order). */
export const sameOccupation = (a: Occupation, b: Occupation): boolean =>
  a.code === b.code &&
  a.name === b.name &&
  sameCategory(a.major, b.major) &&
  sameCategory(a.middle, b.middle) &&
  sameCategory(a.minor, b.minor) &&
  a.workTypeCount === b.workTypeCount &&
  a.green === b.green &&
  a.digital === b.digital &&
  a.workTypes.length === b.workTypes.length &&
  a.workTypes.every((w, i) => w === b.workTypes[i])

/** Order of technical resources in an OccupationFile: by their date, then id. */
const byDateThenId =
  <T extends { readonly id: string }>(dateOf: (t: T) => string) =>
  (a: T, b: T): number => {
    const da = dateOf(a)
    const db = dateOf(b)
    return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }

/** Standards by effectiveFrom, publishedOn, id (the order `standardInForce` reads "listed last" in). */
export const standardOrder = (a: NationalStandard, b: NationalStandard): number =>
  a.effectiveFrom < b.effectiveFrom
    ? -1
    : a.effectiveFrom > b.effectiveFrom
      ? 1
      : byDateThenId<NationalStandard>((s) => s.publishedOn)(a, b)
export const questionBankOrder = byDateThenId<QuestionBank>((b) => b.approvedOn)
export const enterpriseNormOrder = byDateThenId<EnterpriseNorm>((n) => n.filedOn)
export const provincialEntryOrder = byDateThenId<ProvincialCatalogueEntry>((e) => e.listedOn)

/** Notices by date, then document number. */
export const noticeOrder = (a: OccupationNotice, b: OccupationNotice): number =>
  a.date < b.date
    ? -1
    : a.date > b.date
      ? 1
      : a.documentNumber < b.documentNumber
        ? -1
        : a.documentNumber > b.documentNumber
          ? 1
          : 0

/**
 * true when `entry` matches the query's filters: the major category of its code, and the text as the start of
 * its code or part of any name it has had on file — `otherNames` (the base edition's and every adding notice's
 * name) and its renames.
 */
export const entryMatches = (
  entry: CatalogueEntry,
  query: NormalizedQuery,
  otherNames: ReadonlyArray<string> = []
): boolean => {
  const code = entry.occupation.code
  if (query.major !== undefined && code.slice(0, 1) !== query.major) return false
  const text = query.text
  if (text === undefined) return true
  const has = (name: string) => name.toLowerCase().includes(text)
  return (
    code.startsWith(text) ||
    has(entry.occupation.name) ||
    otherNames.some(has) ||
    entry.renames.some((r) => has(r.name))
  )
}

export class StandardRepository extends Context.Tag("@jineng/domain/StandardRepository")<
  StandardRepository,
  {
    readonly catalogueEntry: (code: OccupationCode) => Effect.Effect<Option.Option<CatalogueEntry>>
    readonly forOccupation: (code: OccupationCode) => Effect.Effect<OccupationFile>
    /** The catalogue (base edition and notice additions) in code order, filtered and paginated. */
    readonly listOccupations: (query?: OccupationQuery) => Effect.Effect<OccupationPage>
    /**
     * Inserts or updates base-edition occupations by code, all or nothing; a code given twice counts once (the
     * last wins). An occupation without 工种 names keeps the names on file (mergeOccupation).
     */
    readonly upsertOccupations: (
      occupations: ReadonlyArray<Occupation>
    ) => Effect.Effect<OccupationUpsertCounts>
    /** Records a MOHRSS notice; a notice with the same document number is replaced. */
    readonly recordNotice: (notice: OccupationNotice) => Effect.Effect<void>
    /** Every notice on file, by date then document number. */
    readonly listNotices: Effect.Effect<ReadonlyArray<OccupationNotice>>
    /** Saves (inserts or replaces by id) a national standard edition. */
    readonly saveStandard: (standard: NationalStandard) => Effect.Effect<void>
    readonly saveQuestionBank: (bank: QuestionBank) => Effect.Effect<void>
    readonly saveEnterpriseNorm: (norm: EnterpriseNorm) => Effect.Effect<void>
    readonly saveProvincialEntry: (entry: ProvincialCatalogueEntry) => Effect.Effect<void>
    /** The record with this id, whatever its occupation. */
    readonly findStandard: (id: string) => Effect.Effect<Option.Option<NationalStandard>>
    readonly findQuestionBank: (id: string) => Effect.Effect<Option.Option<QuestionBank>>
    readonly findEnterpriseNorm: (id: string) => Effect.Effect<Option.Option<EnterpriseNorm>>
    readonly findProvincialEntry: (id: string) => Effect.Effect<Option.Option<ProvincialCatalogueEntry>>
  }
>() {
  static readonly layerTest = (seed: StandardSeed = {}) =>
    Layer.sync(this, () => {
      const occupations = new Map<string, Occupation>()
      for (const o of seed.occupations ?? []) occupations.set(o.code, o)
      const notices = new Map<string, OccupationNotice>()
      for (const n of seed.notices ?? []) notices.set(n.documentNumber, n)
      const byId = <T extends { readonly id: string }>(items: ReadonlyArray<T> | undefined) =>
        new Map((items ?? []).map((i) => [i.id, i]))
      const standards = byId(seed.standards)
      const questionBanks = byId(seed.questionBanks)
      const enterpriseNorms = byId(seed.enterpriseNorms)
      const provincialEntries = byId(seed.provincialEntries)

      let catalogue: ReadonlyMap<OccupationCode, CatalogueEntry> | undefined
      const current = () => {
        catalogue ??= makeCatalogue([...occupations.values()], [...notices.values()].sort(noticeOrder))
        return catalogue
      }
      const namesOnFile = (code: string): ReadonlyArray<string> => {
        const names: Array<string> = []
        const base = occupations.get(code)
        if (base !== undefined) names.push(base.name)
        for (const n of notices.values()) for (const o of n.added) if (o.code === code) names.push(o.name)
        return names
      }
      const of = <T extends { readonly occupationCode: string; readonly id: string }>(
        items: ReadonlyMap<string, T>,
        code: string,
        order: (a: T, b: T) => number
      ): ReadonlyArray<T> => [...items.values()].filter((i) => i.occupationCode === code).sort(order)

      return {
        catalogueEntry: (code: OccupationCode) => Effect.sync(() => Option.fromNullable(current().get(code))),
        forOccupation: (code: OccupationCode) =>
          Effect.sync(
            (): OccupationFile => ({
              code,
              entry: current().get(code),
              basis: {
                standards: of(standards, code, standardOrder),
                questionBanks: of(questionBanks, code, questionBankOrder),
                enterpriseNorms: of(enterpriseNorms, code, enterpriseNormOrder),
                provincialEntries: of(provincialEntries, code, provincialEntryOrder)
              }
            })
          ),
        listOccupations: (query?: OccupationQuery) =>
          Effect.sync((): OccupationPage => {
            const q = normalizeQuery(query)
            const matching = [...current().values()]
              .filter((e) => entryMatches(e, q, namesOnFile(e.occupation.code)))
              .sort((a, b) => (a.occupation.code < b.occupation.code ? -1 : 1))
            return {
              items: matching.slice(q.offset, q.offset + q.limit),
              total: matching.length,
              offset: q.offset,
              limit: q.limit
            }
          }),
        upsertOccupations: (incoming: ReadonlyArray<Occupation>) =>
          Effect.sync((): OccupationUpsertCounts => {
            const last = new Map<string, Occupation>()
            for (const o of incoming) last.set(o.code, o)
            let inserted = 0
            let updated = 0
            let unchanged = 0
            for (const o of last.values()) {
              const stored = occupations.get(o.code)
              const next = mergeOccupation(stored, o)
              if (stored === undefined) inserted++
              else if (sameOccupation(stored, next)) unchanged++
              else updated++
              occupations.set(o.code, next)
            }
            catalogue = undefined
            return { inserted, updated, unchanged }
          }),
        recordNotice: (notice: OccupationNotice) =>
          Effect.sync(() => {
            notices.set(notice.documentNumber, notice)
            catalogue = undefined
          }),
        listNotices: Effect.sync(() => [...notices.values()].sort(noticeOrder)),
        saveStandard: (standard: NationalStandard) =>
          Effect.sync(() => void standards.set(standard.id, standard)),
        saveQuestionBank: (bank: QuestionBank) => Effect.sync(() => void questionBanks.set(bank.id, bank)),
        saveEnterpriseNorm: (norm: EnterpriseNorm) =>
          Effect.sync(() => void enterpriseNorms.set(norm.id, norm)),
        saveProvincialEntry: (entry: ProvincialCatalogueEntry) =>
          Effect.sync(() => void provincialEntries.set(entry.id, entry)),
        findStandard: (id: string) => Effect.sync(() => Option.fromNullable(standards.get(id))),
        findQuestionBank: (id: string) => Effect.sync(() => Option.fromNullable(questionBanks.get(id))),
        findEnterpriseNorm: (id: string) => Effect.sync(() => Option.fromNullable(enterpriseNorms.get(id))),
        findProvincialEntry: (id: string) => Effect.sync(() => Option.fromNullable(provincialEntries.get(id)))
      }
    })
}
