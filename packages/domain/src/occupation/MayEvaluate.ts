/**
 * May institution X evaluate occupation O (工种) at level L on date D (54号·三 规范技术标准, with 54号·四 who
 * issues and 54号·五 the published authorisation)? Every failed condition is reported:
 * - O is certifiable on D (Certifiable.ts);
 * - X is an employer or a third-party institution — the appraisal centres do not evaluate for level
 *   certificates ("职业技能等级证书由用人单位和第三方评价机构…核发");
 * - third-party: a national standard offering L and a question bank covering L on D, otherwise an entry of
 *   《江苏省技术资源发布目录》 covering O and L on D;
 * - employer: a national standard offering L, or — only where O has no national standard — its own filed
 *   enterprise norm covering L;
 * - X's authorisation covers O × L (and the evaluation's region) on D (AuthorisationCheck.ts).
 */
import type { RegionCode } from "../codes/Region.js"
import type { SkillLevel } from "../codes/SkillLevel.js"
import { levelName } from "../codes/SkillLevel.js"
import { checkAuthorisation } from "../institution/AuthorisationCheck.js"
import type { Institution } from "../institution/Institution.js"
import { institutionKindName } from "../institution/InstitutionKind.js"
import { Cite } from "../rule/Citation.js"
import type { Failure, ProvisionalNote, VerdictDecision } from "../rule/Decision.js"
import { verdict } from "../rule/Decision.js"
import { isInForce, notInForce } from "../time/InForce.js"
import type { LocalDate } from "../time/LocalDate.js"
import { certifiable } from "./Certifiable.js"
import { normCovers } from "./EnterpriseNorm.js"
import type { NationalStandard } from "./NationalStandard.js"
import { standardInForce } from "./NationalStandard.js"
import type { CatalogueLookup } from "./OccupationCatalogue.js"
import { entryCovers } from "./ProvincialCatalogueEntry.js"
import { bankCovers } from "./QuestionBank.js"
import type { TechnicalBasis } from "./TechnicalBasis.js"

export const MAY_EVALUATE_RULE = "occupation.may-evaluate"
const NATIONAL = "occupation.may-evaluate.national-standard"
const PROVINCIAL = "occupation.may-evaluate.provincial-catalogue"
const NORM = "occupation.may-evaluate.enterprise-norm"
const KIND = "occupation.may-evaluate.institution-kind"

const CITATIONS = [Cite.standards, Cite.issuance, Cite.quality]

/** The institution facts the rule needs. */
export type EvaluatingInstitution = Pick<Institution, "id" | "name" | "kind" | "uscc" | "authorisations">

export interface EvaluationFacts {
  readonly catalogue: CatalogueLookup
  /** The technical resources on file for the occupation. */
  readonly basis: TechnicalBasis
  readonly institution: EvaluatingInstitution
  readonly occupationCode: string
  readonly workType?: string | undefined
  readonly level: SkillLevel
  readonly date: LocalDate
  /** Where the evaluation takes place; checked against the authorised region when given. */
  readonly region?: RegionCode | undefined
}

const failure = (
  rule: string,
  code: string,
  field: string,
  message: string,
  seen: Failure["seen"],
  required: Failure["required"],
  citation: string = Cite.standards
): Failure => ({ code, rule, field, message, seen, required, citation })

const standardLabel = (s: NationalStandard): string => `${s.title}（${s.edition}）`

const levelNotInStandard = (rule: string, s: NationalStandard, level: SkillLevel): Failure =>
  failure(
    rule,
    "LevelNotInStandard",
    "level",
    `${standardLabel(s)}未设${levelName(level)}（所设等级：${s.levels.map(levelName).join("、")}），不得擅加职业技能等级`,
    level,
    [...s.levels]
  )

