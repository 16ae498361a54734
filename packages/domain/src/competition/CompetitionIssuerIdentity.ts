/**
 * Who issues a competition's certificates, as the acting organisation presents itself (54号·四): the candidate
 * that the issuer rule (CompetitionCertificateIssuer) judges, the issuer printed on the certificates (落款 and
 * seal) and the numbering prefix the numbers are drawn from.
 * - 市职业技能鉴定机构 (代章): its catalogue record when its account is linked to one, else its account. The
 *   numbering of competition certificates is not published (rules-research §2.3): provisionally a centre numbers
 *   them as a provincially filed issuer, S·0000·32, with its city's code as the site serial.
 * - 竞赛主办单位: holds 职业技能等级认定 authority when its account is linked to a catalogue employer or third-party
 *   institution admitted on the day (with that institution's numbering prefix); commissioned (委托) when it
 *   presents the commission, which is recorded as presented (commissions are not on file; provisional).
 */
import type { Organisation } from "../access/Organisation.js"
import type { Issuer } from "../certificate/Certificate.js"
import type { NumberingPrefix } from "../codes/CertificateNumber.js"
import { ancestorAt } from "../codes/Region.js"
import { statusOn } from "../institution/CatalogueStatus.js"
import type { Institution } from "../institution/Institution.js"
import { Cite } from "../rule/Citation.js"
import type { ProvisionalNote } from "../rule/Decision.js"
import type { LocalDate } from "../time/LocalDate.js"
import type { CertificateIssuerCandidate } from "./CertificateIssuerCandidate.js"
import type { Competition } from "./Competition.js"
import type { Commission } from "./CompetitionRequests.js"

const RULE = "competition.certificate-issuer"

export const CENTRE_NUMBERING: ProvisionalNote = {
  rule: RULE,
  reason:
    "江苏竞赛职业证书编号规则未公布：市职业技能鉴定机构代章核发的竞赛证书暂按省级备案机构编号（S·0000·32），以所在设区市行政区划代码为机构序号（待业务主管部门确认）",
  citation: Cite.domainDecisions
}

export const COMMISSION_AS_PRESENTED: ProvisionalNote = {
  rule: RULE,
  reason:
    "委托关系未在登记库中建档：按竞赛主办方提交的委托文件文号和日期认定已获委托，并记入审计记录（待业务主管部门确认）",
  citation: Cite.domainDecisions
}

export interface CompetitionIssuerInput {
  readonly org: Organisation
  /** The catalogue institution the organisation's account is linked to, if any. */
  readonly institution: Institution | undefined
  readonly competition: Competition
  readonly commission: Commission | undefined
  readonly on: LocalDate
}

export interface CompetitionIssuerIdentity {
  readonly candidate: CertificateIssuerCandidate
  readonly issuer: Issuer
  /** undefined when the organisation has no numbers to issue under (a host without 认定 authority). */
  readonly prefix: NumberingPrefix | undefined
  readonly provisional: ReadonlyArray<ProvisionalNote>
}

/** The printed issuer: the catalogue institution's name, responsible person and seal, else the account's. */
const issuerOf = (org: Organisation, institution: Institution | undefined): Issuer => ({
  institutionId: institution?.id ?? org.id,
  name: institution?.name ?? org.name,
  regionCode: institution?.region ?? org.regionCode,
  signatory: institution?.responsiblePerson.name ?? "",
  sealId: institution?.seal.id ?? org.id
})

/** An employer or third-party institution admitted on `on`, with a numbering prefix: it holds 认定 authority. */
const assessingInstitution = (institution: Institution | undefined, on: LocalDate) =>
  institution !== undefined &&
  (institution.kind === "employer" || institution.kind === "third_party") &&
  institution.numberingPrefix !== undefined &&
  statusOn(institution.statusHistory, on) === "admitted"
    ? institution
    : undefined

export const competitionIssuerOf = (input: CompetitionIssuerInput): CompetitionIssuerIdentity => {
  const { org, institution, competition, commission } = input
  const issuer = issuerOf(org, institution)
  switch (org.role) {
    case "city_appraisal_centre":
      return {
        candidate: { _tag: "city_appraisal_centre", name: issuer.name, regionCode: org.regionCode },
        issuer,
        prefix: {
          type: "S",
          institutionCode: "0000",
          province: "32",
          siteSerial: ancestorAt(org.regionCode, "city")
        },
        provisional: [CENTRE_NUMBERING]
      }
    case "host": {
      const assessing = assessingInstitution(institution, input.on)
      return {
        candidate: {
          _tag: "host",
          name: issuer.name,
          // An account without a catalogue record is the competition's own filer (the owner check passed).
          creditCode: institution?.uscc ?? competition.host.creditCode,
          commissioned: commission !== undefined,
          holdsAssessmentAuthority: assessing !== undefined
        },
        issuer,
        prefix: assessing?.numberingPrefix,
        provisional: commission === undefined ? [] : [COMMISSION_AS_PRESENTED]
      }
    }
    default:
      return { candidate: { _tag: "other", name: issuer.name }, issuer, prefix: undefined, provisional: [] }
  }
}
