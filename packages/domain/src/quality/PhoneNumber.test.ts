import { describe, expect, it } from "vitest"
import { isPhoneNumber } from "./PhoneNumber.js"

describe("54号·五 published phone numbers", () => {
  it.each(["025-83271773", "02583271773", "0512-6522123", "025-83271773-801", "13912345678", "12333"])(
    "accepts %s",
    (s) => expect(isPhoneNumber(s)).toBe(true)
  )
  it.each(["", "83271773", "025-8327", "1391234567", "23912345678", "电话", "025 83271773"])(
    "refuses %s",
    (s) => expect(isPhoneNumber(s)).toBe(false)
  )
})
