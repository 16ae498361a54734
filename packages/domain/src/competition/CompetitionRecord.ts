/**
 * A stored competition with the organisation that filed it, and the target an act on it is authorised against
 * (domain.md §4; 54号·五 属地管理): the competition's region for the bureaus and centres, its filer for the host
 * (own records). A competition stored without a filer (imports, the demo) is nobody's own record.
 */
import { type Context, Effect, Option } from "effect"
import type { ActionTarget } from "../access/Authorise.js"
import type { Competition } from "./Competition.js"
import { CompetitionNotFound } from "./CompetitionErrors.js"
import type { CompetitionFiler, CompetitionRepository } from "./CompetitionRepository.js"

export interface CompetitionRecord {
  readonly competition: Competition
  readonly filer: Option.Option<CompetitionFiler>
}

/** The competition and its filer, or CompetitionNotFound. */
export const competitionRecord = (
  repository: Context.Tag.Service<typeof CompetitionRepository>,
  competitionId: string
): Effect.Effect<CompetitionRecord, CompetitionNotFound> =>
  Effect.gen(function* () {
    const found = yield* repository.findById(competitionId)
    if (Option.isNone(found)) return yield* new CompetitionNotFound({ field: "competitionId", competitionId })
    return { competition: found.value, filer: yield* repository.filerOf(competitionId) }
  })

/** What an act on the competition is authorised against: its region and, when it has one, its filer. */
export const competitionTarget = (record: CompetitionRecord): ActionTarget => ({
  regionCode: record.competition.regionCode,
  ...Option.match(record.filer, {
    onNone: () => ({}),
    onSome: (filer) => ({ ownerId: filer.organisationId })
  })
})
