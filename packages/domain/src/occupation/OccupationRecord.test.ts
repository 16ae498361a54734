import { readFileSync } from "node:fs"
import { ParseResult, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { BASE_EDITION } from "./BaseEdition.js"
import { certifiable } from "./Certifiable.js"
import { makeCatalogue } from "./OccupationCatalogue.js"
import { OccupationRecord, toOccupation } from "./OccupationRecord.js"

const FILE = new URL("../../../../../shared/data/occupations/occupations.jsonl", import.meta.url)

const lines = readFileSync(FILE, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
const decode = Schema.decodeUnknownEither(Schema.parseJson(OccupationRecord))

describe("54号·三 occupation reference file (大典 2022 online edition)", () => {
  const decoded = lines.map((l) => decode(l))
  const records = decoded.flatMap((r) => (r._tag === "Right" ? [r.right] : []))

  it("decodes every line of occupations.jsonl with OccupationRecord", () => {
    expect(decoded.filter((r) => r._tag === "Left")).toEqual([])
    expect(records).toHaveLength(1676)
  })

  it("holds the README's counts per major category", () => {
    const perMajor: Record<string, number> = {}
    for (const r of records) perMajor[r.major.code] = (perMajor[r.major.code] ?? 0) + 1
    expect(perMajor).toEqual({ "1": 25, "2": 496, "3": 36, "4": 379, "5": 56, "6": 679, "7": 4, "8": 1 })
    expect(records.reduce((n, r) => n + r.workTypeCount, 0)).toBe(3053)
  })

  it("finds 1,150 occupations (36+379+56+679) certifiable on 2022-05-01, the rest refused by major category", () => {
    const catalogue = makeCatalogue(records.map(toOccupation))
    expect(catalogue.size).toBe(1676)
    const decisions = records.map((r) => certifiable(catalogue, r.code, undefined, BASE_EDITION.appliesFrom))
    const allowed = decisions.filter((d) => d.outcome === "allowed")
    expect(allowed).toHaveLength(36 + 379 + 56 + 679)
    expect(allowed).toHaveLength(1150)
    const refused = decisions.filter((d) => d.outcome === "refused")
    expect(refused).toHaveLength(1676 - 1150)
    expect(new Set(refused.flatMap((d) => d.failures.map((f) => f.code)))).toEqual(
      new Set(["MajorCategoryNotCertifiable"])
    )
  })

  it("reads a record as a base-edition occupation without 工种 names", () => {
    const turner = records.find((r) => r.code === "6-18-01-01")
    expect(turner).toBeDefined()
    if (turner === undefined) return
    const o = toOccupation(turner)
    expect(o).toMatchObject({
      code: "6-18-01-01",
      name: "车工",
      major: { code: "6", name: "生产制造及有关人员" },
      middle: { code: "6-18" },
      minor: { code: "6-18-01" },
      workTypes: []
    })
    expect(o.workTypeCount).toBe(turner.workTypeCount)
  })

  it("refuses a record whose category codes disagree with the occupation code", () => {
    const bad = {
      code: "6-18-01-01",
      name: "车工",
      major: { code: "4", name: "社会生产服务和生活服务人员" },
      middle: { code: "6-18", name: "x" },
      minor: { code: "6-18-01", name: "y" },
      workTypeCount: 0,
      green: false,
      digital: false
    }
    expect(decode(JSON.stringify(bad))._tag).toBe("Left")
    expect(decode(JSON.stringify({ ...bad, major: { code: "6", name: "生产制造及有关人员" } }))._tag).toBe(
      "Right"
    )
    expect(decode(JSON.stringify({ ...bad, code: "6-18-1-01" }))._tag).toBe("Left")
  })

  it("explains every wrong field in zh-CN (the import prints these next to the line number)", () => {
    const result = Schema.decodeUnknownEither(OccupationRecord)(
      { code: 61801, major: 6, workTypeCount: 1.5, green: "是", digital: false },
      { errors: "all" }
    )
    expect(result._tag).toBe("Left")
    if (result._tag === "Right") return
    expect(
      ParseResult.ArrayFormatter.formatErrorSync(result.left).map((i) => [i.path.join("."), i.message])
    ).toEqual([
      ["code", "职业编码应为 N-NN-NN-NN 格式，如 6-18-01-01"],
      ["name", "缺少职业名称（name）"],
      ["major", "分类应为 {code, name} 对象"],
      ["middle", "缺少中类（middle）"],
      ["minor", "缺少小类（minor）"],
      ["workTypeCount", "工种数应为非负整数"],
      ["green", "绿色职业标记（green）应为 true 或 false"]
    ])
  })
})
