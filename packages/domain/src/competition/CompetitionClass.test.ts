import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  COMPETITION_CLASSES,
  type CompetitionClass,
  competitionClassName,
  declarationTypeOf,
  regionLevelOf
} from "./CompetitionClass.js"
import { CompetitionClass as CompetitionClassSchema } from "./CompetitionClassSchema.js"

describe("54号·二/四, 附件1 competition classes", () => {
  const cases: ReadonlyArray<readonly [CompetitionClass, string, string, string]> = [
    ["provincial", "省级", "省级赛", "province"],
    ["city_class_1", "市级一类", "市级一类赛", "city"],
    ["city_class_2", "市级二类", "市级二类赛", "city"],
    ["county", "区(县)级", "区(县)级赛", "county"]
  ]
  it.each(cases)("%s is %s, 申报类型 %s, held at the %s level", (c, name, declaration, level) => {
    expect(competitionClassName(c)).toBe(name)
    expect(declarationTypeOf(c)).toBe(declaration)
    expect(regionLevelOf(c)).toBe(level)
  })

  it("lists the four classes and the schema accepts exactly them", () => {
    expect(COMPETITION_CLASSES).toEqual(cases.map((c) => c[0]))
    for (const c of COMPETITION_CLASSES) expect(Schema.is(CompetitionClassSchema)(c)).toBe(true)
    expect(Schema.is(CompetitionClassSchema)("national")).toBe(false)
  })
})
