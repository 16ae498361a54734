/**
 * May this institution issue this level certificate on the issue date (54号·四 规范证书核发, "谁评价、谁发证、
 * 谁负责")? In force (≥ 2022-05-01); the institution is admitted in the catalogue and not suspended or removed
 * (54号·五); it may evaluate the occupation and level there and then (MayEvaluate.ts: kind, technical basis,
 * authorisation incl. validity and region); employers only for their own staff (54号·三); its numbering
 * prefix matches its kind (domain.md §3); one issuer name, its responsible person's signature and its one seal.
 */
import type { RegionCode } from "../codes/Region.js"
import type { SkillLevel } from "../codes/SkillLevel.js"
import type { StatusEntry } from "../institution/CatalogueStatus.js"
import { catalogueStatusName, statusOn } from "../institution/CatalogueStatus.js"
import type { Institution } from "../institution/Institution.js"
import { certificateTypeLetter } from "../institution/InstitutionKind.js"
import { mayEvaluate } from "../occupation/MayEvaluate.js"
import type { CatalogueLookup } from "../occupation/OccupationCatalogue.js"
import type { TechnicalBasis } from "../occupation/TechnicalBasis.js"
import { Cite } from "../rule/Citation.js"
import type { Failure, VerdictDecision } from "../rule/Decision.js"
import { verdict } from "../rule/Decision.js"
import { isInForce, notInForce } from "../time/InForce.js"
import type { LocalDate } from "../time/LocalDate.js"
import type { CertificateFace } from "./CertificateFace.js"

export const ISSUANCE_RULE = "issuance.authority"

const CITATIONS = [Cite.issuance, Cite.standards, Cite.quality]

export interface IssuanceCandidate {
  /** USCC of the candidate's employer (required when an employer evaluates: own staff only). */
  readonly employerUscc?: string | undefined
  readonly occupationCode: string
  readonly workType?: string | undefined
  readonly level: SkillLevel
}

export interface IssuanceFacts {
  readonly issuedOn: LocalDate
  /** Where the evaluation took place. */
  readonly evaluationRegion: RegionCode
  readonly institution: Pick<
    Institution,
    | "id"
    | "name"
    | "kind"
    | "uscc"
    | "authorisations"
    | "numberingPrefix"
    | "responsiblePerson"
    | "seal"
    | "statusHistory"
  >
  readonly catalogue: CatalogueLookup
  readonly basis: TechnicalBasis
  readonly candidate: IssuanceCandidate
  readonly face: CertificateFace
}

const failure = (
  code: string,
  field: string,
  message: string,
  seen: Failure["seen"],
  required: Failure["required"],
  citation: string = Cite.issuance
): Failure => ({ code, rule: ISSUANCE_RULE, field, message, seen, required, citation })

const statusFailure = (
  history: ReadonlyArray<StatusEntry>,
  name: string,
  date: LocalDate
): Failure | undefined => {
  const status = statusOn(history, date)
  if (status === "admitted") return undefined
  const code =
    status === undefined
      ? "InstitutionNotAdmitted"
      : status === "suspended"
        ? "InstitutionSuspended"
        : "InstitutionRemoved"
  const seen = status === undefined ? "未纳入目录" : catalogueStatusName(status)
  return failure(
    code,
    "institution.status",
    `${name} 在 ${date} 的目录状态为“${seen}”，不得核发职业技能等级证书（须为已纳入目录且未暂停、未移出）`,
    status ?? null,
    "admitted",
    Cite.quality
  )
}

/** Exactly one value, equal to `own`; otherwise a failure naming what was seen. */
const uniqueFailure = (
  seen: ReadonlyArray<string>,
  own: string,
  field: string,
  what: string,
  codes: readonly [notUnique: string, mismatch: string]
): Failure | undefined => {
  if (seen.length === 1 && seen[0] === own) return undefined
  return seen.length === 1
    ? failure(codes[1], field, `证书${what}为“${seen[0]}”，应为本机构的“${own}”`, [...seen], [own])
    : failure(
        codes[0],
        field,
        `证书${what}应唯一且为本机构的“${own}”，现有 ${seen.length} 个（${seen.join("、")}）；不得擅自增设落款、印章`,
        [...seen],
        [own]
      )
}

export const issuanceAuthority = (f: IssuanceFacts): VerdictDecision => {
  if (!isInForce(f.issuedOn)) return notInForce(ISSUANCE_RULE, f.issuedOn)
  const { institution, candidate, face } = f
  const failures: Array<Failure> = []

  const status = statusFailure(institution.statusHistory, institution.name, f.issuedOn)
  if (status !== undefined) failures.push(status)

  const evaluation = mayEvaluate({
    catalogue: f.catalogue,
    basis: f.basis,
    institution,
    occupationCode: candidate.occupationCode,
    workType: candidate.workType,
    level: candidate.level,
    date: f.issuedOn,
    region: f.evaluationRegion
  })
  failures.push(...evaluation.failures)

  const letter = certificateTypeLetter(institution.kind)
  if (letter !== undefined && institution.numberingPrefix?.type !== letter) {
    failures.push(
      failure(
        "NumberingPrefixMismatch",
        "institution.numberingPrefix",
        `证书编号机构类别代码应为 ${letter}，该机构${institution.numberingPrefix === undefined ? "未设证书编号前缀" : `为 ${institution.numberingPrefix.type}`}`,
        institution.numberingPrefix?.type ?? null,
        letter,
        Cite.certificateNumbering
      )
    )
  }

  if (institution.kind === "employer" && candidate.employerUscc !== institution.uscc) {
    failures.push(
      failure(
        "NotOwnStaff",
        "candidate.employerUscc",
        candidate.employerUscc === undefined
          ? `用人单位只能为本单位职工评价发证，考生未载明所在单位统一社会信用代码（本单位 ${institution.uscc}）`
          : `用人单位只能为本单位职工评价发证：考生所在单位 ${candidate.employerUscc} 不是本单位 ${institution.uscc}`,
        candidate.employerUscc ?? null,
        institution.uscc,
        Cite.standards
      )
    )
  }

  const name = uniqueFailure(face.issuerNames, institution.name, "face.issuerNames", "落款", [
    "IssuerNameNotUnique",
    "IssuerNameMismatch"
  ])
  if (name !== undefined) failures.push(name)
  const signatory = uniqueFailure(
    face.signatories,
    institution.responsiblePerson.name,
    "face.signatories",
    "签字负责人",
    ["SignatoryNotUnique", "SignatoryNotResponsiblePerson"]
  )
  if (signatory !== undefined) failures.push(signatory)
  const seal = uniqueFailure(face.sealIds, institution.seal.id, "face.sealIds", "印章", [
    "SealNotUnique",
    "SealNotInstitutionSeal"
  ])
  if (seal !== undefined) failures.push(seal)

  return verdict(ISSUANCE_RULE, CITATIONS, failures, { provisional: evaluation.provisional })
}
