/**
 * StandardRepository on @effect/sql, for SQLite and PostgreSQL (54号·三 "确定评价职业（工种）" and "规范技术标准").
 * Catalogue entries are rebuilt with the domain's `makeCatalogue` from the base-edition rows and the notice rows
 * that name the codes asked about, so dated answers match the in-memory layerTest exactly. Multi-row writes
 * (bulk upsert, a notice and its changes) are one transaction each; SqlError becomes a defect.
 */
import { SqlClient } from "@effect/sql"
import type { OccupationCode } from "@jineng/domain/codes/OccupationCode"
import type { EnterpriseNorm } from "@jineng/domain/occupation/EnterpriseNorm"
import type { NationalStandard } from "@jineng/domain/occupation/NationalStandard"
import type { Occupation } from "@jineng/domain/occupation/Occupation"
import { type CatalogueEntry, makeCatalogue } from "@jineng/domain/occupation/OccupationCatalogue"
import type { OccupationNotice } from "@jineng/domain/occupation/OccupationNotice"
import type { ProvincialCatalogueEntry } from "@jineng/domain/occupation/ProvincialCatalogueEntry"
import type { QuestionBank } from "@jineng/domain/occupation/QuestionBank"
import {
  mergeOccupation,
  normalizeQuery,
  noticeOrder,
  type OccupationFile,
  type OccupationPage,
  type OccupationQuery,
  type OccupationUpsertCounts,
  StandardRepository,
  sameOccupation
} from "@jineng/domain/occupation/StandardRepository"
import { Effect, Layer, Option } from "effect"
import { CHUNK, chunks } from "../sql/SqlParts.js"
import {
  type EnterpriseNormRow,
  enterpriseNormFromRow,
  enterpriseNormToRow,
  type NoticeAdditionRow,
  type NoticeRenameRow,
  type NoticeRow,
  type NoticeWorkTypesRow,
  type OccupationRow,
  occupationFromRow,
  occupationToRow,
  type ProvincialEntryRow,
  provincialEntryFromRow,
  provincialEntryToRow,
  type QuestionBankRow,
  questionBankFromRow,
  questionBankToRow,
  type StandardRow,
  standardFromRow,
  standardToRow,
  type WorkTypeRow,
  workTypeRows
} from "./CatalogueRows.js"

/** `text` for a LIKE … ESCAPE '!' pattern: its own wildcards (and '!') taken literally. */
const likeEscape = (text: string): string => text.replace(/[!%_]/g, (c) => `!${c}`)

const sameList = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

