/**
 * 大典 occupation codes `N-NN-NN-NN` (domain.md §3; rules-research §7.3): major (大类) `N`, middle (中类)
 * `N-NN`, minor (小类) `N-NN-NN`, occupation (细类) `N-NN-NN-NN`.
 */

export type OccupationCode = string

const OCCUPATION = /^[1-8]-\d{2}-\d{2}-\d{2}$/

export const isOccupationCode = (s: string): boolean => OCCUPATION.test(s)

export const majorOf = (code: OccupationCode): string => code.slice(0, 1)
export const middleOf = (code: OccupationCode): string => code.slice(0, 4)
export const minorOf = (code: OccupationCode): string => code.slice(0, 7)

/** Major categories 3–6 are the only ones open to 职业技能等级认定 (54号·三). */
export const CERTIFIABLE_MAJORS: ReadonlyArray<string> = ["3", "4", "5", "6"]

export const isCertifiableMajor = (code: OccupationCode): boolean =>
  CERTIFIABLE_MAJORS.includes(majorOf(code))
