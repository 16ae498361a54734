import type { Key } from "ink"
import { describe, expect, it } from "vitest"
import { NO_KEY, splitKeys } from "./hooks/useKeys.js"
import { helpLine, KEYMAP, matches } from "./keymap.js"

const key = (over: Partial<Key> = {}): Key => ({ ...NO_KEY, ...over })

describe("keymap", () => {
  it("matches named keys, shifted keys and letters, never a letter typed with Ctrl", () => {
    expect(matches(KEYMAP.nextField, "", key({ tab: true }))).toBe(true)
    expect(matches(KEYMAP.nextField, "", key({ tab: true, shift: true }))).toBe(false)
    expect(matches(KEYMAP.previousField, "", key({ tab: true, shift: true }))).toBe(true)
    expect(matches(KEYMAP.quit, "q", key())).toBe(true)
    expect(matches(KEYMAP.quit, "q", key({ ctrl: true }))).toBe(false)
    expect(matches(KEYMAP.template, "t", key({ ctrl: true }))).toBe(true)
    expect(matches(KEYMAP.template, "t", key())).toBe(false)
  })

  it("draws the help footer from the same table", () => {
    expect(helpLine(["move", "open", "back"])).toBe("↑↓ 移动  Enter 打开  Esc 返回")
  })

  it("splits a pasted chunk into keys: text, Tab to the next field, a line break to confirm", () => {
    const keys = splitKeys("王五\t11010519491231002X\r\n", key())
    expect(keys.map((k) => [k.input, k.key.tab, k.key.return])).toEqual([
      ["王五", false, false],
      ["\t", true, false],
      ["11010519491231002X", false, false],
      ["\r", false, true]
    ])
    expect(splitKeys("abc", key())).toHaveLength(1)
  })
})
