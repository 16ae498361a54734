/**
 * Who may issue a competition's certificates (54号·四): "（1）市级一类赛统一由市职业技能鉴定机构代章核发相应竞赛职业
 * 证书；市级二类赛职业证书可由市职业技能鉴定机构代章核发，也可委托具有职业技能等级认定权限的竞赛主办方（牵头主办
 * 单位）核发；（2）区（县）级竞赛职业证书统一由市职业技能鉴定机构代章核发". 省级 competitions are outside the
 * notice: the answer is `not_covered`, never a guess.
 */
import { ancestorAt, fullNameOf } from "../codes/Region.js"
import { Cite } from "../rule/Citation.js"
import { type Decision, decision, type Failure, type Verdict } from "../rule/Decision.js"
import { NOTICE_EFFECTIVE_FROM, notInForceFailure } from "../time/InForce.js"
import type { LocalDate } from "../time/LocalDate.js"
import type { CertificateIssuerCandidate } from "./CertificateIssuerCandidate.js"
import type { Competition } from "./Competition.js"
import { type CompetitionClass, competitionClassName } from "./CompetitionClass.js"

const RULE = "competition.certificate-issuer"

export type IssuerOutcome = Verdict | "not_covered"

/** city_appraisal_centre: the 市职业技能鉴定机构 (代章); commissioned_host: a 委托 host holding 认定 authority. */
export type PermittedIssuer = "city_appraisal_centre" | "commissioned_host"

export interface CertificateIssuerDecision extends Decision<IssuerOutcome> {
  /** Who may issue for this class; empty for 省级 (not covered by the notice). */
  readonly mayIssue: ReadonlyArray<PermittedIssuer>
}

const MAY_ISSUE: Record<CompetitionClass, ReadonlyArray<PermittedIssuer>> = {
  provincial: [],
  city_class_1: ["city_appraisal_centre"],
  city_class_2: ["city_appraisal_centre", "commissioned_host"],
  county: ["city_appraisal_centre"]
}

export const permittedIssuers = (c: CompetitionClass): ReadonlyArray<PermittedIssuer> => MAY_ISSUE[c]

export interface CertificateIssuerInput {
  readonly competition: Pick<Competition, "class" | "regionCode" | "host">
  readonly issuer: CertificateIssuerCandidate
  readonly issuedOn: LocalDate
}

const failure = (
  code: string,
  field: string,
  message: string,
  seen: Failure["seen"],
  required: Failure["required"]
): Failure => ({
  code,
  rule: RULE,
  field,
  message,
  seen,
  required,
  citation: Cite.issuance
})

export const competitionCertificateIssuer = (input: CertificateIssuerInput): CertificateIssuerDecision => {
  const { competition, issuer } = input
  const mayIssue = MAY_ISSUE[competition.class]
  if (input.issuedOn < NOTICE_EFFECTIVE_FROM)
    return {
      ...decision("not_in_force", RULE, [Cite.quality], {
        failures: [{ ...notInForceFailure(RULE, input.issuedOn), field: "issuedOn" }]
      }),
      mayIssue
    }
  if (competition.class === "provincial")
    return { ...decision("not_covered", RULE, [Cite.issuance]), mayIssue }

  const className = competitionClassName(competition.class)
  const city = ancestorAt(competition.regionCode, "city")
  const failures: Array<Failure> = []
  switch (issuer._tag) {
    case "city_appraisal_centre":
      if (issuer.regionCode !== city)
        failures.push(
          failure(
            "AppraisalCentreOfOtherCity",
            "issuer.regionCode",
            `${className}竞赛职业证书应由竞赛所在设区市 ${fullNameOf(city)}（${city}）的职业技能鉴定机构代章核发，${issuer.name} 属 ${fullNameOf(issuer.regionCode)}（${issuer.regionCode}）`,
            issuer.regionCode,
            city
          )
        )
      break
    case "host":
      if (competition.class !== "city_class_2") {
        failures.push(
          failure(
            "HostMayNotIssue",
            "issuer",
            `${className}竞赛职业证书统一由市职业技能鉴定机构代章核发，竞赛主办单位 ${issuer.name} 不得自行核发`,
            "host",
            mayIssue
          )
        )
        break
      }
      if (issuer.creditCode !== competition.host.creditCode)
        failures.push(
          failure(
            "IssuerNotCompetitionHost",
            "issuer.creditCode",
            `${issuer.name}（${issuer.creditCode}）不是本竞赛的主办方（牵头主办单位）${competition.host.name}（${competition.host.creditCode}）`,
            issuer.creditCode,
            competition.host.creditCode
          )
        )
      if (!issuer.commissioned)
        failures.push(
          failure(
            "HostNotCommissioned",
            "issuer.commissioned",
            `市级二类赛职业证书由竞赛主办方核发须经委托，${issuer.name} 未获委托`,
            false,
            true
          )
        )
      if (!issuer.holdsAssessmentAuthority)
        failures.push(
          failure(
            "HostWithoutAssessmentAuthority",
            "issuer.holdsAssessmentAuthority",
            `受委托核发市级二类赛职业证书的竞赛主办方须具有职业技能等级认定权限，${issuer.name} 不具备`,
            false,
            true
          )
        )
      break
    case "other":
      failures.push(
        failure(
          "IssuerNotPermitted",
          "issuer",
          competition.class === "city_class_2"
            ? `市级二类赛职业证书只能由市职业技能鉴定机构代章核发，或由受委托且具有职业技能等级认定权限的竞赛主办方核发，${issuer.name} 不在此列`
            : `${className}竞赛职业证书统一由市职业技能鉴定机构代章核发，${issuer.name} 不得核发`,
          "other",
          mayIssue
        )
      )
      break
  }
  return {
    ...decision(failures.length === 0 ? "allowed" : "refused", RULE, [Cite.issuance], { failures }),
    mayIssue
  }
}
