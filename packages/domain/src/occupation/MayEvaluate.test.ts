import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { ADMITTED, authorisation, EMPLOYER_USCC, OTHER_USCC } from "../../test/InstitutionFixtures.js"
import { CAT2, NEW, occupation, TURNER } from "../../test/OccupationFixtures.js"
import { newOccupationEntry, turnerBank, turnerStandard } from "../../test/StandardFixtures.js"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"
import { Institution } from "../institution/Institution.js"
import { Cite } from "../rule/Citation.js"
import { EnterpriseNorm } from "./EnterpriseNorm.js"
import { type EvaluationFacts, MAY_EVALUATE_RULE, mayEvaluate } from "./MayEvaluate.js"
import { makeCatalogue } from "./OccupationCatalogue.js"
import { EMPTY_BASIS, type TechnicalBasis } from "./TechnicalBasis.js"

const NO_STANDARD = "6-31-01-10"

const catalogue = makeCatalogue([
  occupation(TURNER, "车工"),
  occupation(NO_STANDARD, "某无标准职业"),
  occupation(NEW, "某新职业"),
  occupation(CAT2, "机械设计工程技术人员")
])

const institution = (kind: string, uscc: string, prefix?: object) =>
  Schema.decodeUnknownSync(Institution)({
    id: `inst-${kind}`,
    name: `${kind} 机构`,
    kind,
    uscc,
    region: "320100",
    filedWith: "province",
    ...(prefix === undefined ? {} : { numberingPrefix: prefix }),
    responsiblePerson: { name: "张三" },
    seal: { id: `seal-${kind}`, name: `${kind} 专用章` },
    authorisations: [
      authorisation({
        occupations: [{ code: TURNER }, { code: NO_STANDARD }, { code: NEW }, { code: CAT2 }],
        levels: [5, 4, 3, 2],
        validUntil: "2026-04-30"
      })
    ],
    statusHistory: [ADMITTED]
  })

const thirdParty = institution("third_party", "91320100MA0000015Q", {
  type: "S",
  institutionCode: "0000",
  province: "32",
  siteSerial: "000123"
})
const employer = institution("employer", EMPLOYER_USCC, {
  type: "Y",
  institutionCode: "0000",
  province: "32",
  siteSerial: "000456"
})
const cityCentre = institution("city_appraisal_centre", "12320000MB000006XA")
const provincialCentre = institution("provincial_appraisal_centre", "12320000MB000006XA")

const basis: TechnicalBasis = {
  standards: [turnerStandard({ levels: [5, 4, 3, 2] })],
  questionBanks: [turnerBank({ approvedOn: "2022-06-01" })],
  enterpriseNorms: [
    Schema.decodeUnknownSync(EnterpriseNorm)({
      id: "norm-own",
      title: "本单位评价规范",
      employerUscc: EMPLOYER_USCC,
      occupationCode: NO_STANDARD,
      levels: [5, 4, 3],
      filedWith: "centre-320100",
      filedOn: "2023-03-01"
    }),
    Schema.decodeUnknownSync(EnterpriseNorm)({
      id: "norm-own-turner",
      title: "本单位车工评价规范",
      employerUscc: EMPLOYER_USCC,
      occupationCode: TURNER,
      levels: [1],
      filedWith: "centre-320100",
      filedOn: "2023-03-01"
    })
  ],
  provincialEntries: [newOccupationEntry({ listedOn: "2024-09-01" })]
}

const facts = (over: Partial<EvaluationFacts>): EvaluationFacts => ({
  catalogue,
  basis,
  institution: thirdParty,
  occupationCode: TURNER,
  level: 4,
  date: "2023-06-01",
  ...over
})

const codes = (f: EvaluationFacts) => mayEvaluate(f).failures.map((x) => x.code)

