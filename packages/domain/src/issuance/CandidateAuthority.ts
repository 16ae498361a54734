/**
 * Issuance authority for the candidates of one institution's submission (54号·四 "谁评价、谁发证、谁负责"):
 * issuanceAuthority over the institution, the occupation's catalogue entry and technical basis, the candidate's
 * employer, occupation, 工种 and level — never the holder — so candidates alike in those share one decision
 * (a 100,000-row batch asks the registry once per occupation). Used by the issuance and by its dry run.
 */
import { Effect } from "effect"
import type { RegionCode } from "../codes/Region.js"
import type { Institution } from "../institution/Institution.js"
import { lookupOf, nameOn } from "../occupation/OccupationCatalogue.js"
import type { OccupationFile, StandardRepository } from "../occupation/StandardRepository.js"
import type { VerdictDecision } from "../rule/Decision.js"
import type { LocalDate } from "../time/LocalDate.js"
import type { CertificateFace } from "./CertificateFace.js"
import { type IssuanceCandidate, issuanceAuthority } from "./IssuanceAuthority.js"

export interface CheckedCandidate {
  readonly decision: VerdictDecision
  /** The occupation's name on the issue date ("" when it is not in the catalogue). */
  readonly occupationName: string
}

export interface SubmissionContext {
  readonly institution: Institution
  readonly issuedOn: LocalDate
  readonly evaluationRegion: RegionCode
  readonly face: CertificateFace
}

/** A checker for one submission; `occupations` lists the occupation codes it looked up. */
export const candidateAuthority = (
  standards: Pick<StandardRepository["Type"], "forOccupation">,
  context: SubmissionContext
) => {
  const files = new Map<string, OccupationFile>()
  const decisions = new Map<string, CheckedCandidate>()
  const check = (candidate: IssuanceCandidate) =>
    Effect.gen(function* () {
      const key = `${candidate.employerUscc ?? ""}|${candidate.occupationCode}|${candidate.workType ?? ""}|${candidate.level}`
      const known = decisions.get(key)
      if (known !== undefined) return known
      let file = files.get(candidate.occupationCode)
      if (file === undefined) {
        file = yield* standards.forOccupation(candidate.occupationCode)
        files.set(candidate.occupationCode, file)
      }
      const decision = issuanceAuthority({
        issuedOn: context.issuedOn,
        evaluationRegion: context.evaluationRegion,
        institution: context.institution,
        catalogue: lookupOf(file.entry === undefined ? [] : [file.entry]),
        basis: file.basis,
        candidate,
        face: context.face
      })
      if (
        decision.outcome === "allowed" &&
        (context.institution.numberingPrefix === undefined || file.entry === undefined)
      ) {
        // issuanceAuthority allows neither a missing prefix nor an occupation outside the catalogue.
        return yield* Effect.dieMessage(
          "issuanceAuthority allowed a row without numbering prefix or catalogue entry"
        )
      }
      const checked: CheckedCandidate = {
        decision,
        occupationName: file.entry === undefined ? "" : nameOn(file.entry, context.issuedOn)
      }
      decisions.set(key, checked)
      return checked
    })
  return { check, occupations: () => [...files.keys()] } as const
}
