/**
 * Use cases of filing competitions and publishing their plans (54号·二, 五; 附件3; domain.md §4): a host files its
 * own competitions, a district bureau those of its county (区(县)级). Filing reviews the competition — one that
 * breaks a rule (fees, events, region, dates) is refused — and answers the review with the filing it requires
 * (none / city / province, from the out-of-region share and the cross-region route). Plans are 附件3 rows for
 * the competition's events. Every change is audited with the acting organisation in the same transaction; a
 * retried request that changes nothing records nothing.
 */
import { Context, Effect, Layer, Option, Schema } from "effect"
import { ActionRefused } from "../access/AccessErrors.js"
import { requireAuthorised } from "../access/Authorise.js"
import type { Organisation } from "../access/Organisation.js"
import { AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import type { LocalDate } from "../time/LocalDate.js"
import { todayInBeijing } from "../time/Today.js"
import { Competition } from "./Competition.js"
import { competitionClassName } from "./CompetitionClass.js"
import {
  CompetitionIdTaken,
  CompetitionPlanIdTaken,
  CompetitionRefused,
  PlanEventUnknown
} from "./CompetitionErrors.js"
import { CompetitionPlan } from "./CompetitionPlan.js"
import { competitionRecord, competitionTarget } from "./CompetitionRecord.js"
import { type CompetitionFiler, CompetitionRepository } from "./CompetitionRepository.js"
import type { FileCompetition, PlanSubmission } from "./CompetitionRequests.js"
import { type CompetitionReview, reviewCompetition } from "./ReviewCompetition.js"

export interface FiledCompetition {
  readonly competition: Competition
  readonly filer: CompetitionFiler
  /** The review: compliance, out-of-region share, cross-region route, the filing required, incentives. */
  readonly review: CompetitionReview
  readonly plans: ReadonlyArray<CompetitionPlan>
  /** true when the same competition had been filed by the same organisation before (nothing was changed). */
  readonly alreadyFiled: boolean
}

export interface PublishedPlans {
  readonly competitionId: string
  readonly plans: ReadonlyArray<CompetitionPlan>
  /** The ids of the plans published or corrected by this request (empty on a retry). */
  readonly published: ReadonlyArray<string>
}

const sameCompetition = Schema.equivalence(Competition)
const equivalentPlans = Schema.equivalence(CompetitionPlan)

/** Two plans alike but for their publication day. */
const samePlan = (a: CompetitionPlan, b: CompetitionPlan) =>
  equivalentPlans(a, { ...b, publishedOn: a.publishedOn })

/** 区(县)人社局 file 区(县)级 competitions (domain.md §4); hosts file any class of their own. */
const districtClassCheck = (org: Organisation, competition: Competition) =>
  org.role === "district" && competition.class !== "county"
    ? Effect.fail(
        new ActionRefused({
          field: "class",
          action: "competition.file",
          organisationId: org.id,
          codes: ["DistrictFilesCountyCompetitionsOnly"],
          reasons: [
            `${org.name}只能登记本区（县）的区(县)级竞赛，${competitionClassName(competition.class)}竞赛应由主办单位登记（domain.md §4）`
          ]
        })
      )
    : Effect.void

/** The 附件3 row of a submission: host, time, region and occupation are the competition's (54号·三: one per event). */
const planOf = (
  competition: Competition,
  submission: PlanSubmission,
  index: number,
  publishedOn: LocalDate
): Effect.Effect<CompetitionPlan, PlanEventUnknown> => {
  const event = competition.events.find((e) => e.name === submission.eventName)
  if (event === undefined)
    return Effect.fail(
      new PlanEventUnknown({
        field: `plans.${index}.eventName`,
        competitionId: competition.id,
        eventName: submission.eventName,
        events: competition.events.map((e) => e.name)
      })
    )
  const occupation = event.occupations[0]
  return Effect.succeed({
    id: submission.id,
    competitionId: competition.id,
    listing: {
      host: competition.host.name,
      eventName: event.name,
      time:
        competition.endsOn === competition.startsOn
          ? { from: competition.startsOn }
          : { from: competition.startsOn, until: competition.endsOn },
      participationConditions: submission.participationConditions,
      registrationPhone: submission.registrationPhone,
      regionCode: competition.regionCode
    },
    ...(occupation === undefined
      ? {}
      : {
          occupation: {
            code: occupation.code,
            name: occupation.name,
            ...(occupation.workType === undefined ? {} : { workType: occupation.workType })
          }
        }),
    publishedOn
  })
}

const make = Effect.gen(function* () {
  const repository = yield* CompetitionRepository
  const audit = yield* AuditTrail
  const transactional = yield* Transactional

  /** The plans as they will stand, and those that change (new or corrected); a plan id of another competition fails. */
  const preparePlans = (
    competition: Competition,
    submissions: ReadonlyArray<PlanSubmission>,
    today: LocalDate
  ) =>
    Effect.gen(function* () {
      const plans: Array<CompetitionPlan> = []
      const changed: Array<CompetitionPlan> = []
      for (const [index, submission] of submissions.entries()) {
        const plan = yield* planOf(competition, submission, index, today)
        const stored = yield* repository.findPlanById(plan.id)
        if (Option.isSome(stored) && stored.value.competitionId !== competition.id)
          return yield* new CompetitionPlanIdTaken({
            field: `plans.${index}.id`,
            planId: plan.id,
            competitionId: competition.id
          })
        if (Option.isSome(stored) && samePlan(stored.value, plan)) plans.push(stored.value)
        else {
          plans.push(plan)
          changed.push(plan)
        }
      }
      return { plans, changed }
    })

  const publishChanged = (
    competition: Competition,
    changed: ReadonlyArray<CompetitionPlan>,
    org: Organisation
  ) =>
    Effect.gen(function* () {
      for (const plan of changed) yield* repository.publishPlan(plan)
      yield* audit.record({
        actor: org.id,
        action: "competition-plan.publish",
        subject: competition.id,
        reason: "公布职业技能竞赛办赛计划（54号·五，附件3）",
        details: { plans: changed.map((p) => p.id) }
      })
    })

  const file = Effect.fn("Competitions.file")(function* (input: FileCompetition, org: Organisation) {
    const { plans: submissions = [], ...competition } = input
    yield* requireAuthorised(org, "competition.file", { regionCode: competition.regionCode, ownerId: org.id })
    yield* districtClassCheck(org, competition)
    const review = reviewCompetition(competition)
    if (review.outcome === "refused" || review.outcome === "not_in_force")
      return yield* new CompetitionRefused({
        field: "competition",
        competitionId: competition.id,
        failures: review.outcome === "not_in_force" ? review.failures : review.compliance.failures
      })
    const today = yield* todayInBeijing
    const stored = yield* repository.findById(competition.id)
    if (Option.isSome(stored)) {
      const filer = yield* repository.filerOf(competition.id)
      if (
        Option.isNone(filer) ||
        filer.value.organisationId !== org.id ||
        !sameCompetition(stored.value, competition)
      )
        return yield* new CompetitionIdTaken({ field: "id", competitionId: competition.id })
      // A retry: plans not yet published (or corrected) are published; nothing else changes.
      const { plans, changed } = yield* preparePlans(stored.value, submissions, today)
      if (changed.length > 0) yield* transactional.run(publishChanged(stored.value, changed, org))
      return {
        competition: stored.value,
        filer: filer.value,
        review,
        plans,
        alreadyFiled: true
      } satisfies FiledCompetition
    }
    const { plans } = yield* preparePlans(competition, submissions, today)
    const filer: CompetitionFiler = { organisationId: org.id, filedOn: today }
    yield* transactional.run(
      Effect.gen(function* () {
        yield* repository.save(competition)
        // A concurrent filing of the same id got there first: roll this one back whole.
        if (!(yield* repository.recordFiler(competition.id, filer)))
          return yield* new CompetitionIdTaken({ field: "id", competitionId: competition.id })
        for (const plan of plans) yield* repository.publishPlan(plan)
        yield* audit.record({
          actor: org.id,
          action: "competition.file",
          subject: competition.id,
          reason: "登记职业技能竞赛并确定备案要求（54号·二）",
          details: {
            class: competition.class,
            regionCode: competition.regionCode,
            startsOn: competition.startsOn,
            requiredFiling: review.requiredFiling.outcome,
            share: review.share.outcome,
            route: review.route.outcome,
            plans: plans.map((p) => p.id)
          }
        })
      })
    )
    return { competition, filer, review, plans, alreadyFiled: false } satisfies FiledCompetition
  })

  const publishPlans = Effect.fn("Competitions.publishPlans")(function* (
    competitionId: string,
    submissions: ReadonlyArray<PlanSubmission>,
    org: Organisation
  ) {
    const record = yield* competitionRecord(repository, competitionId)
    yield* requireAuthorised(org, "competition.file", competitionTarget(record))
    const today = yield* todayInBeijing
    const { plans, changed } = yield* preparePlans(record.competition, submissions, today)
    if (changed.length > 0) yield* transactional.run(publishChanged(record.competition, changed, org))
    return { competitionId, plans, published: changed.map((p) => p.id) } satisfies PublishedPlans
  })

  return { file, publishPlans } as const
})

export class Competitions extends Context.Tag("@jineng/domain/Competitions")<
  Competitions,
  Effect.Effect.Success<typeof make>
>() {
  /** Requires CompetitionRepository, AuditTrail and Transactional. */
  static readonly layer = Layer.effect(this, make)
}
