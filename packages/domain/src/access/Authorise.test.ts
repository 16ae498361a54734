import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { authorise, requireAuthorised } from "./Authorise.js"
import { Organisation } from "./Organisation.js"
import { ORGANISATION_ROLES, type OrganisationRole } from "./OrganisationRole.js"
import { ACTIONS, type Action, actionsOf, PERMISSIONS } from "./Permissions.js"

const org = (o: unknown) => Schema.decodeUnknownSync(Organisation)(o)

const orgs: Record<OrganisationRole, Organisation> = {
  province: org({
    id: "org-province",
    name: "江苏省人力资源和社会保障厅",
    role: "province",
    regionCode: "320000"
  }),
  city: org({ id: "org-nanjing", name: "南京市人力资源和社会保障局", role: "city", regionCode: "320100" }),
  district: org({
    id: "org-xuanwu",
    name: "玄武区人力资源和社会保障局",
    role: "district",
    regionCode: "320102"
  }),
  provincial_appraisal_centre: org({
    id: "org-centre",
    name: "江苏省职业技能鉴定中心",
    role: "provincial_appraisal_centre",
    regionCode: "320000"
  }),
  city_appraisal_centre: org({
    id: "org-suzhou-centre",
    name: "苏州市职业技能鉴定中心",
    role: "city_appraisal_centre",
    regionCode: "320500"
  }),
  institution: org({
    id: "org-inst-s",
    name: "江苏某职业技能评价有限公司",
    role: "institution",
    regionCode: "320102",
    institutionId: "inst-s"
  }),
  employer: org({
    id: "org-inst-y",
    name: "某机械制造有限公司",
    role: "employer",
    regionCode: "320583",
    institutionId: "inst-y"
  }),
  host: org({ id: "org-host", name: "某市总工会", role: "host", regionCode: "320100" })
}

/** domain.md §4 transcribed independently of Permissions.ts, for a sample of actions. */
const expected: ReadonlyArray<readonly [Action, ReadonlyArray<OrganisationRole>]> = [
  ["batch.publish", ["province", "city", "district", "institution"]],
  ["batch.issue", ["institution", "employer"]],
  ["competition.file", ["district", "host"]],
  ["competition-certificate.issue", ["city_appraisal_centre", "host"]],
  ["filing.opinion", ["province", "city", "district"]],
  ["filing.cosign", ["province"]],
  ["institution.admit", ["province", "city"]],
  ["institution.suspend", ["province", "city"]],
  ["catalogue-entry.approve", ["provincial_appraisal_centre"]],
  ["rule-table.publish", ["province"]],
  ["revocation.execute", ["province", "city"]],
  ["assessment.record", ["province", "provincial_appraisal_centre"]],
  ["report.handle", ["province", "city", "district"]],
  ["enterprise-norm.file", ["employer"]],
  ["organisation.manage", ["province"]]
]

const matrix = expected.flatMap(([action, roles]) =>
  ORGANISATION_ROLES.map((role) => [action, role, roles.includes(role)] as const)
)

describe("domain.md §4 / 54号·五 authorise: who may do what", () => {
  it.each(matrix)("%s by %s → allowed: %s", (action, role, allowed) => {
    const d = authorise(orgs[role], action)
    expect(d.outcome).toBe(allowed ? "allowed" : "refused")
    if (!allowed) {
      expect(d.failures.map((f) => f.code)).toEqual(["ActionNotPermitted"])
      expect(d.failures[0]?.seen).toBe(role)
      expect(d.failures[0]?.citation).toBe(PERMISSIONS[action].citation)
    }
  })

  it("explains a refused role in zh-CN with the roles that may act", () => {
    const d = authorise(orgs.district, "revocation.execute", "320102")
    expect(d.failures[0]?.message).toBe(
      "区（县）人力资源社会保障局无权注销证书：该操作仅限省人力资源社会保障厅、设区市人力资源社会保障局"
    )
    expect(d.citations).toEqual(["54号·五", "domain.md §4"])
  })

  it("cites the action's clause, 54号·五 and domain.md §4", () => {
    expect(authorise(orgs.host, "competition.file").citations).toEqual(["54号·二", "54号·五", "domain.md §4"])
    expect(authorise(orgs.province, "filing.opinion").citations).toEqual([
      "54号·附件1",
      "54号·五",
      "domain.md §4"
    ])
  })

  it("gives every role something to do and every action someone to do it", () => {
    for (const role of ORGANISATION_ROLES) expect(actionsOf(role).length, role).toBeGreaterThan(0)
    for (const action of ACTIONS) expect(PERMISSIONS[action].roles.length, action).toBeGreaterThan(0)
  })
})

