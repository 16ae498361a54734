/**
 * The first worksheet of an .xlsx (Office Open XML, ECMA-376) as rows of text, and a one-sheet .xlsx writer for the
 * template — a zip read and written with fflate, the XML read with a few regular expressions (cells of type s
 * shared string, inlineStr, str, b, n; self-closing empty cells; column letters place each cell). Numbers come back
 * as written in the file: an ID number saved as a number shows as e.g. "1.10105194912310E+17" and is refused by
 * the row check, with a hint to save the column as text.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate"
import type { Rows } from "./Csv.js"

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }

const unescapeXml = (s: string): string =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? "")
  )

const escapeXml = (s: string): string =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;")

/** The text of every <t> in an XML fragment (rich text runs concatenated). */
const textOf = (xml: string): string => {
  let out = ""
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += unescapeXml(m[1] ?? "")
  return out
}

/** "A" → 0, "Z" → 25, "AA" → 26. */
export const columnIndex = (letters: string): number => {
  let n = 0
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]

export class XlsxUnreadable extends Error {
  override readonly name = "XlsxUnreadable"
}

/** The path of the workbook's first sheet (workbook.xml order, resolved through its relationships). */
const firstSheetPath = (files: Record<string, Uint8Array>): string => {
  const workbook = files["xl/workbook.xml"]
  const rels = files["xl/_rels/workbook.xml.rels"]
  if (workbook !== undefined && rels !== undefined) {
    const sheet = /<sheet\s[^>]*>/.exec(strFromU8(workbook))?.[0]
    const id = sheet === undefined ? undefined : attr(sheet, "r:id")
    const rel = [...strFromU8(rels).matchAll(/<Relationship\s[^>]*>/g)]
      .map((m) => m[0])
      .find((r) => attr(r, "Id") === id)
    const target = rel === undefined ? undefined : attr(rel, "Target")
    if (target !== undefined)
      return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`
  }
  return "xl/worksheets/sheet1.xml"
}

export const readXlsx = (bytes: Uint8Array): Rows => {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes)
  } catch {
    throw new XlsxUnreadable("文件不是有效的 .xlsx（无法解压）")
  }
  const sheet = files[firstSheetPath(files)]
  if (sheet === undefined) throw new XlsxUnreadable("文件中没有工作表")
  const sharedXml = files["xl/sharedStrings.xml"]
  const shared =
    sharedXml === undefined
      ? []
      : [...strFromU8(sharedXml).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1] ?? ""))
  const rows: Array<Array<string>> = []
  for (const rowMatch of strFromU8(sheet).matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(attr(rowMatch[1] ?? "", "r") ?? rows.length + 1)
    const cells: Array<string> = []
    for (const c of (rowMatch[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const head = c[1] ?? ""
      const body = c[2] ?? ""
      const ref = attr(head, "r")
      const col = ref === undefined ? cells.length : columnIndex(/^[A-Z]+/.exec(ref)?.[0] ?? "A")
      const type = attr(head, "t") ?? "n"
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1]
      const value =
        type === "s"
          ? (shared[Number(v)] ?? "")
          : type === "inlineStr"
            ? textOf(body)
            : type === "b"
              ? v === "1"
                ? "TRUE"
                : "FALSE"
              : unescapeXml(v ?? "")
      while (cells.length < col) cells.push("")
      cells[col] = value
    }
    while (rows.length < rowNumber - 1) rows.push([])
    rows.push(cells)
  }
  return rows
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`

// Style 1 is the text format "@" (numFmtId 49): ID numbers typed into the template stay text.
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`

const letters = (index: number): string => {
  let n = index + 1
  let out = ""
  while (n > 0) {
    const r = (n - 1) % 26
    out = String.fromCharCode(65 + r) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}

/** A one-sheet workbook of text cells, every column formatted as text, named `sheetName`. */
export const writeXlsx = (rows: Rows, sheetName: string): Uint8Array => {
  const width = Math.max(1, ...rows.map((r) => r.length))
  const sheetRows = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r
          .map(
            (v, j) =>
              `<c r="${letters(j)}${i + 1}" t="inlineStr" s="1"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`
          )
          .join("")}</row>`
    )
    .join("")
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="${width}" width="24" style="1" customWidth="1"/></cols><sheetData>${sheetRows}</sheetData></worksheet>`
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`
  return zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(ROOT_RELS),
    "xl/workbook.xml": strToU8(workbook),
    "xl/_rels/workbook.xml.rels": strToU8(WORKBOOK_RELS),
    "xl/styles.xml": strToU8(STYLES),
    "xl/worksheets/sheet1.xml": strToU8(sheet)
  })
}
