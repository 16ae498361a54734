import type { Key } from "ink"
import { describe, expect, it } from "vitest"
import { NO_KEY } from "../hooks/useKeys.js"
import { type FieldSpec, handleFormKey, initialForm } from "./FormModel.js"

const k = (over: Partial<Key> = {}): Key => ({ ...NO_KEY, ...over })

const FIELDS: ReadonlyArray<FieldSpec> = [
  {
    kind: "choice",
    name: "verdict",
    label: "意见",
    options: [
      { value: "agree", label: "同意" },
      { value: "disagree", label: "不同意" }
    ]
  },
  { kind: "text", name: "text", label: "意见内容" }
]

describe("FormModel", () => {
  it("starts each choice on its first option", () => {
    expect(initialForm(FIELDS).values).toEqual({ verdict: "agree", text: "" })
  })

  it("cycles a choice with the arrows and space, both ways", () => {
    let s = initialForm(FIELDS)
    s = handleFormKey(FIELDS, s, "", k({ rightArrow: true })).state
    expect(s.values.verdict).toBe("disagree")
    s = handleFormKey(FIELDS, s, " ", k()).state
    expect(s.values.verdict).toBe("agree")
    s = handleFormKey(FIELDS, s, "", k({ leftArrow: true })).state
    expect(s.values.verdict).toBe("disagree")
  })

  it("types, deletes and clears text, ignoring control characters and Ctrl letters", () => {
    let s = { ...initialForm(FIELDS), focus: 1 }
    s = handleFormKey(FIELDS, s, "同意\u0007备案", k()).state
    expect(s.values.text).toBe("同意备案")
    s = handleFormKey(FIELDS, s, "", k({ backspace: true })).state
    expect(s.values.text).toBe("同意备")
    s = handleFormKey(FIELDS, s, "x", k({ ctrl: true })).state
    expect(s.values.text).toBe("同意备")
    s = handleFormKey(FIELDS, s, "u", k({ ctrl: true })).state
    expect(s.values.text).toBe("")
  })

  it("moves with Tab and Shift-Tab within bounds, and submits only from the submit row", () => {
    let s = initialForm(FIELDS)
    expect(handleFormKey(FIELDS, s, "", k({ tab: true, shift: true })).state.focus).toBe(0)
    s = handleFormKey(FIELDS, s, "\r", k({ return: true })).state
    expect(s.focus).toBe(1)
    const last = handleFormKey(FIELDS, s, "\r", k({ return: true }))
    expect([last.state.focus, last.action]).toEqual([2, "none"])
    expect(handleFormKey(FIELDS, last.state, "\r", k({ return: true })).action).toBe("submit")
    expect(handleFormKey(FIELDS, last.state, "", k({ escape: true })).action).toBe("cancel")
  })
})
