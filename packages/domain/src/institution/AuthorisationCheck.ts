/**
 * Is an evaluation covered by the institution's authorisations (54号·五: 地域范围、有效期限、认定等级 published per
 * institution)? One authorisation must cover the occupation (工种), level, region and date together; when none
 * does, the failures are those of the authorisation that came closest, one per dimension.
 */
import type { RegionCode } from "../codes/Region.js"
import { fullNameOf, isWithinRegion } from "../codes/Region.js"
import type { SkillLevel } from "../codes/SkillLevel.js"
import { levelName } from "../codes/SkillLevel.js"
import { Cite } from "../rule/Citation.js"
import type { Failure, VerdictDecision } from "../rule/Decision.js"
import { verdict } from "../rule/Decision.js"
import { isInForce, notInForce } from "../time/InForce.js"
import type { LocalDate } from "../time/LocalDate.js"
import type { Authorisation } from "./Authorisation.js"

export const AUTHORISATION_RULE = "institution.authorisation"

export interface AuthorisationQuery {
  readonly occupationCode: string
  readonly workType?: string | undefined
  readonly level: SkillLevel
  readonly date: LocalDate
  /** Where the evaluation takes place; when absent the region is not checked. */
  readonly region?: RegionCode | undefined
}

const CITATIONS = [Cite.quality]

const failure = (
  code: string,
  field: string,
  message: string,
  seen: Failure["seen"],
  required: Failure["required"]
): Failure => ({ code, rule: AUTHORISATION_RULE, field, message, seen, required, citation: Cite.quality })

const coversOccupation = (a: Authorisation, code: string, workType: string | undefined): boolean => {
  for (const o of a.occupations) {
    if (o.code === code && (o.workType === undefined || o.workType === workType)) return true
  }
  return false
}

const occupationLabel = (code: string, workType: string | undefined): string =>
  workType === undefined ? code : `${code}/${workType}`

/** The failed dimensions of one authorisation for the query (empty when it covers the query). */
export const authorisationFailures = (a: Authorisation, q: AuthorisationQuery): ReadonlyArray<Failure> => {
  const failures: Array<Failure> = []
  if (q.date < a.validFrom) {
    failures.push(
      failure(
        "AuthorisationNotYetValid",
        "date",
        `授权 ${a.id} 自 ${a.validFrom} 起有效，${q.date} 尚未生效`,
        q.date,
        `${a.validFrom} 至 ${a.validUntil}`
      )
    )
  } else if (q.date > a.validUntil) {
    failures.push(
      failure(
        "AuthorisationExpired",
        "date",
        `授权 ${a.id} 有效期至 ${a.validUntil}（含当日），${q.date} 已超出有效期限`,
        q.date,
        `${a.validFrom} 至 ${a.validUntil}`
      )
    )
  }
  if (q.region !== undefined && !isWithinRegion(q.region, a.region)) {
    failures.push(
      failure(
        "OutsideAuthorisedRegion",
        "region",
        `评价地 ${fullNameOf(q.region)}（${q.region}）不在授权 ${a.id} 的地域范围 ${fullNameOf(a.region)}（${a.region}）内`,
        q.region,
        a.region
      )
    )
  }
  if (!coversOccupation(a, q.occupationCode, q.workType)) {
    failures.push(
      failure(
        "OccupationNotAuthorised",
        q.workType === undefined ? "occupationCode" : "workType",
        `授权 ${a.id} 的评价职业（工种）不含 ${occupationLabel(q.occupationCode, q.workType)}`,
        occupationLabel(q.occupationCode, q.workType),
        a.occupations.map((o) => occupationLabel(o.code, o.workType))
      )
    )
  }
  if (!a.levels.includes(q.level)) {
    failures.push(
      failure(
        "LevelNotAuthorised",
        "level",
        `授权 ${a.id} 的认定等级为 ${a.levels.map(levelName).join("、")}，不含 ${levelName(q.level)}`,
        q.level,
        [...a.levels]
      )
    )
  }
  return failures
}

export const checkAuthorisation = (
  authorisations: ReadonlyArray<Authorisation>,
  q: AuthorisationQuery
): VerdictDecision => {
  if (!isInForce(q.date)) return notInForce(AUTHORISATION_RULE, q.date)
  if (authorisations.length === 0) {
    return verdict(AUTHORISATION_RULE, CITATIONS, [
      failure(
        "NoAuthorisation",
        "authorisations",
        "该机构未载明评价授权（评价职业、认定等级、地域范围、有效期限），不得开展职业技能等级认定",
        null,
        "授权覆盖该职业（工种）、等级、地域与日期"
      )
    ])
  }
  let closest: ReadonlyArray<Failure> | undefined
  for (const a of authorisations) {
    const failures = authorisationFailures(a, q)
    if (failures.length === 0) return verdict(AUTHORISATION_RULE, CITATIONS, failures)
    if (closest === undefined || failures.length < closest.length) closest = failures
  }
  return verdict(AUTHORISATION_RULE, CITATIONS, closest ?? [])
}
