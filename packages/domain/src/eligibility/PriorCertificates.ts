/**
 * Prior certificates in eligibility (54号·一; rules-research §3.1 "证书" = 职业资格证书或职业技能等级证书 of this or
 * a related occupation): a 22-character 职业技能等级证书 number or a legacy 16-digit 职业资格证书 number (domain.md
 * §3 — accepted as prior certificates, never issued), whose level digit agrees with the stated level, issued
 * on or before the application date.
 */
import { certificateNumberProblem, levelOfNumber } from "../codes/CertificateNumber.js"
import { parseLegacyCertificateNumber } from "../codes/LegacyCertificateNumber.js"
import type { SkillLevel } from "../codes/SkillLevel.js"
import type { LocalDate } from "../time/LocalDate.js"
import { INFERRED, relationTo, UNRELATED } from "./OccupationRelation.js"

export interface PriorCertificateLike {
  readonly number: string
  readonly occupationCode: string
  readonly level: SkillLevel
  readonly issuedOn: LocalDate
}

/** The level a prior certificate's number carries (22-character or legacy 16-digit); undefined if neither. */
export const priorCertificateLevelOf = (number: string): SkillLevel | undefined =>
  number.length === 22
    ? certificateNumberProblem(number) === undefined
      ? levelOfNumber(number)
      : undefined
    : number.length === 16
      ? parseLegacyCertificateNumber(number)?.level
      : undefined

/** A certificate this rule can rely on: a recognised number whose level digit is the stated level. */
export const isRecognised = (c: PriorCertificateLike): boolean =>
  priorCertificateLevelOf(c.number) === c.level

/**
 * The prior certificate that satisfies "minLevel or higher, this or a related occupation, held on `date`": the
 * earliest issued (so the most work counts after it), on a tie one not resting on the same-小类 inference;
 * undefined when there is none.
 */
export const qualifyingCertificate = (
  certificates: ReadonlyArray<PriorCertificateLike>,
  target: string,
  related: ReadonlyArray<string> | undefined,
  minLevel: SkillLevel,
  date: LocalDate
): PriorCertificateLike | undefined => {
  let best: PriorCertificateLike | undefined
  let bestInferred = false
  for (let i = 0; i < certificates.length; i++) {
    const c = certificates[i] as PriorCertificateLike
    if (c.level > minLevel || c.issuedOn > date) continue
    if (best !== undefined && (c.issuedOn > best.issuedOn || (c.issuedOn === best.issuedOn && !bestInferred)))
      continue
    const relation = relationTo(c.occupationCode, target, related)
    if (relation === UNRELATED || !isRecognised(c)) continue
    if (best !== undefined && c.issuedOn === best.issuedOn && relation === INFERRED) continue
    best = c
    bestInferred = relation === INFERRED
  }
  return best
}

/**
 * The certificate that gives the current level: the highest level among recognised certificates of this or a
 * related occupation held on `date` (on a tie, one not resting on the same-小类 inference); undefined if none.
 */
export const currentCertificate = (
  certificates: ReadonlyArray<PriorCertificateLike>,
  target: string,
  related: ReadonlyArray<string> | undefined,
  date: LocalDate
): PriorCertificateLike | undefined => {
  let best: PriorCertificateLike | undefined
  let bestInferred = false
  for (let i = 0; i < certificates.length; i++) {
    const c = certificates[i] as PriorCertificateLike
    if (c.issuedOn > date) continue
    if (best !== undefined && (c.level > best.level || (c.level === best.level && !bestInferred))) continue
    const relation = relationTo(c.occupationCode, target, related)
    if (relation === UNRELATED || !isRecognised(c)) continue
    if (best !== undefined && c.level === best.level && relation === INFERRED) continue
    best = c
    bestInferred = relation === INFERRED
  }
  return best
}
