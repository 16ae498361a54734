/**
 * CSV as RFC 4180 writes it — fields separated by commas, records by CRLF (LF accepted), a field with a comma,
 * quote or line break quoted, a quote inside doubled — read from bytes in UTF-8 (a BOM is dropped) or, when the
 * bytes are not UTF-8, GB18030 (what Excel on a zh-CN Windows saves as "CSV"). Written with a BOM, so Excel
 * opens the zh-CN headers correctly.
 */

export type Rows = ReadonlyArray<ReadonlyArray<string>>

/** The text of a CSV file: UTF-8 (without its BOM), else GB18030. */
export const decodeCsvBytes = (bytes: Uint8Array): string => {
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    text = new TextDecoder("gb18030").decode(bytes)
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** The records of a CSV text; a quoted field may span lines. Unterminated quotes end at the end of the text. */
export const parseCsv = (text: string): Rows => {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let field = ""
  let quoted = false
  let i = 0
  const endField = () => {
    row.push(field)
    field = ""
  }
  const endRow = () => {
    endField()
    rows.push(row)
    row = []
  }
  while (i < text.length) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else field += ch
      i++
      continue
    }
    if (ch === '"' && field === "") quoted = true
    else if (ch === ",") endField()
    else if (ch === "\r" && text[i + 1] === "\n") {
      endRow()
      i++
    } else if (ch === "\n" || ch === "\r") endRow()
    else field += ch
    i++
  }
  if (field !== "" || row.length > 0) endRow()
  return rows
}

const NEEDS_QUOTES = /[",\r\n]/

/** One field as CSV. */
export const csvField = (value: string): string =>
  NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value

/** The rows as CSV text with CRLF line ends and a leading BOM. */
export const writeCsv = (rows: Rows): string =>
  `\ufeff${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`
