import { strToU8, zipSync } from "fflate"
import { describe, expect, it } from "vitest"
import { columnIndex, readXlsx, writeXlsx, XlsxUnreadable } from "./Xlsx.js"

/** A workbook shaped like Excel's own output: shared strings, rich text, numbers, sparse cells, a renamed sheet. */
const excelLike = () =>
  zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/workbook.xml": strToU8(
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="结果" sheetId="1" r:id="rId3"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<Relationships><Relationship Id="rId3" Type="worksheet" Target="worksheets/data.xml"/></Relationships>'
    ),
    "xl/sharedStrings.xml": strToU8(
      '<sst><si><t>姓名</t></si><si><t>证件号码</t></si><si><r><t>王</t></r><r><rPr/><t xml:space="preserve">五 </t></r></si><si><t>A&amp;B</t></si></sst>'
    ),
    "xl/worksheets/data.xml": strToU8(
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="C3"><v>4</v></c><c r="D3" t="inlineStr"><is><t>内联</t></is></c><c r="E3" t="b"><v>1</v></c><c r="F3" s="2"/></row>' +
        '<row r="4"><c r="B4"><v>1.10105194912310E+17</v></c><c r="AA4" t="s"><v>3</v></c></row></sheetData></worksheet>'
    )
  })

describe("Xlsx", () => {
  it("reads the first sheet through the workbook's relationships, placing cells by their column letters", () => {
    const rows = readXlsx(excelLike())
    expect(rows[0]).toEqual(["姓名", "证件号码"])
    expect(rows[1]).toEqual([])
    expect(rows[2]).toEqual(["王五 ", "", "4", "内联", "TRUE", ""])
    expect(rows[3]?.[1]).toBe("1.10105194912310E+17")
    expect(rows[3]?.[26]).toBe("A&B")
  })

  it("numbers columns as Excel does", () => {
    expect([columnIndex("A"), columnIndex("Z"), columnIndex("AA"), columnIndex("AZ")]).toEqual([
      0, 25, 26, 51
    ])
  })

  it("writes a template that reads back cell for cell, with every column formatted as text", () => {
    const rows = [
      ["姓名", "证件号码", "备注<&>"],
      ["王五", "11010519491231002X", ""]
    ]
    const bytes = writeXlsx(rows, "评价结果")
    expect(readXlsx(bytes)).toEqual(rows)
  })

  it("refuses what is not a zip", () => {
    expect(() => readXlsx(new TextEncoder().encode("姓名,证件号码"))).toThrow(XlsxUnreadable)
  })
})
