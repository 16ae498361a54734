import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Organisation } from "./Organisation.js"
import { ORGANISATION_ROLES, organisationRoleName } from "./OrganisationRole.js"

const decode = Schema.decodeUnknownEither(Organisation)
const problem = (input: unknown): string | undefined => {
  const r = decode(input)
  return r._tag === "Left" ? r.left.message : undefined
}

describe("domain.md §4 organisations", () => {
  it("names every role in zh-CN", () => {
    expect(ORGANISATION_ROLES.map(organisationRoleName)).toEqual([
      "省人力资源社会保障厅",
      "设区市人力资源社会保障局",
      "区（县）人力资源社会保障局",
      "省职业技能鉴定中心",
      "市职业技能鉴定机构",
      "第三方评价机构",
      "用人单位",
      "竞赛主办单位"
    ])
  })

  it.each([
    [{ role: "province", regionCode: "320000" }],
    [{ role: "city", regionCode: "320500" }],
    [{ role: "district", regionCode: "320583" }],
    [{ role: "provincial_appraisal_centre", regionCode: "320000" }],
    [{ role: "city_appraisal_centre", regionCode: "320100" }],
    [{ role: "institution", regionCode: "320102", institutionId: "inst-s" }],
    [{ role: "employer", regionCode: "110101", institutionId: "inst-y" }],
    [{ role: "host", regionCode: "320100" }]
  ])("accepts %o", (fields) => {
    expect(problem({ id: "org-1", name: "某单位", ...fields })).toBeUndefined()
  })

  it.each([
    ["a province outside 320000", { role: "province", regionCode: "320100" }, "应为 320000"],
    ["a city bureau at county level", { role: "city", regionCode: "320102" }, "设区市代码"],
    ["a city centre outside Jiangsu", { role: "city_appraisal_centre", regionCode: "110100" }, "设区市代码"],
    ["a district bureau at city level", { role: "district", regionCode: "320100" }, "县级行政区代码"],
    [
      "an institution without its catalogue entry",
      { role: "institution", regionCode: "320102" },
      "institutionId"
    ],
    ["an employer without its catalogue entry", { role: "employer", regionCode: "320102" }, "institutionId"],
    [
      "a department linked to an institution",
      { role: "city", regionCode: "320100", institutionId: "i" },
      "不关联评价机构"
    ],
    ["an unknown role", { role: "public", regionCode: "320102" }, "机构角色应为 province、city"],
    ["a blank name", { name: " ", role: "host", regionCode: "320102" }, "机构名称不能为空"],
    ["a missing region", { role: "host", regionCode: undefined }, "缺少行政区划代码"],
    ["an invalid region", { role: "host", regionCode: "329999" }, "行政区划代码无效"]
  ])("refuses %s", (_, fields, message) => {
    // JSON drops the undefined fields: a missing field, as a request body would have it
    expect(problem(JSON.parse(JSON.stringify({ id: "org-1", name: "某单位", ...fields })))).toContain(message)
  })
})
