/**
 * The roles of the organisations that act through the API (domain.md §4 "Actors and what each may do"; 54号·二、
 * 三、四、五): the three levels of 人力资源社会保障 departments, the two appraisal centres, and the evaluating or
 * hosting bodies. The literals are those of revocation/RevocationAuthority's actor levels, so a role is an actor.
 */
import { JIANGSU, type RegionCode, regionOf } from "../codes/Region.js"
import type { InstitutionKind } from "../institution/InstitutionKind.js"

export type OrganisationRole =
  | "province"
  | "city"
  | "district"
  | "provincial_appraisal_centre"
  | "city_appraisal_centre"
  | "institution"
  | "employer"
  | "host"

export const ORGANISATION_ROLES: ReadonlyArray<OrganisationRole> = [
  "province",
  "city",
  "district",
  "provincial_appraisal_centre",
  "city_appraisal_centre",
  "institution",
  "employer",
  "host"
]

const NAMES: Record<OrganisationRole, string> = {
  province: "省人力资源社会保障厅",
  city: "设区市人力资源社会保障局",
  district: "区（县）人力资源社会保障局",
  provincial_appraisal_centre: "省职业技能鉴定中心",
  city_appraisal_centre: "市职业技能鉴定机构",
  institution: "第三方评价机构",
  employer: "用人单位",
  host: "竞赛主办单位"
}

export const organisationRoleName = (role: OrganisationRole): string => NAMES[role]

/**
 * Where a role acts: `everywhere` (the province, including cross-province co-signature); `own_region` (within
 * the organisation's region: a city bureau or centre in its city, a district bureau in its county, the provincial
 * centre in Jiangsu); `own_records` (institutions, employers and hosts act on their own records only).
 */
export type RoleScope = "everywhere" | "own_region" | "own_records"

const SCOPES: Record<OrganisationRole, RoleScope> = {
  province: "everywhere",
  city: "own_region",
  district: "own_region",
  provincial_appraisal_centre: "own_region",
  city_appraisal_centre: "own_region",
  institution: "own_records",
  employer: "own_records",
  host: "own_records"
}

export const roleScope = (role: OrganisationRole): RoleScope => SCOPES[role]

/** Roles whose organisation is an institution of the catalogue and must name it. */
export const rolesWithInstitution: ReadonlyArray<OrganisationRole> = ["institution", "employer"]

const KINDS: Record<OrganisationRole, ReadonlyArray<InstitutionKind>> = {
  province: [],
  city: [],
  district: [],
  provincial_appraisal_centre: ["provincial_appraisal_centre"],
  city_appraisal_centre: ["city_appraisal_centre"],
  institution: ["third_party"],
  employer: ["employer"],
  // A host that issues 市级二类 certificates holds 认定 authority as an employer or third party (54号·四).
  host: ["employer", "third_party"]
}

/** The kinds of catalogue institution an organisation of this role may be; none for the departments. */
export const kindsForRole = (role: OrganisationRole): ReadonlyArray<InstitutionKind> => KINDS[role]

/** Why a region does not suit a role (zh-CN), or undefined: departments and centres sit at their level in Jiangsu. */
export const roleRegionProblem = (role: OrganisationRole, regionCode: RegionCode): string | undefined => {
  switch (role) {
    case "province":
    case "provincial_appraisal_centre":
      return regionCode === JIANGSU ? undefined : `${NAMES[role]}的行政区划代码应为 ${JIANGSU}（江苏省）`
    case "city":
    case "city_appraisal_centre":
      return regionOf(regionCode)?.level === "city"
        ? undefined
        : `${NAMES[role]}的行政区划代码应为江苏省设区市代码（如 320100 南京市）`
    case "district":
      return regionOf(regionCode)?.level === "county"
        ? undefined
        : `${NAMES[role]}的行政区划代码应为江苏省县级行政区代码（如 320102 玄武区）`
    default:
      return undefined
  }
}
