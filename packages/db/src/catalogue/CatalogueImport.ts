/**
 * The catalogue import (54号·三 "《国家职业分类大典》…收录的规范名称"): reads the 大典 reference file (JSON Lines,
 * one OccupationRecord a line, ../shared/data/occupations/), refuses the whole file when any line is malformed
 * (every bad line is reported with its number and the zh-CN schema message), otherwise upserts every occupation
 * of the base edition in one transaction and reports counts per major category. Idempotent: importing the same
 * file again inserts and updates nothing.
 */
import { majorCategoryLabel } from "@jineng/domain/occupation/MajorCategory"
import { OccupationRecord, toOccupation } from "@jineng/domain/occupation/OccupationRecord"
import { StandardRepository } from "@jineng/domain/occupation/StandardRepository"
import { Transactional } from "@jineng/domain/shared/Transactional"
import { Effect, Either, ParseResult, Schema } from "effect"

/** A refused line: its 1-based number in the file (0 = the file as a whole) and why, in zh-CN. */
export interface LineProblem {
  readonly line: number
  readonly message: string
}

export interface MajorCounts {
  readonly major: string
  readonly read: number
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
}

export interface ImportReport {
  readonly read: number
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
  /** In major-category order. */
  readonly byMajor: ReadonlyArray<MajorCounts>
}

const decodeRecord = Schema.decodeUnknownEither(OccupationRecord, { errors: "all" })

const describeIssues = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.join(".")}：${issue.message}`))
    .join("；")

/**
 * Parses a JSON Lines file: every record, or every problem (blank lines are skipped; a code given twice is a
 * problem at its second line; a file without records is refused as a whole).
 */
export const parseCatalogue = (
  text: string
): Either.Either<ReadonlyArray<OccupationRecord>, ReadonlyArray<LineProblem>> => {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/)
  const records: Array<OccupationRecord> = []
  const problems: Array<LineProblem> = []
  const firstLineOf = new Map<string, number>()
  lines.forEach((raw, index) => {
    const line = index + 1
    if (raw.trim() === "") return
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      problems.push({ line, message: "不是合法的 JSON" })
      return
    }
    const decoded = decodeRecord(json)
    if (Either.isLeft(decoded)) {
      problems.push({ line, message: describeIssues(decoded.left) })
      return
    }
    const record = decoded.right
    const first = firstLineOf.get(record.code)
    if (first !== undefined) {
      problems.push({ line, message: `code：职业编码 ${record.code} 已在第 ${first} 行出现，不得重复` })
      return
    }
    firstLineOf.set(record.code, line)
    records.push(record)
  })
  if (problems.length > 0) return Either.left(problems)
  if (records.length === 0) return Either.left([{ line: 0, message: "文件中没有任何职业记录" }])
  return Either.right(records)
}

/** Upserts the records as base-edition occupations in one transaction, one upsert per major category. */
export const importCatalogue = (records: ReadonlyArray<OccupationRecord>) =>
  Effect.gen(function* () {
    const repository = yield* StandardRepository
    const transactional = yield* Transactional
    const groups = new Map<string, Array<OccupationRecord>>()
    for (const r of records) {
      const group = groups.get(r.major.code)
      if (group === undefined) groups.set(r.major.code, [r])
      else group.push(r)
    }
    const majors = [...groups.keys()].sort()
    const byMajor = yield* transactional.run(
      Effect.forEach(majors, (major) => {
        const group = groups.get(major) ?? []
        return Effect.map(
          repository.upsertOccupations(group.map(toOccupation)),
          (counts): MajorCounts => ({ major, read: group.length, ...counts })
        )
      })
    )
    const sum = (key: keyof Omit<MajorCounts, "major">) => byMajor.reduce((n, m) => n + m[key], 0)
    return {
      read: sum("read"),
      inserted: sum("inserted"),
      updated: sum("updated"),
      unchanged: sum("unchanged"),
      byMajor
    } satisfies ImportReport
  }).pipe(Effect.withSpan("CatalogueImport.importCatalogue"))

export const formatProblem = (p: LineProblem): string =>
  p.line === 0 ? `整个文件：${p.message}` : `第 ${p.line} 行：${p.message}`

/** The report as printed by the command (zh-CN). */
export const formatReport = (report: ImportReport): ReadonlyArray<string> => [
  `读取 ${report.read} 条，新增 ${report.inserted} 条，更新 ${report.updated} 条，未变 ${report.unchanged} 条`,
  ...report.byMajor.map(
    (m) =>
      `  ${majorCategoryLabel(m.major)}：读取 ${m.read}，新增 ${m.inserted}，更新 ${m.updated}，未变 ${m.unchanged}`
  )
]
