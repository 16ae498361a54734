/**
 * The per-identity lookup limiter's key (http/IdentityKey.ts): the same identity always the same key, a number
 * below 2⁵³ that is not the identity; a number and an ID number of the same digits two keys; distinct
 * certificate numbers and ID numbers of a realistic shape distinct keys.
 */
import { describe, expect, it } from "@effect/vitest"
import { checkCharacter } from "@jineng/domain/codes/ResidentIdNumber"
import { identityKey } from "../src/http/IdentityKey.js"

describe("identity keys of the lookup limiter", () => {
  it("are stable numbers below 2⁵³, apart by kind", () => {
    const number = "S000032000001251000123"
    const key = identityKey("number", number)
    expect(identityKey("number", number)).toBe(key)
    expect(Number.isSafeInteger(key) && key >= 0).toBe(true)
    expect(identityKey("id", number)).not.toBe(key)
    expect(identityKey("number", "S000032000001251000124")).not.toBe(key)
  })

  it("do not collide over 200,000 certificate numbers and 200,000 ID numbers", () => {
    const keys = new Set<number>()
    for (let serial = 1; serial <= 200_000; serial++)
      keys.add(identityKey("number", `S000032000001252${String(serial).padStart(6, "0")}`))
    for (let i = 0; i < 200_000; i++) {
      const month = Math.floor(i / 1000) // 200 birth months, 1000 sequence numbers each
      const first17 = `320102${1965 + Math.floor(month / 12)}${String(1 + (month % 12)).padStart(2, "0")}15${String(i % 1000).padStart(3, "0")}`
      keys.add(identityKey("id", first17 + checkCharacter(first17)))
    }
    expect(keys.size).toBe(400_000)
  })
})