const thirdPartyBasis = (f: EvaluationFacts, failures: Array<Failure>): void => {
  const { basis, occupationCode: code, workType, level, date } = f
  const standard = standardInForce(basis.standards, code, date)
  const standardOk = standard?.levels.includes(level) === true
  let bankOk = false
  for (const b of basis.questionBanks) {
    if (bankCovers(b, code, workType, level, date)) {
      bankOk = true
      break
    }
  }
  if (standardOk && bankOk) return
  for (const e of basis.provincialEntries) if (entryCovers(e, code, workType, level, date)) return
  if (standard === undefined) {
    failures.push(
      failure(
        NATIONAL,
        "NoNationalStandard",
        "occupationCode",
        `职业 ${code} 在 ${date} 尚无施行的国家职业技能标准`,
        null,
        "施行中的国家职业技能标准"
      )
    )
  } else if (!standardOk) {
    failures.push(levelNotInStandard(NATIONAL, standard, level))
  }
  if (!bankOk) {
    failures.push(
      failure(
        NATIONAL,
        "NoQuestionBank",
        "level",
        `职业 ${code}${workType === undefined ? "" : `（工种 ${workType}）`}在 ${date} 无覆盖${levelName(level)}的有效评价题库`,
        null,
        `覆盖${levelName(level)}的有效评价题库`
      )
    )
  }
  failures.push(
    failure(
      PROVINCIAL,
      "NotInProvincialCatalogue",
      "occupationCode",
      `职业 ${code}${workType === undefined ? "" : `（工种 ${workType}）`}${levelName(level)}在 ${date} 未纳入《江苏省技术资源发布目录》；尚无国家职业技能标准或评价题库的，应先由省职业技能鉴定机构审定评价规范及题库并纳入该目录后方可组织实施`,
      null,
      "《江苏省技术资源发布目录》收录该职业（工种）及等级"
    )
  )
}

const employerBasis = (f: EvaluationFacts, failures: Array<Failure>): void => {
  const { basis, institution, occupationCode: code, workType, level, date } = f
  const standard = standardInForce(basis.standards, code, date)
  if (standard !== undefined) {
    // 已有国家职业技能标准的职业按标准评价；企业评价规范只适用于尚无国家标准的职业。
    if (!standard.levels.includes(level)) failures.push(levelNotInStandard(NATIONAL, standard, level))
    return
  }
  let ownNormLevels: Array<SkillLevel> | undefined
  for (const n of basis.enterpriseNorms) {
    if (normCovers(n, institution.uscc, code, workType, level, date)) return
    if (
      n.employerUscc === institution.uscc &&
      n.occupationCode === code &&
      (n.workType === undefined || n.workType === workType) &&
      n.filedOn <= date
    )
      ownNormLevels = [...(ownNormLevels ?? []), ...n.levels]
  }
  failures.push(
    ownNormLevels === undefined
      ? failure(
          NORM,
          "NoEnterpriseNorm",
          "occupationCode",
          `职业 ${code} 在 ${date} 尚无国家职业技能标准，本单位亦无经职业技能鉴定机构备案、覆盖${levelName(level)}的企业评价规范`,
          null,
          "国家职业技能标准，或已备案的本单位企业评价规范"
        )
      : failure(
          NORM,
          "LevelNotInEnterpriseNorm",
          "level",
          `本单位已备案的企业评价规范未设${levelName(level)}（所设等级：${ownNormLevels.map(levelName).join("、")}），不得擅加职业技能等级`,
          level,
          ownNormLevels
        )
  )
}

export const mayEvaluate = (f: EvaluationFacts): VerdictDecision => {
  if (!isInForce(f.date)) return notInForce(MAY_EVALUATE_RULE, f.date)
  const failures: Array<Failure> = []
  const provisional: Array<ProvisionalNote> = []
  const occupation = certifiable(f.catalogue, f.occupationCode, f.workType, f.date)
  failures.push(...occupation.failures)
  provisional.push(...occupation.provisional)
  const kind = f.institution.kind
  if (kind === "third_party") thirdPartyBasis(f, failures)
  else if (kind === "employer") employerBasis(f, failures)
  else {
    failures.push(
      failure(
        KIND,
        "InstitutionKindNotEvaluating",
        "institution.kind",
        `${institutionKindName(kind)}不开展职业技能等级认定、不核发职业技能等级证书：按“谁评价、谁发证、谁负责”，职业技能等级证书由用人单位和第三方评价机构核发`,
        kind,
        ["employer", "third_party"],
        Cite.issuance
      )
    )
  }
  const authorisation = checkAuthorisation(f.institution.authorisations, {
    occupationCode: f.occupationCode,
    workType: f.workType,
    level: f.level,
    date: f.date,
    region: f.region
  })
  failures.push(...authorisation.failures)
  return verdict(MAY_EVALUATE_RULE, CITATIONS, failures, { provisional })
}
