import { duplicateCandidate } from "@jineng/domain/issuance/BatchSubmission"
import { describe, expect, it } from "vitest"
import { batchFixture } from "../../test/FakeClient.js"
import { residentId } from "../../test/People.js"
import { checkHeader, checkSheet, problemText, readSheet, templateRows } from "./BatchSheet.js"

const ID1 = residentId("320102", "19900101", 1)
const ID2 = residentId("320102", "19910202", 2)

const sheet = (...rows: ReadonlyArray<ReadonlyArray<string>>) => readSheet([...templateRows(), ...rows])

describe("BatchSheet", () => {
  it("finds the columns by their headers, aliases included, and skips blank rows", () => {
    const read = readSheet([
      [],
      ["身份证号", "姓名（必填）", "等级", "职业代码"],
      [ID1, "王五", "四级", "6-18-02-04"],
      ["", "", "", ""],
      [ID2, "李四", "4", "6-18-02-04"]
    ])
    expect(read.problems).toEqual([])
    expect(read.rows.map((r) => [r.line, r.cells.name, r.cells.idNumber, r.cells.level])).toEqual([
      [3, "王五", ID1, "四级"],
      [5, "李四", ID2, "4"]
    ])
  })

  it("names the missing columns and the template's", () => {
    expect(readSheet([["姓名", "证件号码"]]).problems[0]).toContain("缺少列：职业编码、证书等级")
  })

  it("checks each row with the domain's BatchCandidate rules and names the column", async () => {
    const rows = await checkSheet(
      sheet(
        ["王五", "", ID1, "6-18-02-04", "", "四级", ""],
        ["李四", "居民身份证", "110105194912310021", "6-18-02-04", "", "中级工", ""],
        ["", "", ID2, "6-18-02-04", "", "9", ""]
      ).rows,
      undefined
    )
    expect(rows?.[0]?.problems).toEqual([])
    expect(rows?.[0]?.candidate).toEqual({
      holder: { name: "王五", idType: "resident_id", idNumber: ID1 },
      occupationCode: "6-18-02-04",
      level: 4
    })
    expect(rows?.[1]?.problems.map(problemText).join()).toMatch(/^证件号码：.*校验/)
    const third = rows?.[2]?.problems.map(problemText) ?? []
    expect(third.some((p) => p.startsWith("姓名："))).toBe(true)
    expect(third.some((p) => p.startsWith("证书等级："))).toBe(true)
  })

  it("upper-cases a trailing x and hints at an ID number saved as a number", async () => {
    const lower = `${ID1.slice(0, 17)}${ID1.endsWith("X") ? "x" : ID1.slice(17)}`
    const rows = await checkSheet(
      sheet(
        ["王五", "", lower, "6-18-02-04", "", "4", ""],
        ["李四", "", "1.10105194912310E+17", "6-18-02-04", "", "4", ""]
      ).rows,
      undefined
    )
    expect(rows?.[0]?.candidate?.holder.idNumber).toBe(ID1)
    expect(rows?.[1]?.problems.map(problemText)).toContain(
      "证件号码：证件号码被保存成了数字（末几位已丢失），请将该列设为文本后重新填写"
    )
  })

  it("marks a person listed twice on the later row, as duplicateCandidate does", async () => {
    const read = sheet(
      ["王五", "", ID1, "6-18-02-04", "", "4", ""],
      ["李四", "", ID2, "6-18-02-04", "", "4", ""],
      ["王五", "", ID1, "6-18-02-04", "", "4", ""]
    )
    const rows = (await checkSheet(read.rows, undefined)) ?? []
    expect(rows.map((r) => r.problems.length)).toEqual([0, 0, 1])
    expect(problemText(rows[2]?.problems[0] ?? { column: undefined, message: "" })).toBe(
      "证件号码：与第 2 行为同一人（证件号码相同），同一人在一个批次中只能出现一次"
    )
    const domain = duplicateCandidate({
      batchId: "b",
      institutionId: "i",
      issuedOn: "2025-03-10",
      evaluationRegion: "320102",
      candidates: [rows[0]?.candidate, rows[1]?.candidate, { ...rows[0]?.candidate }] as never
    })
    expect(domain?.index).toBe(2)
  })

  it("checks rows against the batch's occupation and level (BatchSubmission.submissionMismatch)", async () => {
    const rows = await checkSheet(
      sheet(["王五", "", ID1, "6-18-02-04", "", "3", ""], ["李四", "", ID2, "4-01-02-03", "", "4", ""]).rows,
      batchFixture
    )
    expect(rows?.[0]?.problems.map(problemText)).toEqual([
      "证书等级：与评价批次不符：应为“四级/中级工”，实为“三级/高级工”"
    ])
    expect(rows?.[1]?.problems.map(problemText)).toEqual([
      "职业编码：与评价批次不符：应为“6-18-02-04”，实为“4-01-02-03”"
    ])
  })

  it("reports progress and stops when cancelled", async () => {
    const many = sheet(
      ...Array.from({ length: 4_500 }, (_, i) => [
        "王五",
        "",
        residentId("320102", "19900101", i % 999),
        "6-18-02-04",
        "",
        "4",
        ""
      ])
    )
    const seen: Array<number> = []
    await checkSheet(many.rows, undefined, { onProgress: (n) => seen.push(n) })
    expect(seen).toEqual([2_000, 4_000, 4_500])
    const controller = new AbortController()
    const stopped = await checkSheet(many.rows, undefined, {
      signal: controller.signal,
      onProgress: () => controller.abort()
    })
    expect(stopped).toBeUndefined()
  })

  it("checks the request's own fields and that they match the batch", () => {
    const good = {
      batchId: batchFixture.id,
      institutionId: "inst-0001",
      issuedOn: "2025-03-10",
      evaluationRegion: "320102"
    }
    expect(checkHeader(good, batchFixture).ok).toBe(true)
    const badDate = checkHeader({ ...good, issuedOn: "2025-02-30" }, undefined)
    expect(badDate.ok ? [] : badDate.issues.map((i) => i.path)).toEqual(["issuedOn"])
    const otherRegion = checkHeader({ ...good, evaluationRegion: "320104" }, batchFixture)
    expect(otherRegion.ok ? "" : otherRegion.issues[0]?.message).toContain("评价所在地区")
  })
})
