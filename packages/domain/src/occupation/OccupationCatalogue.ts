/**
 * The occupation catalogue as of any date: the base edition (BaseEdition.ts) plus dated MOHRSS additions and
 * changes (OccupationNotice.ts) — 54号·三 "《国家职业分类大典》…收录的规范名称，以及人力资源社会保障部发布的职业信息
 * 新增、变更通知". Plain data; lookups are by occupation code.
 */
import type { OccupationCode } from "../codes/OccupationCode.js"
import type { LocalDate } from "../time/LocalDate.js"
import { BASE_EDITION } from "./BaseEdition.js"
import type { Occupation } from "./Occupation.js"
import type { OccupationNotice } from "./OccupationNotice.js"

/** A name that holds from `from` (a rename notice's date). */
export interface DatedName {
  readonly from: LocalDate
  readonly name: string
  readonly source: string
}

/** 工种 listed from `from` by a notice. */
export interface DatedWorkTypes {
  readonly from: LocalDate
  readonly workTypes: ReadonlyArray<string>
  readonly source: string
}

export interface CatalogueEntry {
  /** The occupation as first listed (base edition or the adding notice). */
  readonly occupation: Occupation
  /** First date on which the occupation counts as in the catalogue. */
  readonly listedFrom: LocalDate
  /** BASE_EDITION.id or the adding notice's document number. */
  readonly source: string
  /** true when membership rests on the base-edition reading (provisional, see BaseEdition.ts). */
  readonly fromBaseEdition: boolean
  /** Later names, in date order. */
  readonly renames: ReadonlyArray<DatedName>
  /** 工种 added later, in date order. */
  readonly addedWorkTypes: ReadonlyArray<DatedWorkTypes>
}

/** Anything that finds an entry by code; a ReadonlyMap<OccupationCode, CatalogueEntry> is one. */
export interface CatalogueLookup {
  readonly get: (code: OccupationCode) => CatalogueEntry | undefined
}

const byDate = (a: OccupationNotice, b: OccupationNotice): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0

/**
 * Builds the catalogue. An occupation added by a notice takes the notice's date even when the base file also
 * holds it (the dated addition governs). Renames and 工种 additions of codes not in the catalogue are ignored.
 */
export const makeCatalogue = (
  base: ReadonlyArray<Occupation>,
  notices: ReadonlyArray<OccupationNotice> = []
): ReadonlyMap<OccupationCode, CatalogueEntry> => {
  const entries = new Map<OccupationCode, CatalogueEntry>()
  for (const occupation of base) {
    entries.set(occupation.code, {
      occupation,
      listedFrom: BASE_EDITION.appliesFrom,
      source: BASE_EDITION.id,
      fromBaseEdition: true,
      renames: [],
      addedWorkTypes: []
    })
  }
  const sorted = [...notices].sort(byDate)
  for (const notice of sorted) {
    for (const occupation of notice.added) {
      entries.set(occupation.code, {
        occupation,
        listedFrom: notice.date,
        source: notice.documentNumber,
        fromBaseEdition: false,
        renames: [],
        addedWorkTypes: []
      })
    }
  }
  for (const notice of sorted) {
    for (const r of notice.renamed) {
      const entry = entries.get(r.code)
      if (entry === undefined) continue
      entries.set(r.code, {
        ...entry,
        renames: [...entry.renames, { from: notice.date, name: r.name, source: notice.documentNumber }]
      })
    }
    for (const w of notice.workTypesAdded) {
      const entry = entries.get(w.code)
      if (entry === undefined) continue
      entries.set(w.code, {
        ...entry,
        addedWorkTypes: [
          ...entry.addedWorkTypes,
          { from: notice.date, workTypes: w.workTypes, source: notice.documentNumber }
        ]
      })
    }
  }
  return entries
}

/** A lookup over a few entries (e.g. the one a repository returned). */
export const lookupOf = (entries: ReadonlyArray<CatalogueEntry>): CatalogueLookup =>
  new Map(entries.map((e) => [e.occupation.code, e]))

export const isListedOn = (entry: CatalogueEntry, date: LocalDate): boolean => entry.listedFrom <= date

/** The occupation's name on `date`: the latest rename dated on or before it, else the listed name. */
export const nameOn = (entry: CatalogueEntry, date: LocalDate): string => {
  let name = entry.occupation.name
  for (const r of entry.renames) if (r.from <= date) name = r.name
  return name
}

/** The 工种 names on file on `date`. */
export const workTypesOn = (entry: CatalogueEntry, date: LocalDate): ReadonlyArray<string> => {
  if (entry.addedWorkTypes.length === 0) return entry.occupation.workTypes
  const all = [...entry.occupation.workTypes]
  for (const a of entry.addedWorkTypes) if (a.from <= date) all.push(...a.workTypes)
  return all
}
