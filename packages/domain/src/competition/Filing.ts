/**
 * A competition filing (备案) on the form of 54号·附件1 (主办单位, 竞赛名称, 申报类型, 赛项设置, 涉及参赛地区, and
 * the opinions of the 区(县), 设区市 and 省 levels), with the co-signature of the other provinces' departments for
 * a cross-province competition (54号·二 共同会签). A state machine of pure functions: each returns the new state
 * or the TaggedError (CompetitionErrors) that refuses the step. Opinions are given level by level, from the
 * host's level up to the level the filing requires, each only by a bureau of that level and of the host's region;
 * a 不同意 closes the filing as refused; the filing is complete (备案完成) when the last level agrees and every
 * co-signature is in. "确需组织跨区域竞赛的，应提前报上一级人力资源社会保障部门备案" (54号·二): a cross-region filing
 * is refused on or after the competition's first day, and a filing completed on or after that day does not keep
 * the incentives (Incentives `filingCompletedLate`).
 */
import { Either, Schema } from "effect"
import { ancestorAt, fullNameOf, JIANGSU, type RegionCode } from "../codes/Region.js"
import { RegionCode as RegionCodeSchema } from "../codes/RegionSchema.js"
import { Cite } from "../rule/Citation.js"
import type { Decision, ProvisionalNote as Note } from "../rule/Decision.js"
import { ProvisionalNote } from "../rule/DecisionSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import type { Competition, CompetitionEvent, EventOccupation } from "./Competition.js"
import { declarationTypeOf, regionLevelOf } from "./CompetitionClass.js"
import { CompetitionClass } from "./CompetitionClassSchema.js"
import {
  CompetitionRefused,
  CoSignatureActorNotPermitted,
  CoSignatureAlreadyRecorded,
  CoSignatureNotRequired,
  CrossRegionFilingLate,
  FilingClosed,
  FilingDateBeforePrevious,
  FilingNotRequired,
  OpinionActorWrongLevel,
  OpinionActorWrongRegion,
  OpinionAlreadyRecorded,
  OpinionLevelNotRequired,
  OpinionOutOfOrder
} from "./CompetitionErrors.js"
import type { CrossRegionRoute } from "./CrossRegionRoute.js"
import {
  filingLevelOfRegion,
  filingLevelsBetween,
  type FilingLevel as Level,
  regionLevelOfFiling
} from "./FilingLevel.js"
import { FilingLevel } from "./FilingLevelSchema.js"
import type { FilingRequirement } from "./FilingRequirement.js"
import { type CompletedFiling, filingCompletedLate, type IncentiveOutcome, incentives } from "./Incentives.js"
import { reviewCompetition } from "./ReviewCompetition.js"

const Requirement = Schema.Literal("none", "city", "province")
const Route = Schema.Literal("none", "city", "province", "co_signature")
/** The level with which a filing is made: the city bureau or the province. */
const FiledWith = Schema.Literal("city", "province")

/** Who acts on a filing: a human-resources bureau of a level and its region (domain.md §4). */
export const FilingActor = Schema.Struct({
  level: required(FilingLevel, "操作部门层级"),
  regionCode: required(RegionCodeSchema, "操作部门所在地区")
}).annotations({ message: () => "操作部门应为对象（层级、所在地区）" })
export type FilingActor = typeof FilingActor.Type

/** 同意 / 不同意. */
export const OpinionVerdict = Schema.Literal("agree", "disagree").annotations({
  identifier: "OpinionVerdict",
  description: "agree 同意；disagree 不同意",
  message: () => ({ message: "意见应为 agree（同意）或 disagree（不同意）", override: true })
})
export type OpinionVerdict = typeof OpinionVerdict.Type

export const OPINION_VERDICT_NAMES: Record<OpinionVerdict, string> = { agree: "同意", disagree: "不同意" }

/** One opinion row of 附件1: the level it belongs to, the verdict and its text, who recorded it and when. */
export const Opinion = Schema.Struct({
  level: FilingLevel,
  verdict: OpinionVerdict,
  text: Schema.String.annotations({ message: () => "意见内容应为文本" }).pipe(
    Schema.maxLength(2000, { message: () => "意见内容不能超过2000个字符" })
  ),
  actor: FilingActor,
  date: LocalDate
})
export type Opinion = typeof Opinion.Type

