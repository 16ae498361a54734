import { describe, expect, it } from "vitest"
import { certificateTypeLetter, INSTITUTION_KINDS, institutionKindName } from "./InstitutionKind.js"

describe("54号·四 institution kinds", () => {
  it.each([
    ["employer", "用人单位", "Y"],
    ["third_party", "第三方评价机构（社会培训评价组织）", "S"],
    ["city_appraisal_centre", "市职业技能鉴定机构", undefined],
    ["provincial_appraisal_centre", "省职业技能鉴定中心", undefined]
  ] as const)(
    "%s is %s, certificate type letter %s (none: issues no level certificates)",
    (kind, name, letter) => {
      expect(institutionKindName(kind)).toBe(name)
      expect(certificateTypeLetter(kind)).toBe(letter)
    }
  )
  it("lists the four kinds", () => {
    expect(INSTITUTION_KINDS).toHaveLength(4)
  })
})
