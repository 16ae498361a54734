import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  ADMITTED,
  authorisation,
  EMPLOYER_USCC,
  employerFields,
  OTHER_USCC,
  institution as thirdPartyInstitution
} from "../../test/InstitutionFixtures.js"
import { TURNER, turner } from "../../test/OccupationFixtures.js"
import { turnerBank, turnerStandard } from "../../test/StandardFixtures.js"
import { Institution } from "../institution/Institution.js"
import { makeCatalogue } from "../occupation/OccupationCatalogue.js"
import { Cite } from "../rule/Citation.js"
import { ISSUANCE_RULE, type IssuanceFacts, issuanceAuthority } from "./IssuanceAuthority.js"

const institution = (over: Record<string, unknown>) =>
  thirdPartyInstitution({
    ...employerFields,
    authorisations: [authorisation({ id: "auth-y" })],
    statusHistory: [
      ADMITTED,
      { status: "suspended", date: "2024-03-01", reason: "质量评估不合格", actor: "hrss-320100" },
      { status: "admitted", date: "2024-05-01", reason: "整改后恢复", actor: "hrss-320100" },
      { status: "removed", date: "2025-06-01", reason: "违规发证", actor: "hrss-320000" }
    ],
    ...over
  })

const employer = institution({})

const facts = (over: Partial<IssuanceFacts>): IssuanceFacts => ({
  issuedOn: "2024-06-01",
  evaluationRegion: "320104",
  institution: employer,
  catalogue: makeCatalogue([turner]),
  basis: {
    standards: [turnerStandard({ id: "std" })],
    questionBanks: [turnerBank({ id: "b", levels: [5] })],
    enterpriseNorms: [],
    provincialEntries: []
  },
  candidate: { employerUscc: EMPLOYER_USCC, occupationCode: TURNER, level: 3 },
  face: { issuerNames: ["南京某机械有限公司"], signatories: ["赵六"], sealIds: ["seal-y"] },
  ...over
})

const codes = (f: IssuanceFacts) => issuanceAuthority(f).failures.map((x) => x.code)