/** Another province's department that co-signs the competition documents (共同会签); `signed` once it has. */
export const CoSignature = Schema.Struct({
  province: RegionCodeSchema,
  signed: Schema.optional(Schema.Struct({ actor: FilingActor, date: LocalDate }))
})
export type CoSignature = typeof CoSignature.Type

/** The fields of 附件1 职业技能竞赛跨区域办赛备案表. */
export const FilingForm = Schema.Struct({
  /** 主办单位 */
  host: Text("主办单位"),
  /** 竞赛名称 */
  competitionName: Text("竞赛名称"),
  /** 申报类型, e.g. 市级一类赛 */
  declarationType: Text("申报类型"),
  /** 赛项设置 */
  events: Schema.Array(Schema.String),
  /** 涉及参赛地区 */
  regions: Schema.Array(Schema.Struct({ code: RegionCodeSchema, name: Schema.String }))
})
export type FilingForm = typeof FilingForm.Type

export const FilingStatus = Schema.Literal(
  "in_review",
  "awaiting_co_signature",
  "completed",
  "refused"
).annotations({
  identifier: "FilingStatus",
  description: "in_review 逐级审核中；awaiting_co_signature 待会签；completed 备案完成；refused 不予备案"
})
export type FilingStatus = typeof FilingStatus.Type

export const Filing = Schema.Struct({
  id: Id("备案编号"),
  competitionId: Id("竞赛编号"),
  /** The competition's first day when the filing was submitted: a filing must be made, and completed, before it. */
  competitionStartsOn: LocalDate,
  /** Bumped by every step; the repository refuses a stale update. */
  revision: Schema.Int.pipe(Schema.nonNegative()),
  form: FilingForm,
  competitionClass: CompetitionClass,
  /** The host's region: the district, city and province bureaus of this region give the opinions. */
  hostRegionCode: RegionCodeSchema,
  /** The out-of-region share and the requirement it gives alone. */
  share: Schema.Struct({ total: Schema.Number, outOfRegion: Schema.Number }),
  shareRequirement: Requirement,
  route: Route,
  /** The filing the notice requires (share and route together): what incentives are measured against. */
  required: FiledWith,
  /** The level the opinions go up to; above `required` only for a 省级 competition (filed with the province). */
  filedWith: FiledWith,
  /** The opinions needed, in order. */
  levels: Schema.Array(FilingLevel),
  opinions: Schema.Array(Opinion),
  coSignatures: Schema.Array(CoSignature),
  status: FilingStatus,
  submittedOn: LocalDate,
  closedOn: Schema.optional(LocalDate),
  provisional: Schema.Array(ProvisionalNote)
})
export type Filing = typeof Filing.Type

// The literal schemas above describe the same values as the plain types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameShape: [
  Same<typeof Requirement.Type, FilingRequirement>,
  Same<typeof Route.Type, CrossRegionRoute>,
  Same<typeof FilingLevel.Type, Level>
] = [true, true, true]
void sameShape

const RANK: Record<Level, number> = { district: 0, city: 1, province: 2 }

const occupationLabel = (o: EventOccupation): string =>
  o.workType === undefined ? `${o.name}（${o.code}）` : `${o.name}·${o.workType}（${o.code}）`

const eventLabel = (e: CompetitionEvent): string =>
  `${e.name}：${e.occupations.map(occupationLabel).join("、")}`

/** 涉及参赛地区: the competition's region, the declared participating regions, then the contestants' regions. */
const regionsOf = (c: Competition): ReadonlyArray<{ code: RegionCode; name: string }> => {
  const codes = new Set<RegionCode>([c.regionCode, ...(c.participatingRegions ?? [])])
  for (const p of c.contestants) codes.add(p.regionCode)
  return [...codes].map((code) => ({ code, name: fullNameOf(code) }))
}

const SHARE_ONLY: Note = {
  rule: "competition.filing",
  reason:
    "异地选手占比备案未规定表式与流程，沿用附件1《职业技能竞赛跨区域办赛备案表》并自主办单位所在层级逐级出具意见（待业务主管部门确认）",
  citation: Cite.domainDecisions
}

const PROVINCIAL_COMPETITION: Note = {
  rule: "competition.filing",
  reason:
    "省级竞赛无设区市层级可报，按“报设区市备案”的要求改由省人力资源社会保障厅备案（待业务主管部门确认）",
  citation: Cite.domainDecisions
}

export interface OpenFilingInput {
  readonly id: string
  readonly competition: Competition
  readonly submittedOn: string
}

