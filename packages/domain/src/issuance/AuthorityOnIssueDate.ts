/**
 * Was the issuing institution entitled to issue this certificate on its issue date (54号·四 "谁评价、谁发证、谁负责";
 * 54号·五 the catalogue "能进能出" and the published 地域范围、有效期限、认定等级)? Asked after the fact — by a verifier
 * holding a certificate, long after the institution's scope may have changed — so it reads the institution's
 * catalogue history, not its current record: its catalogue status on the issue date (CatalogueStatus.statusOn)
 * and the authorisations in force that day, rebuilt from the recorded scope changes, checked by the same
 * authorisation rule as issuance (AuthorisationCheck.checkAuthorisation). The evaluation's region is not on the
 * certificate, so the region is not checked; the rest of issuanceAuthority (technical basis, face, own staff) was
 * checked when the registry issued the certificate and is not re-judged here.
 *
 * Competition certificates (竞赛专用证书样式) are issued on the competition's authority, not an evaluation
 * authorisation: the answer is not_applicable.
 */
import type { CertificateKind } from "../certificate/Certificate.js"
import type { SkillLevel } from "../codes/SkillLevel.js"
import type { Authorisation } from "../institution/Authorisation.js"
import { checkAuthorisation } from "../institution/AuthorisationCheck.js"
import { catalogueStatusName, type StatusEntry, statusOn } from "../institution/CatalogueStatus.js"
import type { InstitutionScope, ScopeChangeRecord } from "../institution/InstitutionScope.js"
import { Cite } from "../rule/Citation.js"
import { type Decision, decision, type Failure, type Verdict, verdict } from "../rule/Decision.js"
import { isInForce, notInForce } from "../time/InForce.js"
import type { LocalDate } from "../time/LocalDate.js"

export const AUTHORITY_ON_ISSUE_DATE_RULE = "issuance.authority-on-issue-date"

const CITATIONS = [Cite.issuance, Cite.quality]

export type AuthorityOnIssueDate = Verdict | "not_applicable"

/** The certificate facts the question needs. */
export interface IssuedCertificateFacts {
  readonly kind: CertificateKind
  readonly occupationCode: string
  readonly workType?: string | undefined
  readonly level: SkillLevel
  readonly issuedOn: LocalDate
}

/** The issuing institution as the catalogue keeps it: its current record and its recorded scope changes. */
export interface IssuerHistory {
  readonly name: string
  readonly statusHistory: ReadonlyArray<StatusEntry>
  /** The current authorisations (the scope after the last change). */
  readonly authorisations: ReadonlyArray<Authorisation>
  /** The recorded scope changes, oldest first. */
  readonly scopeChanges: ReadonlyArray<Pick<ScopeChangeRecord, "date" | "before" | "after">>
}

/**
 * The authorisations in force on `date`: the scope after the last recorded change dated on or before it; before
 * any change, the scope the first change replaced; without changes, the current one.
 */
export const authorisationsOn = (issuer: IssuerHistory, date: LocalDate): ReadonlyArray<Authorisation> => {
  let scope: Pick<InstitutionScope, "authorisations"> | undefined
  for (const change of issuer.scopeChanges) if (change.date <= date) scope = change.after
  return (scope ?? issuer.scopeChanges[0]?.before ?? issuer).authorisations
}

const failure = (
  code: string,
  field: string,
  message: string,
  seen: Failure["seen"],
  required: Failure["required"],
  citation: string
): Failure => ({ code, rule: AUTHORITY_ON_ISSUE_DATE_RULE, field, message, seen, required, citation })

/**
 * The decision for a certificate issued by `issuer` (undefined: the issuer is not in the catalogue). Allowed when
 * the institution was admitted (not suspended or removed) on the issue date and an authorisation in force that
 * day covered the occupation (工种) and level.
 */
export const authorityOnIssueDate = (
  issuer: IssuerHistory | undefined,
  certificate: IssuedCertificateFacts
): Decision<AuthorityOnIssueDate> => {
  if (certificate.kind === "competition")
    return decision("not_applicable", AUTHORITY_ON_ISSUE_DATE_RULE, CITATIONS)
  const date = certificate.issuedOn
  if (!isInForce(date)) return notInForce(AUTHORITY_ON_ISSUE_DATE_RULE, date)
  if (issuer === undefined)
    return verdict(AUTHORITY_ON_ISSUE_DATE_RULE, CITATIONS, [
      failure(
        "InstitutionNotInCatalogue",
        "issuer.institutionId",
        "发证机构不在评价机构目录中，不能确认其发证资格",
        null,
        "评价机构目录中的机构",
        Cite.quality
      )
    ])
  const failures: Array<Failure> = []
  const status = statusOn(issuer.statusHistory, date)
  if (status !== "admitted") {
    const seen = status === undefined ? "未纳入目录" : catalogueStatusName(status)
    failures.push(
      failure(
        status === undefined
          ? "InstitutionNotAdmitted"
          : status === "suspended"
            ? "InstitutionSuspended"
            : "InstitutionRemoved",
        "institution.status",
        `${issuer.name} 在发证日 ${date} 的目录状态为“${seen}”，不得核发职业技能等级证书（须为已纳入目录且未暂停、未移出）`,
        status ?? null,
        "admitted",
        Cite.quality
      )
    )
  }
  const authorisation = checkAuthorisation(authorisationsOn(issuer, date), {
    occupationCode: certificate.occupationCode,
    workType: certificate.workType,
    level: certificate.level,
    date
  })
  failures.push(...authorisation.failures)
  return verdict(AUTHORITY_ON_ISSUE_DATE_RULE, CITATIONS, failures)
}
