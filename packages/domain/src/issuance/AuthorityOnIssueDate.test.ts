import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  ADMITTED,
  authorisation as authorisationFields,
  institution as thirdPartyInstitution
} from "../../test/InstitutionFixtures.js"
import { Authorisation } from "../institution/Authorisation.js"
import { Cite } from "../rule/Citation.js"
import {
  AUTHORITY_ON_ISSUE_DATE_RULE,
  authorisationsOn,
  authorityOnIssueDate,
  type IssuedCertificateFacts,
  type IssuerHistory
} from "./AuthorityOnIssueDate.js"

const TURNER = "6-18-01-01"
const WELDER = "6-18-02-04"

const authorisation = (over: Record<string, unknown> = {}) =>
  Schema.decodeUnknownSync(Authorisation)(authorisationFields({ validUntil: "2027-12-31", ...over }))

const institution = thirdPartyInstitution({
  name: "南京某职业技能评价有限公司",
  uscc: "91320100MA0000023K",
  responsiblePerson: { name: "钱七" },
  seal: { id: "seal-s", name: "南京某职业技能评价有限公司" },
  // The current scope: since 2024-07-01 turners at level 5 only, and welders.
  authorisations: [
    authorisation({ levels: [5] }),
    authorisation({ id: "auth-2", occupations: [{ code: WELDER }] })
  ],
  statusHistory: [
    ADMITTED,
    { status: "suspended", date: "2023-03-01", reason: "质量评估不合格", actor: "hrss-320100" },
    { status: "admitted", date: "2023-05-01", reason: "整改后恢复", actor: "hrss-320100" }
  ]
})

const history: IssuerHistory = {
  ...institution,
  scopeChanges: [
    {
      date: "2024-01-01",
      before: { region: "320102", authorisations: [authorisation({ levels: [5, 4, 3] })] },
      after: { region: "320102", authorisations: [authorisation({ levels: [5, 4] })] }
    },
    {
      date: "2024-07-01",
      before: { region: "320102", authorisations: [authorisation({ levels: [5, 4] })] },
      after: { region: "320102", authorisations: institution.authorisations }
    }
  ]
}

const certificate = (over: Partial<IssuedCertificateFacts> = {}): IssuedCertificateFacts => ({
  kind: "level",
  occupationCode: TURNER,
  level: 3,
  issuedOn: "2023-09-01",
  ...over
})

const codes = (d: { readonly failures: ReadonlyArray<{ readonly code: string }> }) =>
  d.failures.map((f) => f.code)

describe("54号·四 authority on the issue date: was the issuer entitled when it issued?", () => {
  it("allows a certificate issued while the institution was admitted and authorised for occupation and level", () => {
    const d = authorityOnIssueDate(history, certificate())
    expect(d.outcome).toBe("allowed")
    expect(d.rule).toBe(AUTHORITY_ON_ISSUE_DATE_RULE)
    expect(d.citations).toEqual([Cite.issuance, Cite.quality])
  })

  it("reads the authorisations in force on the issue date from the recorded scope changes, not today's", () => {
    expect(authorisationsOn(history, "2023-12-31")[0]?.levels).toEqual([5, 4, 3])
    expect(authorisationsOn(history, "2024-01-01")[0]?.levels).toEqual([5, 4])
    expect(authorisationsOn(history, "2025-01-01")).toEqual(institution.authorisations)
    expect(authorisationsOn({ ...history, scopeChanges: [] }, "2023-01-01")).toEqual(
      institution.authorisations
    )
    // Level 4 was covered until 2024-06-30; today's scope alone would refuse it.
    expect(authorityOnIssueDate(history, certificate({ level: 4, issuedOn: "2024-06-30" })).outcome).toBe(
      "allowed"
    )
    const after = authorityOnIssueDate(history, certificate({ level: 4, issuedOn: "2024-07-01" }))
    expect(after.outcome).toBe("refused")
    expect(codes(after)).toEqual(["LevelNotAuthorised"])
  })

  it("refuses a certificate issued while the institution was suspended (54号·五)", () => {
    const d = authorityOnIssueDate(history, certificate({ issuedOn: "2023-04-01" }))
    expect(d.outcome).toBe("refused")
    expect(codes(d)).toEqual(["InstitutionSuspended"])
    expect(d.failures[0]?.message).toContain("2023-04-01")
    expect(d.failures[0]?.message).toContain("暂停评价")
    expect(d.failures[0]?.citation).toBe(Cite.quality)
  })

  it("refuses an occupation outside the authorisation and a date outside its validity, one failure each", () => {
    expect(codes(authorityOnIssueDate(history, certificate({ occupationCode: "4-01-02-01" })))).toEqual([
      "OccupationNotAuthorised"
    ])
    const expired = authorityOnIssueDate(
      { ...history, scopeChanges: [] },
      certificate({ occupationCode: WELDER, issuedOn: "2028-01-05" })
    )
    expect(codes(expired)).toEqual(["AuthorisationExpired"])
    expect(expired.failures[0]?.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it("refuses an issuer that is not in the catalogue, or was not yet admitted on the issue date", () => {
    expect(codes(authorityOnIssueDate(undefined, certificate()))).toEqual(["InstitutionNotInCatalogue"])
    const late = {
      ...history,
      statusHistory: [{ status: "admitted" as const, date: "2024-01-01", reason: "准入", actor: "hrss" }]
    }
    expect(codes(authorityOnIssueDate(late, certificate()))).toEqual(["InstitutionNotAdmitted"])
  })

  it("answers not_in_force before 2022-05-01 and not_applicable for competition certificates", () => {
    expect(authorityOnIssueDate(history, certificate({ issuedOn: "2022-04-30" })).outcome).toBe(
      "not_in_force"
    )
    const competition = authorityOnIssueDate(undefined, certificate({ kind: "competition" }))
    expect(competition.outcome).toBe("not_applicable")
    expect(competition.failures).toEqual([])
  })
})