/**
 * Opens a filing for a competition that passes review and needs one. The opinions needed run from the host's
 * level (区(县)级 → district, 市级 → city, 省级 → province) up to the level filed with.
 */
export const openFiling = (
  input: OpenFilingInput
): Either.Either<Filing, CompetitionRefused | FilingNotRequired | CrossRegionFilingLate> => {
  const { competition } = input
  const review = reviewCompetition(competition)
  if (review.outcome === "refused" || review.outcome === "not_in_force")
    return Either.left(
      new CompetitionRefused({
        field: "competition",
        competitionId: competition.id,
        failures: review.outcome === "not_in_force" ? review.failures : review.compliance.failures
      })
    )
  const required = review.requiredFiling.outcome
  if (required === "none")
    return Either.left(new FilingNotRequired({ field: "competition", competitionId: competition.id }))
  if (review.route.outcome !== "none" && input.submittedOn >= competition.startsOn)
    return Either.left(
      new CrossRegionFilingLate({
        field: "submittedOn",
        competitionId: competition.id,
        startsOn: competition.startsOn,
        submittedOn: input.submittedOn
      })
    )
  const start = filingLevelOfRegion(regionLevelOf(competition.class))
  const filedWith = RANK[start] > RANK[required] ? "province" : required
  const notes: Array<Note> = [
    ...review.share.provisional,
    ...review.route.provisional,
    ...review.requiredFiling.provisional
  ]
  if (review.route.outcome === "none") notes.push(SHARE_ONLY)
  if (filedWith !== required) notes.push(PROVINCIAL_COMPETITION)
  return Either.right({
    id: input.id,
    competitionId: competition.id,
    competitionStartsOn: competition.startsOn,
    revision: 0,
    form: {
      host: competition.host.name,
      competitionName: competition.name,
      declarationType: declarationTypeOf(competition.class),
      events: competition.events.map(eventLabel),
      regions: regionsOf(competition)
    },
    competitionClass: competition.class,
    hostRegionCode: competition.host.regionCode,
    share: { total: review.share.seen.total, outOfRegion: review.share.seen.outOfRegion },
    shareRequirement: review.share.outcome,
    route: review.route.outcome,
    required,
    filedWith,
    levels: filingLevelsBetween(start, filedWith),
    opinions: [],
    coSignatures: review.route.coSigners.map((province) => ({ province })),
    status: "in_review",
    submittedOn: input.submittedOn,
    provisional: notes
  })
}

/** The level whose opinion is due, if any. */
export const nextLevel = (filing: Filing): Level | undefined =>
  filing.status === "in_review" ? filing.levels[filing.opinions.length] : undefined

/** The region of the bureau that gives the opinion of `level`: the host's county, city or the province. */
export const regionForLevel = (filing: Filing, level: Level): RegionCode =>
  ancestorAt(filing.hostRegionCode, regionLevelOfFiling(level))

/** The date of the latest act on the filing; a new act may not be earlier. */
export const latestDate = (filing: Filing): string => {
  let latest = filing.submittedOn
  for (const o of filing.opinions) if (o.date > latest) latest = o.date
  for (const c of filing.coSignatures)
    if (c.signed !== undefined && c.signed.date > latest) latest = c.signed.date
  return latest
}

const allSigned = (coSignatures: ReadonlyArray<CoSignature>): boolean =>
  coSignatures.every((c) => c.signed !== undefined)

const closedCheck = (filing: Filing): FilingClosed | undefined =>
  filing.status === "completed" || filing.status === "refused"
    ? new FilingClosed({ field: "filing", filingId: filing.id, status: filing.status })
    : undefined

export type RecordOpinionError =
  | FilingClosed
  | OpinionLevelNotRequired
  | OpinionActorWrongLevel
  | OpinionActorWrongRegion
  | OpinionAlreadyRecorded
  | OpinionOutOfOrder
  | FilingDateBeforePrevious

