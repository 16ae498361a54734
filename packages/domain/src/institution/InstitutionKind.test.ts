import { describe, expect, it } from "vitest"
import {
  certificateTypeLetter,
  INSTITUTION_KINDS,
  institutionKindName,
  issuesLevelCertificates
} from "./InstitutionKind.js"

describe("54号·四 institution kinds", () => {
  it.each([
    ["employer", "用人单位", "Y", true],
    ["third_party", "第三方评价机构（社会培训评价组织）", "S", true],
    ["city_appraisal_centre", "市职业技能鉴定机构", undefined, false],
    ["provincial_appraisal_centre", "省职业技能鉴定中心", undefined, false]
  ] as const)("%s is %s, type letter %s, issues level certificates: %s", (kind, name, letter, issues) => {
    expect(institutionKindName(kind)).toBe(name)
    expect(certificateTypeLetter(kind)).toBe(letter)
    expect(issuesLevelCertificates(kind)).toBe(issues)
  })
  it("lists the four kinds", () => {
    expect(INSTITUTION_KINDS).toHaveLength(4)
  })
})
