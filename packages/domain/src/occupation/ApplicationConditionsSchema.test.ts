import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { TEMPLATE_2018 } from "./ApplicationConditions.js"
import { LevelConditions } from "./ApplicationConditionsSchema.js"

describe("54号·一 申报条件 schema", () => {
  it("round-trips the TEMPLATE_2018 default", () => {
    const schema = Schema.Array(LevelConditions)
    const encoded = Schema.encodeSync(schema)(TEMPLATE_2018)
    expect(Schema.decodeUnknownSync(schema)(JSON.parse(JSON.stringify(encoded)))).toEqual(TEMPLATE_2018)
  })

  it("refuses a level outside 1–5 (不得擅加职业技能等级)", () => {
    expect(() => Schema.decodeUnknownSync(LevelConditions)({ level: 0, alternatives: [] })).toThrow()
  })
})