type Joined<R> = R & { readonly title: string | null; readonly notice_date: string }

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  const inChunks = <R>(
    codes: ReadonlyArray<string>,
    query: (chunk: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<R>, unknown>
  ) => Effect.map(Effect.forEach(chunks(codes, CHUNK), query), (parts) => parts.flat())

  /** Base-edition occupations (with their 工种 in order) for `codes`. */
  const loadBase = (codes: ReadonlyArray<string>) =>
    Effect.gen(function* () {
      const rows = yield* inChunks(
        codes,
        (chunk) => sql<OccupationRow>`SELECT * FROM occupations WHERE ${sql.in("code", chunk)}`
      )
      const workTypes = yield* inChunks(
        codes,
        (chunk) =>
          sql<WorkTypeRow>`
          SELECT * FROM occupation_work_types WHERE ${sql.in("occupation_code", chunk)}
          ORDER BY occupation_code, seq`
      )
      const names = new Map<string, Array<string>>()
      for (const w of workTypes) {
        const list = names.get(w.occupation_code)
        if (list === undefined) names.set(w.occupation_code, [w.name])
        else list.push(w.name)
      }
      return new Map(rows.map((r) => [r.code, occupationFromRow(r, names.get(r.code) ?? [])]))
    })

  /**
   * The notices' changes to `codes`, or all of them, as notices holding only those changes (makeCatalogue
   * treats codes independently, so this yields the same entries as the whole notices would).
   */
  const loadNotices = (codes: ReadonlyArray<string> | undefined) =>
    Effect.gen(function* () {
      const where = (column: string, chunk: ReadonlyArray<string> | undefined) =>
        chunk === undefined ? sql.literal("1 = 1") : sql.in(column, chunk)
      const perChunk = <R>(
        query: (chunk: ReadonlyArray<string> | undefined) => Effect.Effect<ReadonlyArray<R>, unknown>
      ) => (codes === undefined ? query(undefined) : inChunks(codes, query))
      const heads =
        codes === undefined
          ? yield* sql<NoticeRow>`SELECT * FROM occupation_notices`
          : ([] as ReadonlyArray<NoticeRow>)
      const additions = yield* perChunk(
        (chunk) =>
          sql<Joined<NoticeAdditionRow>>`
          SELECT a.*, n.title, n.notice_date FROM occupation_notice_additions a
          JOIN occupation_notices n ON n.document_number = a.document_number
          WHERE ${where("a.code", chunk)}`
      )
      const renames = yield* perChunk(
        (chunk) =>
          sql<Joined<NoticeRenameRow>>`
          SELECT r.*, n.title, n.notice_date FROM occupation_notice_renames r
          JOIN occupation_notices n ON n.document_number = r.document_number
          WHERE ${where("r.code", chunk)}`
      )
      const workTypes = yield* perChunk(
        (chunk) =>
          sql<Joined<NoticeWorkTypesRow>>`
          SELECT w.*, n.title, n.notice_date FROM occupation_notice_work_types w
          JOIN occupation_notices n ON n.document_number = w.document_number
          WHERE ${where("w.code", chunk)}`
      )
      interface Building {
        readonly head: NoticeRow
        readonly added: Array<readonly [number, Occupation]>
        readonly renamed: Array<readonly [number, OccupationNotice["renamed"][number]]>
        readonly workTypesAdded: Array<readonly [number, OccupationNotice["workTypesAdded"][number]]>
      }
      const byNumber = new Map<string, Building>()
      const of = (head: NoticeRow): Building => {
        let b = byNumber.get(head.document_number)
        if (b === undefined) {
          b = { head, added: [], renamed: [], workTypesAdded: [] }
          byNumber.set(head.document_number, b)
        }
        return b
      }
      for (const h of heads) of(h)
      for (const a of additions) of(a).added.push([Number(a.seq), JSON.parse(a.occupation) as Occupation])
      for (const r of renames)
        of(r).renamed.push([Number(r.seq), { code: r.code, previousName: r.previous_name, name: r.name }])
      for (const w of workTypes)
        of(w).workTypesAdded.push([
          Number(w.seq),
          { code: w.code, workTypes: JSON.parse(w.work_types) as [string, ...Array<string>] }
        ])
      const inOrder = <A>(items: ReadonlyArray<readonly [number, A]>): Array<A> =>
        [...items].sort((x, y) => x[0] - y[0]).map(([, a]) => a)
      return [...byNumber.values()]
        .map(
          (b): OccupationNotice => ({
            documentNumber: b.head.document_number,
            ...(b.head.title === null ? {} : { title: b.head.title }),
            date: b.head.notice_date,
            added: inOrder(b.added),
            renamed: inOrder(b.renamed),
            workTypesAdded: inOrder(b.workTypesAdded)
          })
        )
        .sort(noticeOrder)
    })

  const entriesFor = (codes: ReadonlyArray<string>) =>
    Effect.gen(function* () {
      if (codes.length === 0)
        return new Map<OccupationCode, CatalogueEntry>() as ReadonlyMap<OccupationCode, CatalogueEntry>
      const base = yield* loadBase(codes)
      const notices = yield* loadNotices(codes)
      return makeCatalogue([...base.values()], notices)
    })

  const catalogueEntry = (code: OccupationCode) =>
    entriesFor([code]).pipe(
      Effect.map((entries) => Option.fromNullable(entries.get(code))),
      Effect.orDie
    )

  const forOccupation = (code: OccupationCode): Effect.Effect<OccupationFile> =>
    Effect.gen(function* () {
      const entries = yield* entriesFor([code])
      const standards = yield* sql<StandardRow>`
        SELECT * FROM national_standards WHERE occupation_code = ${code} ORDER BY effective_from, published_on, id`
      const questionBanks = yield* sql<QuestionBankRow>`
        SELECT * FROM question_banks WHERE occupation_code = ${code} ORDER BY approved_on, id`
      const enterpriseNorms = yield* sql<EnterpriseNormRow>`
        SELECT * FROM enterprise_norms WHERE occupation_code = ${code} ORDER BY filed_on, id`
      const provincialEntries = yield* sql<ProvincialEntryRow>`
        SELECT * FROM provincial_catalogue_entries WHERE occupation_code = ${code} ORDER BY listed_on, id`
      return {
        code,
        entry: entries.get(code),
        basis: {
          standards: standards.map(standardFromRow),
          questionBanks: questionBanks.map(questionBankFromRow),
          enterpriseNorms: enterpriseNorms.map(enterpriseNormFromRow),
          provincialEntries: provincialEntries.map(provincialEntryFromRow)
        }
      }
    }).pipe(Effect.orDie)

  const listOccupations = (query?: OccupationQuery): Effect.Effect<OccupationPage> =>
    Effect.gen(function* () {
      const q = normalizeQuery(query)
      const clauses = []
      if (q.major !== undefined) clauses.push(sql`c.major_code = ${q.major}`)
      if (q.text !== undefined) {
        const contains = `%${likeEscape(q.text)}%`
        clauses.push(sql`(
          c.code LIKE ${`${likeEscape(q.text)}%`} ESCAPE '!'
          OR EXISTS (SELECT 1 FROM occupations o WHERE o.code = c.code AND LOWER(o.name) LIKE ${contains} ESCAPE '!')
          OR EXISTS (SELECT 1 FROM occupation_notice_additions a
                     WHERE a.code = c.code AND LOWER(a.name) LIKE ${contains} ESCAPE '!')
          OR EXISTS (SELECT 1 FROM occupation_notice_renames r
                     WHERE r.code = c.code AND LOWER(r.name) LIKE ${contains} ESCAPE '!'))`)
      }
      const listed = sql`(
        SELECT code, major_code FROM occupations
        UNION
        SELECT code, major_code FROM occupation_notice_additions) c`
      const where = sql.and(clauses)
      const counted = yield* sql<{
        readonly n: number | string
      }>`SELECT COUNT(*) AS n FROM ${listed} WHERE ${where}`
      const page = yield* sql<{ readonly code: string }>`
        SELECT c.code FROM ${listed} WHERE ${where} ORDER BY c.code LIMIT ${q.limit} OFFSET ${q.offset}`
      const codes = page.map((r) => r.code)
      const entries = yield* entriesFor(codes)
      return {
        items: codes.flatMap((code) => {
          const entry = entries.get(code)
          return entry === undefined ? [] : [entry]
        }),
        total: Number(counted[0]?.n ?? 0),
        offset: q.offset,
        limit: q.limit
      }
    }).pipe(Effect.orDie)

  const upsertOccupations = (incoming: ReadonlyArray<Occupation>): Effect.Effect<OccupationUpsertCounts> =>
    Effect.gen(function* () {
      const last = new Map<string, Occupation>()
      for (const o of incoming) last.set(o.code, o)
      if (last.size === 0) return { inserted: 0, updated: 0, unchanged: 0 }
      const stored = yield* loadBase([...last.keys()])
      const inserts: Array<Occupation> = []
      const updates: Array<Occupation> = []
      const workTypesReplaced: Array<Occupation> = []
      let unchanged = 0
      for (const o of last.values()) {
        const before = stored.get(o.code)
        const next = mergeOccupation(before, o)
        if (before === undefined) {
          inserts.push(next)
          if (next.workTypes.length > 0) workTypesReplaced.push(next)
        } else if (sameOccupation(before, next)) {
          unchanged++
        } else {
          updates.push(next)
          if (!sameList(before.workTypes, next.workTypes)) workTypesReplaced.push(next)
        }
      }
      for (const chunk of chunks(inserts, CHUNK)) {
        yield* sql`INSERT INTO occupations ${sql.insert(chunk.map(occupationToRow) as never)}`
      }
      for (const o of updates) {
        const r = occupationToRow(o)
        yield* sql`
          UPDATE occupations
          SET name = ${r.name}, major_code = ${r.major_code}, major_name = ${r.major_name},
              middle_code = ${r.middle_code}, middle_name = ${r.middle_name},
              minor_code = ${r.minor_code}, minor_name = ${r.minor_name},
              work_type_count = ${r.work_type_count}, green = ${r.green}, digital = ${r.digital}
          WHERE code = ${r.code}`
      }
      for (const chunk of chunks(
        workTypesReplaced.map((o) => o.code),
        CHUNK
      )) {
        yield* sql`DELETE FROM occupation_work_types WHERE ${sql.in("occupation_code", chunk)}`
      }
      for (const chunk of chunks(workTypesReplaced.flatMap(workTypeRows), CHUNK)) {
        yield* sql`INSERT INTO occupation_work_types ${sql.insert(chunk as never)}`
      }
      return { inserted: inserts.length, updated: updates.length, unchanged }
    }).pipe(sql.withTransaction, Effect.orDie)

  const recordNotice = (notice: OccupationNotice): Effect.Effect<void> =>
    Effect.gen(function* () {
      const n = notice.documentNumber
      yield* sql`DELETE FROM occupation_notice_additions WHERE document_number = ${n}`
      yield* sql`DELETE FROM occupation_notice_renames WHERE document_number = ${n}`
      yield* sql`DELETE FROM occupation_notice_work_types WHERE document_number = ${n}`
      yield* sql`DELETE FROM occupation_notices WHERE document_number = ${n}`
      yield* sql`INSERT INTO occupation_notices ${sql.insert({
        document_number: n,
        title: notice.title ?? null,
        notice_date: notice.date
      })}`
      const additions = notice.added.map((o, seq) => ({
        document_number: n,
        seq,
        code: o.code,
        name: o.name,
        major_code: o.major.code,
        occupation: JSON.stringify(o)
      }))
      for (const chunk of chunks(additions, CHUNK)) {
        yield* sql`INSERT INTO occupation_notice_additions ${sql.insert(chunk as never)}`
      }
      const renames = notice.renamed.map((r, seq) => ({
        document_number: n,
        seq,
        code: r.code,
        previous_name: r.previousName,
        name: r.name
      }))
      for (const chunk of chunks(renames, CHUNK)) {
        yield* sql`INSERT INTO occupation_notice_renames ${sql.insert(chunk as never)}`
      }
      const workTypes = notice.workTypesAdded.map((w, seq) => ({
        document_number: n,
        seq,
        code: w.code,
        work_types: JSON.stringify(w.workTypes)
      }))
      for (const chunk of chunks(workTypes, CHUNK)) {
        yield* sql`INSERT INTO occupation_notice_work_types ${sql.insert(chunk as never)}`
      }
    }).pipe(sql.withTransaction, Effect.orDie)

  const listNotices = loadNotices(undefined).pipe(Effect.orDie)

  /** INSERT … ON CONFLICT (id) DO UPDATE of every other column: one statement, same on both dialects. */
  const upsertById = (table: string, row: { readonly id: string }) => {
    const columns = Object.keys(row).filter((c) => c !== "id")
    return sql`
      INSERT INTO ${sql(table)} ${sql.insert(row as never)}
      ON CONFLICT (id) DO UPDATE SET ${sql.literal(columns.map((c) => `${c} = excluded.${c}`).join(", "))}`.pipe(
      Effect.asVoid,
      Effect.orDie
    )
  }

  /** The one row of `table` with this id, mapped; none when absent. */
  const findById = <R extends object, A>(
    table: string,
    id: string,
    fromRow: (r: R) => A
  ): Effect.Effect<Option.Option<A>> =>
    sql<R>`SELECT * FROM ${sql(table)} WHERE id = ${id}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), fromRow)),
      Effect.orDie
    )

  return StandardRepository.of({
    catalogueEntry,
    forOccupation,
    listOccupations,
    upsertOccupations,
    recordNotice,
    listNotices,
    saveStandard: (s: NationalStandard) => upsertById("national_standards", standardToRow(s)),
    saveQuestionBank: (b: QuestionBank) => upsertById("question_banks", questionBankToRow(b)),
    saveEnterpriseNorm: (n: EnterpriseNorm) => upsertById("enterprise_norms", enterpriseNormToRow(n)),
    saveProvincialEntry: (e: ProvincialCatalogueEntry) =>
      upsertById("provincial_catalogue_entries", provincialEntryToRow(e)),
    findStandard: (id) => findById("national_standards", id, standardFromRow),
    findQuestionBank: (id) => findById("question_banks", id, questionBankFromRow),
    findEnterpriseNorm: (id) => findById("enterprise_norms", id, enterpriseNormFromRow),
    findProvincialEntry: (id) => findById("provincial_catalogue_entries", id, provincialEntryFromRow)
  })
})

export const SqlStandardRepository = {
  layer: Layer.effect(StandardRepository, make)
}
