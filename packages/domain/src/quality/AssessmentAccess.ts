/**
 * Who an assessing organisation is on the record, and who may read an institution's assessments (domain.md §4;
 * 54号·五 "属地管理"): the assessor is the acting organisation itself — a 人力资源社会保障 bureau or the provincial
 * appraisal centre. Reading follows the roles' scope: the province everywhere; a department or centre for the
 * institutions within its region; an institution or employer only its own record. Hosts read none.
 */
import { Either } from "effect"
import { ActionRefused } from "../access/AccessErrors.js"
import type { Organisation } from "../access/Organisation.js"
import { organisationRoleName, roleScope } from "../access/OrganisationRole.js"
import { fullNameOf, isWithinRegion, type RegionCode } from "../codes/Region.js"
import type { Assessor } from "./QualityAssessment.js"

/** The name of reading assessments in refusals (no permission row: every role may read within its scope). */
export const ASSESSMENT_READ = "assessment.read"

/** The organisation as the assessor of a record, or undefined when its role does not assess. */
export const assessorOf = (org: Organisation): Assessor | undefined => {
  switch (org.role) {
    case "provincial_appraisal_centre":
      return { _tag: "provincial_appraisal_centre", name: org.name }
    case "province":
    case "city":
    case "district":
      return { _tag: "bureau", level: org.role, regionCode: org.regionCode, name: org.name }
    default:
      return undefined
  }
}

const refused = (org: Organisation, code: string, reason: string) =>
  Either.left(
    new ActionRefused({
      field: "institutionId",
      action: ASSESSMENT_READ,
      organisationId: org.id,
      codes: [code],
      reasons: [reason]
    })
  )

/** Nothing when `org` may read the assessments of `institution`, ActionRefused otherwise. */
export const requireMayReadAssessments = (
  org: Organisation,
  institution: { readonly id: string; readonly region: RegionCode }
): Either.Either<void, ActionRefused> => {
  switch (roleScope(org.role)) {
    case "everywhere":
      return Either.void
    case "own_region":
      return isWithinRegion(institution.region, org.regionCode)
        ? Either.void
        : refused(
            org,
            "OutsideActorRegion",
            `评价机构 ${institution.id} 位于${fullNameOf(institution.region)}（${institution.region}），不在${org.name}的管辖范围${fullNameOf(org.regionCode)}（${org.regionCode}）内，不得查阅其专项评估记录（属地管理）`
          )
    case "own_records":
      return org.institutionId === institution.id
        ? Either.void
        : refused(
            org,
            "NotOwnRecord",
            `${organisationRoleName(org.role)}只能查阅本单位的专项评估记录，评价机构 ${institution.id} 不是${org.name}`
          )
  }
}
