/**
 * The catalogue import (54号·三): the full 大典 reference file from ../shared (1,676 occupations), idempotent
 * re-import, all-or-nothing refusal of a file with malformed lines (reported by line number, zh-CN), one
 * transaction for the whole import — on the in-memory ports and every database of TestDatabases; and the
 * command itself on a SQLite file.
 */
import { execFile } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { SqlClient } from "@effect/sql"
import { afterAll, describe, expect, it, layer as testLayer } from "@effect/vitest"
import type { OccupationRecord } from "@jineng/domain/occupation/OccupationRecord"
import { StandardRepository } from "@jineng/domain/occupation/StandardRepository"
import { Transactional } from "@jineng/domain/shared/Transactional"
import { Effect, Either, Layer, Option } from "effect"
import {
  formatProblem,
  formatReport,
  importCatalogue,
  parseCatalogue
} from "../src/catalogue/CatalogueImport.js"
import { SqlStandardRepository } from "../src/catalogue/SqlStandardRepository.js"
import * as SqlTransactional from "../src/SqlTransactional.js"
import { targets } from "./TestDatabases.js"

const FULL = new URL("../../../../shared/data/occupations/occupations.jsonl", import.meta.url)
const SEED = new URL("../seed/occupations.seed.jsonl", import.meta.url)
const PACKAGE = fileURLToPath(new URL("..", import.meta.url))

const fullText = readFileSync(FULL, "utf8")
const records = Either.getOrThrow(parseCatalogue(fullText))

/** The README's counts per major category. */
const PER_MAJOR: Record<string, number> = {
  "1": 25,
  "2": 496,
  "3": 36,
  "4": 379,
  "5": 56,
  "6": 679,
  "7": 4,
  "8": 1
}