describe("54号·四 issuance authority", () => {
  it.each([
    ["2022-04-30", "not_in_force"],
    ["2022-05-01", "allowed"]
  ] as const)("on %s the decision is %s", (issuedOn, outcome) => {
    expect(issuanceAuthority(facts({ issuedOn })).outcome).toBe(outcome)
  })

  it("allows an admitted employer to certify its own staff, citing 54号·四", () => {
    const d = issuanceAuthority(facts({}))
    expect(d).toMatchObject({ outcome: "allowed", rule: ISSUANCE_RULE, failures: [] })
    expect(d.citations).toEqual([Cite.issuance, Cite.standards, Cite.quality])
    expect(d.provisional.map((p) => p.rule)).toEqual(["occupation.certifiable"])
  })

  it.each([
    ["2024-02-29", []],
    ["2024-03-01", ["InstitutionSuspended"]],
    ["2024-04-30", ["InstitutionSuspended"]],
    ["2024-05-01", []],
    ["2025-05-31", []],
    ["2025-06-01", ["InstitutionRemoved"]]
  ] as const)("54号·五 catalogue status on %s → %j", (issuedOn, expected) => {
    expect(codes(facts({ issuedOn }))).toEqual(expected)
  })

  it("refuses an institution not yet admitted, with the status seen and required", () => {
    const d = issuanceAuthority(facts({ institution: institution({ statusHistory: [] }) }))
    expect(d.failures).toEqual([
      expect.objectContaining({
        code: "InstitutionNotAdmitted",
        field: "institution.status",
        seen: null,
        required: "admitted",
        citation: Cite.quality
      })
    ])
  })

  it.each([
    [
      "the last valid day of the authorisation",
      {
        issuedOn: "2025-12-31",
        institution: institution({
          statusHistory: [{ status: "admitted", date: "2022-05-01", reason: "准入", actor: "a" }]
        })
      },
      []
    ],
    [
      "the day after",
      {
        issuedOn: "2026-01-01",
        institution: institution({
          statusHistory: [{ status: "admitted", date: "2022-05-01", reason: "准入", actor: "a" }]
        })
      },
      ["AuthorisationExpired"]
    ],
    [
      "an evaluation outside the authorised region",
      { evaluationRegion: "320205" },
      ["OutsideAuthorisedRegion"]
    ],
    [
      "a level not authorised",
      { candidate: { employerUscc: EMPLOYER_USCC, occupationCode: TURNER, level: 2 as const } },
      ["LevelNotAuthorised"]
    ]
  ] as const)("checks the authorisation: %s", (_, over, expected) => {
    expect(codes(facts(over))).toEqual(expected)
  })

  it.each([
    ["another employer's staff", OTHER_USCC],
    ["a candidate without employer", undefined]
  ])("refuses an employer certifying %s (own staff only)", (_, employerUscc) => {
    const d = issuanceAuthority(facts({ candidate: { employerUscc, occupationCode: TURNER, level: 3 } }))
    expect(d.failures).toEqual([
      expect.objectContaining({
        code: "NotOwnStaff",
        field: "candidate.employerUscc",
        seen: employerUscc ?? null,
        required: EMPLOYER_USCC
      })
    ])
  })

  it.each([
    [
      "a signatory other than the responsible person",
      { issuerNames: ["南京某机械有限公司"], signatories: ["钱七"], sealIds: ["seal-y"] },
      "SignatoryNotResponsiblePerson",
      ["钱七"],
      ["赵六"]
    ],
    [
      "a second signatory",
      { issuerNames: ["南京某机械有限公司"], signatories: ["赵六", "钱七"], sealIds: ["seal-y"] },
      "SignatoryNotUnique",
      ["赵六", "钱七"],
      ["赵六"]
    ],
    [
      "a seal other than the institution's",
      { issuerNames: ["南京某机械有限公司"], signatories: ["赵六"], sealIds: ["seal-hr"] },
      "SealNotInstitutionSeal",
      ["seal-hr"],
      ["seal-y"]
    ],
    [
      "an additional seal",
      { issuerNames: ["南京某机械有限公司"], signatories: ["赵六"], sealIds: ["seal-y", "seal-city"] },
      "SealNotUnique",
      ["seal-y", "seal-city"],
      ["seal-y"]
    ],
    [
      "an additional 落款",
      { issuerNames: ["南京某机械有限公司", "某培训学校"], signatories: ["赵六"], sealIds: ["seal-y"] },
      "IssuerNameNotUnique",
      ["南京某机械有限公司", "某培训学校"],
      ["南京某机械有限公司"]
    ],
    [
      "no seal",
      { issuerNames: ["南京某机械有限公司"], signatories: ["赵六"], sealIds: [] },
      "SealNotUnique",
      [],
      ["seal-y"]
    ]
  ])("refuses %s (落款、印章唯一)", (_, face, code, seen, required) => {
    const d = issuanceAuthority(facts({ face }))
    expect(d.failures).toEqual([expect.objectContaining({ code, seen, required, citation: Cite.issuance })])
  })

  it("refuses the appraisal centres and an institution whose prefix letter does not match its kind", () => {
    // An appraisal centre has no numbering prefix: the field is left out (JSON has no undefined).
    const { numberingPrefix: _none, ...centreFields } = employer
    const centre = Schema.decodeUnknownSync(Institution)({ ...centreFields, kind: "city_appraisal_centre" })
    expect(codes(facts({ institution: centre }))).toEqual(["InstitutionKindNotEvaluating"])
    const wrongLetter = { ...employer, kind: "third_party" as const }
    expect(codes(facts({ institution: wrongLetter }))).toEqual([
      "NoQuestionBank",
      "NotInProvincialCatalogue",
      "NumberingPrefixMismatch"
    ])
  })
})