type Case = readonly [
  string,
  OrganisationRole,
  Action,
  string | { regionCode?: string; ownerId?: string },
  string | undefined
]

const scopes: ReadonlyArray<Case> = [
  ["the province acts anywhere, also outside Jiangsu", "province", "filing.cosign", "110101", undefined],
  ["the province revokes in any city", "province", "revocation.execute", "320583", undefined],
  ["a city bureau within its city (a district)", "city", "revocation.execute", "320102", undefined],
  ["a city bureau on its own city", "city", "institution.suspend", "320100", undefined],
  ["a city bureau not in another city", "city", "revocation.execute", "320583", "OutsideActorRegion"],
  [
    "a city bureau not on the province as a whole",
    "city",
    "institution.admit",
    "320000",
    "OutsideActorRegion"
  ],
  ["a district bureau within its county", "district", "report.handle", "320102", undefined],
  [
    "a district bureau not in a neighbouring district",
    "district",
    "filing.opinion",
    "320104",
    "OutsideActorRegion"
  ],
  ["a district bureau not on its city", "district", "report.handle", "320100", "OutsideActorRegion"],
  [
    "the city centre within its city",
    "city_appraisal_centre",
    "competition-certificate.issue",
    "320583",
    undefined
  ],
  [
    "the city centre not in another city",
    "city_appraisal_centre",
    "standard.manage",
    "320100",
    "OutsideActorRegion"
  ],
  [
    "the provincial centre within Jiangsu",
    "provincial_appraisal_centre",
    "catalogue-entry.approve",
    "320100",
    undefined
  ],
  [
    "the provincial centre not outside Jiangsu",
    "provincial_appraisal_centre",
    "assessment.record",
    "110000",
    "OutsideActorRegion"
  ],
  [
    "a region-scoped role needs the target's region",
    "city",
    "report.handle",
    { ownerId: "x" },
    "TargetRegionRequired"
  ],
  [
    "an institution on its own batch",
    "institution",
    "batch.publish",
    { ownerId: "inst-s", regionCode: "320102" },
    undefined
  ],
  [
    "an institution also under its organisation id",
    "institution",
    "batch.issue",
    { ownerId: "org-inst-s" },
    undefined
  ],
  [
    "an institution not on another institution's batch",
    "institution",
    "batch.publish",
    { ownerId: "inst-t" },
    "NotOwnRecord"
  ],
  [
    "an employer on its own staff's certificates",
    "employer",
    "batch.issue",
    { ownerId: "inst-y" },
    undefined
  ],
  ["an employer not on another employer's", "employer", "batch.issue", { ownerId: "inst-s" }, "NotOwnRecord"],
  ["a host on its own competition", "host", "competition.file", { ownerId: "org-host" }, undefined],
  [
    "a host not on another host's competition",
    "host",
    "competition.file",
    { ownerId: "org-other" },
    "NotOwnRecord"
  ],
  [
    "an own-records role needs the target's owner",
    "host",
    "competition.file",
    "320100",
    "TargetOwnerRequired"
  ]
]

describe("54号·五 属地管理 authorise: region and ownership scope", () => {
  it.each(scopes)("%s", (_, role, action, target, code) => {
    const d = authorise(orgs[role], action, target)
    expect(d.failures.map((f) => f.code)).toEqual(code === undefined ? [] : [code])
    expect(d.outcome).toBe(code === undefined ? "allowed" : "refused")
  })

  it("names both regions when a target lies outside the actor's", () => {
    const d = authorise(orgs.city, "revocation.execute", "320583")
    expect(d.failures[0]).toMatchObject({
      field: "target.regionCode",
      seen: "320583",
      required: "320100",
      message:
        "江苏省苏州市昆山市（320583）不在南京市人力资源和社会保障局的管辖范围江苏省南京市（320100）内，不得注销证书（属地管理）"
    })
  })

  it("checks only the role when no target is given", () => {
    expect(authorise(orgs.city, "revocation.preview").outcome).toBe("allowed")
    expect(authorise(orgs.institution, "batch.publish").outcome).toBe("allowed")
  })

  it("requireAuthorised answers ActionRefused with the reasons", () => {
    expect(Either.isRight(requireAuthorised(orgs.city, "revocation.execute", "320102"))).toBe(true)
    const refused = requireAuthorised(orgs.city, "revocation.execute", "320583")
    expect(Either.isLeft(refused)).toBe(true)
    if (Either.isLeft(refused)) {
      expect(refused.left).toMatchObject({
        _tag: "ActionRefused",
        action: "revocation.execute",
        organisationId: "org-nanjing",
        codes: ["OutsideActorRegion"]
      })
      expect(refused.left.message).toContain("属地管理")
    }
  })
})