describe("54号·三 may an institution evaluate an occupation at a level", () => {
  it("answers not in force before 2022-05-01", () => {
    expect(mayEvaluate(facts({ date: "2022-04-30" })).outcome).toBe("not_in_force")
  })

  describe("third-party institutions: national standard and question bank, or the provincial catalogue", () => {
    it.each([
      ["车工 L4: standard and bank", facts({ level: 4 }), []],
      ["车工 L2: standard but no bank", facts({ level: 2 }), ["NoQuestionBank", "NotInProvincialCatalogue"]],
      [
        "车工 L1: the standard does not set it (擅加等级)",
        facts({ level: 1 }),
        ["LevelNotInStandard", "NoQuestionBank", "NotInProvincialCatalogue", "LevelNotAuthorised"]
      ],
      [
        "new occupation L4 before its catalogue listing",
        facts({ occupationCode: NEW, date: "2024-08-31" }),
        ["NoNationalStandard", "NoQuestionBank", "NotInProvincialCatalogue"]
      ],
      [
        "new occupation L4 from its catalogue listing",
        facts({ occupationCode: NEW, date: "2024-09-01" }),
        []
      ],
      [
        "new occupation L5, a level the catalogue entry lacks",
        facts({ occupationCode: NEW, level: 5, date: "2024-09-01" }),
        ["NoNationalStandard", "NoQuestionBank", "NotInProvincialCatalogue"]
      ]
    ] as const)("%s", (_, f, expected) => {
      expect(codes(f)).toEqual(expected)
    })

    it("says what it saw and what is required, citing 54号·三", () => {
      const d = mayEvaluate(facts({ level: 1 }))
      expect(d).toMatchObject({ outcome: "refused", rule: MAY_EVALUATE_RULE })
      expect(d.citations).toEqual([Cite.standards, Cite.issuance, Cite.quality])
      const level = d.failures.find((f) => f.code === "LevelNotInStandard")
      expect(level).toMatchObject({
        rule: "occupation.may-evaluate.national-standard",
        field: "level",
        seen: 1,
        required: [5, 4, 3, 2],
        citation: Cite.standards
      })
      expect(level?.message).toContain("不得擅加职业技能等级")
      expect(d.failures.find((f) => f.code === "NotInProvincialCatalogue")?.message).toContain(
        "《江苏省技术资源发布目录》"
      )
    })

    it("carries the catalogue's provisional base-edition reading", () => {
      const d = mayEvaluate(facts({}))
      expect(d.outcome).toBe("allowed")
      expect(d.provisional.map((p) => p.rule)).toEqual(["occupation.certifiable"])
    })
  })

  describe("employers: national standard, or a filed enterprise norm where no standard exists", () => {
    it.each([
      ["车工 L3 on the national standard (no bank needed)", facts({ institution: employer, level: 3 }), []],
      [
        "车工 L1: a norm cannot add a level the national standard lacks",
        facts({ institution: employer, level: 1 }),
        ["LevelNotInStandard", "LevelNotAuthorised"]
      ],
      ["no standard, own norm L4", facts({ institution: employer, occupationCode: NO_STANDARD }), []],
      [
        "no standard, own norm lacks L2",
        facts({ institution: employer, occupationCode: NO_STANDARD, level: 2 }),
        ["LevelNotInEnterpriseNorm"]
      ],
      [
        "no standard, norm not yet filed",
        facts({ institution: employer, occupationCode: NO_STANDARD, date: "2023-02-28" }),
        ["NoEnterpriseNorm"]
      ],
      [
        "no standard, the norm belongs to another employer",
        facts({
          institution: { ...employer, uscc: Schema.decodeSync(SocialCreditCode)(OTHER_USCC) },
          occupationCode: NO_STANDARD
        }),
        ["NoEnterpriseNorm"]
      ]
    ] as const)("%s", (_, f, expected) => {
      expect(codes(f)).toEqual(expected)
    })
  })

  describe("54号·四 appraisal centres do not evaluate for level certificates", () => {
    it.each([cityCentre, provincialCentre])("refuses the $kind", (centre) => {
      const d = mayEvaluate(facts({ institution: centre }))
      expect(d.failures).toEqual([
        expect.objectContaining({
          code: "InstitutionKindNotEvaluating",
          field: "institution.kind",
          seen: centre.kind,
          required: ["employer", "third_party"],
          citation: Cite.issuance
        })
      ])
      expect(d.failures[0]?.message).toContain("职业技能等级证书由用人单位和第三方评价机构核发")
    })
  })

  it("reports every failed condition: category, technical basis and authorisation", () => {
    expect(codes(facts({ occupationCode: CAT2, level: 4, region: "320500" }))).toEqual([
      "MajorCategoryNotCertifiable",
      "NoNationalStandard",
      "NoQuestionBank",
      "NotInProvincialCatalogue",
      "OutsideAuthorisedRegion"
    ])
  })

  it("checks the authorisation on the date (the last day is valid)", () => {
    expect(codes(facts({ date: "2026-04-30" }))).toEqual([])
    expect(codes(facts({ date: "2026-05-01" }))).toEqual(["AuthorisationExpired"])
  })

  it("refuses everything for an institution without technical resources on file", () => {
    expect(codes(facts({ basis: EMPTY_BASIS }))).toEqual([
      "NoNationalStandard",
      "NoQuestionBank",
      "NotInProvincialCatalogue"
    ])
  })
})
