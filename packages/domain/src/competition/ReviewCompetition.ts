/**
 * The whole-competition check (54号·二, 三, 四): no fees, events of one whole certifiable occupation each, a region
 * that matches the class, the out-of-region share and the cross-region route → the filing required, and whether
 * support and incentive policies are available given the filing completed. Every failure is listed.
 */
import { type Citation, Cite } from "../rule/Citation.js"
import { type Decision, decision, type Failure, type Verdict, verdict } from "../rule/Decision.js"
import { NOTICE_EFFECTIVE_FROM, notInForceFailure } from "../time/InForce.js"
import type { Competition } from "./Competition.js"
import { competitionFees } from "./CompetitionFees.js"
import { competitionRegion } from "./CompetitionRegion.js"
import { type CrossRegionRouteDecision, crossRegionRoute } from "./CrossRegionRoute.js"
import { eventSetting } from "./EventSetting.js"
import type { FilingRequirement } from "./FilingRequirement.js"
import { type CompletedFiling, type IncentiveOutcome, incentives } from "./Incentives.js"
import { type OutOfRegionShareDecision, outOfRegionShare } from "./OutOfRegionShare.js"
import { requiredFiling } from "./RequiredFiling.js"

const RULE = "competition.review"
const COMPLIANCE = "competition.compliance"

/**
 * refused: the competition breaks a rule (fees, events, region, dates); incentives_lost: it complies but the
 * required filing is not completed; not_in_force: it starts before 2022-05-01.
 */
export type ReviewOutcome = "allowed" | "incentives_lost" | "refused" | "not_in_force"

export interface CompetitionReview extends Decision<ReviewOutcome> {
  /** Fees, events, region/class and dates: a competition may be filed only when this is allowed. */
  readonly compliance: Decision<Verdict>
  readonly share: OutOfRegionShareDecision
  readonly route: CrossRegionRouteDecision
  readonly requiredFiling: Decision<FilingRequirement>
  readonly incentives: Decision<IncentiveOutcome>
}

const union = (parts: ReadonlyArray<Decision>): ReadonlyArray<Citation> => {
  const out: Array<Citation> = []
  for (const p of parts) for (const c of p.citations) if (!out.includes(c)) out.push(c)
  return out
}

export const reviewCompetition = (
  competition: Competition,
  completed?: CompletedFiling
): CompetitionReview => {
  const fees = competitionFees(competition.fees)
  const events = eventSetting(competition.events)
  const region = competitionRegion(competition)
  const failures: Array<Failure> = [...fees.failures, ...events.failures, ...region.failures]
  if (competition.endsOn < competition.startsOn) {
    failures.push({
      code: "CompetitionDatesInverted",
      rule: COMPLIANCE,
      field: "endsOn",
      message: `竞赛结束日期 ${competition.endsOn} 早于开始日期 ${competition.startsOn}`,
      seen: competition.endsOn,
      required: `>= ${competition.startsOn}`,
      citation: Cite.competition
    })
  }
  const compliance = verdict(COMPLIANCE, union([fees, events, region]), failures, {
    provisional: fees.provisional
  })
  const share = outOfRegionShare(competition)
  const route = crossRegionRoute({
    regionCode: competition.regionCode,
    participatingRegions: competition.participatingRegions ?? []
  })
  const required = requiredFiling(share.outcome, route.outcome)
  const incentive = incentives(required.outcome, completed)
  const parts = { compliance, share, route, requiredFiling: required, incentives: incentive }
  const provisional = [
    ...compliance.provisional,
    ...share.provisional,
    ...route.provisional,
    ...required.provisional
  ]

  if (competition.startsOn < NOTICE_EFFECTIVE_FROM) {
    return {
      ...decision("not_in_force", RULE, [Cite.quality], {
        failures: [{ ...notInForceFailure(RULE, competition.startsOn), field: "startsOn" }]
      }),
      ...parts
    }
  }
  const outcome: ReviewOutcome =
    compliance.outcome !== "allowed"
      ? "refused"
      : incentive.outcome === "lost"
        ? "incentives_lost"
        : "allowed"
  return {
    ...decision(outcome, RULE, union([compliance, share, route, required, incentive]), {
      failures: [...compliance.failures, ...incentive.failures],
      provisional
    }),
    ...parts
  }
}