const dir = mkdtempSync(join(tmpdir(), "jineng-catalogue-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The full file with line 3 missing its name, line 1000 not JSON and line 1200 a repeat of line 1. */
const malformedText = (): string => {
  const lines = fullText.split("\n")
  const third = JSON.parse(lines[2] ?? "{}") as Record<string, unknown>
  delete third.name
  lines[2] = JSON.stringify(third)
  lines[999] = (lines[999] ?? "").slice(0, 40)
  lines[1199] = lines[0] ?? ""
  return lines.join("\n")
}

describe("54号·三 CatalogueImport.parseCatalogue", () => {
  it("reads every line of the full 大典 file", () => {
    expect(records).toHaveLength(1676)
    expect(records[0]?.code).toBe("1-01-00-01")
  })

  it("reads the demo seed: 45 real occupations of categories 3–6, each an exact line of the full file", () => {
    const seedText = readFileSync(SEED, "utf8")
    const seed = Either.getOrThrow(parseCatalogue(seedText))
    expect(seed).toHaveLength(45)
    expect(new Set(seed.map((r) => r.major.code))).toEqual(new Set(["3", "4", "5", "6"]))
    const fullLines = new Set(fullText.split("\n"))
    for (const line of seedText.split("\n").filter((l) => l !== "")) expect(fullLines.has(line)).toBe(true)
  })

  it("refuses the whole file and reports every bad line with its number and a zh-CN message", () => {
    const parsed = parseCatalogue(malformedText())
    expect(Either.isLeft(parsed)).toBe(true)
    if (Either.isRight(parsed)) return
    expect(parsed.left.map((p) => p.line)).toEqual([3, 1000, 1200])
    expect(parsed.left.map(formatProblem)).toEqual([
      "第 3 行：name：缺少职业名称（name）",
      "第 1000 行：不是合法的 JSON",
      "第 1200 行：code：职业编码 1-01-00-01 已在第 1 行出现，不得重复"
    ])
  })

  it("names each wrong field of a line with the schema's zh-CN message", () => {
    const line = JSON.stringify({
      code: "6-18-1-01",
      name: "车工",
      major: { code: "6", name: "生产制造及有关人员" },
      middle: { code: "6-18", name: "机械制造基础加工人员" },
      minor: { code: "6-18-01", name: "机械冷加工人员" },
      workTypeCount: -1,
      green: "否",
      digital: false
    })
    const parsed = parseCatalogue(`\n${line}\r\n`)
    expect(parsed).toEqual(
      Either.left([
        {
          line: 2,
          message:
            "code：职业编码应为 N-NN-NN-NN 格式，如 6-18-01-01；workTypeCount：工种数应为非负整数；green：绿色职业标记（green）应为 true 或 false"
        }
      ])
    )
    const mismatched = JSON.stringify({
      ...JSON.parse(line),
      code: "4-18-01-01",
      workTypeCount: 0,
      green: false
    })
    expect(parseCatalogue(mismatched)).toEqual(
      Either.left([{ line: 1, message: "大类、中类、小类编码应与职业编码的前缀一致" }])
    )
  })

  it("skips blank lines, accepts CRLF and a byte-order mark, and refuses a file without records", () => {
    const lines = fullText.split("\n").slice(0, 3)
    const parsed = parseCatalogue(`\uFEFF${lines.join("\r\n")}\r\n\r\n`)
    expect(Either.getOrThrow(parsed)).toHaveLength(3)
    expect(parseCatalogue("\n  \n")).toEqual(Either.left([{ line: 0, message: "文件中没有任何职业记录" }]))
  })
})

const implementations = [
  {
    name: "in-memory ports",
    layer: () => Layer.mergeAll(StandardRepository.layerTest(), Transactional.layerTest)
  },
  ...targets.map((t) => ({
    name: t.name,
    layer: () =>
      Layer.mergeAll(Layer.fresh(SqlStandardRepository.layer), Layer.fresh(SqlTransactional.layer)).pipe(
        Layer.provide(t.layer())
      )
  }))
]

describe.each(implementations)("54号·三 CatalogueImport.importCatalogue — $name", ({ layer }) => {
  testLayer(layer(), { timeout: 120_000 })((it) => {
    it.effect("imports the full file: 1,676 read and inserted, counted per major category", () =>
      Effect.gen(function* () {
        const report = yield* importCatalogue(records)
        expect(report).toMatchObject({ read: 1676, inserted: 1676, updated: 0, unchanged: 0 })
        expect(Object.fromEntries(report.byMajor.map((m) => [m.major, m.read]))).toEqual(PER_MAJOR)
        expect(report.byMajor.every((m) => m.inserted === m.read)).toBe(true)
        expect(formatReport(report)[0]).toBe("读取 1676 条，新增 1676 条，更新 0 条，未变 0 条")
        const repo = yield* StandardRepository
        const turner = Option.getOrThrow(yield* repo.catalogueEntry("6-18-01-01"))
        expect(turner.occupation.name).toBe("车工")
        expect((yield* repo.listOccupations({ limit: 1 })).total).toBe(1676)
        for (const [major, n] of Object.entries(PER_MAJOR)) {
          expect((yield* repo.listOccupations({ major, limit: 1 })).total).toBe(n)
        }
      })
    )

    it.effect("a second import of the same file changes nothing", () =>
      Effect.gen(function* () {
        const report = yield* importCatalogue(records)
        expect(report).toMatchObject({ read: 1676, inserted: 0, updated: 0, unchanged: 1676 })
      })
    )

    it.effect("an import of a changed file updates only the changed occupations", () =>
      Effect.gen(function* () {
        const changed = records.map(
          (r): OccupationRecord => (r.code === "6-18-01-01" ? { ...r, name: "车工（测试）" } : r)
        )
        expect(yield* importCatalogue(changed)).toMatchObject({ inserted: 0, updated: 1, unchanged: 1675 })
        expect(yield* importCatalogue(records)).toMatchObject({ inserted: 0, updated: 1, unchanged: 1675 })
      })
    )
  })
})

describe.each(targets)("54号·三 CatalogueImport is one transaction — $name", ({ layer }) => {
  const layers = Layer.mergeAll(
    Layer.fresh(SqlStandardRepository.layer),
    Layer.fresh(SqlTransactional.layer)
  ).pipe(Layer.provideMerge(layer()))
  testLayer(layers, { timeout: 120_000 })((it) => {
    it.effect("a failure in the last major category leaves no occupation of the earlier ones", () =>
      Effect.gen(function* () {
        const broken = records.map(
          (r): OccupationRecord => (r.code === "6-18-01-01" ? { ...r, name: null as unknown as string } : r)
        )
        const exit = yield* Effect.exit(importCatalogue(broken))
        expect(exit._tag).toBe("Failure")
        const sql = yield* SqlClient.SqlClient
        const count = yield* sql<{ readonly n: number | string }>`SELECT COUNT(*) AS n FROM occupations`
        expect(Number(count[0]?.n)).toBe(0)
      })
    )
  })
})

const run = promisify(execFile)

/** Runs the command as `pnpm import-catalogue` does, on a SQLite file; never throws. */
const command = async (file: string, sqliteFile: string) => {
  const env: NodeJS.ProcessEnv = { ...process.env, SQLITE_FILE: sqliteFile }
  delete env.DATABASE_URL
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--conditions=@jineng/source", "--import", "tsx", "src/cli/importCatalogue.ts", file],
      { cwd: PACKAGE, env }
    )
    return { code: 0, stdout, stderr }
  } catch (e) {
    const error = e as { code?: number; stdout?: string; stderr?: string }
    return { code: error.code ?? -1, stdout: error.stdout ?? "", stderr: error.stderr ?? "" }
  }
}

describe("54号·三 import-catalogue command (SQLite file)", () => {
  it("refuses a malformed file before opening the database: bad lines on stderr, exit 1", async () => {
    const bad = join(dir, "malformed.jsonl")
    writeFileSync(bad, malformedText())
    const sqliteFile = join(dir, "refused.sqlite")
    const result = await command(bad, sqliteFile)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("3 行格式有误，整个文件未导入")
    expect(result.stderr).toContain("第 3 行：name：缺少职业名称（name）")
    expect(result.stderr).toContain("第 1000 行：不是合法的 JSON")
    expect(result.stderr).toContain("第 1200 行：")
    expect(existsSync(sqliteFile)).toBe(false)
  }, 60_000)

  it("imports the seed, then reports 0 inserted and 0 updated on a second run", async () => {
    const sqliteFile = join(dir, "seed.sqlite")
    const seed = fileURLToPath(SEED)
    const first = await command(seed, sqliteFile)
    expect(first.code).toBe(0)
    expect(first.stdout).toContain("读取 45 条，新增 45 条，更新 0 条，未变 0 条")
    expect(first.stdout).toContain("第六大类（生产制造及有关人员）：读取 10，新增 10，更新 0，未变 0")
    const second = await command(seed, sqliteFile)
    expect(second.code).toBe(0)
    expect(second.stdout).toContain("读取 45 条，新增 0 条，更新 0 条，未变 45 条")
  }, 60_000)
})
