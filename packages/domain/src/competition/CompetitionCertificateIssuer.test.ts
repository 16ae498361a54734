import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"
import type { CertificateIssuerCandidate } from "./CertificateIssuerCandidate.js"
import { competitionCertificateIssuer, permittedIssuers } from "./CompetitionCertificateIssuer.js"
import type { CompetitionClass } from "./CompetitionClass.js"

const hostCode = Schema.decodeSync(SocialCreditCode)("91350100M000100Y43")
const otherCode = Schema.decodeSync(SocialCreditCode)("91320102MA1N2P3Q0K")

const REGION: Record<CompetitionClass, string> = {
  provincial: "320000",
  city_class_1: "320100",
  city_class_2: "320100",
  county: "320102"
}

const decide = (c: CompetitionClass, issuer: CertificateIssuerCandidate, issuedOn = "2023-07-01") =>
  competitionCertificateIssuer({
    competition: {
      class: c,
      regionCode: REGION[c],
      host: { name: "主办单位", creditCode: hostCode, regionCode: REGION[c] }
    },
    issuer,
    issuedOn
  })

const centre = (regionCode = "320100"): CertificateIssuerCandidate => ({
  _tag: "city_appraisal_centre",
  name: "南京市职业技能鉴定指导中心",
  regionCode
})
const host = (
  commissioned: boolean,
  holdsAssessmentAuthority: boolean,
  creditCode = hostCode
): CertificateIssuerCandidate => ({
  _tag: "host",
  name: "主办单位",
  creditCode,
  commissioned,
  holdsAssessmentAuthority
})
const other: CertificateIssuerCandidate = { _tag: "other", name: "某培训学校" }

describe("54号·四 competition certificate issuer by class", () => {
  const cases: ReadonlyArray<
    readonly [
      string,
      CompetitionClass,
      CertificateIssuerCandidate,
      "allowed" | "refused" | "not_covered",
      ReadonlyArray<string>
    ]
  > = [
    ["市级一类: the city centre under its seal (代章)", "city_class_1", centre(), "allowed", []],
    [
      "市级一类: the host issuing itself is refused",
      "city_class_1",
      host(true, true),
      "refused",
      ["HostMayNotIssue"]
    ],
    [
      "市级一类: another city's centre is refused",
      "city_class_1",
      centre("320200"),
      "refused",
      ["AppraisalCentreOfOtherCity"]
    ],
    ["市级一类: anyone else is refused", "city_class_1", other, "refused", ["IssuerNotPermitted"]],
    ["市级二类: the city centre", "city_class_2", centre(), "allowed", []],
    ["市级二类: a commissioned host holding 认定 authority", "city_class_2", host(true, true), "allowed", []],
    [
      "市级二类: a host not commissioned",
      "city_class_2",
      host(false, true),
      "refused",
      ["HostNotCommissioned"]
    ],
    [
      "市级二类: a commissioned host without 认定 authority",
      "city_class_2",
      host(true, false),
      "refused",
      ["HostWithoutAssessmentAuthority"]
    ],
    [
      "市级二类: neither",
      "city_class_2",
      host(false, false),
      "refused",
      ["HostNotCommissioned", "HostWithoutAssessmentAuthority"]
    ],
    [
      "市级二类: an organisation that is not the host",
      "city_class_2",
      host(true, true, otherCode),
      "refused",
      ["IssuerNotCompetitionHost"]
    ],
    ["市级二类: anyone else", "city_class_2", other, "refused", ["IssuerNotPermitted"]],
    ["区(县)级: the centre of the county's city", "county", centre("320100"), "allowed", []],
    [
      "区(县)级: a centre at the county is refused",
      "county",
      centre("320102"),
      "refused",
      ["AppraisalCentreOfOtherCity"]
    ],
    ["区(县)级: the host is refused", "county", host(true, true), "refused", ["HostMayNotIssue"]],
    ["省级: not covered by the notice", "provincial", centre(), "not_covered", []],
    ["省级: not covered, whoever asks", "provincial", host(true, true), "not_covered", []]
  ]
  it.each(cases)("%s", (_name, c, issuer, outcome, codes) => {
    const d = decide(c, issuer)
    expect(d.outcome).toBe(outcome)
    expect(d.rule).toBe("competition.certificate-issuer")
    expect(d.citations).toEqual(["54号·四"])
    expect(d.failures.map((f) => f.code)).toEqual(codes)
    for (const f of d.failures) expect(f.citation).toBe("54号·四")
    expect(d.mayIssue).toEqual(permittedIssuers(c))
  })

  it("says who may issue for each class", () => {
    expect(permittedIssuers("city_class_1")).toEqual(["city_appraisal_centre"])
    expect(permittedIssuers("city_class_2")).toEqual(["city_appraisal_centre", "commissioned_host"])
    expect(permittedIssuers("county")).toEqual(["city_appraisal_centre"])
    expect(permittedIssuers("provincial")).toEqual([])
  })

  it("explains a refusal in zh-CN with the values seen and required", () => {
    const d = decide("city_class_1", host(true, true))
    expect(d.failures[0]).toMatchObject({
      field: "issuer",
      seen: "host",
      required: ["city_appraisal_centre"]
    })
    expect(d.failures[0]?.message).toBe(
      "市级一类竞赛职业证书统一由市职业技能鉴定机构代章核发，竞赛主办单位 主办单位 不得自行核发"
    )
    const wrongCity = decide("county", centre("320200"))
    expect(wrongCity.failures[0]).toMatchObject({ seen: "320200", required: "320100" })
  })

  it("answers not in force for certificates issued before 2022-05-01", () => {
    const d = decide("city_class_1", host(true, true), "2022-04-30")
    expect(d.outcome).toBe("not_in_force")
    expect(d.citations).toEqual(["54号·五"])
    expect(d.failures).toEqual([
      expect.objectContaining({
        code: "NotInForce",
        field: "issuedOn",
        seen: "2022-04-30",
        required: ">= 2022-05-01"
      })
    ])
    expect(decide("city_class_1", centre(), "2022-05-01").outcome).toBe("allowed")
  })
})
