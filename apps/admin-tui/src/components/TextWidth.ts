/**
 * Terminal cell widths for table columns at 80 columns: CJK ideographs, full-width forms and punctuation take two
 * cells, everything else one (enough for the zh-CN texts of the registry; no emoji in our data).
 */

const isWide = (code: number) =>
  (code >= 0x1100 && code <= 0x115f) ||
  (code >= 0x2e80 && code <= 0x303e) ||
  (code >= 0x3041 && code <= 0x33ff) ||
  (code >= 0x3400 && code <= 0x4dbf) ||
  (code >= 0x4e00 && code <= 0x9fff) ||
  (code >= 0xa000 && code <= 0xa4cf) ||
  (code >= 0xac00 && code <= 0xd7a3) ||
  (code >= 0xf900 && code <= 0xfaff) ||
  (code >= 0xfe30 && code <= 0xfe4f) ||
  (code >= 0xff00 && code <= 0xff60) ||
  (code >= 0xffe0 && code <= 0xffe6) ||
  (code >= 0x20000 && code <= 0x3fffd)

export const textWidth = (s: string): number => {
  let width = 0
  for (const ch of s) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1
  return width
}

/** `s` cut to `width` cells (with "…" when cut) and padded with spaces to exactly `width`. */
export const fitCells = (s: string, width: number, align: "left" | "right" = "left"): string => {
  let out = ""
  let used = 0
  const full = textWidth(s)
  const room = full > width ? width - 1 : width
  for (const ch of s) {
    const w = isWide(ch.codePointAt(0) ?? 0) ? 2 : 1
    if (used + w > room) break
    out += ch
    used += w
  }
  if (full > width) {
    out += "…"
    used += 1
  }
  const pad = " ".repeat(Math.max(0, width - used))
  return align === "right" ? pad + out : out + pad
}

/** `s` cut to at most `width` cells (no padding). */
export const clip = (s: string, width: number): string => fitCells(s, width).trimEnd()