/** Records one opinion row of 附件1. */
export const recordOpinion = (
  filing: Filing,
  opinion: Opinion
): Either.Either<Filing, RecordOpinionError> => {
  const closed = closedCheck(filing)
  if (closed !== undefined) return Either.left(closed)
  const { level, actor } = opinion
  if (!filing.levels.includes(level))
    return Either.left(
      new OpinionLevelNotRequired({ field: "level", filingId: filing.id, level, required: filing.levels })
    )
  if (actor.level !== level)
    return Either.left(new OpinionActorWrongLevel({ field: "actor.level", level, actorLevel: actor.level }))
  const region = regionForLevel(filing, level)
  if (actor.regionCode !== region)
    return Either.left(
      new OpinionActorWrongRegion({
        field: "actor.regionCode",
        level,
        actorRegion: actor.regionCode,
        requiredRegion: region
      })
    )
  const expected = nextLevel(filing)
  if (expected === undefined || RANK[level] < RANK[expected])
    return Either.left(new OpinionAlreadyRecorded({ field: "level", filingId: filing.id, level }))
  if (level !== expected)
    return Either.left(new OpinionOutOfOrder({ field: "level", filingId: filing.id, level, expected }))
  const earliest = latestDate(filing)
  if (opinion.date < earliest)
    return Either.left(new FilingDateBeforePrevious({ field: "date", date: opinion.date, earliest }))

  const opinions = [...filing.opinions, opinion]
  const base = { ...filing, revision: filing.revision + 1, opinions }
  if (opinion.verdict === "disagree")
    return Either.right({ ...base, status: "refused", closedOn: opinion.date })
  if (opinions.length < filing.levels.length) return Either.right(base)
  return Either.right(
    allSigned(filing.coSignatures)
      ? { ...base, status: "completed", closedOn: opinion.date }
      : { ...base, status: "awaiting_co_signature" }
  )
}

export interface CoSignInput {
  /** The co-signing province, e.g. 330000. */
  readonly province: RegionCode
  readonly actor: FilingActor
  readonly date: string
}

export type CoSignError =
  | FilingClosed
  | CoSignatureNotRequired
  | CoSignatureActorNotPermitted
  | CoSignatureAlreadyRecorded
  | FilingDateBeforePrevious

/**
 * Records another province's co-signature (共同会签), by that province's department or by the Jiangsu province
 * on its behalf (on receipt of the co-signed documents). Co-signatures may arrive at any time while the filing
 * is open.
 */
export const coSign = (filing: Filing, input: CoSignInput): Either.Either<Filing, CoSignError> => {
  const closed = closedCheck(filing)
  if (closed !== undefined) return Either.left(closed)
  const { province, actor } = input
  const index = filing.coSignatures.findIndex((c) => c.province === province)
  const entry = filing.coSignatures[index]
  if (entry === undefined)
    return Either.left(new CoSignatureNotRequired({ field: "province", filingId: filing.id, province }))
  if (actor.level !== "province" || (actor.regionCode !== province && actor.regionCode !== JIANGSU))
    return Either.left(
      new CoSignatureActorNotPermitted({
        field: "actor",
        province,
        actorLevel: actor.level,
        actorRegion: actor.regionCode
      })
    )
  if (entry.signed !== undefined)
    return Either.left(new CoSignatureAlreadyRecorded({ field: "province", filingId: filing.id, province }))
  const earliest = latestDate(filing)
  if (input.date < earliest)
    return Either.left(new FilingDateBeforePrevious({ field: "date", date: input.date, earliest }))

  const coSignatures = filing.coSignatures.map((c, i) =>
    i === index ? { province, signed: { actor, date: input.date } } : c
  )
  const base = { ...filing, revision: filing.revision + 1, coSignatures }
  return Either.right(
    filing.status === "awaiting_co_signature" && allSigned(coSignatures)
      ? { ...base, status: "completed", closedOn: input.date }
      : base
  )
}

/** true when the filing was completed (备案完成) before the competition's first day. */
export const completedBeforeStart = (filing: Filing): boolean =>
  filing.status === "completed" &&
  filing.closedOn !== undefined &&
  filing.closedOn < filing.competitionStartsOn

/** The level with which the filing was completed (备案完成) before the competition started, if it was. */
export const completedFiling = (filing: Filing): CompletedFiling =>
  completedBeforeStart(filing) ? filing.filedWith : undefined

/**
 * Whether the competition keeps its support and incentive policies, given this filing (54号·二): only a filing
 * completed before the competition's first day counts; one completed later loses them (FilingCompletedLate).
 */
export const filingIncentives = (filing: Filing): Decision<IncentiveOutcome> =>
  filing.status === "completed" && filing.closedOn !== undefined && !completedBeforeStart(filing)
    ? filingCompletedLate(filing.required, filing.closedOn, filing.competitionStartsOn)
    : incentives(filing.required, completedFiling(filing))
