import { render } from "ink-testing-library"
import { describe, expect, it } from "vitest"
import { progressText } from "./ProgressBar.js"
import { Table, windowStart } from "./Table.js"
import { fitCells, textWidth } from "./TextWidth.js"

describe("Table", () => {
  it("counts CJK characters as two cells and cuts with an ellipsis", () => {
    expect(textWidth("南京abc")).toBe(7)
    expect(fitCells("江苏匠心职业技能评价中心", 10)).toBe("江苏匠心… ")
    expect(fitCells("12", 4, "right")).toBe("  12")
    expect(textWidth(fitCells("江苏匠心职业技能评价中心", 9))).toBe(9)
  })

  it("keeps the selected row in its window and marks it without relying on colour", () => {
    expect(windowStart(100, 0, 10)).toBe(0)
    expect(windowStart(100, 50, 10)).toBe(45)
    expect(windowStart(100, 99, 10)).toBe(90)
    const rows = Array.from({ length: 30 }, (_, i) => [`第${i + 1}行`])
    const { lastFrame, unmount } = render(
      <Table columns={[{ title: "行", width: 8 }]} rows={rows} selected={20} height={5} />
    )
    expect(lastFrame()).toContain("› 第21行")
    expect(lastFrame()).toContain("第 19–23 行，共 30 行")
    expect(lastFrame()).not.toContain("第1行 ")
    unmount()
  })

  it("draws progress in plain ASCII", () => {
    expect(progressText(40, 100, 10)).toBe("[####......]  40%  40/100 行")
    expect(progressText(0, 0, 4)).toBe("[####] 100%  0/0 行")
  })
})
