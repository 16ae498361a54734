/**
 * May this organisation perform this action on this target (domain.md §4; 54号·五 属地管理)? First the role
 * (Permissions.ts), then the scope: the province everywhere; a department or centre only on targets within its
 * region (a city in its city, a district in its county); institutions, employers and hosts only on their own
 * records. Without a target only the role is checked — a route acting on a record must pass the record's region
 * and owner.
 */
import { Either } from "effect"
import { fullNameOf, isWithinRegion, type RegionCode } from "../codes/Region.js"
import { type Citation, Cite } from "../rule/Citation.js"
import type { Failure, VerdictDecision } from "../rule/Decision.js"
import { verdict } from "../rule/Decision.js"
import { ActionRefused } from "./AccessErrors.js"
import type { Organisation } from "./Organisation.js"
import { organisationRoleName, roleScope } from "./OrganisationRole.js"
import { ACTORS_TABLE, type Action, PERMISSIONS } from "./Permissions.js"

export const AUTHORISE_RULE = "access.authorise"

/** What an action acts on. */
export interface ActionTarget {
  /** Where the record lies (an institution's, batch's or competition's region; a filing's level region). */
  readonly regionCode?: RegionCode
  /** Who owns the record: an institution id (batches, certificates) or an organisation id (a host's competitions). */
  readonly ownerId?: string
}

const failure = (
  code: string,
  field: string,
  message: string,
  seen: Failure["seen"],
  required: Failure["required"],
  citation: Citation
): Failure => ({ code, rule: AUTHORISE_RULE, field, message, seen, required, citation })

const citationsOf = (action: Action): ReadonlyArray<Citation> => [
  ...new Set([PERMISSIONS[action].citation, Cite.quality, ACTORS_TABLE])
]

/** The ids an own-records organisation owns records under: its own and its institution's. */
const ownIds = (org: Organisation): ReadonlyArray<string> =>
  org.institutionId === undefined ? [org.id] : [org.id, org.institutionId]

const scopeFailures = (org: Organisation, action: Action, target: ActionTarget): ReadonlyArray<Failure> => {
  const { name } = PERMISSIONS[action]
  switch (roleScope(org.role)) {
    case "everywhere":
      return []
    case "own_region":
      if (target.regionCode === undefined)
        return [
          failure(
            "TargetRegionRequired",
            "target.regionCode",
            `“${name}”须指明对象所在行政区划，才能核对${org.name}的管辖范围`,
            null,
            org.regionCode,
            ACTORS_TABLE
          )
        ]
      return isWithinRegion(target.regionCode, org.regionCode)
        ? []
        : [
            failure(
              "OutsideActorRegion",
              "target.regionCode",
              `${fullNameOf(target.regionCode)}（${target.regionCode}）不在${org.name}的管辖范围${fullNameOf(org.regionCode)}（${org.regionCode}）内，不得${name}（属地管理）`,
              target.regionCode,
              org.regionCode,
              Cite.quality
            )
          ]
    case "own_records": {
      const own = ownIds(org)
      if (target.ownerId === undefined)
        return [
          failure(
            "TargetOwnerRequired",
            "target.ownerId",
            `“${name}”须指明对象所属单位，才能核对是否为${org.name}本单位的记录`,
            null,
            [...own],
            ACTORS_TABLE
          )
        ]
      return own.includes(target.ownerId)
        ? []
        : [
            failure(
              "NotOwnRecord",
              "target.ownerId",
              `该记录属于 ${target.ownerId}，${org.name}只能对本单位的记录${name}`,
              target.ownerId,
              [...own],
              ACTORS_TABLE
            )
          ]
    }
  }
}

export const authorise = (
  org: Organisation,
  action: Action,
  target?: RegionCode | ActionTarget
): VerdictDecision => {
  const permission = PERMISSIONS[action]
  const citations = citationsOf(action)
  if (!permission.roles.includes(org.role)) {
    return verdict(AUTHORISE_RULE, citations, [
      failure(
        "ActionNotPermitted",
        "role",
        `${organisationRoleName(org.role)}无权${permission.name}：该操作仅限${permission.roles.map(organisationRoleName).join("、")}`,
        org.role,
        [...permission.roles],
        permission.citation
      )
    ])
  }
  if (target === undefined) return verdict(AUTHORISE_RULE, citations, [])
  return verdict(
    AUTHORISE_RULE,
    citations,
    scopeFailures(org, action, typeof target === "string" ? { regionCode: target } : target)
  )
}

/** `authorise` as a typed failure for use cases: nothing when allowed, ActionRefused with the reasons otherwise. */
export const requireAuthorised = (
  org: Organisation,
  action: Action,
  target?: RegionCode | ActionTarget
): Either.Either<void, ActionRefused> => {
  const decision = authorise(org, action, target)
  return decision.outcome === "allowed"
    ? Either.void
    : Either.left(
        new ActionRefused({
          field: "action",
          action,
          organisationId: org.id,
          codes: decision.failures.map((f) => f.code),
          reasons: decision.failures.map((f) => f.message)
        })
      )
}
